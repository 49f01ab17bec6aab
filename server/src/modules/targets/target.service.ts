import type { Context } from '../../core/context';
import { villagePolicy } from '../villages/village.policy';
import { and, inList, query, type SqlFragment } from '../../core/sql';
import type { TargetProgress } from './target.types';
import type { RegionSummary, TargetAttainment } from '../regions/region.types';

/**
 * How a measurable metric is read, as a SQL expression over `vs.code` (the village code), `v` (its
 * profile) and `ind` (its indicator row for the evaluated year). Metrics without one (a plan
 * compiled, a civilisation station built …) are targets the platform holds no data for: their
 * actual value is null and they count as not evaluated. The module owning the data behind a
 * metric declares it in its descriptor (`targetMetrics`); the composition root hands all of them
 * to the target service.
 */
export interface TargetMetric {
  metric: string;
  expr: string;
  /** Read from the indicators of the evaluated year (else from undated profile or live data). */
  yearly: boolean;
}

/** The metrics read from village profiles and yearly indicators. */
export const VILLAGE_METRICS: TargetMetric[] = [
  { metric: 'COLLECTIVE_INCOME', expr: 'ind.collective_income', yearly: true },
  { metric: 'PER_CAPITA_DISPOSABLE_INCOME', expr: 'ind.per_capita_disposable_income', yearly: true },
  { metric: 'TAP_WATER_COVERAGE', expr: 'ind.tap_water_coverage', yearly: true },
  { metric: 'SANITARY_TOILET_COVERAGE', expr: 'ind.sanitary_toilet_coverage', yearly: true },
  { metric: 'HIGH_STANDARD_FARMLAND_SHARE', expr: 'ind.high_standard_farmland_share', yearly: true },
  { metric: 'LEADING_INDUSTRY_COUNT', expr: '(CASE WHEN v.leading_industry IS NULL THEN 0 ELSE 1 END)', yearly: false },
  { metric: 'SPECIALTY_INDUSTRY_COUNT', expr: 'cardinality(v.specialty_industries)', yearly: false },
];

function actualSql(metrics: readonly TargetMetric[]): string {
  const cases = metrics.map(({ metric, expr }) => `WHEN '${metric}' THEN (${expr})::numeric`).join(' ');
  return `CASE t.metric ${cases} ELSE NULL END`;
}

function evaluatedYearSql(metrics: readonly TargetMetric[]): string {
  const yearly = metrics.filter((m) => m.yearly).map((m) => `'${m.metric}'`);
  return yearly.length ? `CASE WHEN t.metric IN (${yearly.join(', ')}) THEN ind.year END` : 'NULL::int';
}

/** Which targets apply to a village follows from its designations. */
const APPLIES_SQL = `(t.applies_to = 'KEY_ASSISTED' AND EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = vs.code AND d.kind = 'KEY_ASSISTED'))
  OR (t.applies_to = 'DEMONSTRATION_PROVINCIAL_OR_MUNICIPAL' AND EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = vs.code AND d.kind = 'DEMONSTRATION' AND d.level IN ('PROVINCIAL', 'MUNICIPAL')))`;

/** Per village and applicable target: actual value and whether it is met, for the villages `villages` selects. */
function progressSql(metrics: readonly TargetMetric[], villages: SqlFragment, year: number | null): SqlFragment {
  return {
    sql: `WITH vs AS (SELECT r.code FROM village v JOIN region r ON r.code = v.code WHERE ${villages.sql}),
      ind AS (
        SELECT DISTINCT ON (i.village_code) i.* FROM village_indicators i JOIN vs ON vs.code = i.village_code
        WHERE (?::int IS NULL OR i.year = ?::int) ORDER BY i.village_code, i.year DESC
      ),
      progress AS (
        SELECT vs.code AS village_code, t.code AS target_code, t.metric, t.description, t.comparison, t.threshold, t.unit, t.due_year,
          ${actualSql(metrics)} AS actual, ${evaluatedYearSql(metrics)} AS evaluated_year
        FROM vs JOIN village v ON v.code = vs.code LEFT JOIN ind ON ind.village_code = vs.code
        JOIN policy_target t ON ${APPLIES_SQL}
      )
      SELECT *, CASE WHEN actual IS NULL THEN NULL WHEN comparison = 'GTE' THEN actual >= threshold ELSE actual = threshold END AS met
      FROM progress`,
    bindings: [...villages.bindings, year, year],
  };
}

