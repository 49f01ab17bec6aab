import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from '../core/relay/node.resolver';
import { ViewerResolver } from './accounts/viewer.resolver';
import { RegionResolver } from './regions/region.resolver';
import { VillageResolver } from './villages/village.resolver';
import { VillageLiveResolver } from './villages/village-live.resolver';
import { AssistanceUnitResolver, EnterpriseResolver, ProviderFieldsResolver } from './providers/provider.resolver';
import { PairingResolver, RegionCoverageResolver, VillagePairingsResolver } from './pairings/pairing.resolver';
import { PairingLiveResolver } from './pairings/pairing-live.resolver';
import { PurchaseRecordedResolver, PurchaseStatusChangedResolver } from './consumption/consumption-live.resolver';
import { ResidentTeamResolver } from './teams/team.resolver';
import { TeamMemberResolver, WeeklyComplianceResolver } from './teams/member.resolver';
import { InspectionResolver } from './teams/inspection.resolver';
import { TeamLiveResolver } from './teams/team-live.resolver';
import {
  ConsumptionStatsResolver,
  TopBuyerResolver,
  ProductResolver,
  PurchaseLineResolver,
  PurchaseResolver,
  SupplierResolver,
} from './consumption/consumption.resolver';

/** Every resolver of the schema; a module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [
  NodeResolver,
  ViewerResolver,
  RegionResolver,
  VillageResolver,
  VillageLiveResolver,
  AssistanceUnitResolver,
  EnterpriseResolver,
  ProviderFieldsResolver,
  PairingResolver,
  VillagePairingsResolver,
  RegionCoverageResolver,
  PairingLiveResolver,
  ResidentTeamResolver,
  TeamMemberResolver,
  WeeklyComplianceResolver,
  InspectionResolver,
  TeamLiveResolver,
  PurchaseResolver,
  PurchaseLineResolver,
  ProductResolver,
  SupplierResolver,
  ConsumptionStatsResolver,
  TopBuyerResolver,
  PurchaseRecordedResolver,
  PurchaseStatusChangedResolver,
];
