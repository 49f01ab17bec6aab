import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { todayInShanghai } from '../../core/dates';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import {
  ProductCertificationNode,
  ProductConnection,
  ProductNode,
  SupplierConnection,
  SupplierNode,
} from './consumption.types';
import {
  CertifyProductInput,
  CreateProductInput,
  CreateSupplierInput,
  ProductCertificationPayload,
  ProductFilter,
  ProductPayload,
  RevokeProductCertificationInput,
  SupplierFilter,
  SupplierPayload,
  UpdateProductInput,
  UpdateSupplierInput,
} from './consumption.inputs';
import { productService } from './product.service';
import { supplierService } from './supplier.service';
import { productPolicy } from './product.policy';
import { supplierPolicy } from './supplier.policy';

@Resolver(() => ProductNode)
export class ProductResolver {
  @Authorized(productPolicy.roles.read)
  @Query(() => ProductConnection, { description: 'The product catalogue, open to every account (消费帮扶产品目录)' })
  products(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => ProductFilter, { nullable: true, description: 'Conditions every product listed must meet' })
    filter?: ProductFilter,
  ): Promise<ConnectionData<ProductNode>> {
    return productService.list(ctx, filter, page);
  }

  @Authorized(productPolicy.roles.write)
  @Mutation(() => ProductPayload, { description: 'Register a product of a supplier (登记产品)' })
  async createProduct(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The product to register' }) input: CreateProductInput,
  ): Promise<ProductPayload> {
    return { product: await productService.create(ctx, input) };
  }

  @Authorized(productPolicy.roles.write)
  @Mutation(() => ProductPayload, { description: 'Change a product’s name or category (修改产品)' })
  async updateProduct(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The product and the fields to change' }) input: UpdateProductInput,
  ): Promise<ProductPayload> {
    return { product: await productService.update(ctx, input) };
  }

  @Authorized(productPolicy.roles.write)
  @Mutation(() => ProductCertificationPayload, {
    description: 'Certify a product for consumption support (消费帮扶产品认定), for officials of its region',
  })
  certifyProduct(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The product and its certificate' }) input: CertifyProductInput,
  ): Promise<ProductCertificationPayload> {
    return productService.certify(ctx, input);
  }

  @Authorized(productPolicy.roles.write)
  @Mutation(() => ProductCertificationPayload, {
    description: 'Revoke a certificate from a day on, today or later (撤销认定)',
  })
  revokeProductCertification(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The certificate and from when it no longer applies' })
    input: RevokeProductCertificationInput,
  ): Promise<ProductCertificationPayload> {
    return productService.revoke(ctx, input);
  }

  @FieldResolver(() => SupplierNode, { nullable: true, description: 'Supplier (供应主体)' })
  supplier(@Ctx() ctx: Context, @Root() product: ProductNode): Promise<SupplierNode | null> {
    return supplierService.byKey(ctx, product.supplierKey);
  }

  @FieldResolver(() => VillageNode, { nullable: true, description: 'Origin village (产地村); null outside your scope' })
  originVillage(@Ctx() ctx: Context, @Root() product: ProductNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, product.originVillageCode);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether a 消费帮扶产品认定 certificate covers the day (today in Asia/Shanghai by default); purchases are recorded only on such days',
  })
  async certified(
    @Ctx() ctx: Context,
    @Root() product: ProductNode,
    @Arg('on', () => DateScalar, {
      nullable: true,
      description: 'The day to check; today in Asia/Shanghai when omitted',
    })
    on?: string,
  ): Promise<boolean> {
    return (await productService.certificationOn(ctx, product.key, on ?? todayInShanghai())) !== null;
  }

  @FieldResolver(() => ProductCertificationNode, {
    nullable: true,
    description: 'The certificate covering the day (today in Asia/Shanghai by default), if any (有效认定)',
  })
  certification(
    @Ctx() ctx: Context,
    @Root() product: ProductNode,
    @Arg('on', () => DateScalar, {
      nullable: true,
      description: 'The day to check; today in Asia/Shanghai when omitted',
    })
    on?: string,
  ): Promise<ProductCertificationNode | null> {
    return productService.certificationOn(ctx, product.key, on ?? todayInShanghai());
  }

  @FieldResolver(() => [ProductCertificationNode], {
    description: 'Every certificate of the product, newest period first, revoked ones included (认定记录)',
  })
  certifications(@Ctx() ctx: Context, @Root() product: ProductNode): Promise<ProductCertificationNode[]> {
    return productService.certifications(ctx, product.key);
  }
}

@Resolver(() => ProductCertificationNode)
export class ProductCertificationResolver {
  @FieldResolver(() => ProductNode, { description: 'The certified product' })
  async product(@Ctx() ctx: Context, @Root() certification: ProductCertificationNode): Promise<ProductNode> {
    const product = await productService.byKey(ctx, certification.productKey);
    if (!product) throw notFound('Product not found');
    return product;
  }
}

@Resolver(() => SupplierNode)
export class SupplierResolver {
  @Authorized(supplierPolicy.roles.read)
  @Query(() => SupplierConnection, { description: 'Suppliers of the product catalogue, by name (供应主体)' })
  suppliers(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => SupplierFilter, { nullable: true, description: 'Conditions every supplier listed must meet' })
    filter?: SupplierFilter,
  ): Promise<ConnectionData<SupplierNode>> {
    return supplierService.list(ctx, filter, page);
  }

  @Authorized(supplierPolicy.roles.write)
  @Mutation(() => SupplierPayload, {
    description: 'Register a supplier in a village of your region (登记供应主体)',
  })
  async createSupplier(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The supplier to register' }) input: CreateSupplierInput,
  ): Promise<SupplierPayload> {
    return { supplier: await supplierService.create(ctx, input) };
  }

  @Authorized(supplierPolicy.roles.write)
  @Mutation(() => SupplierPayload, { description: 'Change a supplier (修改供应主体)' })
  async updateSupplier(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The supplier and the fields to change' }) input: UpdateSupplierInput,
  ): Promise<SupplierPayload> {
    return { supplier: await supplierService.update(ctx, input) };
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'Village of the supplier (所在村); null outside your scope',
  })
  village(@Ctx() ctx: Context, @Root() supplier: SupplierNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, supplier.villageCode);
  }
}
