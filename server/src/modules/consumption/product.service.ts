import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { badInput, conflict, notFound } from '../../core/errors';
import { and, type SqlFragment } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { uuidKeyFromInput } from '../../core/relay/global-id';
import { villageCodeFromId } from '../villages/village.service';
import { Product, ProductCertification } from './product.entity';
import type { ProductCertificationNode, ProductNode } from './consumption.types';
import type {
  CertifyProductInput,
  CreateProductInput,
  ProductFilter,
  RevokeProductCertificationInput,
  UpdateProductInput,
} from './consumption.inputs';
import {
  certificationsByKeys,
  certificationsOfProducts,
  certifiedOnSql,
  lockProduct,
  overlappingCertifications,
  productPage,
  productsByKeys,
} from './product.repository';
import { certificateOn } from './purchase.rules';
import { productPolicy } from './product.policy';
import { supplierService } from './supplier.service';

/**
 * The product catalogue (消费帮扶产品目录) and its certification (消费帮扶产品认定). The catalogue
 * is published to every signed-in account, as certification lists are: buyers must find produce
 * from villages they are not paired with. The origin village itself still resolves only inside
 * the caller's scope.
 */
export class ProductService {
  private loader(ctx: Context) {
    return ctx.loaders.get<string, ProductNode | null>('product.byKey', (keys) =>
      productsByKeys(ctx.em, keys, productPolicy.readable(ctx.viewer, 'pr')),
    );
  }

  /** A product by the key inside its global id. */
  byKey(ctx: Context, key: string): Promise<ProductNode | null> {
    return this.loader(ctx).load(key.toLowerCase());
  }

  async require(ctx: Context, productId: string, field = 'productId'): Promise<ProductNode> {
    const product = await this.byKey(ctx, uuidKeyFromInput(productId, ['Product'], field));
    if (!product) throw notFound('Product not found', field);
    return product;
  }

  /** `products(filter)`, ordered by name. `certified` compares against today in Asia/Shanghai. */
  list(ctx: Context, filter: ProductFilter | undefined, args: PageInput): Promise<ConnectionData<ProductNode>> {
    const parts: SqlFragment[] = [productPolicy.readable(ctx.viewer, 'pr')];
    if (filter?.villageId)
      parts.push({
        sql: 'pr.origin_village_code = ?',
        bindings: [villageCodeFromId(filter.villageId, 'filter.villageId')],
      });
    if (filter?.supplierId)
      parts.push({
        sql: 'pr.supplier_id = ?',
        bindings: [uuidKeyFromInput(filter.supplierId, ['Supplier'], 'filter.supplierId')],
      });
    if (filter?.certified !== undefined && filter.certified !== null) {
      const certified = certifiedOnSql('pr.id', todayInShanghai());
      parts.push(filter.certified ? certified : { sql: `NOT ${certified.sql}`, bindings: certified.bindings });
    }
    return productPage(ctx, and(...parts), readPage(args));
  }

  /** `Product.certifications`: every certificate of the requested products in one statement. */
  certifications(ctx: Context, productKey: string): Promise<ProductCertificationNode[]> {
    return ctx.loaders
      .get<string, ProductCertificationNode[]>('product.certifications', (keys) =>
        certificationsOfProducts(ctx.em, keys),
      )
      .load(productKey);
  }

  /** `Product.certification(on)`: the certificate covering the day, if any. */
  async certificationOn(ctx: Context, productKey: string, day: string): Promise<ProductCertificationNode | null> {
    return certificateOn(await this.certifications(ctx, productKey), day);
  }

  /** A certificate by the key inside its global id. */
  certificationByKey(ctx: Context, key: string): Promise<ProductCertificationNode | null> {
    return ctx.loaders
      .get<string, ProductCertificationNode | null>('product.certificationByKey', (keys) =>
        certificationsByKeys(ctx.em, keys),
      )
      .load(key.toLowerCase());
  }

  /** `createProduct`: for officials of the supplier's region; the origin village is the supplier's. */
  async create(ctx: Context, input: CreateProductInput): Promise<ProductNode> {
    const supplier = await supplierService.require(ctx, input.supplierId);
    productPolicy.requireWrite(ctx.viewer, supplier.villageCode);
    const name = input.name.trim();
    if (!name) throw badInput('name', 'name must not be blank');
    const id = await ctx.em.transactional(async (em) => {
      const product = em.create(Product, {
        name,
        category: input.category,
        supplierId: supplier.key,
        originVillageCode: supplier.villageCode,
      });
      await em.flush();
      return product.id;
    });
    return this.fresh(ctx, id);
  }

