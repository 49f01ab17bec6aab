import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';
import { purchasePolicy } from './purchase.policy';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsFilter } from './consumption.inputs';
import type { ConsumptionStatsRow } from './consumption.types';
import { statsRows, topBuyerRows } from './stats.repository';
import { BUYER_TYPES } from './purchase.service';

const PERIODS = [StatsDimension.MONTH, StatsDimension.QUARTER, StatsDimension.YEAR];

/**
 * Consumption-support statistics (消费帮扶统计). Every recorded line is of a product certified on
 * its purchase date (the recording rule), so the sums are 消费帮扶 as the documents mean it;
 * voided purchases never count.
 */
export class StatsService {
  /** Filter conditions over `purchase p`, scoped by the purchase policy; voided purchases never count. */
  private async where(ctx: Context, filter: ConsumptionStatsFilter | undefined | null): Promise<SqlFragment> {
    const parts: SqlFragment[] = [
      purchasePolicy.readable(ctx.viewer, 'p'),
      { sql: "p.status <> 'VOIDED'", bindings: [] },
    ];
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
    if (filter?.from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [filter.from] });
    if (filter?.to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [filter.to] });
    if (filter?.channel) parts.push({ sql: 'p.channel = ?', bindings: [filter.channel] });
    if (filter?.category) parts.push({ sql: 'l.category = ?', bindings: [filter.category] });
    return and(...parts);
  }

  /** `consumptionStats(filter, groupBy)`. */
  async stats(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    groupBy: StatsDimension[],
  ): Promise<ConsumptionStatsRow[]> {
    const where = await this.where(ctx, filter);
    const dimensions = [...new Set(groupBy)];
    if (dimensions.filter((d) => PERIODS.includes(d)).length > 1)
      throw badInput('groupBy', 'groupBy may hold only one of MONTH, QUARTER, YEAR');
    const byLines = dimensions.includes(StatsDimension.CATEGORY) || Boolean(filter?.category);
    return statsRows(ctx.em, where, dimensions, byLines);
  }

  /** `topBuyers(filter, first)`: buyers ranked by amount, then purchase count. */
  async topBuyers(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    first: number,
  ): Promise<{ rank: number; buyerId: string; amount: string; purchaseCount: number }[]> {
    const where = await this.where(ctx, filter);
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'first must be between 1 and 100');
    return topBuyerRows(ctx.em, where, Boolean(filter?.category), first);
  }
}

export const statsService = new StatsService();
