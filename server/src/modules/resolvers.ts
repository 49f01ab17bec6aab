import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from '../core/relay/node.resolver';
import { ViewerResolver } from './accounts/viewer.resolver';
import { RegionResolver } from './regions/region.resolver';
import { VillageResolver } from './villages/village.resolver';
import { AssistanceUnitResolver, EnterpriseResolver, ProviderFieldsResolver } from './providers/provider.resolver';
import { PairingResolver, RegionCoverageResolver, VillagePairingsResolver } from './pairings/pairing.resolver';

/** Every resolver of the schema; a module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
  RegionResolver,
  VillageResolver,
  AssistanceUnitResolver,
  EnterpriseResolver,
  ProviderFieldsResolver,
  PairingResolver,
  VillagePairingsResolver,
  RegionCoverageResolver,
];
