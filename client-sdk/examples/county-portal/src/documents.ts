import { graphql } from 'client-sdk';

/** The portal's own document, run through `client.request`: the latest purchases of the county. */
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
