import { graphql } from '../generated/index.js';

/** Funds, the project library and project assets (衔接资金、项目库、扶贫项目资产). */

export const FundShareDocument = graphql(`
  query FundShare($regionCode: String!, $year: Int!) {
    fundShare(regionCode: $regionCode, year: $year) {
      regionCode
      year
      total
      keyVillages
      share
      thresholdPercent
      ruleApplies
      met
    }
  }
`);

export const FundDeadlinesDocument = graphql(`
  query FundDeadlines($regionCode: String!, $year: Int!) {
    deadlines(regionCode: $regionCode, year: $year) {
      regionCode
      year
      deadline
      passed
      fundsNotInPlaceCount
      fundsNotInPlaceAmount
      fundsNotInPlace { id source amount allocatedOn inPlaceOn documentNumber }
      projectsNotStartedCount
      projectsNotStarted { id name status plannedStart actualStart villages { name } }
      cityFunds { year amount previousAmount notBelowLastYear }
    }
  }
`);

export const ProjectStatusCountsDocument = graphql(`
  query ProjectStatusCounts($regionCode: String!, $year: Int) {
    projectStatusCounts(regionCode: $regionCode, year: $year) {
      status
      count
      budget
    }
  }
`);

export const ProjectsDocument = graphql(`
  query Projects($filter: ProjectFilter, $first: Int, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          name
          year
          category
          status
          statusChangedOn
          plannedStart
          actualStart
          announcementStart
          announcementEnd
          beneficiaryHouseholds
          beneficiaryPeople
          monitoredHouseholds
          keyVillagesOnly
          totalBudget
          paidAmount
          nextStatuses
          villages { id code name }
          budget { source amount paid provider { id name } }
        }
      }
    }
  }
`);

export const FundAllocationsDocument = graphql(`
  query FundAllocations($filter: FundAllocationFilter, $first: Int, $after: String) {
    fundAllocations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          year
          source
          amount
          documentNumber
          allocatedOn
          inPlaceOn
          inPlaceByDeadline
          paidAmount
          remainingAmount
          provider { id name }
        }
      }
    }
  }
`);

export const AssetLedgerDocument = graphql(`
  query AssetLedger($regionCode: String!, $year: Int) {
    assetLedger(regionCode: $regionCode, year: $year) {
      regionCode
      year
      total { assets disposed valueInUse income toMonitoredHouseholds toUpkeep toPublicWorks }
      byType { key assets disposed valueInUse income }
      byVillage { key name assets disposed valueInUse income toMonitoredHouseholds toUpkeep toPublicWorks }
    }
  }
`);

export const ProjectChangedDocument = graphql(`
  subscription ProjectChanged($after: String, $filter: LiveFilter) {
    projectChanged(after: $after, filter: $filter) {
      cursor
      kind
      from
      to
      amount
      project { id name year status }
    }
  }
`);
