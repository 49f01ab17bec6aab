import type { EntityManager } from '@mikro-orm/postgresql';
import { and, inList, query, type SqlFragment } from '../../core/sql';
import { insideRegionSql } from '../regions/region.repository';
import type { RegionTargetMetric, TargetMetric } from '../feature-module';
import { TargetStatus } from './target.rules';

/**
 * The named queries of policy-target progress. Targets are rows of `policy_target`; each query
 * first judges every target for the year asked (`tj`, the SQL twin of `judge` in
 * target.rules.ts), then reads each metric's actual value for the year that decides, with the
 * expressions the modules declare. Scope conditions come from the caller.
 */

/** `:year` in a metric expression, not part of a `::` cast (see RegionTargetMetric for the exact rule). */
const YEAR_TOKEN = /(?<!:):year\b/;

/** Replaces every `:year` in a metric expression with `yearSql`. */
export function withYear(expr: string, yearSql: string): string {
  return expr.replace(new RegExp(YEAR_TOKEN, 'g'), yearSql);
}

/** Every target judged as at the end of `asOf` (already no later than `current`), one row per target. */
function judgedTargets(asOf: number, current: number): SqlFragment {
  return {
    sql: `tj AS (
      SELECT t.code, t.metric, t.measures, t.description, t.comparison, t.threshold::text AS threshold, t.unit,
        t.due_year, t.from_year, t.to_year, t.applies_to, s.due,
        CASE WHEN s.due AND s.judged_due_year IS NOT NULL THEN s.judged_due_year ELSE p.as_of END AS data_year,
        (s.due AND s.judged_due_year IS NOT NULL) AS exact_year
      FROM policy_target t
      CROSS JOIN (SELECT ?::int AS as_of, ?::int AS current_year) p
      CROSS JOIN LATERAL (
        SELECT j.judged_due_year,
          (j.judged_due_year IS NULL OR j.judged_due_year < p.as_of
            OR (j.judged_due_year = p.as_of AND p.as_of < p.current_year)) AS due
        FROM (SELECT CASE WHEN t.from_year IS NOT NULL THEN least(greatest(p.as_of, t.from_year), t.to_year)
                     ELSE t.due_year END AS judged_due_year) j
      ) s
    )`,
    bindings: [asOf, current],
  };
}

/** Metric names become SQL literals: only upper-case identifiers are accepted (checked at start-up). */
const literal = (metric: string) => `'${metric}'`;
/** `CASE tj.metric WHEN … END`, or NULL when no metric is declared (a CASE needs a WHEN). */
const caseOfMetric = (whens: string[], type: string) =>
  whens.length ? `CASE tj.metric ${whens.join(' ')} ELSE NULL END` : `NULL::${type}`;
/** `metricExpr IN (…declared metrics)`, or false when none is declared. */
const oneOf = (metricExpr: string, metrics: readonly { metric: string }[]) =>
  metrics.length ? `${metricExpr} IN (${metrics.map((m) => literal(m.metric)).join(', ')})` : 'false';

/** The same rules as `targetStatus`, over `measurable`, `due`, `actual`, `comparison` and `threshold`. */
const STATUS_SQL = `CASE
    WHEN NOT measurable THEN '${TargetStatus.NO_DATA}'
    WHEN due THEN CASE WHEN actual IS NULL THEN '${TargetStatus.NO_DATA}'
      WHEN (CASE comparison WHEN 'GTE' THEN actual >= threshold::numeric ELSE actual = threshold::numeric END) THEN '${TargetStatus.MET}'
      ELSE '${TargetStatus.MISSED}' END
    WHEN actual IS NOT NULL AND (CASE comparison WHEN 'GTE' THEN actual >= threshold::numeric ELSE actual = threshold::numeric END)
      THEN '${TargetStatus.ON_TRACK}'
    ELSE '${TargetStatus.NOT_DUE}' END`;

