import type { FeatureModule } from '../feature-module';
import { Village, VillageDesignation, VillageIndicators } from './village.entity';
import { VillageResolver } from './village.resolver';
import { VillageLiveResolver } from './village-live.resolver';
import { villageService } from './village.service';
import { villagePolicy } from './village.policy';
import { VILLAGE_INDICATORS_UPDATED } from './village.events';

/** Village profiles (村档案): designations, industries and yearly indicators. */
export const villagesModule: FeatureModule = {
  name: 'villages',
  resolvers: [VillageResolver, VillageLiveResolver],
  entities: [Village, VillageDesignation, VillageIndicators],
  nodeTypes: [{ typeName: 'Village', fetch: (ctx, key) => villageService.byKey(ctx, key) }],
  topics: [{ topic: VILLAGE_INDICATORS_UPDATED, receives: villagePolicy.receives }],
};
