import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { isUuid, uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql } from '../../core/relay/keyset';
import { appendEvent } from '../../core/events/event-store';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';
import { fromFen, isAmount, isQuantity, toFen } from './decimal';
import { PAIRING_OF_PURCHASE_SQL } from './purchase-import';
import { purchasePolicy } from './purchase.policy';
import { PurchaseStatus } from './consumption.enums';
import { PurchaseNode, type PurchaseLineType, type PurchaseRow } from './consumption.types';
import type { PurchaseFilter, RecordPurchaseInput, VerifyPurchaseInput, VoidPurchaseInput } from './consumption.inputs';
import { PURCHASE_RECORDED, PURCHASE_STATUS_CHANGED } from './consumption.events';

const PURCHASE_COLUMNS = `p.id, p.buyer_id, p.client_reference, p.origin_village_code, p.county_code, p.channel, p.purchased_on::text AS purchased_on,
  p.pairing_id, p.status, p.total_amount, p.line_count, p.void_reason, p.voided_at, p.verified_at, p.created_at`;

export type { PageInput as PageArgs } from '../../core/relay/connection';
type PageArgs = PageInput;

export class PurchaseService {
  async findByKeys(ctx: Context, keys: readonly string[]): Promise<(PurchaseNode | null)[]> {
    const valid = keys.filter((k) => isUuid(k));
    const rows = await query<PurchaseRow>(
      ctx.em,
      withWhere(
        `SELECT ${PURCHASE_COLUMNS} FROM purchase p`,
        and(inList('p.id', valid), purchasePolicy.readable(ctx.viewer, 'p')),
      ),
    );
    const byKey = new Map(rows.map((row) => [row.id, PurchaseNode.from(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  }

  byKey(ctx: Context, key: string): Promise<PurchaseNode | null> {
    return ctx.loaders
      .get<string, PurchaseNode | null>('purchase.byKey', (keys) => this.findByKeys(ctx, keys))
      .load(key);
  }

  async require(ctx: Context, purchaseId: string, field = 'purchaseId'): Promise<PurchaseNode> {
    const purchase = await this.byKey(ctx, uuidKeyFromInput(purchaseId, ['Purchase'], field));
    if (!purchase) throw notFound('Purchase not found', field);
    return purchase;
  }

  lines(ctx: Context, purchaseKey: string): Promise<PurchaseLineType[]> {
    const loader = ctx.loaders.get<string, PurchaseLineType[]>('purchase.lines', async (keys) => {
      const rows = await query<{
        purchase_id: string;
        line_no: number;
        product_id: string;
        category: PurchaseLineType['category'];
        quantity: string;
        unit: string;
        amount: string;
      }>(
        ctx.em,
        withWhere(
          'SELECT purchase_id, line_no, product_id, category, quantity, unit, amount FROM purchase_line',
          inList('purchase_id', keys),
          'ORDER BY purchase_id, line_no',
        ),
      );
      return keys.map((k) =>
        rows
          .filter((r) => r.purchase_id === k)
          .map((r) => ({
            lineNo: r.line_no,
            productKey: r.product_id,
            category: r.category,
            quantity: r.quantity,
            unit: r.unit,
            amount: r.amount,
          })),
      );
    });
    return loader.load(purchaseKey);
  }

  /** Conditions of `purchases(filter)`, checked against the caller's scope. */
  async filterSql(ctx: Context, filter: PurchaseFilter | undefined | null): Promise<SqlFragment[]> {
    const parts: SqlFragment[] = [purchasePolicy.readable(ctx.viewer, 'p')];
    if (filter?.regionCode)
      parts.push({
        sql: 'p.origin_village_code LIKE ?',
        bindings: [`${await regionService.requireVisiblePrefix(ctx, filter.regionCode, 'filter.regionCode')}%`],
      });
    if (filter?.villageId)
      parts.push({
        sql: 'p.origin_village_code = ?',
        bindings: [(await villageService.require(ctx, filter.villageId, 'filter.villageId')).code],
      });
    if (filter?.buyerId)
      parts.push({
        sql: 'p.buyer_id = ?',
        bindings: [uuidKeyFromInput(filter.buyerId, ['AssistanceUnit', 'Enterprise'], 'filter.buyerId')],
      });
    if (filter?.status) parts.push({ sql: 'p.status = ?', bindings: [filter.status] });
    if (filter?.from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [filter.from] });
    if (filter?.to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [filter.to] });
    if (filter?.channel) parts.push({ sql: 'p.channel = ?', bindings: [filter.channel] });
    return parts;
  }

  /** `purchases(filter)`: latest purchase date first. */
  async list(ctx: Context, filter: PurchaseFilter | undefined, args: PageArgs): Promise<ConnectionData<PurchaseNode>> {
    const page = readPage(args);
    const where = and(...(await this.filterSql(ctx, filter)));
    const sort = [
      { expr: 'p.purchased_on', direction: 'desc' as const },
      { expr: 'p.id', direction: 'desc' as const },
    ];
    const seek = page.after ? afterSql(sort, page.after) : undefined;
    const rows = await query<PurchaseRow>(
      ctx.em,
      withWhere(
        `SELECT ${PURCHASE_COLUMNS} FROM purchase p`,
        seek ? and(where, seek) : where,
        `ORDER BY p.purchased_on DESC, p.id DESC LIMIT ${page.first + 1}`,
      ),
    );
    return toConnection(
      rows,
      page,
      (row) => [row.purchased_on, row.id],
      PurchaseNode.from,
      async () => {
        const [{ count }] = await query<{ count: number }>(
          ctx.em,
          withWhere('SELECT count(*)::int AS count FROM purchase p', where),
        );
        return count;
      },
    );
  }

  /**
   * Records a purchase exactly once per (buyer, clientReference). The insert uses ON CONFLICT
   * DO NOTHING on that unique key: of racing retries one inserts and the others wait for its
   * commit, find no row inserted, and return the committed purchase.
   */
  async record(ctx: Context, input: RecordPurchaseInput): Promise<{ purchase: PurchaseNode; created: boolean }> {
    const buyerKey = uuidKeyFromInput(input.buyerId, ['AssistanceUnit', 'Enterprise'], 'buyerId');
    purchasePolicy.requireRecordFor(ctx.viewer, buyerKey);
    if (input.purchasedOn > todayInShanghai())
      throw badInput('purchasedOn', 'purchasedOn must not be in the future (Asia/Shanghai)');
    if (input.purchasedOn < '2000-01-01') throw badInput('purchasedOn', 'purchasedOn must be 2000-01-01 or later');
    const productKeys = input.lines.map((line, i) =>
      uuidKeyFromInput(line.productId, ['Product'], `lines.${i}.productId`),
    );
    let total = 0n;
    input.lines.forEach((line, i) => {
      if (!isQuantity(line.quantity))
        throw badInput(`lines.${i}.quantity`, `lines.${i}.quantity must be greater than 0 with at most 3 decimals`);
      if (!isAmount(line.amount))
        throw badInput(`lines.${i}.amount`, `lines.${i}.amount must be a non-negative amount with at most 2 decimals`);
      total += toFen(line.amount);
    });
    const [buyer] = await query<{ id: string }>(ctx.em, 'SELECT id FROM provider WHERE id = ?', [buyerKey]);
    if (!buyer) throw notFound('Buyer not found', 'buyerId');
    const products = await query<{ id: string; origin_village_code: string; category: string }>(
      ctx.em,
      withWhere('SELECT id, origin_village_code, category FROM product', inList('id', [...new Set(productKeys)])),
    );
    const productByKey = new Map(products.map((p) => [p.id, p]));
    productKeys.forEach((key, i) => {
      if (!productByKey.has(key)) throw notFound(`Product of line ${i} not found`, `lines.${i}.productId`);
    });
    const origins = new Set(products.map((p) => p.origin_village_code));
    if (origins.size > 1)
      throw badInput(
        'lines',
        'all lines of one purchase must come from one origin village; record one purchase per village',
      );
    const originVillage = [...origins][0];
    purchasePolicy.requireWrite(ctx.viewer, { buyerId: buyerKey, originVillageCode: originVillage });

    const result = await ctx.em.transactional(async (em) => {
      const inserted = await query<{ id: string }>(
        em,
        `INSERT INTO purchase (buyer_id, client_reference, origin_village_code, county_code, channel, purchased_on, pairing_id, total_amount, line_count, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?::date, ?, ?, ?, ?)
         ON CONFLICT (buyer_id, client_reference) DO NOTHING RETURNING id`,
        [
          buyerKey,
          input.clientReference,
          originVillage,
          originVillage.slice(0, 6).padEnd(12, '0'),
          input.channel,
          input.purchasedOn,
          await pairingFor(em, buyerKey, originVillage),
          fromFen(total),
          input.lines.length,
          ctx.viewer.subject ?? ctx.viewer.role,
        ],
      );
      if (!inserted.length) return { key: null as string | null };
      const id = inserted[0].id;
      const values = input.lines.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      await query(
        em,
        `INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount) VALUES ${values}`,
        input.lines.flatMap((line, i) => [
          id,
          i + 1,
          productKeys[i],
          productByKey.get(productKeys[i])!.category,
          line.quantity,
          line.unit.trim(),
          line.amount,
        ]),
      );
      await appendEvent(em, {
        topic: PURCHASE_RECORDED,
        regionCode: originVillage,
        partyIds: [buyerKey],
        partnerAccess: 'PARTIES',
        payload: { purchaseId: id },
      });
      return { key: id };
    });
    if (result.key) ctx.events.announce();
    const key =
      result.key ??
      (
        await query<{ id: string }>(ctx.em, 'SELECT id FROM purchase WHERE buyer_id = ? AND client_reference = ?', [
          buyerKey,
          input.clientReference,
        ])
      )[0].id;
    const [purchase] = await this.findByKeys(ctx, [key]);
    // Same buyer and reference, but recorded by someone whose scope this caller does not share.
    if (!purchase)
      throw conflict('This client reference was already used for another purchase of this buyer', ['clientReference']);
    return { purchase, created: result.key !== null };
  }

  /** Voids (never deletes) a purchase: the buyer itself, officials of the origin region, or an admin. */
  async void(ctx: Context, input: VoidPurchaseInput): Promise<PurchaseNode> {
    const purchase = await this.require(ctx, input.purchaseId);
    purchasePolicy.requireWrite(ctx.viewer, purchase);
    return this.changeStatus(
      ctx,
      purchase,
      PurchaseStatus.VOIDED,
      [PurchaseStatus.RECORDED, PurchaseStatus.VERIFIED],
      input.reason.trim(),
    );
  }

  /** Verification is for officials of the origin region (and admins). */
  async verify(ctx: Context, input: VerifyPurchaseInput): Promise<PurchaseNode> {
    const purchase = await this.require(ctx, input.purchaseId);
    purchasePolicy.requireVerify(ctx.viewer, purchase);
    return this.changeStatus(ctx, purchase, PurchaseStatus.VERIFIED, [PurchaseStatus.RECORDED]);
  }

  private async changeStatus(
    ctx: Context,
    purchase: PurchaseNode,
    to: PurchaseStatus,
    from: PurchaseStatus[],
    reason?: string,
  ): Promise<PurchaseNode> {
    const changed = await ctx.em.transactional(async (em) => {
      // The status condition in the UPDATE makes concurrent changes safe: only one wins.
      const rows = await query<{ id: string }>(
        em,
        `UPDATE purchase SET status = ?, void_reason = coalesce(?, void_reason),
           voided_at = CASE WHEN ? = 'VOIDED' THEN now() ELSE voided_at END,
           verified_at = CASE WHEN ? = 'VERIFIED' THEN now() ELSE verified_at END
         WHERE id = ? AND status IN (${from.map(() => '?').join(', ')}) RETURNING id`,
        [to, reason ?? null, to, to, purchase.key, ...from],
      );
      if (!rows.length) return false;
      await appendEvent(em, {
        topic: PURCHASE_STATUS_CHANGED,
        regionCode: purchase.originVillageCode,
        partyIds: [purchase.buyerId],
        partnerAccess: 'PARTIES',
        payload: { purchaseId: purchase.key, from: purchase.status, to },
      });
      return true;
    });
    if (!changed) throw badInput('purchaseId', `purchase is ${purchase.status}; it cannot become ${to}`);
    ctx.events.announce();
    ctx.loaders
      .get<string, PurchaseNode | null>('purchase.byKey', (keys) => this.findByKeys(ctx, keys))
      .clear(purchase.key);
    return (await this.byKey(ctx, purchase.key))!;
  }
}

/** The pairing a purchase counts toward (see PAIRING_OF_PURCHASE_SQL). */
export async function pairingFor(em: Context['em'], buyerKey: string, villageCode: string): Promise<string | null> {
  const [row] = await query<{ id: string | null }>(
    em,
    `SELECT ${PAIRING_OF_PURCHASE_SQL('?::uuid', '?::varchar')} AS id`,
    [buyerKey, villageCode, villageCode],
  );
  return row?.id ?? null;
}

export const purchaseService = new PurchaseService();