/** Which village targets apply to a village follows from its designations. */
const APPLIES_TO_VILLAGE = `(tj.applies_to = 'KEY_ASSISTED' AND EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = vs.code AND d.kind = 'KEY_ASSISTED'))
  OR (tj.applies_to = 'DEMONSTRATION_PROVINCIAL_OR_MUNICIPAL' AND EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = vs.code AND d.kind = 'DEMONSTRATION' AND d.level IN ('PROVINCIAL', 'MUNICIPAL')))`;

/**
 * Which villages (or counties) a progress query covers, grouped: `(group_code, code)` rows, the
 * group being the subject itself for per-village progress, or a region for its aggregates.
 */
export type Groups = SqlFragment;

/** Each of these villages as its own group; `scope` is over `r`, the village's region row. */
export const villagesAsGroups = (codes: readonly string[], scope: SqlFragment): Groups =>
  selectGroups('r.code', 'r.code', 'village v JOIN region r ON r.code = v.code', and(inList('r.code', codes), scope));

/** The villages inside each of these regions, grouped by region; `scope` is over `r`. */
export const villagesInRegions = (regionCodes: readonly string[], scope: SqlFragment): Groups =>
  selectGroups(
    'p.code',
    'r.code',
    `region p JOIN region r ON ${insideRegionSql('p', 'r.code')} JOIN village v ON v.code = r.code`,
    and(inList('p.code', regionCodes), scope),
  );

/** Each of these counties as its own group; `scope` is over `cs`, the county's region row. */
export const countiesAsGroups = (codes: readonly string[], scope: SqlFragment): Groups =>
  selectGroups(
    'cs.code',
    'cs.code',
    'region cs',
    and(inList('cs.code', codes), { sql: `cs.level = 'COUNTY'`, bindings: [] }, scope),
  );

/** The counties inside each of these regions, grouped by region; `scope` is over `cs`. */
export const countiesInRegions = (regionCodes: readonly string[], scope: SqlFragment): Groups =>
  selectGroups(
    'p.code',
    'cs.code',
    `region p JOIN region cs ON ${insideRegionSql('p', 'cs.code')}`,
    and(inList('p.code', regionCodes), { sql: `cs.level = 'COUNTY'`, bindings: [] }, scope),
  );

function selectGroups(groupExpr: string, codeExpr: string, from: string, where: SqlFragment): Groups {
  return {
    sql: `SELECT ${groupExpr} AS group_code, ${codeExpr} AS code FROM ${from} WHERE ${where.sql}`,
    bindings: where.bindings,
  };
}

/** One group's progress on one target (a village's own, or a village or county inside a region). */
export interface ProgressRow {
  group_code: string;
  target_code: string;
  metric: string;
  measures: string | null;
  description: string;
  comparison: string;
  threshold: string;
  unit: string;
  due_year: number | null;
  from_year: number | null;
  to_year: number | null;
  due: boolean;
  measurable: boolean;
  actual: string | null;
  evaluated_year: number | null;
  evaluated_source: string | null;
  status: TargetStatus;
}

const PROGRESS_COLUMNS = `tj.code AS target_code, tj.metric, tj.measures, tj.description, tj.comparison, tj.threshold, tj.unit,
  tj.due_year, tj.from_year, tj.to_year, tj.due`;

/**
 * Progress of grouped villages on every target that applies to them: one row per group, village
 * and target, the indicator row read for the year that decides (exactly the due year once due,
 * else the latest up to the year asked).
 */
