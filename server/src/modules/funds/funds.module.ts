import type { FeatureModule } from '../feature-module';
import { FundAllocationResolver } from './fund.resolver';
import { ProjectBudgetLineResolver, ProjectPaymentResolver, ProjectResolver } from './project.resolver';
import { AssetDisposalResolver, ProjectAssetResolver, VillageAssetsResolver } from './asset.resolver';
import { ProjectLiveResolver } from './project-live.resolver';
import { fundService } from './fund.service';
import { projectService } from './project.service';
import { assetService } from './asset.service';
import { projectPolicy } from './project.policy';
import { PROJECT_CHANGED } from './funds.events';
import { keyVillageSharePercentSql } from './fund-rules';
import { Migration20261130020100_funds } from './migrations/Migration20261130020100_funds';
import { Migration20261130020200_assets } from './migrations/Migration20261130020200_assets';

/**
 * Transition funds, the project library and project assets (衔接资金、项目库与扶贫项目资产):
 * allocations by source with the date in place, projects through the library with their budget
 * and payments, the 12% rule and the April deadlines, assets with income distribution, disposal
 * approval and the ledger.
 */
export const fundsModule: FeatureModule = {
  name: 'funds',
  resolvers: [
    FundAllocationResolver,
    ProjectResolver,
    ProjectBudgetLineResolver,
    ProjectPaymentResolver,
    ProjectAssetResolver,
    AssetDisposalResolver,
    VillageAssetsResolver,
    ProjectLiveResolver,
  ],
  migrations: [
    { name: 'Migration20261130020100_funds', class: Migration20261130020100_funds },
    { name: 'Migration20261130020200_assets', class: Migration20261130020200_assets },
  ],
  nodeTypes: [
    { typeName: 'FundAllocation', fetch: (ctx, key) => fundService.byKey(ctx, key) },
    { typeName: 'Project', fetch: (ctx, key) => projectService.byKey(ctx, key) },
    { typeName: 'ProjectPayment', fetch: (ctx, key) => projectService.paymentByKey(ctx, key) },
    { typeName: 'ProjectAsset', fetch: (ctx, key) => assetService.byKey(ctx, key) },
    { typeName: 'AssetDisposal', fetch: (ctx, key) => assetService.disposalByKey(ctx, key) },
  ],
  topics: [{ topic: PROJECT_CHANGED, receives: projectPolicy.receives }],
  constraints: [
    {
      constraint: 'project_name_per_county_year',
      message: 'The county already has a project of this name in this plan year',
      fields: ['name'],
    },
    {
      constraint: 'asset_disposal_one_open',
      message: 'The asset already has a disposal request awaiting the county’s decision',
      fields: ['assetId'],
    },
    {
      constraint: 'asset_income_distribution_exact',
      message: 'The distribution must add up to the income exactly',
      fields: ['amount'],
    },
  ],
  regionMetrics: [
    {
      // 12%: the share of the year's fiscal transition funds paid to key-village projects (fund-rules.ts).
      metric: 'TRANSITION_FUND_SHARE_TO_KEY_VILLAGES',
      expr: keyVillageSharePercentSql('cs.code', ':year'),
    },
  ],
};
