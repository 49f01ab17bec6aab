import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';
import { purchasePolicy } from './purchase.policy';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsFilter } from './consumption.inputs';
import type { ConsumptionStatsRow, VillageConsumption } from './consumption.types';
import {
  BUYER_ROLLUP,
  consumptionOfVillages,
  COUNTY_ROLLUP,
  rollupStatsRows,
  rollupTopBuyerRows,
  statsRows,
  topBuyerRows,
  type RollupSource,
} from './stats.repository';
import { BUYER_TYPES } from './purchase.service';

const PERIODS = [StatsDimension.MONTH, StatsDimension.QUARTER, StatsDimension.YEAR];

/** A statistics filter with its ids resolved and checked against the caller's scope. */
interface ResolvedFilter {
  regionPrefix?: string;
  villageCode?: string;
  buyerKey?: string;
  from?: string;
  to?: string;
  channel?: string;
  category?: string;
}

/** Where the answer comes from: the name of a rollup, or the ledger itself. */
export type StatsSource = 'county rollup' | 'buyer rollup' | 'purchases';

export type TopBuyerRow = { rank: number; buyerId: string; amount: string; purchaseCount: number };

export interface StatsOptions {
  /** Read the ledger even when a rollup could answer (benchmarks and tests compare the two). */
  raw?: boolean;
}

function isFirstOfMonth(date: string): boolean {
  return date.endsWith('-01');
}

function isLastOfMonth(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).getUTCDate() === day;
}

/**
 * Consumption-support statistics (消费帮扶统计). Every recorded line is of a product certified on
 * its purchase date (the recording rule), so the sums are 消费帮扶 as the documents mean it;
 * voided purchases never count.
 *
 * A question is answered from a monthly rollup when the rollup carries every key it groups and
 * filters by and the caller's read rule can be decided on its columns (see `rollupWhere`);
 * otherwise from the purchases. The rollups are kept exact in the same transaction as every
 * purchase, void and import batch, so both give the same answer to the fen.
 */
export class StatsService {
  /** The filter's ids resolved, each checked against the caller's scope (errors name the field). */
  private async resolve(ctx: Context, filter: ConsumptionStatsFilter | undefined | null): Promise<ResolvedFilter> {
    return {
      regionPrefix: filter?.regionCode
        ? await regionService.requireVisiblePrefix(ctx, filter.regionCode, 'filter.regionCode')
        : undefined,
      villageCode: filter?.villageId
        ? (await villageService.require(ctx, filter.villageId, 'filter.villageId')).code
        : undefined,
      buyerKey: filter?.buyerId ? uuidKeyFromInput(filter.buyerId, BUYER_TYPES, 'filter.buyerId') : undefined,
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
      channel: filter?.channel ?? undefined,
      category: filter?.category ?? undefined,
    };
  }