function villageProgressSql(
  metrics: readonly TargetMetric[],
  groups: Groups,
  asOf: number,
  current: number,
): SqlFragment {
  const judged = judgedTargets(asOf, current);
  const yearly = metrics.filter((m) => m.yearly);
  const actual = metrics.map((m) => `WHEN ${literal(m.metric)} THEN (${withYear(m.expr, 'tj.data_year')})::numeric`);
  const evaluatedYear = metrics.map(
    (m) =>
      `WHEN ${literal(m.metric)} THEN ${m.yearly ? 'ind.year' : YEAR_TOKEN.test(m.expr) ? 'tj.data_year' : 'NULL::int'}`,
  );
  return {
    sql: `WITH ${judged.sql},
      vs AS (${groups.sql}),
      progress AS (
        SELECT vs.group_code, ${PROGRESS_COLUMNS},
          ${oneOf('tj.metric', metrics)} AS measurable,
          ${caseOfMetric(actual, 'numeric')} AS actual,
          ${caseOfMetric(evaluatedYear, 'int')} AS evaluated_year,
          ind.source AS evaluated_source
        FROM vs JOIN village v ON v.code = vs.code
        JOIN tj ON ${APPLIES_TO_VILLAGE}
        LEFT JOIN LATERAL (
          SELECT i.* FROM village_indicators i
          WHERE i.village_code = vs.code AND ${oneOf('tj.metric', yearly)}
            AND CASE WHEN tj.exact_year THEN i.year = tj.data_year ELSE i.year <= tj.data_year END
          ORDER BY i.year DESC LIMIT 1
        ) ind ON true
      )
      SELECT *, ${STATUS_SQL} AS status FROM progress`,
    bindings: [...judged.bindings, ...groups.bindings],
  };
}

/** Village-target progress of each village (groups of one), ordered by village, due year and target. */
export function villageProgress(
  em: EntityManager,
  metrics: readonly TargetMetric[],
  groups: Groups,
  asOf: number,
  current: number,
): Promise<ProgressRow[]> {
  const progress = villageProgressSql(metrics, groups, asOf, current);
  return query<ProgressRow>(em, {
    sql: `${progress.sql} ORDER BY group_code, due_year NULLS LAST, target_code`,
    bindings: progress.bindings,
  });
}

export interface AttainmentRow {
  group_code: string;
  target_code: string;
  metric: string;
  measures: string | null;
  due_year: number | null;
  from_year: number | null;
  to_year: number | null;
  evaluated_year: number | null;
  measurable: boolean;
  applicable: number;
  evaluated: number;
  met: number;
  missed: number;
  on_track: number;
  not_due: number;
  no_data: number;
}

const STATUS_COUNTS = `count(p.actual)::int AS evaluated,
  count(*) FILTER (WHERE p.status = '${TargetStatus.MET}')::int AS met,
  count(*) FILTER (WHERE p.status = '${TargetStatus.MISSED}')::int AS missed,
  count(*) FILTER (WHERE p.status = '${TargetStatus.ON_TRACK}')::int AS on_track,
  count(*) FILTER (WHERE p.status = '${TargetStatus.NOT_DUE}')::int AS not_due,
  count(*) FILTER (WHERE p.status = '${TargetStatus.NO_DATA}')::int AS no_data`;

/** Per group and village target, how many of the group's villages stand where; aggregated in SQL. */
export function villageAttainment(
  em: EntityManager,
  metrics: readonly TargetMetric[],
  groups: Groups,
  asOf: number,
  current: number,
): Promise<AttainmentRow[]> {
  const progress = villageProgressSql(metrics, groups, asOf, current);
  return query<AttainmentRow>(em, {
    sql: `SELECT p.group_code, p.target_code, p.metric, p.measures, p.due_year, p.from_year, p.to_year,
        NULL::int AS evaluated_year, bool_or(p.measurable) AS measurable, count(*)::int AS applicable, ${STATUS_COUNTS}
      FROM (${progress.sql}) p
      GROUP BY p.group_code, p.target_code, p.metric, p.measures, p.due_year, p.from_year, p.to_year
      ORDER BY p.group_code, p.due_year NULLS LAST, p.target_code`,
    bindings: progress.bindings,
  });
}

/**
 * Progress of grouped counties (`cs`, the county's region row) on every target that applies to
 * counties, with the metrics the modules declare over `cs.code` and `:year`.
 */
