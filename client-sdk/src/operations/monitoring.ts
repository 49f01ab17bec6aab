import { graphql } from '../generated/index.js';

/**
 * Return-to-poverty monitoring (防止返贫动态监测): run them with `client.request(...)` and
 * `client.subscribe(...)`. They name no ID numbers: a portal that needs them asks for
 * `members { idNumber }` itself, and every whole number it reads is logged by the platform.
 */

export const MonitoringSummaryDocument = graphql(`
  query MonitoringSummary($regionCode: String!, $year: Int, $gaps: Int = 50) {
    monitoringSummary(regionCode: $regionCode, year: $year) {
      regionCode
      year
      line { year amount ruleRegionCode baseYear annualGrowthPercent source }
      cases
      byCategory { category count }
      byStatus { status count }
      byCategoryAndStatus { category status count }
      byRiskCause { cause count }
      confirmedInYear
      eliminatedInYear
      overdueNotices
      cadence { dueMonths villagesBehind missingVillageMonths dueQuarters townshipsBehind missingTownshipQuarters }
      screeningGaps(first: $gaps) { totalCount edges { node { villageCode villageName missingMonths } } }
      reviewGaps(first: $gaps) { totalCount edges { node { townshipCode townshipName missingQuarters } } }
    }
  }
`);

export const MonitoringCaseFieldsFragment = graphql(`
  fragment MonitoringCaseFields on MonitoringCase {
    id
    category
    status
    riskCauses
    discoverySource
    reportedOn
    incomeAtIdentification
    notice { kind startsOn endsOn over }
    confirmedOn
    eliminatedOn
    village { code name }
    household { id headName memberCount }
  }
`);

export const MonitoringCasesDocument = graphql(`
  query MonitoringCases($filter: MonitoringCaseFilter, $first: Int, $after: String) {
    monitoringCases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...MonitoringCaseFields } }
    }
  }
`);

export const MonitoringCaseChangedDocument = graphql(`
  subscription MonitoringCaseChanged($after: String, $filter: LiveFilter) {
    monitoringCaseChanged(after: $after, filter: $filter) {
      cursor
      change
      action
      from
      to
      case { ...MonitoringCaseFields }
    }
  }
`);
