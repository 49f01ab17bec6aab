import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type SqlFragment } from '../../core/sql';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsRow } from './consumption.types';

/** Named queries of consumption statistics: sums in SQL over numeric columns, exact to the fen. */

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

function toStatsRow(row: StatsSqlRow): ConsumptionStatsRow {
  return {
    amount: row.amount ?? '0.00',
    purchaseCount: row.purchase_count,
    lineCount: row.line_count,
    period: row.period ?? null,
    villageCode: row.village_code ?? null,
    countyCode: row.county_code ?? null,
    buyerId: row.buyer_id ?? null,
    category: row.category ?? null,
    channel: row.channel ?? null,
  };
}

/**
 * Totals of the purchases `where` selects (over `purchase p`, and `purchase_line l` when
 * `byLines`), grouped by `dimensions`. Without a category in play the purchase rows alone are
 * summed (the indexes cover them); grouping or filtering by category sums line amounts instead.
 * An empty `dimensions` always answers one row of totals, zero when nothing matches.
 */
export async function statsRows(
  em: EntityManager,
  where: SqlFragment,
  dimensions: StatsDimension[],
  byLines: boolean,
): Promise<ConsumptionStatsRow[]> {
  const keys = dimensions.map((d) => DIMENSION_SQL[d]);
  const select = keys.map((k) => `${k.expr} AS ${k.alias}`);
  const measures = byLines
    ? 'sum(l.amount)::numeric(20,2)::text AS amount, count(DISTINCT p.id)::int AS purchase_count, count(*)::int AS line_count'
    : 'coalesce(sum(p.total_amount), 0)::numeric(20,2)::text AS amount, count(*)::int AS purchase_count, coalesce(sum(p.line_count), 0)::int AS line_count';
  const from = byLines ? 'purchase p JOIN purchase_line l ON l.purchase_id = p.id' : 'purchase p';
  const group = keys.length
    ? `GROUP BY ${keys.map((_, i) => i + 1).join(', ')} ORDER BY ${keys.map((_, i) => i + 1).join(', ')}`
    : '';
  const rows = await query<StatsSqlRow>(em, {
    sql: `SELECT ${[...select, measures].join(', ')} FROM ${from} WHERE ${where.sql} ${group}`,
    bindings: where.bindings,
  });
  if (!keys.length && rows.length === 0) rows.push({ amount: '0.00', purchase_count: 0, line_count: 0 } as StatsSqlRow);
  return rows.map(toStatsRow);
}

/** Buyers of the purchases `where` selects, ranked by amount, then purchase count. */
export async function topBuyerRows(
  em: EntityManager,
  where: SqlFragment,
  byLines: boolean,
  first: number,
): Promise<{ rank: number; buyerId: string; amount: string; purchaseCount: number }[]> {
  const amount = byLines ? 'sum(l.amount)' : 'sum(p.total_amount)';
  const from = byLines ? 'purchase p JOIN purchase_line l ON l.purchase_id = p.id' : 'purchase p';
  const rows = await query<{ buyer_id: string; amount: string; purchase_count: number }>(em, {
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