interface ProgressRow {
  village_code: string;
  target_code: string;
  metric: string;
  description: string;
  comparison: string;
  threshold: string;
  unit: string;
  due_year: number | null;
  actual: string | null;
  evaluated_year: number | null;
  met: boolean | null;
}

export class TargetService {
  private metrics: readonly TargetMetric[] = VILLAGE_METRICS;

  /** Called once by the composition root with the metrics every module declares. */
  useMetrics(metrics: readonly TargetMetric[]): void {
    const names = new Set<string>();
    for (const { metric } of metrics) {
      if (names.has(metric)) throw new Error(`target metric ${metric} is declared twice`);
      names.add(metric);
    }
    this.metrics = metrics;
  }

  /** `Village.targetProgress(year)` for every village of the request in one statement. */
  progress(ctx: Context, villageCode: string, year: number | null | undefined): Promise<TargetProgress[]> {
    const loader = ctx.loaders.get<string, TargetProgress[]>(`target.progress:${year ?? 'latest'}`, async (codes) => {
      const progress = progressSql(
        this.metrics,
        and(inList('r.code', codes), villagePolicy.readable(ctx.viewer, 'r.code')),
        year ?? null,
      );
      const rows = await query<ProgressRow>(ctx.em, {
        sql: `${progress.sql} ORDER BY village_code, due_year NULLS LAST, target_code`,
        bindings: progress.bindings,
      });
      return codes.map((code) =>
        rows
          .filter((row) => row.village_code === code)
          .map((row) => ({
            targetCode: row.target_code,
            metric: row.metric,
            description: row.description,
            comparison: row.comparison,
            threshold: row.threshold,
            unit: row.unit,
            dueYear: row.due_year,
            evaluatedYear: row.evaluated_year,
            actual: row.actual,
            met: row.met,
          })),
      );
    });
    return loader.load(villageCode);
  }

  /** `Region.summary(year)`: counts and target attainment over the visible villages under a prefix, aggregated in SQL. */
  async summary(ctx: Context, regionPrefix: string, year: number | null | undefined): Promise<RegionSummary> {
    const villages = and(
      { sql: 'r.code LIKE ?', bindings: [`${regionPrefix}%`] },
      villagePolicy.readable(ctx.viewer, 'r.code'),
    );
    const [counts] = await query<Omit<RegionSummary, 'targets' | 'year'>>(ctx.em, {
      sql: `SELECT count(*)::int AS "villageCount",
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'KEY_ASSISTED'))::int AS "keyAssistedVillageCount",
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'FORMER_POVERTY'))::int AS "formerPovertyVillageCount",
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_designation d WHERE d.village_code = r.code AND d.kind = 'DEMONSTRATION'))::int AS "demonstrationVillageCount",
          count(*) FILTER (WHERE EXISTS (SELECT 1 FROM village_indicators i WHERE i.village_code = r.code AND (?::int IS NULL OR i.year = ?::int)))::int AS "villagesWithIndicators"
        FROM village v JOIN region r ON r.code = v.code WHERE ${villages.sql}`,
      bindings: [year ?? null, year ?? null, ...villages.bindings],
    });
    const progress = progressSql(this.metrics, villages, year ?? null);
    const targets = await query<TargetAttainment>(ctx.em, {
      sql: `SELECT p.target_code AS "targetCode", p.metric, p.due_year AS "dueYear", count(*)::int AS "applicableVillages",
          count(p.actual)::int AS "evaluatedVillages", count(*) FILTER (WHERE p.met)::int AS "metVillages"
        FROM (${progress.sql}) p GROUP BY p.target_code, p.metric, p.due_year ORDER BY p.due_year NULLS LAST, p.target_code`,
      bindings: progress.bindings,
    });
    return { year: year ?? null, ...counts, targets };
  }
}

export const targetService = new TargetService();