function countyProgressSql(
  metrics: readonly RegionTargetMetric[],
  groups: Groups,
  asOf: number,
  current: number,
): SqlFragment {
  const judged = judgedTargets(asOf, current);
  const actual = metrics.map((m) => `WHEN ${literal(m.metric)} THEN (${withYear(m.expr, 'tj.data_year')})::numeric`);
  return {
    sql: `WITH ${judged.sql},
      gs AS (${groups.sql}),
      progress AS (
        SELECT gs.group_code, ${PROGRESS_COLUMNS},
          ${oneOf('tj.metric', metrics)} AS measurable,
          ${caseOfMetric(actual, 'numeric')} AS actual,
          CASE WHEN ${oneOf('tj.metric', metrics)} THEN tj.data_year END AS evaluated_year,
          NULL::text AS evaluated_source
        FROM gs JOIN region cs ON cs.code = gs.code JOIN tj ON tj.applies_to = 'COUNTY'
      )
      SELECT *, ${STATUS_SQL} AS status FROM progress`,
    bindings: [...judged.bindings, ...groups.bindings],
  };
}

/** County-target progress of each county (groups of one), ordered by county and target. */
export function countyProgress(
  em: EntityManager,
  metrics: readonly RegionTargetMetric[],
  groups: Groups,
  asOf: number,
  current: number,
): Promise<ProgressRow[]> {
  const progress = countyProgressSql(metrics, groups, asOf, current);
  return query<ProgressRow>(em, {
    sql: `${progress.sql} ORDER BY group_code, target_code`,
    bindings: progress.bindings,
  });
}

/**
 * Per region and county target, how many of the region's counties stand where; every region asked
 * lists every county target, with zero counties when none applies. Aggregated in SQL.
 */
export function countyAttainment(
  em: EntityManager,
  metrics: readonly RegionTargetMetric[],
  regionCodes: readonly string[],
  counties: Groups,
  asOf: number,
  current: number,
): Promise<AttainmentRow[]> {
  const progress = countyProgressSql(metrics, counties, asOf, current);
  const regions = inList('g.code', regionCodes);
  return query<AttainmentRow>(em, {
    sql: `SELECT g.code AS group_code, t.code AS target_code, t.metric, t.measures, t.due_year, t.from_year, t.to_year,
        max(p.evaluated_year) AS evaluated_year, ${oneOf('t.metric', metrics)} AS measurable,
        count(p.target_code)::int AS applicable, ${STATUS_COUNTS}
      FROM region g CROSS JOIN policy_target t
      LEFT JOIN (${progress.sql}) p ON p.group_code = g.code AND p.target_code = t.code
      WHERE t.applies_to = 'COUNTY' AND ${regions.sql}
      GROUP BY g.code, t.code, t.metric, t.measures, t.due_year, t.from_year, t.to_year
      ORDER BY g.code, t.code`,
    bindings: [...progress.bindings, ...regions.bindings],
  });
}

export interface RegionCounts {
  villageCount: number;
  keyAssistedVillageCount: number;
  formerPovertyVillageCount: number;
  demonstrationVillageCount: number;
  villagesWithIndicators: number;
}

/** Village counts per group of villages; with indicators for `year` (any year when null). */
export async function regionCounts(
  em: EntityManager,
  groups: Groups,
  year: number | null,
): Promise<(RegionCounts & { group_code: string })[]> {
  const designated = (kind: string) =>
    `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = g.code AND d.kind = '${kind}'))::int`;
  return query<RegionCounts & { group_code: string }>(em, {
    sql: `SELECT g.group_code, count(*)::int AS "villageCount",
        ${designated('KEY_ASSISTED')} AS "keyAssistedVillageCount",
        ${designated('FORMER_POVERTY')} AS "formerPovertyVillageCount",
        ${designated('DEMONSTRATION')} AS "demonstrationVillageCount",
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_indicators i WHERE i.village_code = g.code AND (?::int IS NULL OR i.year = ?::int)))::int AS "villagesWithIndicators"
      FROM (${groups.sql}) g GROUP BY g.group_code`,
    bindings: [year, year, ...groups.bindings],
  });
}
