import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DecimalScalar } from '../../core/scalars';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { PairingStatus, PairingTargetLevel } from './pairing.entity';
import { VILLAGE_PAIRINGS_LIMIT, pairingService } from './pairing.service';
import {
  ContributionConnection,
  PairingConnection,
  PairingFilter,
  PairingNode,
  RegionCoverage,
  type ContributionNode,
} from './pairing.types';
import {
  ChangePairingStatusInput,
  CreatePairingInput,
  PairingPayload,
  RecordContributionInput,
  RecordContributionPayload,
} from './pairing.inputs';
import { pairingPolicy } from './pairing.policy';

@Resolver(() => PairingNode)
export class PairingResolver {
  @Authorized(pairingPolicy.roles.read)
  @Query(() => PairingConnection, { description: 'Pairings you may see (结对帮扶列表), ordered by start date' })
  pairings(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => PairingFilter, { nullable: true, description: 'Conditions every pairing listed must meet' })
    filter?: PairingFilter,
  ): Promise<ConnectionData<PairingNode>> {
    return pairingService.list(ctx, filter, page);
  }

  @Authorized(pairingPolicy.roles.write)
  @Mutation(() => PairingPayload, { description: 'Pair a provider with a village or a county (建立结对帮扶)' })
  async createPairing(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'Provider, target, mechanism and period' }) input: CreatePairingInput,
  ): Promise<PairingPayload> {
    return { pairing: await pairingService.create(ctx, input) };
  }

  @Authorized(pairingPolicy.roles.write)
  @Mutation(() => PairingPayload, { description: 'Activate, suspend or end a pairing (变更结对状态)' })
  async changePairingStatus(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The pairing and its new status' }) input: ChangePairingStatusInput,
  ): Promise<PairingPayload> {
    return { pairing: await pairingService.changeStatus(ctx, input) };
  }

  @Authorized(pairingPolicy.roles.contribute)
  @Mutation(() => RecordContributionPayload, {
    description: 'Record funds, goods, jobs … pledged or delivered under a pairing (登记帮扶投入)',
  })
  recordContribution(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The pairing and what was pledged or delivered' }) input: RecordContributionInput,
  ): Promise<RecordContributionPayload> {
    return pairingService.recordContribution(ctx, input);
  }

  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'Provider (帮扶主体); null when outside your scope',
  })
  provider(@Ctx() ctx: Context, @Root() pairing: PairingNode): Promise<ProviderNode | null> {
    return providerService.byKey(ctx, pairing.providerId);
  }

  @FieldResolver(() => RegionNode, {
    nullable: true,
    description: 'Target region, a village or a county (帮扶对象); null when outside your scope',
  })
  targetRegion(@Ctx() ctx: Context, @Root() pairing: PairingNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, pairing.targetCode);
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'Target village (帮扶村) when the target is a village you may see',
  })
  targetVillage(@Ctx() ctx: Context, @Root() pairing: PairingNode): Promise<VillageNode | null> | null {
    return pairing.targetLevel === PairingTargetLevel.VILLAGE ? villageService.byKey(ctx, pairing.targetCode) : null;
  }

  @FieldResolver(() => ContributionConnection, { description: 'Contributions recorded (帮扶投入), by date' })
  contributions(
    @Ctx() ctx: Context,
    @Root() pairing: PairingNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<ContributionNode>> {
    return pairingService.contributions(ctx, pairing.key, page);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of pledged amounts, yuan (承诺金额, 元)' })
  async pledgedAmount(@Ctx() ctx: Context, @Root() pairing: PairingNode): Promise<string> {
    return (await pairingService.totals(ctx, pairing.key)).pledged;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Sum of delivered amounts, yuan (落实金额, 元)' })
  async deliveredAmount(@Ctx() ctx: Context, @Root() pairing: PairingNode): Promise<string> {
    return (await pairingService.totals(ctx, pairing.key)).delivered;
  }
}

/** Pairing fields on villages. */
@Resolver(() => VillageNode)
export class VillagePairingsResolver {
  @FieldResolver(() => [PairingNode], {
    description:
      'Pairings covering this village, directly or through its county, that you may see, by start date (结对帮扶); only those of `status` when given (结对状态), at most `first`',
  })
  pairings(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Arg('status', () => PairingStatus, {
      nullable: true,
      description: 'Only pairings of this status (结对状态), e.g. ACTIVE for those in force; every status when omitted',
    })
    status?: PairingStatus | null,
    @Arg('first', () => Int, {
      nullable: true,
      description: `At most this many, 0 to ${VILLAGE_PAIRINGS_LIMIT}; ${VILLAGE_PAIRINGS_LIMIT} when omitted`,
    })
    first?: number | null,
  ): Promise<PairingNode[]> {
    return pairingService.ofVillage(ctx, village.code, status, first);
  }

  @FieldResolver(() => [ProviderNode], {
    description: 'Providers with an active pairing covering this village that you may see (帮扶主体)',
  })
  providers(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<ProviderNode[]> {
    return pairingService.providersOfVillage(ctx, village.code);
  }
}

/** Pairing coverage on regions. */
@Resolver(() => RegionNode)
export class RegionCoverageResolver {
  @FieldResolver(() => RegionCoverage, {
    description: 'Pairing coverage of key-assisted villages inside this region (帮扶覆盖情况)',
  })
  coverage(@Ctx() ctx: Context, @Root() region: RegionNode): Promise<RegionCoverage> {
    return pairingService.coverage(ctx, region.code);
  }
}
