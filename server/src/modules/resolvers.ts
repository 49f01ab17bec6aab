import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from '../core/relay/node.resolver';
import { ViewerResolver } from './accounts/viewer.resolver';
import { RegionResolver } from './regions/region.resolver';
import { VillageResolver } from './villages/village.resolver';
import { VillageLiveResolver } from './villages/village-live.resolver';
import { PurchaseRecordedResolver, PurchaseStatusChangedResolver } from './consumption/consumption-live.resolver';
import { ConsumptionStatsResolver, ProductResolver, PurchaseLineResolver, PurchaseResolver, SupplierResolver } from './consumption/consumption.resolver';

/** Every resolver of the schema; a module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver, ViewerResolver, RegionResolver, VillageResolver, VillageLiveResolver,
  PurchaseResolver, PurchaseLineResolver, ProductResolver, SupplierResolver, ConsumptionStatsResolver,
  PurchaseRecordedResolver, PurchaseStatusChangedResolver,
];
