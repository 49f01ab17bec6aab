import type { FeatureModule } from '../feature-module';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';
import { regionService } from './region.service';
import { regionTokenScopes } from './region.policy';
import { Migration20261201000100_region_source } from './migrations/Migration20261201000100_region_source';

/** The region tree (行政区划): provinces down to townships, with county flags. */
export const regionsModule: FeatureModule = {
  name: 'regions',
  resolvers: [RegionResolver],
  migrations: [{ name: 'Migration20261201000100_region_source', class: Migration20261201000100_region_source }],
  entities: [Region],
  nodeTypes: [{ typeName: 'Region', fetch: (ctx, key) => regionService.byKey(ctx, key) }],
  tokenScopes: regionTokenScopes,
};
