import { graphql } from '../generated/index.js';

export const ResidentTeamsDocument = graphql(`
  query ResidentTeams($filter: ResidentTeamFilter, $weekOf: Date!, $first: Int, $after: String) {
    residentTeams(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          status
          termStart
          termEnd
          village { id code name }
          dispatchingUnits { lead name kind level unit { id } }
          members(status: ON_DUTY) { id role status onDutyFrom onDutyTo person { name unitName } }
          complianceRate(weekOf: $weekOf) { weekStart weekEnd assessedMembers compliantMembers rate }
        }
      }
    }
  }
`);

export const WeeklyComplianceDocument = graphql(`
  query WeeklyCompliance($filter: WeeklyComplianceFilter!, $first: Int, $after: String) {
    weeklyCompliance(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          weekStart
          weekEnd
          weekComplete
          daysInVillage
          nightsInVillage
          leaveDays
          requiredDays
          requiredNights
          recordedDays
          compliant
          team { id village { code name } }
          member { id role person { name } }
        }
      }
    }
  }
`);

export const TeamCoverageDocument = graphql(`
  query TeamCoverage($regionCode: String!, $weekOf: Date!) {
    teamComplianceSummary(regionCode: $regionCode, weekOf: $weekOf) {
      regionCode
      weekStart
      weekEnd
      teams
      fullyCompliantTeams
      assessedMembers
      compliantMembers
      rate
    }
    keyVillagesWithoutTeam(regionCode: $regionCode, first: 100) {
      totalCount
      edges { node { id code name } }
    }
  }
`);
