import { graphql } from '../generated/index.js';

export const PurchaseFieldsFragment = graphql(`
  fragment PurchaseFields on Purchase {
    id
    clientReference
    status
    channel
    purchasedOn
    recordedAt
    totalAmount
    lineCount
    voidReason
    buyer { id kind name }
    originVillage { id code name }
    county { code name }
    lines { lineNo quantity unit amount category product { id name } }
  }
`);

export const PurchasesDocument = graphql(`
  query Purchases($filter: PurchaseFilter, $first: Int, $after: String) {
    purchases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...PurchaseFields } }
    }
  }
`);

export const ConsumptionStatsDocument = graphql(`
  query ConsumptionStats($filter: ConsumptionStatsFilter, $groupBy: [StatsDimension!]!) {
    consumptionStats(filter: $filter, groupBy: $groupBy) {
      amount
      purchaseCount
      lineCount
      period
      category
      channel
      village { code name }
      county { code name }
      buyer { id kind name }
    }
  }
`);

export const RecordPurchaseDocument = graphql(`
  mutation RecordPurchase($input: RecordPurchaseInput!) {
    recordPurchase(input: $input) {
      created
      purchase { ...PurchaseFields }
    }
  }
`);

export const VoidPurchaseDocument = graphql(`
  mutation VoidPurchase($input: VoidPurchaseInput!) {
    voidPurchase(input: $input) {
      purchase { ...PurchaseFields voidedAt }
    }
  }
`);
