import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { ALL_ROLES } from '../../core/auth/viewer';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { PairingNode } from '../pairings/pairing.types';
import { pairingService } from '../pairings/pairing.service';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { StatsDimension } from './consumption.enums';
import {
  ConsumptionStatsRow,
  TopBuyer,
  ProductConnection,
  ProductNode,
  PurchaseConnection,
  PurchaseLineType,
  PurchaseNode,
  SupplierNode,
} from './consumption.types';
import {
  ConsumptionStatsFilter,
  ProductFilter,
  PurchaseFilter,
  PurchasePayload,
  RecordPurchaseInput,
  RecordPurchasePayload,
  VerifyPurchaseInput,
  VoidPurchaseInput,
} from './consumption.inputs';
import { todayInShanghai } from '../../core/dates';
import { purchaseService } from './purchase.service';
import { productService } from './product.service';
import { statsService } from './stats.service';
import { purchasePolicy } from './purchase.policy';

@Resolver(() => PurchaseNode)
export class PurchaseResolver {
  @Authorized(ALL_ROLES)
  @Query(() => PurchaseConnection, {
    description: 'Purchases you may see, latest purchase date first (消费帮扶采购记录)',
  })
  purchases(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => PurchaseFilter, { nullable: true }) filter?: PurchaseFilter,
  ): Promise<ConnectionData<PurchaseNode>> {
    return purchaseService.list(ctx, filter, page);
  }

  @Authorized(purchasePolicy.roles.write)
  @Mutation(() => RecordPurchasePayload, {
    description: 'Record a purchase, idempotent per buyer and clientReference (登记消费帮扶采购)',
  })
  recordPurchase(@Ctx() ctx: Context, @Arg('input') input: RecordPurchaseInput): Promise<RecordPurchasePayload> {
    return purchaseService.record(ctx, input);
  }

  @Authorized(purchasePolicy.roles.write)
  @Mutation(() => PurchasePayload, {
    description: 'Void a purchase with a reason; it is kept and leaves the statistics (作废)',
  })
  async voidPurchase(@Ctx() ctx: Context, @Arg('input') input: VoidPurchaseInput): Promise<PurchasePayload> {
    return { purchase: await purchaseService.void(ctx, input) };
  }

  @Authorized(purchasePolicy.roles.verify)
  @Mutation(() => PurchasePayload, { description: 'Verify a purchase, for officials of the origin region (核实)' })
  async verifyPurchase(@Ctx() ctx: Context, @Arg('input') input: VerifyPurchaseInput): Promise<PurchasePayload> {
    return { purchase: await purchaseService.verify(ctx, input) };
  }

  @FieldResolver(() => [PurchaseLineType], { description: 'Lines (明细)' })
  lines(@Ctx() ctx: Context, @Root() purchase: PurchaseNode): Promise<PurchaseLineType[]> {
    return purchaseService.lines(ctx, purchase.key);
  }

  @FieldResolver(() => VillageNode, { nullable: true, description: 'Origin village of the products (产地村)' })
  originVillage(@Ctx() ctx: Context, @Root() purchase: PurchaseNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, purchase.originVillageCode);
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'County of the origin village (产地县)' })
  county(@Ctx() ctx: Context, @Root() purchase: PurchaseNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, purchase.countyCode);
  }

  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'Buyer: an assistance unit or an enterprise (采购方)',
  })
  buyer(@Ctx() ctx: Context, @Root() purchase: PurchaseNode): Promise<ProviderNode | null> {
    return providerService.byKey(ctx, purchase.buyerId);
  }

  @FieldResolver(() => PairingNode, {
    nullable: true,
    description:
      'The pairing this purchase counts toward: an active pairing of the buyer with the origin village or its county when recorded (计入的结对帮扶)',
  })
  pairing(@Ctx() ctx: Context, @Root() purchase: PurchaseNode): Promise<PairingNode | null> | null {
    return purchase.pairingId ? pairingService.byKey(ctx, purchase.pairingId) : null;
  }
}

@Resolver(() => PurchaseLineType)
export class PurchaseLineResolver {
  @FieldResolver(() => ProductNode, { nullable: true })
  product(@Ctx() ctx: Context, @Root() line: PurchaseLineType): Promise<ProductNode | null> {
    return productService.byKey(ctx, line.productKey);
  }
}

@Resolver(() => ProductNode)
export class ProductResolver {
  @Authorized(ALL_ROLES)
  @Query(() => ProductConnection, { description: 'The product catalogue, open to every account (消费帮扶产品目录)' })
  products(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => ProductFilter, { nullable: true }) filter?: ProductFilter,
  ): Promise<ConnectionData<ProductNode>> {
    return productService.list(ctx, filter, page);
  }

  @FieldResolver(() => SupplierNode, { nullable: true, description: 'Supplier (供应主体)' })
  supplier(@Ctx() ctx: Context, @Root() product: ProductNode): Promise<SupplierNode | null> {
    return productService.supplier(ctx, product.supplierKey);
  }

  @FieldResolver(() => VillageNode, { nullable: true, description: 'Origin village (产地村); null outside your scope' })
  originVillage(@Ctx() ctx: Context, @Root() product: ProductNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, product.originVillageCode);
  }

  @FieldResolver(() => Boolean, {
    description: 'Whether the 消费帮扶产品认定 certification covers the day (today in Asia/Shanghai by default)',
  })
  certified(@Root() product: ProductNode, @Arg('on', () => DateScalar, { nullable: true }) on?: string): boolean {
    return product.certifiedOn(on ?? todayInShanghai());
  }
}

@Resolver(() => SupplierNode)
export class SupplierResolver {
  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'Village of the supplier (所在村); null outside your scope',
  })
  village(@Ctx() ctx: Context, @Root() supplier: SupplierNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, supplier.villageCode);
  }
}

@Resolver(() => ConsumptionStatsRow)
export class ConsumptionStatsResolver {
  @Authorized(ALL_ROLES)
  @Query(() => [ConsumptionStatsRow], {
    description:
      'Consumption-support totals of your scope grouped by the given keys; an empty groupBy gives one row of totals (消费帮扶统计)',
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

  @Authorized(ALL_ROLES)
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
