import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { StatsDimension } from './consumption.enums';
import { ConsumptionStatsRow, TopBuyer, VillageConsumption } from './consumption.types';
import { DateScalar } from '../../core/scalars';
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
    @Arg('filter', () => ConsumptionStatsFilter, { nullable: true, description: 'Which purchase lines to count' })
    filter?: ConsumptionStatsFilter,
    @Arg('groupBy', () => [StatsDimension], {
      defaultValue: [],
      description: 'Keys to group by (统计维度), combined; at most one period key (MONTH, QUARTER or YEAR)',
    })
    groupBy: StatsDimension[] = [],
  ): Promise<ConsumptionStatsRow[]> {
    return statsService.stats(ctx, filter, groupBy);
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'Origin village (产地村) when grouped by VILLAGE; null otherwise or outside your scope',
  })
  village(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<VillageNode | null> | null {
    return row.villageCode ? villageService.byKey(ctx, row.villageCode) : null;
  }

  @FieldResolver(() => RegionNode, {
    nullable: true,
    description: 'County of origin (产地县) when grouped by COUNTY; null otherwise or outside your scope',
  })
  county(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<RegionNode | null> | null {
    return row.countyCode ? regionService.byKey(ctx, row.countyCode) : null;
  }

  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'Buyer (采购方) when grouped by BUYER; null otherwise or when you may not see it',
  })
  buyer(@Ctx() ctx: Context, @Root() row: ConsumptionStatsRow): Promise<ProviderNode | null> | null {
    return row.buyerId ? providerService.byKey(ctx, row.buyerId) : null;
  }

  @Authorized(purchasePolicy.roles.read)
  @Query(() => [TopBuyer], {
    description: 'Buyers of your scope ranked by amount, voided purchases excluded (采购排行)',
  })
  topBuyers(
    @Ctx() ctx: Context,
    @Arg('filter', () => ConsumptionStatsFilter, { nullable: true, description: 'Which purchase lines to count' })
    filter?: ConsumptionStatsFilter,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many buyers, 1 to 100' }) first = 10,
  ): Promise<TopBuyer[]> {
    return statsService.topBuyers(ctx, filter, first);
  }
}

@Resolver(() => TopBuyer)
export class TopBuyerResolver {
  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'The buyer (采购方): an assistance unit or enterprise; null when you may not see it',
  })
  buyer(@Ctx() ctx: Context, @Root() row: TopBuyer): Promise<ProviderNode | null> {
    return providerService.byKey(ctx, row.buyerId);
  }
}

/** Consumption support on villages. */
@Resolver(() => VillageNode)
export class VillageConsumptionResolver {
  @FieldResolver(() => VillageConsumption, {
    nullable: true,
    description:
      "Purchases of this village's produce from `from` through `to` (both included; open-ended when omitted) that you may see, voided ones excluded (村消费帮扶情况): all for administrators, the region's for officials, their own for enterprises and assistance units; null for organisation departments, who see no purchases",
  })
  consumption(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Arg('from', () => DateScalar, { nullable: true, description: 'First purchase date counted (起始日期)' })
    from?: string | null,
    @Arg('to', () => DateScalar, { nullable: true, description: 'Last purchase date counted (截止日期)' })
    to?: string | null,
  ): Promise<VillageConsumption | null> {
    return statsService.ofVillage(ctx, village.code, from, to);
  }
}
