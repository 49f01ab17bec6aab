import type { Knex } from '@mikro-orm/knex';
import { fromGlobalId, isUuid } from '../../core/relay/global-id';
import { isCalendarDate } from '../../core/scalars';
import { appendEvents, type NewEvent } from '../../core/events/event-store';
import { PurchaseChannel } from './consumption.enums';
import { fromFen, isAmount, isQuantity, toFen } from './decimal';
import { MAX_PURCHASE_LINES } from './consumption.inputs';
import { todayInShanghai } from '../../core/dates';
import { PURCHASE_RECORDED } from './consumption.events';

/**
 * Bulk import of purchases from CSV (`npm run import:purchases -- FILE.csv`).
 *
 * One row per purchase line; rows sharing buyer_id and client_reference form one purchase, in
 * file order. Every row is validated; a purchase with any bad row is rejected whole (each of its
 * rows reported with its line and reason), so nothing is ever half-applied. Valid purchases are
 * inserted in batches, each batch one transaction of multi-row INSERTs with ON CONFLICT DO
 * NOTHING on (buyer, client_reference): importing the same file again adds nothing.
 */
export const IMPORT_HEADER = [
  'client_reference',
  'buyer_id',
  'channel',
  'purchased_on',
  'product_id',
  'quantity',
  'unit',
  'amount',
] as const;

export interface ImportRejection {
  line: number;
  reason: string;
}

export interface ImportReport {
  rows: number;
  purchases: number;
  imported: number;
  alreadyPresent: number;
  rejected: ImportRejection[];
}

interface ParsedLine {
  line: number;
  productKey: string;
  category: string;
  quantity: string;
  unit: string;
  amount: string;
}

interface PendingPurchase {
  buyerKey: string;
  clientReference: string;
  channel: string;
  purchasedOn: string;
  originVillage: string | null;
  lines: ParsedLine[];
  rows: number[];
  problems: ImportRejection[];
}

const CHANNELS = new Set<string>(Object.values(PurchaseChannel));

/** Accepts the API's global id or the bare uuid inside it. */
function keyFrom(text: string, types: string[]): string | null {
  const trimmed = text.trim();
  if (isUuid(trimmed)) return trimmed.toLowerCase();
  const decoded = fromGlobalId(trimmed);
  return decoded && types.includes(decoded.type) && isUuid(decoded.key) ? decoded.key : null;
}

export interface ImportOptions {
  /** Purchases per transaction. */
  batchSize?: number;
  onProgress?: (rowsDone: number) => void;
  /** Batches in flight at once (default 2). */
  concurrency?: number;
  recordedBy?: string;
}

