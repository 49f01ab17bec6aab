import { graphql } from '../generated/index.js';

export const RegionOverviewDocument = graphql(`
  query RegionOverview($code: String!, $year: Int) {
    region(code: $code) {
      id
      code
      name
      level
      formerPovertyCounty
      keyAssistedCounty
      parent { code name }
      coverage {
        keyAssistedVillages
        keyAssistedVillagesPaired
        keyAssistedVillagesPairedWithEnterprise
        demonstrationVillages
        demonstrationVillagesHelping
      }
      summary(year: $year) {
        year
        villageCount
        keyAssistedVillageCount
        formerPovertyVillageCount
        demonstrationVillageCount
        villagesWithIndicators
        targets { targetCode metric dueYear applicableVillages evaluatedVillages metVillages }
      }
    }
  }
`);

export const RegionsDocument = graphql(`
  query Regions($level: RegionLevel, $parentCode: String, $first: Int, $after: String) {
    regions(level: $level, parentCode: $parentCode, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id code name level formerPovertyCounty keyAssistedCounty } }
    }
  }
`);

export const VillagesDocument = graphql(`
  query Villages($filter: VillageFilter, $year: Int, $first: Int, $after: String) {
    villages(filter: $filter, first: $first, after: $after, orderBy: { field: CODE, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...VillageWithProgress } }
    }
  }
`);

export const VillageWithProgressFragment = graphql(`
  fragment VillageWithProgress on Village {
    id
    code
    name
    leadingIndustry
    specialtyIndustries
    township { code name }
    county { code name }
    designations { kind level sinceYear }
    indicators(year: $year) {
      year
      households
      population
      perCapitaDisposableIncome
      collectiveIncome
      farmlandMu
      forestMu
      tapWaterCoverage
      sanitaryToiletCoverage
      source
    }
    targetProgress(year: $year) {
      targetCode
      metric
      description
      dueYear
      comparison
      threshold
      actual
      unit
      status
      measurable
      evaluatedYear
      evaluatedSource
    }
  }
`);
