import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageConnection, VillageFilter, type VillageNode } from '../villages/village.types';
import { PairingConnection, type PairingNode } from '../pairings/pairing.types';
import { pairingService } from '../pairings/pairing.service';
import { providerService } from './provider.service';
import {
  AssistanceUnitConnection,
  AssistanceUnitFilter,
  AssistanceUnitNode,
  EnterpriseConnection,
  EnterpriseFilter,
  EnterpriseNode,
  ProviderNode,
} from './provider.types';
import {
  AssistanceUnitPayload,
  CreateAssistanceUnitInput,
  CreateEnterpriseInput,
  EnterprisePayload,
  UpdateEnterpriseInput,
} from './provider.inputs';
import { providerPolicy } from './provider.policy';

@Resolver(() => AssistanceUnitNode)
export class AssistanceUnitResolver {
  @Authorized(providerPolicy.roles.read)
  @Query(() => AssistanceUnitConnection, {
    description: 'Assistance units you may see (帮扶单位列表), ordered by name',
  })
  assistanceUnits(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => AssistanceUnitFilter, {
      nullable: true,
      description: 'Conditions every unit listed must meet',
    })
    filter?: AssistanceUnitFilter,
  ): Promise<ConnectionData<AssistanceUnitNode>> {
    return providerService.assistanceUnits(ctx, filter, page);
  }

  @Authorized(providerPolicy.roles.write)
  @Mutation(() => AssistanceUnitPayload, { description: 'Register an assistance unit (新增帮扶单位)' })
  async createAssistanceUnit(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The unit to register' }) input: CreateAssistanceUnitInput,
  ): Promise<AssistanceUnitPayload> {
    return { assistanceUnit: await providerService.createAssistanceUnit(ctx, input) };
  }
}

@Resolver(() => EnterpriseNode)
export class EnterpriseResolver {
  @Authorized(providerPolicy.roles.read)
  @Query(() => EnterpriseConnection, { description: 'Partner enterprises you may see (帮扶企业列表), ordered by name' })
  enterprises(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => EnterpriseFilter, {
      nullable: true,
      description: 'Conditions every enterprise listed must meet',
    })
    filter?: EnterpriseFilter,
  ): Promise<ConnectionData<EnterpriseNode>> {
    return providerService.enterprises(ctx, filter, page);
  }

  @Authorized(providerPolicy.roles.write)
  @Mutation(() => EnterprisePayload, { description: 'Register a partner enterprise (新增帮扶企业)' })
  async createEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The enterprise to register' }) input: CreateEnterpriseInput,
  ): Promise<EnterprisePayload> {
    return { enterprise: await providerService.createEnterprise(ctx, input) };
  }

  @Authorized(providerPolicy.roles.write)
  @Mutation(() => EnterprisePayload, { description: 'Change a partner enterprise (修改帮扶企业)' })
  async updateEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The enterprise and the fields to change' }) input: UpdateEnterpriseInput,
  ): Promise<EnterprisePayload> {
    return { enterprise: await providerService.updateEnterprise(ctx, input) };
  }
}

/** Fields every provider has; both provider types inherit them. */
@Resolver(() => ProviderNode)
export class ProviderFieldsResolver {
  @FieldResolver(() => RegionNode, {
    nullable: true,
    description: 'Home region (所在地区); null when none or outside your scope',
  })
  region(@Ctx() ctx: Context, @Root() provider: ProviderNode): Promise<RegionNode | null> | null {
    return provider.regionCode ? regionService.byKey(ctx, provider.regionCode) : null;
  }

  @FieldResolver(() => PairingConnection, {
    description: 'Pairings of this provider you may see, every status (结对帮扶), by start date',
  })
  pairings(
    @Ctx() ctx: Context,
    @Root() provider: ProviderNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<PairingNode>> {
    return pairingService.ofProvider(ctx, provider.key, page);
  }

  @FieldResolver(() => VillageConnection, {
    description:
      'Villages assigned through active pairings, directly or through a paired county (帮扶村), that you may see; ordered by code',
  })
  assignedVillages(
    @Ctx() ctx: Context,
    @Root() provider: ProviderNode,
    @Args() page: PageArgs,
    @Arg('filter', () => VillageFilter, { nullable: true, description: 'Conditions every village listed must meet' })
    filter?: VillageFilter,
  ): Promise<ConnectionData<VillageNode>> {
    return pairingService.assignedVillages(ctx, provider.key, filter, page);
  }
}
