import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { and, query, type SqlFragment } from '../../core/sql';
import { regionService } from '../regions/region.service';
import { villageService } from '../villages/village.service';
import { purchasePolicy } from './purchase.policy';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsFilter } from './consumption.inputs';
import type { ConsumptionStatsRow } from './consumption.types';
import { uuidKeyFromInput } from '../../core/relay/global-id';

/** SQL of each grouping key; trusted text, never built from input. */
const DIMENSION_SQL: Record<StatsDimension, { expr: string; alias: string }> = {
  [StatsDimension.MONTH]: { expr: "to_char(p.purchased_on, 'YYYY-MM')", alias: 'period' },
  [StatsDimension.QUARTER]: {
    expr: "to_char(p.purchased_on, 'YYYY') || '-Q' || extract(quarter FROM p.purchased_on)",
    alias: 'period',
  },
  [StatsDimension.YEAR]: { expr: "to_char(p.purchased_on, 'YYYY')", alias: 'period' },
  [StatsDimension.VILLAGE]: { expr: 'p.origin_village_code', alias: 'village_code' },
  [StatsDimension.COUNTY]: { expr: 'p.county_code', alias: 'county_code' },
  [StatsDimension.BUYER]: { expr: 'p.buyer_id', alias: 'buyer_id' },
  [StatsDimension.CATEGORY]: { expr: 'l.category', alias: 'category' },
  [StatsDimension.CHANNEL]: { expr: 'p.channel', alias: 'channel' },
};

const PERIODS = [StatsDimension.MONTH, StatsDimension.QUARTER, StatsDimension.YEAR];

interface StatsSqlRow {
  amount: string;
  purchase_count: number;
  line_count: number;
  period: string | null;
  village_code: string | null;
  county_code: string | null;
  buyer_id: string | null;
  category: ConsumptionStatsRow['category'];
  channel: ConsumptionStatsRow['channel'];
}

export class StatsService {
  /** Filter conditions over `purchase p`, scoped; voided purchases never count. */
  private async where(ctx: Context, filter: ConsumptionStatsFilter | undefined | null): Promise<SqlFragment> {
    const parts: SqlFragment[] = [
      { sql: "p.status <> 'VOIDED'", bindings: [] },
      purchasePolicy.readable(ctx.viewer, 'p'),
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
        bindings: [uuidKeyFromInput(filter.buyerId, ['AssistanceUnit', 'Enterprise'], 'filter.buyerId')],
      });
    if (filter?.from) parts.push({ sql: 'p.purchased_on >= ?::date', bindings: [filter.from] });
    if (filter?.to) parts.push({ sql: 'p.purchased_on <= ?::date', bindings: [filter.to] });
    if (filter?.channel) parts.push({ sql: 'p.channel = ?', bindings: [filter.channel] });
    if (filter?.category) parts.push({ sql: 'l.category = ?', bindings: [filter.category] });
    return and(...parts);
  }

  /**
   * `consumptionStats(filter, groupBy)`: sums in SQL over numeric columns, so amounts are exact
   * to the fen. Without a category in play the purchase rows alone are summed (the indexes cover
   * them); grouping or filtering by category sums line amounts instead.
   */
  async stats(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    groupBy: StatsDimension[],
  ): Promise<ConsumptionStatsRow[]> {
    const dimensions = [...new Set(groupBy)];
    if (dimensions.filter((d) => PERIODS.includes(d)).length > 1)
      throw badInput('groupBy', 'groupBy may hold only one of MONTH, QUARTER, YEAR');
    const byLines = dimensions.includes(StatsDimension.CATEGORY) || Boolean(filter?.category);
    const where = await this.where(ctx, filter);
    const keys = dimensions.map((d) => DIMENSION_SQL[d]);
    const select = keys.map((k) => `${k.expr} AS ${k.alias}`);
    const measures = byLines
      ? 'sum(l.amount)::numeric(20,2)::text AS amount, count(DISTINCT p.id)::int AS purchase_count, count(*)::int AS line_count'
      : 'coalesce(sum(p.total_amount), 0)::numeric(20,2)::text AS amount, count(*)::int AS purchase_count, coalesce(sum(p.line_count), 0)::int AS line_count';
    const from = byLines ? 'purchase p JOIN purchase_line l ON l.purchase_id = p.id' : 'purchase p';
    const group = keys.length
      ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')} ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`
      : '';
    const rows = await query<StatsSqlRow>(ctx.em, {
      sql: `SELECT ${[...select, measures].join(', ')} FROM ${from} WHERE ${where.sql} ${group}`,
      bindings: where.bindings,
    });
    // An empty groupBy always answers one row of totals, zero when nothing matches.
    if (!keys.length && rows.length === 0)
      rows.push({ amount: '0.00', purchase_count: 0, line_count: 0 } as StatsSqlRow);
    return rows.map((row) => ({
      amount: row.amount ?? '0.00',
      purchaseCount: row.purchase_count,
      lineCount: row.line_count,
      period: row.period ?? null,
      villageCode: row.village_code ?? null,
      countyCode: row.county_code ?? null,
      buyerId: row.buyer_id ?? null,
      category: row.category ?? null,
      channel: row.channel ?? null,
    }));
  }

  /** `topBuyers(filter, first)`: buyers ranked by amount, then purchase count. */
  async topBuyers(
    ctx: Context,
    filter: ConsumptionStatsFilter | undefined | null,
    first: number,
  ): Promise<{ rank: number; buyerId: string; amount: string; purchaseCount: number }[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badInput('first', 'first must be between 1 and 100');
    const byLines = Boolean(filter?.category);
    const where = await this.where(ctx, filter);
    const amount = byLines ? 'sum(l.amount)' : 'sum(p.total_amount)';
    const from = byLines ? 'purchase p JOIN purchase_line l ON l.purchase_id = p.id' : 'purchase p';
    const rows = await query<{ buyer_id: string; amount: string; purchase_count: number }>(ctx.em, {
      sql: `SELECT p.buyer_id, ${amount}::numeric(20,2)::text AS amount, count(DISTINCT p.id)::int AS purchase_count
            FROM ${from} WHERE ${where.sql} GROUP BY p.buyer_id ORDER BY ${amount} DESC, count(DISTINCT p.id) DESC, p.buyer_id LIMIT ${first}`,
      bindings: where.bindings,
    });
    return rows.map((row, i) => ({
      rank: i + 1,
      buyerId: row.buyer_id,
      amount: row.amount,
      purchaseCount: row.purchase_count,
    }));
  }
}

export const statsService = new StatsService();
