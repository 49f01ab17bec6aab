import { graphql } from '../generated/index.js';

export const PurchaseRecordedDocument = graphql(`
  subscription PurchaseRecorded($after: String, $filter: LiveFilter) {
    purchaseRecorded(after: $after, filter: $filter) {
      cursor
      purchase { ...PurchaseFields }
    }
  }
`);

export const PurchaseStatusChangedDocument = graphql(`
  subscription PurchaseStatusChanged($after: String, $filter: LiveFilter) {
    purchaseStatusChanged(after: $after, filter: $filter) {
      cursor
      from
      to
      purchase { id status voidReason totalAmount }
    }
  }
`);

export const PairingChangedDocument = graphql(`
  subscription PairingChanged($after: String, $filter: LiveFilter) {
    pairingChanged(after: $after, filter: $filter) {
      cursor
      from
      to
      pairing { ...PairingSummary }
    }
  }
`);

export const VillageIndicatorsUpdatedDocument = graphql(`
  subscription VillageIndicatorsUpdated($after: String, $filter: LiveFilter) {
    villageIndicatorsUpdated(after: $after, filter: $filter) {
      cursor
      year
      village { id code name }
      indicators { year households population perCapitaDisposableIncome collectiveIncome tapWaterCoverage sanitaryToiletCoverage }
    }
  }
`);