  /** `updateProduct`: name and category; recorded purchase lines keep their category. */
  async update(ctx: Context, input: UpdateProductInput): Promise<ProductNode> {
    const current = await this.require(ctx, input.productId);
    productPolicy.requireWrite(ctx.viewer, current.originVillageCode);
    const changes: Partial<Pick<Product, 'name' | 'category'>> = {};
    if (input.name !== undefined && input.name !== null) {
      changes.name = input.name.trim();
      if (!changes.name) throw badInput('name', 'name must not be blank');
    }
    if (input.category) changes.category = input.category;
    await ctx.em.transactional(async (em) => {
      em.assign(await em.findOneOrFail(Product, { id: current.key }), changes);
    });
    return this.fresh(ctx, current.key);
  }

  /**
   * `certifyProduct`: adds a certificate. Certificates of one product may not overlap where they
   * are in force (a renewal starts after the last one ends or is revoked); the product row is
   * locked for the check, so two racing certifications cannot both pass it.
   */
  async certify(
    ctx: Context,
    input: CertifyProductInput,
  ): Promise<{ certification: ProductCertificationNode; product: ProductNode }> {
    const product = await this.require(ctx, input.productId);
    productPolicy.requireWrite(ctx.viewer, product.originVillageCode);
    const validUntil = input.validUntil ?? null;
    if (validUntil !== null && validUntil < input.validFrom)
      throw badInput('validUntil', 'validUntil must not be before validFrom');
    const certificateNumber = input.certificateNumber.trim();
    const issuingBody = input.issuingBody.trim();
    if (!certificateNumber) throw badInput('certificateNumber', 'certificateNumber must not be blank');
    if (!issuingBody) throw badInput('issuingBody', 'issuingBody must not be blank');
    const id = await ctx.em.transactional(async (em) => {
      await lockProduct(em, product.key);
      const overlapping = await overlappingCertifications(em, product.key, input.validFrom, validUntil);
      if (overlapping.length)
        throw conflict(
          `The period overlaps certificate ${overlapping.map((c) => c.certificate_number).join(', ')} of this product; revoke it or start after it ends`,
          ['validFrom', 'validUntil'],
        );
      const certification = em.create(ProductCertification, {
        productId: product.key,
        certificateNumber,
        issuingBody,
        validFrom: input.validFrom,
        validUntil,
        recordedBy: ctx.viewer.subject ?? ctx.viewer.role,
      });
      await em.flush();
      return certification.id;
    });
    return { certification: await this.freshCertification(ctx, id), product };
  }

  /**
   * `revokeProductCertification`: the certificate stops covering days from `effectiveFrom` on
   * (today when omitted). Never retroactive: purchases recorded under it keep their standing,
   * and an official who finds one wrong voids it with a reason.
   */
  async revoke(
    ctx: Context,
    input: RevokeProductCertificationInput,
  ): Promise<{ certification: ProductCertificationNode; product: ProductNode }> {
    const key = uuidKeyFromInput(input.certificationId, ['ProductCertification'], 'certificationId');
    const current = await this.certificationByKey(ctx, key);
    if (!current) throw notFound('Certificate not found', 'certificationId');
    const product = (await this.byKey(ctx, current.productKey))!;
    productPolicy.requireWrite(ctx.viewer, product.originVillageCode);
    const today = todayInShanghai();
    const effectiveFrom = input.effectiveFrom ?? today;
    if (effectiveFrom < today)
      throw badInput(
        'effectiveFrom',
        `effectiveFrom must not be before today (${today}): a revocation is not retroactive`,
      );
    if (current.validUntil !== null && effectiveFrom > current.validUntil)
      throw badInput('effectiveFrom', `the certificate already ends on ${current.validUntil}`);
    const effective = effectiveFrom < current.validFrom ? current.validFrom : effectiveFrom;
    await ctx.em.transactional(async (em) => {
      await lockProduct(em, product.key);
      const certification = await em.findOneOrFail(ProductCertification, { id: key });
      if (certification.revokedFrom !== null)
        throw conflict(`The certificate is already revoked from ${certification.revokedFrom}`, ['certificationId']);
      em.assign(certification, { revokedFrom: effective, revokeReason: input.reason.trim() });
    });
    return { certification: await this.freshCertification(ctx, key), product };
  }

  private async fresh(ctx: Context, key: string): Promise<ProductNode> {
    this.loader(ctx).clear(key);
    const product = await this.byKey(ctx, key);
    if (!product) throw notFound('Product not found');
    return product;
  }

  private async freshCertification(ctx: Context, key: string): Promise<ProductCertificationNode> {
    const [certification] = await certificationsByKeys(ctx.em, [key]);
    if (!certification) throw notFound('Certificate not found');
    ctx.loaders
      .get<string, ProductCertificationNode[]>('product.certifications', (keys) =>
        certificationsOfProducts(ctx.em, keys),
      )
      .clear(certification.productKey);
    return certification;
  }
}

export const productService = new ProductService();
