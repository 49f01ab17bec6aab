import type { FeatureModule } from '../feature-module';
import { Village, VillageDesignation } from './village.entity';
import { VillageResolver } from './village.resolver';
import { VillageLiveResolver } from './village-live.resolver';
import { villageService } from './village.service';
import { villagePolicy } from './village.policy';
import { VILLAGE_INDICATORS_UPDATED } from './village.events';
import { VILLAGE_METRICS } from './village.metrics';
import { Migration20261201000200_village_integrity } from './migrations/Migration20261201000200_village_integrity';

/** Village profiles (村档案): designations, industries and yearly indicators. */
export const villagesModule: FeatureModule = {
  name: 'villages',
  resolvers: [VillageResolver, VillageLiveResolver],
  migrations: [{ name: 'Migration20261201000200_village_integrity', class: Migration20261201000200_village_integrity }],
  entities: [Village, VillageDesignation],
  nodeTypes: [{ typeName: 'Village', fetch: (ctx, key) => villageService.byKey(ctx, key) }],
  topics: [{ topic: VILLAGE_INDICATORS_UPDATED, receives: villagePolicy.receives }],
  targetMetrics: VILLAGE_METRICS,
};
