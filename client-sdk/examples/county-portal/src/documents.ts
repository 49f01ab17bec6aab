import { graphql } from './gql';

/**
 * The portal's own documents, typed by its own generated `graphql()` (see codegen.ts at the
 * repository root, the same preset as client-sdk/codegen.example.ts) and run with `client.request`.
 */
export const RecentPurchasesDocument = graphql(`
  query PortalRecentPurchases($regionCode: String!, $first: Int!) {
    purchases(filter: { regionCode: $regionCode }, first: $first) {
      totalCount
      edges {
        node { id status channel purchasedOn recordedAt totalAmount buyer { name } originVillage { name } }
      }
    }
  }
`);

/**
 * Recorded attendance days of the region's teams in a window, to find the last complete week that
 * has any: a week nobody recorded is "no data", not "everyone failed 五天四夜".
 */
export const AttendanceDaysDocument = graphql(`
  query PortalAttendanceDays($regionCode: String!, $from: Date!, $to: Date!) {
    residentTeams(filter: { regionCode: $regionCode, status: ACTIVE }, first: 100) {
      edges {
        node {
          id
          members(status: ON_DUTY) { id attendance(from: $from, to: $to) { date } }
        }
      }
    }
  }
`);
