import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, toGlobalId } from '../../core/relay/global-id';
import type { ConnectionData, Page } from '../../core/relay/connection';
import { keysetPage } from '../../core/relay/keyset-page';
import type { ProductCategory, PurchaseChannel, PurchaseStatus } from './consumption.enums';
import { PurchaseNode, type PurchaseLineType } from './consumption.types';

/**
 * Named queries of the purchase ledger. Purchases are written in SQL, not through entities:
 * recording is one `INSERT … ON CONFLICT (buyer_id, client_reference) DO NOTHING`, so racing
 * retries are resolved by the unique index, and the bulk import inserts whole batches through
 * `unnest` (see `product.entity.ts` for the catalogue, which is written through MikroORM).
 */

const PURCHASE_COLUMNS = `p.id, p.buyer_id, p.client_reference, p.origin_village_code, p.county_code, p.channel,
  p.purchased_on::text AS purchased_on, p.pairing_id, p.status, p.total_amount, p.line_count, p.void_reason,
  p.voided_at, p.verified_at, p.created_at, p.source`;

interface PurchaseRow {
  id: string;
  buyer_id: string;
  client_reference: string;
  origin_village_code: string;
  county_code: string;
  channel: PurchaseChannel;
  purchased_on: string;
  pairing_id: string | null;
  status: PurchaseStatus;
  total_amount: string;
  line_count: number;
  void_reason: string | null;
  voided_at: Date | null;
  verified_at: Date | null;
  created_at: Date;
  source: string | null;
}

function toPurchase(row: PurchaseRow): PurchaseNode {
  return Object.assign(new PurchaseNode(), {
    id: toGlobalId('Purchase', row.id),
    key: row.id,
    clientReference: row.client_reference,
    status: row.status,
    channel: row.channel,
    purchasedOn: row.purchased_on,
    totalAmount: row.total_amount,
    lineCount: row.line_count,
    voidReason: row.void_reason,
    voidedAt: row.voided_at,
    verifiedAt: row.verified_at,
    recordedAt: row.created_at,
    source: row.source,
    buyerId: row.buyer_id,
    originVillageCode: row.origin_village_code,
    countyCode: row.county_code,
    pairingId: row.pairing_id,
  });
}

