import { graphql } from '../generated/index.js';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      role
      regionCode
      region { code name level }
      provider { id kind name }
    }
  }
`);

export const AssignedVillagesDocument = graphql(`
  query AssignedVillages($filter: VillageFilter, $first: Int, $after: String) {
    viewer {
      role
      provider {
        id
        kind
        name
        assignedVillages(filter: $filter, first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id code name county { code name } designations { kind level } leadingIndustry } }
        }
      }
    }
  }
`);

export const PairingsDocument = graphql(`
  query Pairings($filter: PairingFilter, $first: Int, $after: String) {
    pairings(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...PairingSummary } }
    }
  }
`);

export const PairingSummaryFragment = graphql(`
  fragment PairingSummary on Pairing {
    id
    mechanism
    status
    startDate
    endDate
    cooperationAreas
    pledgedAmount
    deliveredAmount
    provider { id kind name }
    targetRegion { code name level }
    targetVillage { id code name }
  }
`);

export const PairingContributionsDocument = graphql(`
  query PairingContributions($id: ID!, $first: Int, $after: String) {
    node(id: $id) {
      ... on Pairing {
        ...PairingSummary
        contributions(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges { node { id kind stage date amount count note } }
        }
      }
    }
  }
`);
