import type { TargetMetric } from '../feature-module';

/**
 * The policy-target metrics read from village profiles and yearly indicators, declared in the
 * villages descriptor. Industry counts are dated: an industry counts for a year only when
 * `village_industry` knows it existed by then (`:year`); the platform records industries a
 * village has, not the absence of one, so no dated industry reads as no data rather than zero.
 */
export const VILLAGE_METRICS: TargetMetric[] = [
  { metric: 'COLLECTIVE_INCOME', expr: 'ind.collective_income', yearly: true },
  { metric: 'PER_CAPITA_DISPOSABLE_INCOME', expr: 'ind.per_capita_disposable_income', yearly: true },
  { metric: 'TAP_WATER_COVERAGE', expr: 'ind.tap_water_coverage', yearly: true },
  { metric: 'SANITARY_TOILET_COVERAGE', expr: 'ind.sanitary_toilet_coverage', yearly: true },
  { metric: 'HIGH_STANDARD_FARMLAND_SHARE', expr: 'ind.high_standard_farmland_share', yearly: true },
  {
    metric: 'LEADING_INDUSTRY_COUNT',
    expr: `(SELECT nullif(count(*), 0) FROM village_industry vi
      WHERE vi.village_code = vs.code AND vi.name = v.leading_industry AND vi.since_year <= :year)`,
    yearly: false,
  },
  {
    metric: 'SPECIALTY_INDUSTRY_COUNT',
    expr: `(SELECT nullif(count(*), 0) FROM village_industry vi
      WHERE vi.village_code = vs.code AND vi.name = ANY (v.specialty_industries) AND vi.since_year <= :year)`,
    yearly: false,
  },
];