/** Purchases by key among those `readable` admits, in the order asked; null where absent, hidden or malformed. */
export async function purchasesByKeys(
  em: EntityManager,
  keys: readonly string[],
  readable: SqlFragment,
): Promise<(PurchaseNode | null)[]> {
  const rows = await query<PurchaseRow>(
    em,
    withWhere(`SELECT ${PURCHASE_COLUMNS} FROM purchase p`, and(inList('p.id', keys.filter(isUuid)), readable)),
  );
  const byKey = new Map(rows.map((row) => [row.id, toPurchase(row)]));
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A page of purchases (`where` over `purchase p`), latest purchase date first. */
export function purchasePage(ctx: Context, where: SqlFragment, page: Page): Promise<ConnectionData<PurchaseNode>> {
  return keysetPage<PurchaseRow, PurchaseNode>(ctx, {
    columns: PURCHASE_COLUMNS,
    from: 'purchase p',
    where,
    sort: [
      { expr: 'p.purchased_on', direction: 'desc' },
      { expr: 'p.id', direction: 'desc' },
    ],
    page,
    cursorOf: (row) => [row.purchased_on, row.id],
    toNode: toPurchase,
  });
}

interface LineRow {
  purchase_id: string;
  line_no: number;
  product_id: string;
  category: ProductCategory;
  quantity: string;
  unit: string;
  amount: string;
}

/** The lines of each purchase, by line number. */
export async function linesOfPurchases(em: EntityManager, keys: readonly string[]): Promise<PurchaseLineType[][]> {
  const rows = await query<LineRow>(
    em,
    withWhere(
      'SELECT purchase_id, line_no, product_id, category, quantity, unit, amount FROM purchase_line',
      inList('purchase_id', keys.filter(isUuid)),
      'ORDER BY purchase_id, line_no',
    ),
  );
  return keys.map((key) =>
    rows
      .filter((row) => row.purchase_id === key)
      .map((row) => ({
        lineNo: row.line_no,
        productKey: row.product_id,
        category: row.category,
        quantity: row.quantity,
        unit: row.unit,
        amount: row.amount,
      })),
  );
}

/** Whether a buyer exists, and whether it meets `recordable` (the policy's condition over `pr.id`), in one statement. */
export async function buyerForRecording(
  em: EntityManager,
  buyerKey: string,
  recordable: SqlFragment,
): Promise<{ exists: boolean; recordable: boolean }> {
  const [row] = await query<{ exists: boolean; recordable: boolean }>(em, {
    sql: `SELECT EXISTS (SELECT 1 FROM provider pr WHERE pr.id = ?) AS exists,
      EXISTS (SELECT 1 FROM provider pr WHERE pr.id = ? AND (${recordable.sql})) AS recordable`,
    bindings: [buyerKey, buyerKey, ...recordable.bindings],
  });
  return row;
}

/**
 * The pairing a purchase counts toward, as SQL over its buyer and origin village: an active
 * pairing of the buyer with the village, or else with the village's county; the earliest-started
 * when several qualify. The one definition used by live recording, bulk import and demo data.
 */
export const PAIRING_OF_PURCHASE_SQL = (buyer: string, village: string) => `(
  SELECT pa.id FROM pairing pa
  WHERE pa.provider_id = ${buyer} AND pa.status = 'ACTIVE' AND pa.target_code IN (${village}, substr(${village}, 1, 6) || '000000')
  ORDER BY pa.target_level = 'VILLAGE' DESC, pa.start_date, pa.id LIMIT 1)`;

export interface NewPurchase {
  buyerKey: string;
  clientReference: string;
  originVillageCode: string;
  channel: string;
  purchasedOn: string;
  totalAmount: string;
  recordedBy: string;
  lines: { productKey: string; category: string; quantity: string; unit: string; amount: string }[];
}

/**
 * Inserts a purchase with its lines unless the buyer already used the reference: the new id,
 * or null when (buyer, clientReference) exists (then nothing is written). Of racing inserts one
 * wins; the others wait for its commit and find the row.
 */
export async function insertPurchase(em: EntityManager, purchase: NewPurchase): Promise<string | null> {
  const inserted = await query<{ id: string }>(
    em,
    `INSERT INTO purchase (buyer_id, client_reference, origin_village_code, county_code, channel, purchased_on, pairing_id, total_amount, line_count, recorded_by)
     SELECT ?::uuid, ?, ?::varchar, substr(?::varchar, 1, 6) || '000000', ?, ?::date, ${PAIRING_OF_PURCHASE_SQL('?::uuid', '?::varchar')}, ?, ?, ?
     ON CONFLICT (buyer_id, client_reference) DO NOTHING RETURNING id`,
    [
      purchase.buyerKey,
      purchase.clientReference,
      purchase.originVillageCode,
      purchase.originVillageCode,
      purchase.channel,
      purchase.purchasedOn,
      purchase.buyerKey,
      purchase.originVillageCode,
      purchase.originVillageCode,
      purchase.totalAmount,
      purchase.lines.length,
      purchase.recordedBy,
    ],
  );
  if (!inserted.length) return null;
  const id = inserted[0].id;
  await query(
    em,
    `INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount) VALUES ${purchase.lines
      .map(() => '(?, ?, ?, ?, ?, ?, ?)')
      .join(', ')}`,
    purchase.lines.flatMap((line, i) => [
      id,
      i + 1,
      line.productKey,
      line.category,
      line.quantity,
      line.unit,
      line.amount,
    ]),
  );
  return id;
}

/** The purchase a buyer recorded under a reference, whoever recorded it. */
export async function purchaseKeyByReference(
  em: EntityManager,
  buyerKey: string,
  clientReference: string,
): Promise<string | null> {
  const [row] = await query<{ id: string }>(em, 'SELECT id FROM purchase WHERE buyer_id = ? AND client_reference = ?', [
    buyerKey,
    clientReference,
  ]);
  return row?.id ?? null;
}

/**
 * Moves a purchase to `to` if it is in one of `from`; false when it was not (the status
 * condition in the UPDATE makes concurrent changes safe: only one wins).
 */
export async function changePurchaseStatus(
  em: EntityManager,
  key: string,
  to: PurchaseStatus,
  from: PurchaseStatus[],
  reason: string | null,
): Promise<boolean> {
  const rows = await query<{ id: string }>(
    em,
    `UPDATE purchase SET status = ?, void_reason = coalesce(?, void_reason),
       voided_at = CASE WHEN ? = 'VOIDED' THEN now() ELSE voided_at END,
       verified_at = CASE WHEN ? = 'VERIFIED' THEN now() ELSE verified_at END
     WHERE id = ? AND status IN (${from.map(() => '?').join(', ')}) RETURNING id`,
    [to, reason, to, to, key, ...from],
  );
  return rows.length > 0;
}

/** A batch of the bulk import, already validated. */
export interface ImportedPurchase {
  buyerKey: string;
  clientReference: string;
  channel: string;
  purchasedOn: string;
  originVillageCode: string;
  totalAmount: string;
  lines: { productKey: string; category: string; quantity: string; unit: string; amount: string }[];
}

/**
 * One import batch: purchases (skipping references already present) with their pairing, then
 * their lines. Each table takes one INSERT … SELECT FROM unnest(column arrays): one bound
 * parameter per column instead of one per value, which keeps big batches cheap to send and to
 * plan. Returns the purchases inserted.
 */
export async function insertPurchaseBatch(
  em: EntityManager,
  batch: ImportedPurchase[],
  recordedBy: string,
): Promise<{ id: string; purchase: ImportedPurchase }[]> {
  const inserted = await query<{ id: string; buyer_id: string; client_reference: string }>(
    em,
    `WITH input AS (
       SELECT * FROM unnest(?::uuid[], ?::text[], ?::varchar[], ?::text[], ?::date[], ?::numeric[], ?::int[])
         AS t(buyer_id, client_reference, origin_village_code, channel, purchased_on, total_amount, line_count))
     INSERT INTO purchase (buyer_id, client_reference, origin_village_code, county_code, channel, purchased_on, pairing_id, total_amount, line_count, recorded_by)
     SELECT i.buyer_id, i.client_reference, i.origin_village_code, substr(i.origin_village_code, 1, 6) || '000000', i.channel, i.purchased_on,
       ${PAIRING_OF_PURCHASE_SQL('i.buyer_id', 'i.origin_village_code')}, i.total_amount, i.line_count, ?
     FROM input i
     ON CONFLICT (buyer_id, client_reference) DO NOTHING
     RETURNING id, buyer_id, client_reference`,
    [
      batch.map((p) => p.buyerKey),
      batch.map((p) => p.clientReference),
      batch.map((p) => p.originVillageCode),
      batch.map((p) => p.channel),
      batch.map((p) => p.purchasedOn),
      batch.map((p) => p.totalAmount),
      batch.map((p) => p.lines.length),
      recordedBy,
    ],
  );
  if (!inserted.length) return [];
  const byReference = new Map(batch.map((p) => [`${p.buyerKey}\u0000${p.clientReference}`, p]));
  const rows = inserted.map((row) => ({
    id: row.id,
    purchase: byReference.get(`${row.buyer_id}\u0000${row.client_reference}`)!,
  }));
  const lines = rows.flatMap(({ id, purchase }) => purchase.lines.map((line, i) => ({ id, no: i + 1, ...line })));
  await query(
    em,
    `INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount)
     SELECT * FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::numeric[], ?::text[], ?::numeric[])`,
    [
      lines.map((l) => l.id),
      lines.map((l) => l.no),
      lines.map((l) => l.productKey),
      lines.map((l) => l.category),
      lines.map((l) => l.quantity),
      lines.map((l) => l.unit),
      lines.map((l) => l.amount),
    ],
  );
  return rows;
}
