import { FISCAL_TRANSITION_SOURCES } from './funds.enums';

/**
 * The funding rules as data and SQL, each with its source.
 *
 * 12% (`003_6038825323505164.txt` 第四篇 一、(三)): "过渡期内,即2021-2025年,财政衔接推进乡村振兴补助资金
 * 每年不低于12%用于重点帮扶村".
 */
export const TRANSITION_PERIOD = { from: 2021, to: 2025 } as const;
export const KEY_VILLAGE_SHARE_MIN_PERCENT = 12;

/** The year's deadline for funds in place and projects started: the end of April (4月底, `002_…` 九). */
export const aprilDeadline = (year: number): string => `${year}-04-30`;

const fiscalList = FISCAL_TRANSITION_SOURCES.map((s) => `'${s}'`).join(', ');

/**
 * The 12% rule's two sums for a county and year, as SQL over trusted expressions (`countyExpr`
 * and `yearExpr` may be placeholders or column references):
 *
 * - `total`: the year's fiscal transition funds allocated to the county (fund_allocation of the
 *   four fiscal transition sources, that county, that year), in place or not: the rule is about
 *   each year's funds.
 * - `key_villages`: what of those allocations has been **paid** to projects that serve only
 *   key-assisted villages (重点帮扶村, designated by that year). The document says the funds are
 *   "用于重点帮扶村", used for the key villages: an allocation or a budget is an intention, a payment
 *   to a project is the use. A project that also serves other villages does not count, because
 *   nothing says which part of it went to the key village; counting it whole would let a county
 *   meet a floor ("不低于") it may not meet, so the count errs on the side of not met. Counties
 *   that want credit plan projects per village (项目到村).
 */
export function keyVillageShareSumsSql(countyExpr: string, yearExpr: string): string {
  return `SELECT
      coalesce((SELECT sum(fa.amount) FROM fund_allocation fa
        WHERE fa.county_code = ${countyExpr} AND fa.year = ${yearExpr} AND fa.source IN (${fiscalList})), 0.00) AS total,
      coalesce((SELECT sum(pp.amount) FROM project_payment pp
        JOIN fund_allocation fa ON fa.id = pp.allocation_id
        WHERE fa.county_code = ${countyExpr} AND fa.year = ${yearExpr} AND fa.source IN (${fiscalList})
          AND NOT EXISTS (SELECT 1 FROM project_village pv WHERE pv.project_id = pp.project_id
            AND NOT EXISTS (SELECT 1 FROM village_designation kd WHERE kd.village_code = pv.village_code
              AND kd.kind = 'KEY_ASSISTED' AND (kd.since_year IS NULL OR kd.since_year <= ${yearExpr})))), 0.00) AS key_villages`;
}

/**
 * The share as a percentage truncated (not rounded) to two decimals, null without funds. Truncating
 * keeps the displayed share and `met` in agreement: an exact 11.995% shows as 11.99 and is not met,
 * where rounding would show 12.00 beside "not met".
 */
export const shareSql = (sums: string) =>
  `CASE WHEN ${sums}.total > 0 THEN trunc(${sums}.key_villages * 100 / ${sums}.total, 2) END`;

/** Met when key-village payments × 100 ≥ total × 12, compared exactly in numeric (no division). */
export const metSql = (sums: string) =>
  `CASE WHEN ${sums}.total > 0 THEN ${sums}.key_villages * 100 >= ${sums}.total * ${KEY_VILLAGE_SHARE_MIN_PERCENT} END`;

/**
 * The county-level actual of the seeded target TRANSITION_FUND_SHARE_TO_KEY_VILLAGES, for
 * `Region.summary`: the share in percent (12.00 meets the ≥ 12 threshold), or NULL without data.
 */
export function keyVillageSharePercentSql(countyExpr: string, yearExpr: string): string {
  // Each argument appears once, so a placeholder passed as `yearExpr` takes one binding.
  return `(SELECT ${shareSql('s')} FROM (SELECT (${countyExpr})::varchar AS county, (${yearExpr})::int AS year) arg
    CROSS JOIN LATERAL (${keyVillageShareSumsSql('arg.county', 'arg.year')}) s)`;
}
