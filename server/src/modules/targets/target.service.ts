import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import type { SqlFragment } from '../../core/sql';
import { villagePolicy } from '../villages/village.policy';
import { regionPolicy } from '../regions/region.policy';
import type { RegionTargetMetric, TargetMetric } from '../feature-module';
import { metFlag, targetStatus } from './target.rules';
import type { CountyTargetAttainment, RegionSummary, TargetAttainment, TargetProgress } from './target.types';
import {
  countiesAsGroups,
  countiesInRegions,
  countyAttainment,
  countyProgress,
  regionCounts,
  villageAttainment,
  villageProgress,
  villagesAsGroups,
  villagesInRegions,
  type AttainmentRow,
  type ProgressRow,
  type RegionCounts,
} from './target.repository';

const NO_VILLAGES: RegionCounts = {
  villageCount: 0,
  keyAssistedVillageCount: 0,
  formerPovertyVillageCount: 0,
  demonstrationVillageCount: 0,
  villagesWithIndicators: 0,
};

/** The year targets are judged as at: the one asked for, never later than the current year (Asia/Shanghai). */
function judgedAsOf(year: number | null | undefined): { asOf: number; current: number } {
  const current = Number(todayInShanghai().slice(0, 4));
  return { asOf: Math.min(year ?? current, current), current };
}

function toProgress(row: ProgressRow): TargetProgress {
  // The status comes from the pure rule; the SQL twin of it only serves the region aggregates.
  const status = targetStatus(row, row.measurable, row.due, row.actual);
  return {
    targetCode: row.target_code,
    metric: row.metric,
    measures: row.measures,
    measurable: row.measurable,
    description: row.description,
    comparison: row.comparison,
    threshold: row.threshold,
    unit: row.unit,
    dueYear: row.due_year,
    fromYear: row.from_year,
    toYear: row.to_year,
    status,
    evaluatedYear: row.evaluated_year,
    actual: row.actual,
    evaluatedSource: row.evaluated_source,
    met: metFlag(status),
  };
}

function toAttainment(row: AttainmentRow): TargetAttainment {
  return {
    targetCode: row.target_code,
    metric: row.metric,
    measures: row.measures,
    measurable: row.measurable,
    dueYear: row.due_year,
    applicableVillages: row.applicable,
    evaluatedVillages: row.evaluated,
    metVillages: row.met,
    missedVillages: row.missed,
    onTrackVillages: row.on_track,
    notDueVillages: row.not_due,
    noDataVillages: row.no_data,
  };
}

function toCountyAttainment(row: AttainmentRow): CountyTargetAttainment {
  return {
    targetCode: row.target_code,
    metric: row.metric,
    measures: row.measures,
    measurable: row.measurable,
    dueYear: row.due_year,
    fromYear: row.from_year,
    toYear: row.to_year,
    evaluatedYear: row.evaluated_year,
    applicableCounties: row.applicable,
    evaluatedCounties: row.evaluated,
    metCounties: row.met,
    missedCounties: row.missed,
    onTrackCounties: row.on_track,
    notDueCounties: row.not_due,
    noDataCounties: row.no_data,
  };
}

const METRIC_NAME = /^[A-Z][A-Z0-9_]*$/;

function checked<M extends { metric: string; expr: string }>(metrics: readonly M[], kind: string): readonly M[] {
  const names = new Set<string>();
  for (const { metric, expr } of metrics) {
    if (!METRIC_NAME.test(metric)) throw new Error(`${kind} metric name ${metric} must be an upper-case identifier`);
    if (names.has(metric)) throw new Error(`${kind} metric ${metric} is declared twice`);
    if (expr.includes('?')) throw new Error(`${kind} metric ${metric}: write the year as :year, not ?`);
    names.add(metric);
  }
  return metrics;
}

export class TargetService {
  private villageMetrics: readonly TargetMetric[] = [];
  private regionMetrics: readonly RegionTargetMetric[] = [];

  /** Called once by the composition root with the metrics every module declares. */
  useMetrics(villageMetrics: readonly TargetMetric[], regionMetrics: readonly RegionTargetMetric[]): void {
    const village = checked(villageMetrics, 'village');
    const county = checked(regionMetrics, 'county');
    this.villageMetrics = village;
    this.regionMetrics = county;
  }

