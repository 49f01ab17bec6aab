import type { NonEmptyArray } from 'type-graphql';
import { NodeResolver } from '../core/relay/node.resolver';
import { ViewerResolver } from './accounts/viewer.resolver';
import { RegionResolver } from './regions/region.resolver';
import { VillageResolver } from './villages/village.resolver';
import { ResidentTeamResolver } from './teams/team.resolver';
import { TeamMemberResolver, WeeklyComplianceResolver } from './teams/member.resolver';
import { InspectionResolver } from './teams/inspection.resolver';

/** Every resolver of the schema; a module adds its resolvers here. */
export const resolvers: NonEmptyArray<Function> = [NodeResolver, ViewerResolver, RegionResolver, VillageResolver,
  ResidentTeamResolver, TeamMemberResolver, WeeklyComplianceResolver, InspectionResolver];
