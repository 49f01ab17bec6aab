import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { appendEvent } from '../../core/events/event-store';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';
import { fromFen, toFen } from './decimal';
import { purchasePolicy } from './purchase.policy';
import { PurchaseStatus } from './consumption.enums';
import type { PurchaseLineType, PurchaseNode } from './consumption.types';
import type { PurchaseFilter, RecordPurchaseInput, VerifyPurchaseInput, VoidPurchaseInput } from './consumption.inputs';
import { PURCHASE_RECORDED, PURCHASE_STATUS_CHANGED } from './consumption.events';
import { certificationProblem, headerProblems, lineCountProblem, lineProblems } from './purchase.rules';
import { productsForRecording } from './product.repository';
import {
  buyerForRecording,
  changePurchaseStatus,
  insertPurchase,
  linesOfPurchases,
  purchaseKeyByReference,
  purchasePage,
  purchasesByKeys,
} from './purchase.repository';

export const BUYER_TYPES = ['AssistanceUnit', 'Enterprise'];

/** The purchase ledger (消费帮扶台账): recording, voiding, verifying, and reading within the caller's scope. */
export class PurchaseService {
  private loader(ctx: Context) {
    return ctx.loaders.get<string, PurchaseNode | null>('purchase.byKey', (keys) =>
      purchasesByKeys(ctx.em, keys, purchasePolicy.readable(ctx.viewer, 'p')),
    );
  }

  /** A purchase the viewer may see, by the key inside its global id; null otherwise. */
  byKey(ctx: Context, key: string): Promise<PurchaseNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  async require(ctx: Context, purchaseId: string, field = 'purchaseId'): Promise<PurchaseNode> {
    const purchase = await this.byKey(ctx, uuidKeyFromInput(purchaseId, ['Purchase'], field));
    if (!purchase) throw notFound('Purchase not found', field);
    return purchase;
  }

  /** `Purchase.lines`, for every purchase of the request in one statement (the purchase is already visible). */
  lines(ctx: Context, purchaseKey: string): Promise<PurchaseLineType[]> {
    return ctx.loaders
      .get<string, PurchaseLineType[]>('purchase.lines', (keys) => linesOfPurchases(ctx.em, keys))
      .load(purchaseKey);
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
        bindings: [uuidKeyFromInput(filter.buyerId, BUYER_TYPES, 'filter.buyerId')],
      });
    if (filter?.status) parts.push({ sql: 'p.status = ?', bindings: [filter.status] });
    if (filter?.from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [filter.from] });
    if (filter?.to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [filter.to] });
    if (filter?.channel) parts.push({ sql: 'p.channel = ?', bindings: [filter.channel] });
    return parts;
  }

  /** `purchases(filter)`: latest purchase date first. */
  async list(ctx: Context, filter: PurchaseFilter | undefined, args: PageInput): Promise<ConnectionData<PurchaseNode>> {
    const page = readPage(args);
    return purchasePage(ctx, and(...(await this.filterSql(ctx, filter))), page);
  }

  /**
   * `recordPurchase`, exactly once per (buyer, clientReference).
   *
   * Order matters: first whether the caller may record for this buyer at all (the policy, before
   * anything about the buyer is read), then the rules shared with the bulk import
   * (`purchase.rules.ts`), then the products (one origin village, certified on the purchase
   * date) and whether the caller may record produce of that village; only then the insert, whose
   * ON CONFLICT on (buyer, clientReference) makes racing retries return the one purchase.
   */
  async record(ctx: Context, input: RecordPurchaseInput): Promise<{ purchase: PurchaseNode; created: boolean }> {
    const buyerKey = uuidKeyFromInput(input.buyerId, BUYER_TYPES, 'buyerId');
    const buyer = await buyerForRecording(ctx.em, buyerKey, purchasePolicy.recordableBuyers(ctx.viewer, 'pr.id'));
    purchasePolicy.requireRecordFor(ctx.viewer, buyerKey, buyer.recordable);
    if (!buyer.exists) throw notFound('Buyer not found', 'buyerId');

    const problems: { field: string; message: string }[] = headerProblems(input, todayInShanghai());
    const count = lineCountProblem(input.lines.length);
    if (count) problems.push({ field: 'lines', message: count });
    input.lines.forEach((line, i) =>
      problems.push(...lineProblems(line).map((p) => ({ field: `lines.${i}.${p.field}`, message: p.message }))),
    );
    const productKeys = input.lines.map((line, i) => {
      try {
        return uuidKeyFromInput(line.productId, ['Product'], `lines.${i}.productId`);
      } catch {
        problems.push({ field: `lines.${i}.productId`, message: 'is not a product id' });
        return '';
      }
    });
    throwProblems(problems);

    const purchasedOn = input.purchasedOn.trim();
    const products = await productsForRecording(ctx.em, [...new Set(productKeys)]);
    productKeys.forEach((key, i) => {
      if (!products.has(key)) throw notFound(`Product of line ${i} not found`, `lines.${i}.productId`);
    });
    const origins = new Set(productKeys.map((key) => products.get(key)!.originVillageCode));
    if (origins.size > 1)
      throw badInput(
        'lines',
        'all lines of one purchase must come from one origin village; record one purchase per village',
      );
    const originVillageCode = [...origins][0];
    purchasePolicy.requireWrite(ctx.viewer, { buyerId: buyerKey, originVillageCode });
    productKeys.forEach((key, i) => {
      const problem = certificationProblem(products.get(key)!, purchasedOn);
      if (problem) problems.push({ field: `lines.${i}.productId`, message: problem });
    });
    throwProblems(problems);

    const clientReference = input.clientReference.trim();
    const created = await ctx.em.transactional(async (em) => {
      const id = await insertPurchase(em, {
        buyerKey,
        clientReference,
        originVillageCode,
        channel: input.channel,
        purchasedOn,
        totalAmount: fromFen(input.lines.reduce((sum, line) => sum + toFen(line.amount.trim()), 0n)),
        recordedBy: ctx.viewer.subject ?? ctx.viewer.role,
        lines: input.lines.map((line, i) => ({
          productKey: productKeys[i],
          category: products.get(productKeys[i])!.category,
          quantity: line.quantity.trim(),
          unit: line.unit.trim(),
          amount: line.amount.trim(),
        })),
      });
      if (id)
        await appendEvent(em, {
          topic: PURCHASE_RECORDED,
          regionCode: originVillageCode,
          partyIds: [buyerKey],
          partnerAccess: 'PARTIES',
          payload: { purchaseId: id },
        });
      return id;
    });
    if (created) ctx.events.announce();
    const key = created ?? (await purchaseKeyByReference(ctx.em, buyerKey, clientReference))!;
    const [purchase] = await purchasesByKeys(ctx.em, [key], purchasePolicy.readable(ctx.viewer, 'p'));
    // The caller may record for this buyer, but the reference belongs to a purchase of produce
    // from outside the caller's region.
    if (!purchase)
      throw conflict('This client reference was already used for another purchase of this buyer', ['clientReference']);
    return { purchase, created: created !== null };
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
      if (!(await changePurchaseStatus(em, purchase.key, to, from, reason ?? null))) return false;
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
    this.loader(ctx).clear(purchase.key);
    return (await this.byKey(ctx, purchase.key))!;
  }
}

/** Every problem found, as one BAD_USER_INPUT naming each field. */
function throwProblems(problems: { field: string; message: string }[]): void {
  if (!problems.length) return;
  throw badInput([...new Set(problems.map((p) => p.field))], problems.map((p) => `${p.field} ${p.message}`).join('; '));
}

export const purchaseService = new PurchaseService();
