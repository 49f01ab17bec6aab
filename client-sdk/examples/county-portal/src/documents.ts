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
