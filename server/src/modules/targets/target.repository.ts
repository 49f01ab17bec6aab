import type { EntityManager } from '@mikro-orm/postgresql';
import { query, type SqlFragment } from '../../core/sql';
import type { RegionTargetMetric, TargetMetric } from '../feature-module';
import { TargetStatus } from './target.rules';

/**
 * The named queries of policy-target progress. Targets are rows of `policy_target`; each query
 * first judges every target for the year asked (`tj`, the SQL twin of `judge` in
 * target.rules.ts), then reads each metric's actual value for the year that decides, with the
 * expressions the modules declare. Scope conditions come from the caller.
 */

/** Replaces `:year` in a metric expression (see RegionTargetMetric for the exact rule). */
export function withYear(expr: string, yearSql: string): string {
  return expr.replace(/(?<!:):year\b/g, yearSql);
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

/** One village's or county's progress on one target, as the progress queries return it. */
export interface ProgressRow {
  subject_code: string;
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
 * Progress of the villages `villages` selects (over `r`, the village's region row) on every
 * target that applies to them: one row per village and target, the indicator row read for the
 * year that decides (exactly the due year once due, else the latest up to the year asked).
 */
function villageProgressSql(
  metrics: readonly TargetMetric[],
  villages: SqlFragment,
  asOf: number,
  current: number,
): SqlFragment {
  const judged = judgedTargets(asOf, current);
  const yearly = metrics.filter((m) => m.yearly);
  const actual = metrics.map((m) => `WHEN ${literal(m.metric)} THEN (${withYear(m.expr, 'tj.data_year')})::numeric`);
  const evaluatedYear = metrics.map(
    (m) =>
      `WHEN ${literal(m.metric)} THEN ${m.yearly ? 'ind.year' : /(?<!:):year\b/.test(m.expr) ? 'tj.data_year' : 'NULL::int'}`,
  );
  return {
    sql: `WITH ${judged.sql},
      vs AS (SELECT r.code FROM village v JOIN region r ON r.code = v.code WHERE ${villages.sql}),
      progress AS (
        SELECT vs.code AS subject_code, ${PROGRESS_COLUMNS},
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
    bindings: [...judged.bindings, ...villages.bindings],
  };
}

/** Village-target progress of the villages `villages` selects, ordered by village, due year and target. */
export function villageProgress(
  em: EntityManager,
  metrics: readonly TargetMetric[],
  villages: SqlFragment,
  asOf: number,
  current: number,
): Promise<ProgressRow[]> {
  const progress = villageProgressSql(metrics, villages, asOf, current);
  return query<ProgressRow>(em, {
    sql: `${progress.sql} ORDER BY subject_code, due_year NULLS LAST, target_code`,
    bindings: progress.bindings,
  });
}

export interface AttainmentRow {
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

const ATTAINMENT_COUNTS = `count(*)::int AS applicable, count(p.actual)::int AS evaluated,
  count(*) FILTER (WHERE p.status = '${TargetStatus.MET}')::int AS met,
  count(*) FILTER (WHERE p.status = '${TargetStatus.MISSED}')::int AS missed,
  count(*) FILTER (WHERE p.status = '${TargetStatus.ON_TRACK}')::int AS on_track,
  count(*) FILTER (WHERE p.status = '${TargetStatus.NOT_DUE}')::int AS not_due,
  count(*) FILTER (WHERE p.status = '${TargetStatus.NO_DATA}')::int AS no_data`;

/** Per village target, how many of the villages `villages` selects stand where; aggregated in SQL. */
export function villageAttainment(
  em: EntityManager,
  metrics: readonly TargetMetric[],
  villages: SqlFragment,
  asOf: number,
  current: number,
): Promise<AttainmentRow[]> {
  const progress = villageProgressSql(metrics, villages, asOf, current);
  return query<AttainmentRow>(em, {
    sql: `SELECT p.target_code, p.metric, p.measures, p.due_year, p.from_year, p.to_year, NULL::int AS evaluated_year,
        bool_or(p.measurable) AS measurable, ${ATTAINMENT_COUNTS}
      FROM (${progress.sql}) p
      GROUP BY p.target_code, p.metric, p.measures, p.due_year, p.from_year, p.to_year
      ORDER BY p.due_year NULLS LAST, p.target_code`,
    bindings: progress.bindings,
  });
}

/**
 * Progress of the counties `counties` selects (over `cs`, the county's region row) on every
 * target that applies to counties, with the metrics the modules declare over `cs.code`.
 */
function countyProgressSql(
  metrics: readonly RegionTargetMetric[],
  counties: SqlFragment,
  asOf: number,
  current: number,
): SqlFragment {
  const judged = judgedTargets(asOf, current);
  const actual = metrics.map((m) => `WHEN ${literal(m.metric)} THEN (${withYear(m.expr, 'tj.data_year')})::numeric`);
  return {
    sql: `WITH ${judged.sql},
      progress AS (
        SELECT cs.code AS subject_code, ${PROGRESS_COLUMNS},
          ${oneOf('tj.metric', metrics)} AS measurable,
          ${caseOfMetric(actual, 'numeric')} AS actual,
          CASE WHEN ${oneOf('tj.metric', metrics)} THEN tj.data_year END AS evaluated_year,
          NULL::text AS evaluated_source
        FROM region cs JOIN tj ON tj.applies_to = 'COUNTY'
        WHERE cs.level = 'COUNTY' AND ${counties.sql}
      )
      SELECT *, ${STATUS_SQL} AS status FROM progress`,
    bindings: [...judged.bindings, ...counties.bindings],
  };
}

/** County-target progress of the counties `counties` selects, ordered by county and target. */
export function countyProgress(
  em: EntityManager,
  metrics: readonly RegionTargetMetric[],
  counties: SqlFragment,
  asOf: number,
  current: number,
): Promise<ProgressRow[]> {
  const progress = countyProgressSql(metrics, counties, asOf, current);
  return query<ProgressRow>(em, {
    sql: `${progress.sql} ORDER BY subject_code, target_code`,
    bindings: progress.bindings,
  });
}

/** Per county target, how many of the counties `counties` selects stand where; aggregated in SQL. */
export function countyAttainment(
  em: EntityManager,
  metrics: readonly RegionTargetMetric[],
  counties: SqlFragment,
  asOf: number,
  current: number,
): Promise<AttainmentRow[]> {
  const progress = countyProgressSql(metrics, counties, asOf, current);
  return query<AttainmentRow>(em, {
    sql: `SELECT t.code AS target_code, t.metric, t.measures, t.due_year, t.from_year, t.to_year,
        max(p.evaluated_year) AS evaluated_year, ${oneOf('t.metric', metrics)} AS measurable,
        count(p.target_code)::int AS applicable, count(p.actual)::int AS evaluated,
        count(*) FILTER (WHERE p.status = '${TargetStatus.MET}')::int AS met,
        count(*) FILTER (WHERE p.status = '${TargetStatus.MISSED}')::int AS missed,
        count(*) FILTER (WHERE p.status = '${TargetStatus.ON_TRACK}')::int AS on_track,
        count(*) FILTER (WHERE p.status = '${TargetStatus.NOT_DUE}')::int AS not_due,
        count(*) FILTER (WHERE p.status = '${TargetStatus.NO_DATA}')::int AS no_data
      FROM policy_target t LEFT JOIN (${progress.sql}) p ON p.target_code = t.code
      WHERE t.applies_to = 'COUNTY'
      GROUP BY t.code, t.metric, t.measures, t.due_year, t.from_year, t.to_year
      ORDER BY t.code`,
    bindings: progress.bindings,
  });
}

export interface RegionCounts {
  villageCount: number;
  keyAssistedVillageCount: number;
  formerPovertyVillageCount: number;
  demonstrationVillageCount: number;
  villagesWithIndicators: number;
}

/** Village counts of the villages `villages` selects; with indicators for `year` (any year when null). */
export async function regionCounts(
  em: EntityManager,
  villages: SqlFragment,
  year: number | null,
): Promise<RegionCounts> {
  const designated = (kind: string) =>
    `count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = '${kind}'))::int`;
  const [counts] = await query<RegionCounts>(em, {
    sql: `SELECT count(*)::int AS "villageCount",
        ${designated('KEY_ASSISTED')} AS "keyAssistedVillageCount",
        ${designated('FORMER_POVERTY')} AS "formerPovertyVillageCount",
        ${designated('DEMONSTRATION')} AS "demonstrationVillageCount",
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_indicators i WHERE i.village_code = r.code AND (?::int IS NULL OR i.year = ?::int)))::int AS "villagesWithIndicators"
      FROM village v JOIN region r ON r.code = v.code WHERE ${villages.sql}`,
    bindings: [year, year, ...villages.bindings],
  });
  return counts;
}
