import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type SqlFragment } from '../../core/sql';
import { StatsDimension } from './consumption.enums';
import type { ConsumptionStatsRow, VillageConsumption } from './consumption.types';

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

/**
 * A monthly rollup of the ledger (see the migration `Migration20261201001000_purchase_rollup`):
 * its table, the grouping keys it carries, and the columns the read rule needs. `place` holds a
 * region code cut to `prefixLength` digits.
 */
export interface RollupSource {
  name: string;
  table: string;
  dimensions: Partial<Record<StatsDimension, string>>;
  place?: { expr: string; prefixLength: number };
  buyer?: string;
  channel?: string;
}

/** Periods group on the first day of the period, a date; formatted once per group, not per row. */
const PERIOD_SQL = {
  [StatsDimension.MONTH]: 'r.month',
  [StatsDimension.QUARTER]: "date_trunc('quarter', r.month)::date",
  [StatsDimension.YEAR]: "date_trunc('year', r.month)::date",
};
const PERIOD_FORMAT: Partial<Record<StatsDimension, (day: string) => string>> = {
  [StatsDimension.MONTH]: (day) => `to_char(${day}, 'YYYY-MM')`,
  [StatsDimension.QUARTER]: (day) => `to_char(${day}, 'YYYY') || '-Q' || extract(quarter FROM ${day})`,
  [StatsDimension.YEAR]: (day) => `to_char(${day}, 'YYYY')`,
};

/** Month × county × channel × category: place questions for admins and officials of a county or above. */
export const COUNTY_ROLLUP: RollupSource = {
  name: 'county rollup',
  table: 'purchase_rollup_county',
  dimensions: {
    ...PERIOD_SQL,
    [StatsDimension.COUNTY]: 'r.county_code',
    [StatsDimension.CHANNEL]: 'r.channel',
    [StatsDimension.CATEGORY]: 'r.category',
  },
  place: { expr: 'r.county_code', prefixLength: 6 },
  channel: 'r.channel',
};

/** Month × buyer × category: buyer questions for admins, and a partner's own statistics. */
export const BUYER_ROLLUP: RollupSource = {
  name: 'buyer rollup',
  table: 'purchase_rollup_buyer',
  dimensions: {
    ...PERIOD_SQL,
    [StatsDimension.BUYER]: 'r.buyer_id',
    [StatsDimension.CATEGORY]: 'r.category',
  },
  buyer: 'r.buyer_id',
};

/**
 * As `statsRows`, from a rollup: `where` is over `r` and already selects whole-purchase rows
 * (`r.category IS NULL`) or category rows. Groups whose purchases were all voided stay in the
 * rollup as zero rows and are left out, as the ledger has no row for them.
 */
export async function rollupStatsRows(
  em: EntityManager,
  source: RollupSource,
  where: SqlFragment,
  dimensions: StatsDimension[],
): Promise<ConsumptionStatsRow[]> {
  const keys = dimensions.map((d, i) => ({ expr: source.dimensions[d]!, key: `k${i}`, dimension: d }));
  const inner = keys.map((k) => `${k.expr} AS ${k.key}`);
  const outer = keys.map((k) => {
    const format = PERIOD_FORMAT[k.dimension];
    return `${format ? format(`g.${k.key}`) : `g.${k.key}`} AS ${DIMENSION_SQL[k.dimension].alias}`;
  });
  const measures =
    'coalesce(sum(r.amount), 0) AS amount, coalesce(sum(r.purchase_count), 0) AS purchase_count, coalesce(sum(r.line_count), 0) AS line_count';
  const positions = keys.map((_, i) => i + 1).join(', ');
  const group = keys.length ? `GROUP BY ${positions} HAVING sum(r.purchase_count) > 0` : '';
  const rows = await query<StatsSqlRow>(em, {
    sql: `SELECT ${[...outer, 'g.amount::numeric(20,2)::text AS amount, g.purchase_count::int AS purchase_count, g.line_count::int AS line_count'].join(', ')}
          FROM (SELECT ${[...inner, measures].join(', ')} FROM ${source.table} r WHERE ${where.sql} ${group}) g
          ${keys.length ? `ORDER BY ${positions}` : ''}`,
    bindings: where.bindings,
  });
  return rows.map(toStatsRow);
}

/** As `topBuyerRows`, from the buyer rollup (`where` over `r`, as for `rollupStatsRows`). */
export async function rollupTopBuyerRows(
  em: EntityManager,
  where: SqlFragment,
  first: number,
): Promise<{ rank: number; buyerId: string; amount: string; purchaseCount: number }[]> {
  const rows = await query<{ buyer_id: string; amount: string; purchase_count: number }>(em, {
    sql: `SELECT r.buyer_id, sum(r.amount)::numeric(20,2)::text AS amount, sum(r.purchase_count)::int AS purchase_count
          FROM ${BUYER_ROLLUP.table} r WHERE ${where.sql} GROUP BY r.buyer_id HAVING sum(r.purchase_count) > 0
          ORDER BY sum(r.amount) DESC, sum(r.purchase_count) DESC, r.buyer_id LIMIT ${first}`,
    bindings: where.bindings,
  });
  return rows.map((row, i) => ({
    rank: i + 1,
    buyerId: row.buyer_id,
    amount: row.amount,
    purchaseCount: row.purchase_count,
  }));
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

/**
 * Totals of the purchases `where` selects (over `purchase p`), for each of many villages of
 * origin, in one statement; a village without any gets zeros. The partial index on (village,
 * date) of unvoided purchases answers it from the index alone.
 */
export async function consumptionOfVillages(
  em: EntityManager,
  villageCodes: readonly string[],
  where: SqlFragment,
): Promise<VillageConsumption[]> {
  const rows = await query<{ village_code: string } & VillageConsumption>(em, {
    sql: `SELECT p.origin_village_code AS village_code, sum(p.total_amount)::numeric(20,2)::text AS "totalAmount",
        count(*)::int AS "purchaseCount", sum(p.line_count)::int AS "lineCount"
      FROM purchase p WHERE p.origin_village_code = ANY(?::text[]) AND ${where.sql} GROUP BY p.origin_village_code`,
    bindings: [[...villageCodes], ...where.bindings],
  });
  const byVillage = new Map(rows.map((row) => [row.village_code, row]));
  return villageCodes.map((code) => {
    const row = byVillage.get(code);
    return {
      totalAmount: row?.totalAmount ?? '0.00',
      purchaseCount: row?.purchaseCount ?? 0,
      lineCount: row?.lineCount ?? 0,
    };
  });
}
