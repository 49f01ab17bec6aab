import type { FeatureModule } from '../feature-module';
import { Region } from './region.entity';
import { RegionResolver } from './region.resolver';
import { regionService } from './region.service';
import { regionTokenScopes } from './region.policy';

/** The region tree (行政区划): provinces down to townships, with county flags. */
export const regionsModule: FeatureModule = {
  name: 'regions',
  resolvers: [RegionResolver],
  entities: [Region],
  nodeTypes: [{ typeName: 'Region', fetch: (ctx, key) => regionService.byKey(ctx, key) }],
  tokenScopes: regionTokenScopes,
};
