import type { PlatformModule } from '../core/module';

/**
 * A domain module's descriptor: what core assembles (resolvers, entities, migrations, topics, node
 * types, constraint messages) plus what modules offer one another through the composition root.
 */
export interface FeatureModule extends PlatformModule {
  /** Policy-target metrics of villages computed from this module's data (see TargetMetric). */
  targetMetrics?: TargetMetric[];
  /** Policy-target metrics of counties computed from this module's data (see RegionTargetMetric). */
  regionMetrics?: RegionTargetMetric[];
}

/**
 * How a village target's metric is read: a SQL expression over `vs.code` (the village code), `v`
 * (its profile row) and, for a yearly metric, `ind` (its indicator row of the year evaluated),
 * returning a number, or NULL when there is no data. A metric no module declares is one the
 * platform cannot measure: its targets show as NO_DATA. A non-yearly expression may read the year
 * evaluated as `:year` (see RegionTargetMetric for the substitution), to count only facts dated by
 * then; one without `:year` reads the data as it stands now.
 */
export interface TargetMetric {
  /** The `metric` of the policy targets it measures, e.g. COLLECTIVE_INCOME. */
  metric: string;
  expr: string;
  /** Read from the indicator row of the year evaluated (`ind`). */
  yearly: boolean;
}

/**
 * How a county target's metric is read (targets that apply to COUNTY, such as the 12% share of
 * transition funds to key-assisted villages): a SQL expression over `cs.code` (the 12-digit
 * county code) and the year evaluated, written `:year`, returning a number or NULL when there is
 * no data for that county and year.
 *
 * `:year` substitution, exactly: every occurrence of `:year` that is not preceded by another `:`
 * (so a `::type` cast is left alone) and is followed by a non-word character or the end is
 * replaced by the column `tj.data_year`, an `int` holding the year evaluated for that target — a
 * query parameter bound once per statement and computed per target by `judge` in target.rules.ts.
 * The expression must not contain `?` (positional parameters would shift); declaring one with it,
 * or a metric twice, stops the platform at start-up.
 */
export interface RegionTargetMetric {
  metric: string;
  expr: string;
}