  /** Filter conditions over `purchase p` (and `purchase_line l`), scoped by the purchase policy; voided purchases never count. */
  private rawWhere(ctx: Context, filter: ResolvedFilter): SqlFragment {
    const parts: SqlFragment[] = [
      purchasePolicy.readable(ctx.viewer, 'p'),
      { sql: "p.status <> 'VOIDED'", bindings: [] },
    ];
    if (filter.regionPrefix) parts.push({ sql: 'p.origin_village_code LIKE ?', bindings: [`${filter.regionPrefix}%`] });
    if (filter.villageCode) parts.push({ sql: 'p.origin_village_code = ?', bindings: [filter.villageCode] });
    if (filter.buyerKey) parts.push({ sql: 'p.buyer_id = ?', bindings: [filter.buyerKey] });
    if (filter.from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [filter.from] });
    if (filter.to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [filter.to] });
    if (filter.channel) parts.push({ sql: 'p.channel = ?', bindings: [filter.channel] });
    if (filter.category) parts.push({ sql: 'l.category = ?', bindings: [filter.category] });
    return and(...parts);
  }

  /**
   * The same conditions over rollup `r`, or null when `source` cannot answer: a grouping key it
   * lacks, a village filter (no rollup is per village), a region filter deeper than its place
   * column, a buyer or channel filter it lacks, dates that are not whole months, or a read rule
   * that needs a column it lacks (decided by the purchase policy itself).
   */
  private rollupWhere(
    ctx: Context,
    source: RollupSource,
    filter: ResolvedFilter,
    dimensions: StatsDimension[],
    byLines: boolean,
  ): SqlFragment | null {
    if (dimensions.some((d) => !source.dimensions[d])) return null;
    const scope = purchasePolicy.readableOver(ctx.viewer, { place: source.place, buyer: source.buyer });
    if (!scope) return null;
    const parts: SqlFragment[] = [scope];
    if (filter.villageCode) return null;
    if (filter.regionPrefix) {
      if (!source.place || filter.regionPrefix.length > source.place.prefixLength) return null;
      parts.push({ sql: `${source.place.expr} LIKE ?`, bindings: [`${filter.regionPrefix}%`] });
    }
    if (filter.buyerKey) {
      if (!source.buyer) return null;
      parts.push({ sql: `${source.buyer} = ?`, bindings: [filter.buyerKey] });
    }
    if (filter.channel) {
      if (!source.channel) return null;
      parts.push({ sql: `${source.channel} = ?`, bindings: [filter.channel] });
    }
    // A month row counts whole when the period covers the whole month.
    if (filter.from) {
      if (!isFirstOfMonth(filter.from)) return null;
      parts.push({ sql: 'r.month >= ?::date', bindings: [filter.from] });
    }
    if (filter.to) {
      if (!isLastOfMonth(filter.to)) return null;
      parts.push({ sql: 'r.month <= ?::date', bindings: [filter.to] });
    }
    if (filter.category) parts.push({ sql: 'r.category = ?', bindings: [filter.category] });
    else parts.push({ sql: byLines ? 'r.category IS NOT NULL' : 'r.category IS NULL', bindings: [] });
    return and(...parts);
  }

  /** The first rollup that can answer, with its conditions. */
  private pickRollup(
    ctx: Context,
    filter: ResolvedFilter,
    dimensions: StatsDimension[],
    byLines: boolean,
  ): { source: RollupSource; where: SqlFragment } | null {
    for (const source of [COUNTY_ROLLUP, BUYER_ROLLUP]) {
      const where = this.rollupWhere(ctx, source, filter, dimensions, byLines);
      if (where) return { source, where };
    }
    return null;
  }

  /** `consumptionStats(filter, groupBy)`. */
  async stats(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    groupBy: StatsDimension[],
    options: StatsOptions = {},
  ): Promise<ConsumptionStatsRow[]> {
    return (await this.answer(ctx, filter, groupBy, options)).rows;
  }

  /** As `stats`, saying where the answer came from. */
  async answer(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    groupBy: StatsDimension[],
    options: StatsOptions = {},
  ): Promise<{ rows: ConsumptionStatsRow[]; source: StatsSource }> {
    const resolved = await this.resolve(ctx, filter);
    const dimensions = [...new Set(groupBy)];
    if (dimensions.filter((d) => PERIODS.includes(d)).length > 1)
      throw badInput('groupBy', 'groupBy may hold only one of MONTH, QUARTER, YEAR');
    const byLines = dimensions.includes(StatsDimension.CATEGORY) || Boolean(resolved.category);
    const rollup = options.raw ? null : this.pickRollup(ctx, resolved, dimensions, byLines);
    if (rollup)
      return {
        rows: await rollupStatsRows(ctx.em, rollup.source, rollup.where, dimensions),
        source: rollup.source.name as StatsSource,
      };
    return { rows: await statsRows(ctx.em, this.rawWhere(ctx, resolved), dimensions, byLines), source: 'purchases' };
  }

  /**
   * `Village.consumption(from, to)`: the village's unvoided purchases in the period (both days
   * included, open when omitted) that the viewer may see: everything for ADMIN, the region's for
   * officials, their own purchases for partners; null for roles that see no purchases. One
   * statement for every village of the request with the same period.
   */
  ofVillage(
    ctx: Context,
    villageCode: string,
    from: string | null | undefined,
    to: string | null | undefined,
  ): Promise<VillageConsumption | null> {
    if (!purchasePolicy.seesPurchases(ctx.viewer)) return Promise.resolve(null);
    if (from && to && from > to) throw badInput('from', `from (${from}) must not be after to (${to})`);
    return ctx.loaders
      .get<string, VillageConsumption>(`consumption.ofVillage:${from ?? ''}:${to ?? ''}`, (codes) => {
        const parts: SqlFragment[] = [
          purchasePolicy.readable(ctx.viewer, 'p'),
          { sql: "p.status <> 'VOIDED'", bindings: [] },
        ];
        if (from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [from] });
        if (to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [to] });
        return consumptionOfVillages(ctx.em, codes, and(...parts));
      })
      .load(villageCode);
  }

  /** `topBuyers(filter, first)`: buyers ranked by amount, then purchase count. */
  async topBuyers(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    first: number,
    options: StatsOptions = {},
  ): Promise<TopBuyerRow[]> {
    return (await this.answerTopBuyers(ctx, filter, first, options)).rows;
  }

  /** As `topBuyers`, saying where the answer came from. */
  async answerTopBuyers(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    first: number,
    options: StatsOptions = {},
  ): Promise<{ rows: TopBuyerRow[]; source: StatsSource }> {
    const resolved = await this.resolve(ctx, filter);
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'first must be between 1 and 100');
    const byLines = Boolean(resolved.category);
    const where = options.raw ? null : this.rollupWhere(ctx, BUYER_ROLLUP, resolved, [StatsDimension.BUYER], byLines);
    if (where) return { rows: await rollupTopBuyerRows(ctx.em, where, first), source: 'buyer rollup' };
    return { rows: await topBuyerRows(ctx.em, this.rawWhere(ctx, resolved), byLines, first), source: 'purchases' };
  }
}

export const statsService = new StatsService();
