import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { StatsDimension } from './consumption.enums';
import { ConsumptionStatsRow, TopBuyer } from './consumption.types';
import { ConsumptionStatsFilter } from './consumption.inputs';
import { statsService } from './stats.service';
import { purchasePolicy } from './purchase.policy';

@Resolver(() => ConsumptionStatsRow)
export class ConsumptionStatsResolver {
  @Authorized(purchasePolicy.roles.read)
  @Query(() => [ConsumptionStatsRow], {
    description:
      'Consumption-support totals of your scope grouped by the given keys; an empty groupBy gives one row of totals (消费帮扶统计). Every recorded line is of a product certified on its purchase date.',
  })
  consumptionStats(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConsumptionStatsFilter, { nullable: true }) filter?: ConsumptionStatsFilter,
    @Arg('groupBy', () => [StatsDimension], { defaultValue: [] }) groupBy: StatsDimension[] = [],
  ): Promise<ConsumptionStatsRow[]> {
    return statsService.stats(ctx, filter, groupBy);
  }

  @FieldResolver(() => VillageNode, { nullable: true })
  village(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<VillageNode | null> | null {
    return row.villageCode ? villageService.byKey(ctx, row.villageCode) : null;
  }

  @FieldResolver(() => RegionNode, { nullable: true })
  county(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<RegionNode | null> | null {
    return row.countyCode ? regionService.byKey(ctx, row.countyCode) : null;
  }

  @FieldResolver(() => ProviderNode, { nullable: true })
  buyer(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<ProviderNode | null> | null {
    return row.buyerId ? providerService.byKey(ctx, row.buyerId) : null;
  }

  @Authorized(purchasePolicy.roles.read)
  @Query(() => [TopBuyer], {
    description: 'Buyers of your scope ranked by amount, voided purchases excluded (采购排行)',
  })
  topBuyers(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConsumptionStatsFilter, { nullable: true }) filter?: ConsumptionStatsFilter,
    @Arg('first', () => Int, { defaultValue: 10 }) first = 10,
  ): Promise<TopBuyer[]> {
    return statsService.topBuyers(ctx, filter, first);
  }
}

@Resolver(() => TopBuyer)
export class TopBuyerResolver {
  @FieldResolver(() => ProviderNode, { nullable: true })
  buyer(@Ctx() ctx: Context, @Root() row: TopBuyer): Promise<ProviderNode | null> {
    return providerService.byKey(ctx, row.buyerId);
  }
}
