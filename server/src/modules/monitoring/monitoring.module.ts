import type { FeatureModule } from '../feature-module';
import { HouseholdMemberResolver, HouseholdResolver } from './household.resolver';
import { MonitoringCaseResolver, MonitoringPlanResolver, MonitoringSummaryResolver } from './monitoring-case.resolver';
import { MonitoringLiveResolver } from './monitoring-live.resolver';
import { householdService, ID_NUMBER_TAKEN, ONE_HEAD } from './household.service';
import { monitoringCaseService, OPEN_CASE_EXISTS } from './monitoring-case.service';
import { LINE_YEARS_OVERLAP } from './monitoring-settings.service';
import { monitoringCasePolicy } from './monitoring-case.policy';
import { MONITORING_CASE_CHANGED } from './monitoring.events';
import { Migration20261130010000_monitoring } from './migrations/Migration20261130010000_monitoring';

/**
 * Return-to-poverty monitoring (防止返贫动态监测): households and members, income, 两不愁三保障,
 * monitoring lines and notice periods per region, cases through their workflow, plans (一户一案),
 * measures and visits, the screening cadence, and the personal-data access log. Written in SQL
 * through its repositories, so the module has no ORM entities.
 */
export const monitoringModule: FeatureModule = {
  name: 'monitoring',
  resolvers: [
    HouseholdResolver,
    HouseholdMemberResolver,
    MonitoringCaseResolver,
    MonitoringPlanResolver,
    MonitoringSummaryResolver,
    MonitoringLiveResolver,
  ],
  migrations: [{ name: 'Migration20261130010000_monitoring', class: Migration20261130010000_monitoring }],
  nodeTypes: [
    { typeName: 'Household', fetch: (ctx, key) => householdService.byKey(ctx, key) },
    { typeName: 'HouseholdMember', fetch: (ctx, key) => householdService.memberByKey(ctx, key) },
    { typeName: 'MonitoringCase', fetch: (ctx, key) => monitoringCaseService.byKey(ctx, key) },
  ],
  // Per reader: an event resolved for the county may read whole ID numbers, and each reader's
  // read must reach the access log under its own name, never be served from another's result.
  topics: [{ topic: MONITORING_CASE_CHANGED, receives: monitoringCasePolicy.receives, perReader: true }],
  // The database is the last guard of these rules; racing requests surface as these errors.
  constraints: [
    { constraint: 'household_member_id_number', message: ID_NUMBER_TAKEN, fields: ['idNumber'] },
    { constraint: 'household_member_one_head', message: ONE_HEAD, fields: ['relation'] },
    { constraint: 'monitoring_case_one_open_per_household', message: OPEN_CASE_EXISTS, fields: ['householdId'] },
    { constraint: 'monitoring_line_years_overlap', message: LINE_YEARS_OVERLAP, fields: ['fromYear', 'toYear'] },
    {
      constraint: 'monitoring_township_review_pkey',
      message: 'The township has already recorded its review of this quarter',
      fields: ['quarter'],
    },
  ],
};
