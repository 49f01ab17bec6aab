import type { Knex } from '@mikro-orm/knex';
import { fromGlobalId } from '../../core/relay/global-id';
import { isCalendarDate } from '../../core/scalars';
import { appendEvents, type NewEvent } from '../../core/events/event-store';
import { PurchaseChannel } from './consumption.enums';
import { fromFen, isAmount, isQuantity, toFen } from './decimal';
import { MAX_PURCHASE_LINES } from './consumption.inputs';
import { todayInShanghai } from '../../core/dates';

/**
 * Bulk import of purchases from CSV (`npm run import:purchases -- FILE.csv`).
 *
 * One row per purchase line; rows sharing buyer_id and client_reference form one purchase, in
 * file order. Every row is validated; a purchase with any bad row is rejected whole (each of its
 * rows reported with its line and reason), so nothing is ever half-applied. Valid purchases are
 * inserted in batches, each batch one transaction of multi-row INSERTs with ON CONFLICT DO
 * NOTHING on (buyer, client_reference): importing the same file again adds nothing.
 */
export const IMPORT_HEADER = ['client_reference', 'buyer_id', 'channel', 'purchased_on', 'product_id', 'quantity', 'unit', 'amount'] as const;

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHANNELS = new Set<string>(Object.values(PurchaseChannel));

/** Accepts the API's global id or the bare uuid inside it. */
function keyFrom(text: string, types: string[]): string | null {
  const trimmed = text.trim();
  if (UUID.test(trimmed)) return trimmed.toLowerCase();
  const decoded = fromGlobalId(trimmed);
  return decoded && types.includes(decoded.type) && UUID.test(decoded.key) ? decoded.key : null;
}

export interface ImportOptions {
  /** Purchases per transaction. */
  batchSize?: number;
  onProgress?: (rowsDone: number) => void;
  recordedBy?: string;
}

export async function importPurchases(knex: Knex, records: AsyncIterable<{ line: number; fields: string[] }>, options: ImportOptions = {}): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 1000;
  const buyers = new Set((await knex('provider').select('id')).map((r: { id: string }) => r.id));
  const products = new Map<string, { village: string; category: string }>(
    (await knex('product').select('id', 'origin_village_code', 'category')).map((r: { id: string; origin_village_code: string; category: string }) => [r.id, { village: r.origin_village_code, category: r.category }]),
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
      if (missing.length) throw new Error(`line ${line}: header lacks ${missing.join(', ')}; expected ${IMPORT_HEADER.join(',')}`);
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
      purchase = { buyerKey: buyerKey ?? '', clientReference, channel, purchasedOn, originVillage: product?.village ?? null, lines: [], rows: [], problems: [] };
      purchases.set(key, purchase);
    } else {
      if (channel !== purchase.channel) problems.push('channel differs from the earlier rows of this purchase');
      if (purchasedOn !== purchase.purchasedOn) problems.push('purchased_on differs from the earlier rows of this purchase');
      if (product && purchase.originVillage && product.village !== purchase.originVillage) problems.push('product comes from another village than the earlier rows of this purchase');
      purchase.originVillage ??= product?.village ?? null;
    }
    if (purchase.lines.length + purchase.problems.length >= MAX_PURCHASE_LINES) problems.push(`a purchase holds at most ${MAX_PURCHASE_LINES} lines`);
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
      if (!badLines.has(line)) report.rejected.push({ line, reason: `not imported: line ${first} of the same purchase (${purchase.clientReference}) is invalid` });
    }
  }
  report.rejected.sort((a, b) => a.line - b.line);

  let rowsDone = 0;
  for (let i = 0; i < valid.length; i += batchSize) {
    const batch = valid.slice(i, i + batchSize);
    const inserted = await knex.transaction((trx) => insertBatch(trx, batch, options.recordedBy ?? 'import'));
    report.imported += inserted;
    report.alreadyPresent += batch.length - inserted;
    rowsDone += batch.reduce((n, p) => n + p.lines.length, 0);
    options.onProgress?.(rowsDone);
  }
  return report;
}

/** One transaction: purchases (skipping references already present), their lines, their events. */
async function insertBatch(trx: Knex.Transaction, batch: PendingPurchase[], recordedBy: string): Promise<number> {
  const rows = batch.map((p) => ({
    buyer_id: p.buyerKey,
    client_reference: p.clientReference,
    origin_village_code: p.originVillage!,
    county_code: p.originVillage!.slice(0, 6).padEnd(12, '0'),
    channel: p.channel,
    purchased_on: p.purchasedOn,
    total_amount: fromFen(p.lines.reduce((sum, l) => sum + toFen(l.amount), 0n)),
    line_count: p.lines.length,
    recorded_by: recordedBy,
  }));
  const inserted: { id: string; buyer_id: string; client_reference: string }[] = await trx('purchase')
    .insert(rows)
    .onConflict(['buyer_id', 'client_reference'])
    .ignore()
    .returning(['id', 'buyer_id', 'client_reference']);
  if (!inserted.length) return 0;
  const byKey = new Map(batch.map((p) => [`${p.buyerKey}\u0000${p.clientReference}`, p]));
  const lines: Record<string, unknown>[] = [];
  const events: NewEvent[] = [];
  for (const row of inserted) {
    const purchase = byKey.get(`${row.buyer_id}\u0000${row.client_reference}`)!;
    purchase.lines.forEach((l, index) =>
      lines.push({ purchase_id: row.id, line_no: index + 1, product_id: l.productKey, category: l.category, quantity: l.quantity, unit: l.unit, amount: l.amount }),
    );
    events.push({ topic: 'purchaseRecorded', regionCode: purchase.originVillage!, partyIds: [purchase.buyerKey], partnerAccess: 'PARTIES', payload: { purchaseId: row.id } });
  }
  // Chunked to stay below PostgreSQL's limit of 65535 bound parameters per statement.
  for (let i = 0; i < lines.length; i += 5000) await trx('purchase_line').insert(lines.slice(i, i + 5000));
  await linkPairings(trx, inserted.map((r) => r.id));
  await appendEvents(trx, events);
  return inserted.length;
}

/**
 * Sets the pairing each purchase counts toward, in one statement for a whole batch: the same rule
 * as `pairingFor` (an active pairing with the village, else with its county; earliest first).
 */
export async function linkPairings(trx: Knex.Transaction, purchaseIds: string[]): Promise<void> {
  if (!purchaseIds.length) return;
  await trx.raw(
    `UPDATE purchase p SET pairing_id = (
       SELECT pa.id FROM pairing pa
       WHERE pa.provider_id = p.buyer_id AND pa.status = 'ACTIVE' AND pa.target_code IN (p.origin_village_code, p.county_code)
       ORDER BY pa.target_level = 'VILLAGE' DESC, pa.start_date, pa.id LIMIT 1)
     WHERE p.id IN (${purchaseIds.map(() => '?').join(', ')})`,
    purchaseIds,
  );
}