  /** `Village.targetProgress(year)` for every village of the request in one statement. */
  progress(ctx: Context, villageCode: string, year: number | null | undefined): Promise<TargetProgress[]> {
    const scope = villagePolicy.readable(ctx.viewer, 'r.code');
    const { asOf, current } = judgedAsOf(year);
    return ctx.loaders
      .get<string, TargetProgress[]>(`target.progress:${asOf}`, async (codes) => {
        const rows = await villageProgress(ctx.em, this.villageMetrics, villagesAsGroups(codes, scope), asOf, current);
        return codes.map((code) => rows.filter((row) => row.group_code === code).map(toProgress));
      })
      .load(villageCode);
  }

  /** `Region.targetProgress(year)`: the county targets of a county you may see (none for other levels). */
  countyProgress(ctx: Context, regionCode: string, year: number | null | undefined): Promise<TargetProgress[]> {
    const scope = this.applicableCounties(ctx);
    const { asOf, current } = judgedAsOf(year);
    return ctx.loaders
      .get<string, TargetProgress[]>(`target.countyProgress:${asOf}`, async (codes) => {
        const rows = await countyProgress(ctx.em, this.regionMetrics, countiesAsGroups(codes, scope), asOf, current);
        return codes.map((code) => rows.filter((row) => row.group_code === code).map(toProgress));
      })
      .load(regionCode);
  }

  /**
   * `Region.summary(year)`: counts and village-target attainment over the visible villages inside
   * each region of the request, aggregated in SQL: two statements for any number of regions.
   */
  summary(ctx: Context, regionCode: string, year: number | null | undefined): Promise<RegionSummary> {
    const scope = villagePolicy.readable(ctx.viewer, 'r.code');
    const { asOf, current } = judgedAsOf(year);
    return ctx.loaders
      .get<string, RegionSummary>(`target.summary:${year ?? ''}`, async (codes) => {
        const groups = villagesInRegions(codes, scope);
        const counts = await regionCounts(ctx.em, groups, year ?? null);
        const targets = await villageAttainment(ctx.em, this.villageMetrics, groups, asOf, current);
        return codes.map((code) => ({
          year: asOf,
          ...(counts.find((row) => row.group_code === code) ?? NO_VILLAGES),
          targets: targets.filter((row) => row.group_code === code).map(toAttainment),
          regionCode: code,
          asOfYear: asOf,
        }));
      })
      .load(regionCode);
  }

  /** `RegionSummary.countyTargets`: county-target attainment over the applicable counties of each region, in one statement. */
  countyTargets(ctx: Context, summary: RegionSummary): Promise<CountyTargetAttainment[]> {
    const scope = this.applicableCounties(ctx);
    const { asOf, current } = judgedAsOf(summary.asOfYear);
    return ctx.loaders
      .get<string, CountyTargetAttainment[]>(`target.countyTargets:${asOf}`, async (codes) => {
        const rows = await countyAttainment(
          ctx.em,
          this.regionMetrics,
          codes,
          countiesInRegions(codes, scope),
          asOf,
          current,
        );
        return codes.map((code) => rows.filter((row) => row.group_code === code).map(toCountyAttainment));
      })
      .load(summary.regionCode);
  }

  /**
   * The counties county targets apply to, over `cs`: counties the viewer may see that hold a
   * key-assisted village the viewer may see (the 12% rule is about money for those villages).
   */
  private applicableCounties(ctx: Context): SqlFragment {
    const region = regionPolicy.readable(ctx.viewer, 'cs.code');
    const village = villagePolicy.readable(ctx.viewer, 'kd.village_code');
    return {
      sql: `(${region.sql}) AND EXISTS (SELECT 1 FROM village_designation kd
        WHERE kd.kind = 'KEY_ASSISTED' AND kd.village_code LIKE substr(cs.code, 1, 6) || '%' AND (${village.sql}))`,
      bindings: [...region.bindings, ...village.bindings],
    };
  }
}

export const targetService = new TargetService();
