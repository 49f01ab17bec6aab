import type { EntityManager } from '@mikro-orm/postgresql';
import { fromGlobalId, isUuid } from '../../core/relay/global-id';
import { appendEvents } from '../../core/events/event-store';
import { knexOf, query } from '../../core/sql';
import { todayInShanghai } from '../../core/dates';
import { fromFen, toFen } from './decimal';
import { PURCHASE_RECORDED } from './consumption.events';
import { productsForRecording } from './product.repository';
import { insertPurchaseBatch, type ImportedPurchase } from './purchase.repository';
import {
  MAX_PURCHASE_LINES,
  certificationProblem,
  headerProblems,
  lineProblems,
  type HeaderField,
  type LineField,
} from './purchase.rules';
import { countImportRows } from '../../core/observability/metrics';

/**
 * Bulk import of purchases from a CSV or .xlsx file (`npm run import:purchases -- FILE`), whose
 * records `purchase-file.ts` reads into the English column names.
 *
 * One row per purchase line; rows sharing buyer_id and client_reference form one purchase, in
 * file order. Every row is checked with the rules `recordPurchase` applies (`purchase.rules.ts`:
 * reference, channel, date from 2000-01-01 and not in the future, positive quantity and amount,
 * unit, a product certified on the purchase date, one origin village per purchase); a purchase
 * with any bad row is rejected whole (each of its rows reported with its line and reason), so
 * nothing is ever half-applied. Valid purchases are inserted in batches, each batch one
 * transaction with ON CONFLICT DO NOTHING on (buyer, client_reference): importing the same file
 * again adds nothing. The import is an operator's command with database access, so it records
 * for any buyer; the API's access rules apply to requests.
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

type Column = (typeof IMPORT_HEADER)[number];

/** The CSV column each rule's field is read from. */
const COLUMN_OF: Record<HeaderField | LineField, Column> = {
  clientReference: 'client_reference',
  channel: 'channel',
  purchasedOn: 'purchased_on',
  quantity: 'quantity',
  unit: 'unit',
  amount: 'amount',
};

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

interface PendingPurchase extends ImportedPurchase {
  rows: number[];
  problems: ImportRejection[];
}

