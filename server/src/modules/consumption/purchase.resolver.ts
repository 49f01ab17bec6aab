import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { PairingNode } from '../pairings/pairing.types';
import { pairingService } from '../pairings/pairing.service';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { ProductNode, PurchaseConnection, PurchaseLineType, PurchaseNode } from './consumption.types';
import {
  PurchaseFilter,
  PurchasePayload,
  RecordPurchaseInput,
  RecordPurchasePayload,
  VerifyPurchaseInput,
  VoidPurchaseInput,
} from './consumption.inputs';
import { purchaseService } from './purchase.service';
import { productService } from './product.service';
import { purchasePolicy } from './purchase.policy';

@Resolver(() => PurchaseNode)
export class PurchaseResolver {
  @Authorized(purchasePolicy.roles.read)
  @Query(() => PurchaseConnection, {
    description: 'Purchases you may see, latest purchase date first (消费帮扶采购记录)',
  })
  purchases(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => PurchaseFilter, { nullable: true, description: 'Conditions every purchase listed must meet' })
    filter?: PurchaseFilter,
  ): Promise<ConnectionData<PurchaseNode>> {
    return purchaseService.list(ctx, filter, page);
  }

  @Authorized(purchasePolicy.roles.write)
  @Mutation(() => RecordPurchasePayload, {
    description:
      'Record a purchase, idempotent per buyer and clientReference (登记消费帮扶采购). Partners record for themselves; officials for buyers paired with their region, of produce from their region. Every line must be of a product certified on the purchase date.',
  })
  recordPurchase(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'Buyer, reference, date and lines' }) input: RecordPurchaseInput,
  ): Promise<RecordPurchasePayload> {
    return purchaseService.record(ctx, input);
  }

  @Authorized(purchasePolicy.roles.write)
  @Mutation(() => PurchasePayload, {
    description: 'Void a purchase with a reason; it is kept and leaves the statistics (作废)',
  })
  async voidPurchase(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The purchase and why it is voided' }) input: VoidPurchaseInput,
  ): Promise<PurchasePayload> {
    return { purchase: await purchaseService.void(ctx, input) };
  }

  @Authorized(purchasePolicy.roles.verify)
  @Mutation(() => PurchasePayload, { description: 'Verify a purchase, for officials of the origin region (核实)' })
  async verifyPurchase(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The purchase to verify' }) input: VerifyPurchaseInput,
  ): Promise<PurchasePayload> {
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
  @FieldResolver(() => ProductNode, {
    nullable: true,
    description: 'The product bought (产品); null outside your scope',
  })
  product(@Ctx() ctx: Context, @Root() line: PurchaseLineType): Promise<ProductNode | null> {
    return productService.byKey(ctx, line.productKey);
  }
}