export async function importPurchases(
  knex: Knex,
  records: AsyncIterable<{ line: number; fields: string[] }>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 5000;
  const buyers = new Set((await knex('provider').select('id')).map((r: { id: string }) => r.id));
  const products = new Map<string, { village: string; category: string }>(
    (await knex('product').select('id', 'origin_village_code', 'category')).map(
      (r: { id: string; origin_village_code: string; category: string }) => [
        r.id,
        { village: r.origin_village_code, category: r.category },
      ],
    ),
  );
  const today = todayInShanghai();
  const report: ImportReport = { rows: 0, purchases: 0, imported: 0, alreadyPresent: 0, rejected: [] };
  const purchases = new Map<string, PendingPurchase>();
  let header: string[] | null = null;

  for await (const { line, fields } of records) {
    if (fields.length === 1 && fields[0].trim() === '') continue;
    if (!header) {
      header = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
      const missing = IMPORT_HEADER.filter((name) => !header!.includes(name));
      if (missing.length)
        throw new Error(`line ${line}: header lacks ${missing.join(', ')}; expected ${IMPORT_HEADER.join(',')}`);
      continue;
    }
    report.rows++;
    const value = (name: (typeof IMPORT_HEADER)[number]) => (fields[header!.indexOf(name)] ?? '').trim();
    const problems: string[] = [];
    const clientReference = value('client_reference');
    if (!clientReference || clientReference.length > 100) problems.push('client_reference must be 1 to 100 characters');
    const buyerKey = keyFrom(value('buyer_id'), ['AssistanceUnit', 'Enterprise']);
    if (!buyerKey) problems.push('buyer_id is not an assistance unit or enterprise id');
    else if (!buyers.has(buyerKey)) problems.push('buyer_id: no such buyer');
    const channel = value('channel');
    if (!CHANNELS.has(channel)) problems.push(`channel must be one of ${[...CHANNELS].join(', ')}`);
    const purchasedOn = value('purchased_on');
    if (!isCalendarDate(purchasedOn)) problems.push('purchased_on must be a date YYYY-MM-DD');
    else if (purchasedOn > today) problems.push('purchased_on must not be in the future');
    const productKey = keyFrom(value('product_id'), ['Product']);
    const product = productKey ? products.get(productKey) : undefined;
    if (!productKey) problems.push('product_id is not a product id');
    else if (!product) problems.push('product_id: no such product');
    const quantity = value('quantity');
    if (!isQuantity(quantity)) problems.push('quantity must be greater than 0 with at most 3 decimals');
    const unit = value('unit');
    if (!unit || unit.length > 20) problems.push('unit must be 1 to 20 characters');
    const amount = value('amount');
    if (!isAmount(amount)) problems.push('amount must be a non-negative amount with at most 2 decimals');

    const key = `${buyerKey ?? value('buyer_id')}\u0000${clientReference}`;
    let purchase = purchases.get(key);
    if (!purchase) {
      purchase = {
        buyerKey: buyerKey ?? '',
        clientReference,
        channel,
        purchasedOn,
        originVillage: product?.village ?? null,
        lines: [],
        rows: [],
        problems: [],
      };
      purchases.set(key, purchase);
    } else {
      if (channel !== purchase.channel) problems.push('channel differs from the earlier rows of this purchase');
      if (purchasedOn !== purchase.purchasedOn)
        problems.push('purchased_on differs from the earlier rows of this purchase');
      if (product && purchase.originVillage && product.village !== purchase.originVillage)
        problems.push('product comes from another village than the earlier rows of this purchase');
      purchase.originVillage ??= product?.village ?? null;
    }
    if (purchase.lines.length + purchase.problems.length >= MAX_PURCHASE_LINES)
      problems.push(`a purchase holds at most ${MAX_PURCHASE_LINES} lines`);
    purchase.rows.push(line);
    if (problems.length) purchase.problems.push({ line, reason: problems.join('; ') });
    else purchase.lines.push({ line, productKey: productKey!, category: product!.category, quantity, unit, amount });
  }
  if (!header) throw new Error(`the file is empty; expected the header ${IMPORT_HEADER.join(',')}`);

  const valid: PendingPurchase[] = [];
  for (const purchase of purchases.values()) {
    report.purchases++;
    if (!purchase.problems.length) {
      valid.push(purchase);
      continue;
    }
    report.rejected.push(...purchase.problems);
    const badLines = new Set(purchase.problems.map((p) => p.line));
    const first = purchase.problems[0].line;
    for (const line of purchase.rows) {
      if (!badLines.has(line))
        report.rejected.push({
          line,
          reason: `not imported: line ${first} of the same purchase (${purchase.clientReference}) is invalid`,
        });
    }
  }
  report.rejected.sort((a, b) => a.line - b.line);

  // Batches run `concurrency` at a time, each in its own transaction: they touch disjoint
  // purchases (a purchase never spans batches), and the event-order lock serialises only their
  // last statement, so the database works on one batch while another commits.
  const batches: PendingPurchase[][] = [];
  for (let i = 0; i < valid.length; i += batchSize) batches.push(valid.slice(i, i + batchSize));
  let rowsDone = 0;
  let nextBatch = 0;
  const worker = async () => {
    while (nextBatch < batches.length) {
      const batch = batches[nextBatch++];
      const inserted = await knex.transaction((trx) => insertBatch(trx, batch, options.recordedBy ?? 'import'));
      report.imported += inserted;
      report.alreadyPresent += batch.length - inserted;
      rowsDone += batch.reduce((n, p) => n + p.lines.length, 0);
      options.onProgress?.(rowsDone);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return report;
}

/**
 * One transaction: purchases (skipping references already present) with their pairing, their
 * lines, and their events. Each table takes one INSERT … SELECT FROM unnest(column arrays): one
 * bound parameter per column instead of one per value, which keeps big batches cheap to send
 * and to plan.
 */
async function insertBatch(trx: Knex.Transaction, batch: PendingPurchase[], recordedBy: string): Promise<number> {
  const inserted: { id: string; buyer_id: string; client_reference: string }[] = (
    await trx.raw(
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
        batch.map((p) => p.originVillage!),
        batch.map((p) => p.channel),
        batch.map((p) => p.purchasedOn),
        batch.map((p) => fromFen(p.lines.reduce((sum, l) => sum + toFen(l.amount), 0n))),
        batch.map((p) => p.lines.length),
        recordedBy,
      ],
    )
  ).rows;
  if (!inserted.length) return 0;
  const byKey = new Map(batch.map((p) => [`${p.buyerKey}\u0000${p.clientReference}`, p]));
  const lines = {
    purchase: [] as string[],
    no: [] as number[],
    product: [] as string[],
    category: [] as string[],
    quantity: [] as string[],
    unit: [] as string[],
    amount: [] as string[],
  };
  const events: NewEvent[] = [];
  for (const row of inserted) {
    const purchase = byKey.get(`${row.buyer_id}\u0000${row.client_reference}`)!;
    purchase.lines.forEach((l, index) => {
      lines.purchase.push(row.id);
      lines.no.push(index + 1);
      lines.product.push(l.productKey);
      lines.category.push(l.category);
      lines.quantity.push(l.quantity);
      lines.unit.push(l.unit);
      lines.amount.push(l.amount);
    });
    events.push({
      topic: PURCHASE_RECORDED,
      regionCode: purchase.originVillage!,
      partyIds: [purchase.buyerKey],
      partnerAccess: 'PARTIES',
      payload: { purchaseId: row.id },
    });
  }
  await trx.raw(
    `INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount)
     SELECT * FROM unnest(?::uuid[], ?::int[], ?::uuid[], ?::text[], ?::numeric[], ?::text[], ?::numeric[])`,
    [lines.purchase, lines.no, lines.product, lines.category, lines.quantity, lines.unit, lines.amount],
  );
  await appendEvents(trx, events);
  return inserted.length;
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

/**
 * Sets the pairing each of some existing purchases counts toward (demo data), in one statement.
 */
export async function linkPairings(trx: Knex.Transaction, purchaseIds: string[]): Promise<void> {
  if (!purchaseIds.length) return;
  await trx.raw(
    `UPDATE purchase p SET pairing_id = ${PAIRING_OF_PURCHASE_SQL('p.buyer_id', 'p.origin_village_code')} WHERE p.id = ANY(?::uuid[])`,
    [purchaseIds],
  );
}