/** Accepts the API's global id or the bare uuid inside it. */
function keyFrom(text: string, types: string[]): string | null {
  const trimmed = text.trim();
  if (isUuid(trimmed)) return trimmed.toLowerCase();
  const decoded = fromGlobalId(trimmed);
  return decoded && types.includes(decoded.type) && isUuid(decoded.key) ? decoded.key.toLowerCase() : null;
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
  em: EntityManager,
  records: AsyncIterable<{ line: number; fields: string[]; problem?: string }>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const batchSize = options.batchSize ?? 5000;
  const buyers = new Set((await query<{ id: string }>(em, 'SELECT id FROM provider')).map((r) => r.id));
  const products = await productsForRecording(em);
  const today = todayInShanghai();
  const report: ImportReport = { rows: 0, purchases: 0, imported: 0, alreadyPresent: 0, rejected: [] };
  const purchases = new Map<string, PendingPurchase>();
  let header: string[] | null = null;

  for await (const { line, fields, problem } of records) {
    if (fields.length === 1 && fields[0].trim() === '') continue;
    if (!header) {
      header = fields.map((f) => f.trim().replace(/^\uFEFF/, ''));
      const missing = IMPORT_HEADER.filter((name) => !header!.includes(name));
      if (missing.length)
        throw new Error(`line ${line}: header lacks ${missing.join(', ')}; expected ${IMPORT_HEADER.join(',')}`);
      continue;
    }
    report.rows++;
    // Raw values: the rules trim and check them, exactly as for the API.
    const value = (name: Column) => fields[header!.indexOf(name)] ?? '';
    const row = {
      clientReference: value('client_reference'),
      channel: value('channel').trim(),
      purchasedOn: value('purchased_on').trim(),
      quantity: value('quantity'),
      unit: value('unit'),
      amount: value('amount'),
    };
    const problems: { column: Column; message: string }[] = [...headerProblems(row, today), ...lineProblems(row)].map(
      (p) => ({ column: COLUMN_OF[p.field], message: p.message }),
    );
    const clientReference = row.clientReference.trim();
    const buyerKey = keyFrom(value('buyer_id'), ['AssistanceUnit', 'Enterprise']);
    if (!buyerKey) problems.push({ column: 'buyer_id', message: 'is not an assistance unit or enterprise id' });
    else if (!buyers.has(buyerKey)) problems.push({ column: 'buyer_id', message: ': no such buyer' });
    const productKey = keyFrom(value('product_id'), ['Product']);
    const product = productKey ? products.get(productKey) : undefined;
    if (!productKey) problems.push({ column: 'product_id', message: 'is not a product id' });
    else if (!product) problems.push({ column: 'product_id', message: ': no such product' });
    else if (!problems.some((p) => p.column === 'purchased_on')) {
      const uncertified = certificationProblem(product, row.purchasedOn);
      if (uncertified) problems.push({ column: 'product_id', message: `: ${uncertified}` });
    }
    // Reported in the file's column order, each with the column it concerns.
    const reasons = problems
      .sort((a, b) => IMPORT_HEADER.indexOf(a.column) - IMPORT_HEADER.indexOf(b.column))
      .map((p) => `${p.column}${p.message.startsWith(':') ? '' : ' '}${p.message}`);
    // What the file reader found wrong with the row as a whole (its width, an Excel error cell).
    if (problem) reasons.unshift(problem);

    const key = `${buyerKey ?? value('buyer_id').trim()}\u0000${clientReference}`;
    let purchase = purchases.get(key);
    if (!purchase) {
      purchase = {
        buyerKey: buyerKey ?? '',
        clientReference,
        channel: row.channel,
        purchasedOn: row.purchasedOn,
        originVillageCode: product?.originVillageCode ?? '',
        totalAmount: '0.00',
        lines: [],
        rows: [],
        problems: [],
      };
      purchases.set(key, purchase);
    } else {
      if (row.channel !== purchase.channel) reasons.push('channel differs from the earlier rows of this purchase');
      if (row.purchasedOn !== purchase.purchasedOn)
        reasons.push('purchased_on differs from the earlier rows of this purchase');
      if (product && purchase.originVillageCode && product.originVillageCode !== purchase.originVillageCode)
        reasons.push('product comes from another village than the earlier rows of this purchase');
      purchase.originVillageCode ||= product?.originVillageCode ?? '';
    }
    if (purchase.lines.length + purchase.problems.length >= MAX_PURCHASE_LINES)
      reasons.push(`a purchase holds at most ${MAX_PURCHASE_LINES} lines`);
    purchase.rows.push(line);
    if (reasons.length) purchase.problems.push({ line, reason: reasons.join('; ') });
    else
      purchase.lines.push({
        productKey: productKey!,
        category: product!.category,
        quantity: row.quantity.trim(),
        unit: row.unit.trim(),
        amount: row.amount.trim(),
      });
  }
  if (!header) throw new Error(`the file is empty; expected the header ${IMPORT_HEADER.join(',')}`);

  const valid: PendingPurchase[] = [];
  for (const purchase of purchases.values()) {
    report.purchases++;
    if (!purchase.problems.length) {
      purchase.totalAmount = fromFen(purchase.lines.reduce((sum, l) => sum + toFen(l.amount), 0n));
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

  // Batches run `concurrency` at a time, each in its own transaction on its own fork of the
  // EntityManager: they touch disjoint purchases (a purchase never spans batches), and the
  // event-order lock serialises only their last statement, so the database works on one batch
  // while another commits.
  const batches: PendingPurchase[][] = [];
  for (let i = 0; i < valid.length; i += batchSize) batches.push(valid.slice(i, i + batchSize));
  let rowsDone = 0;
  let nextBatch = 0;
  const recordedBy = options.recordedBy ?? 'import';
  const worker = async () => {
    while (nextBatch < batches.length) {
      const batch = batches[nextBatch++];
      const inserted = await em.fork().transactional(async (trx) => {
        const rows = await insertPurchaseBatch(trx, batch, recordedBy);
        await appendEvents(
          knexOf(trx),
          rows.map(({ id, purchase }) => ({
            topic: PURCHASE_RECORDED,
            regionCode: purchase.originVillageCode,
            partyIds: [purchase.buyerKey],
            partnerAccess: 'PARTIES' as const,
            payload: { purchaseId: id },
          })),
        );
        return rows.length;
      });
      report.imported += inserted;
      report.alreadyPresent += batch.length - inserted;
      rowsDone += batch.reduce((n, p) => n + p.lines.length, 0);
      options.onProgress?.(rowsDone);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  countImportRows('purchases', report.rows - report.rejected.length, report.rejected.length);
  return report;
}
