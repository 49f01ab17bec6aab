import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { ProductCategory, PurchaseChannel, PurchaseStatus, SupplierKind } from './consumption.enums';
import { ProductCertificationNode, ProductNode, PurchaseNode, SupplierNode } from './consumption.types';
import { MAX_PURCHASE_LINES } from './purchase.rules';

@InputType({ description: 'One product line (采购明细)' })
export class PurchaseLineInput {
  @Field(() => ID, { description: 'Product id' })
  productId: string;

  @Field(() => DecimalScalar, { description: 'Quantity, > 0, at most 3 decimals (数量)' })
  quantity: string;

  @Field({ description: 'Unit, e.g. 斤, 公斤, 箱; 1 to 20 characters besides spaces (单位)' })
  unit: string;

  @Field(() => DecimalScalar, { description: 'Amount in yuan, > 0, at most 2 decimals (金额)' })
  amount: string;
}

@InputType({
  description:
    'A purchase to record; all products must come from one origin village and be certified (消费帮扶产品认定) on the purchase date. The bulk import applies the same rules.',
})
export class RecordPurchaseInput {
  @Field(() => ID, {
    description: 'Buyer: an AssistanceUnit or Enterprise id. Partners may only record for themselves.',
  })
  buyerId: string;

  @Field({
    description:
      "The buyer's own reference, 1 to 100 characters besides spaces (trimmed); sending it again returns the existing purchase (幂等流水号)",
  })
  clientReference: string;

  @Field(() => PurchaseChannel, { description: 'How it was bought (采购渠道)' })
  channel: PurchaseChannel;

  @Field(() => DateScalar, { description: 'Purchase date, 2000-01-01 or later and not in the future (Asia/Shanghai)' })
  purchasedOn: string;

  @Field(() => [PurchaseLineInput], {
    description: `Product lines (采购明细), 1 to ${MAX_PURCHASE_LINES}; the purchase amount is their sum`,
  })
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_PURCHASE_LINES, { message: `lines may hold at most ${MAX_PURCHASE_LINES} lines` })
  @ValidateNested({ each: true })
  lines: PurchaseLineInput[];
}

@ObjectType({ description: 'Result of recordPurchase (登记采购)' })
export class RecordPurchasePayload {
  @Field(() => PurchaseNode, {
    description: 'The purchase recorded now, or the one recorded before under the same reference',
  })
  purchase: PurchaseNode;

  @Field({ description: 'False when the client reference was already recorded and the existing purchase is returned' })
  created: boolean;
}

@InputType({
  description:
    'Void a purchase (作废采购): by the buyer itself, an official of the origin region or an admin; it is kept, never deleted',
})
export class VoidPurchaseInput {
  @Field(() => ID, { description: 'Purchase id; a recorded or verified purchase' })
  purchaseId: string;

  @Field({ description: 'Why the purchase is voided (作废原因); kept with the purchase' })
  @Length(2, 500, { message: 'reason must be 2 to 500 characters' })
  reason: string;
}

@InputType({ description: 'Verify a purchase (核实采购): officials of the origin region and admins only' })
export class VerifyPurchaseInput {
  @Field(() => ID, { description: 'Purchase id; only a RECORDED purchase can be verified' })
  purchaseId: string;
}

@ObjectType({ description: 'Result of voidPurchase or verifyPurchase (采购记录)' })
export class PurchasePayload {
  @Field(() => PurchaseNode, { description: 'The purchase with its new status' })
  purchase: PurchaseNode;
}

@InputType({ description: 'Purchase filter; all given conditions must hold' })
export class PurchaseFilter {
  @Field({ nullable: true, description: 'Origin village inside this region' }) @IsOptional() regionCode?: string;
  @Field(() => ID, { nullable: true, description: 'Origin village (产地村)' }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true, description: 'Buyer: an AssistanceUnit or Enterprise id (采购方)' })
  @IsOptional()
  buyerId?: string;
  @Field(() => PurchaseStatus, { nullable: true, description: 'Only this status; every status when omitted' })
  @IsOptional()
  status?: PurchaseStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or after' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or before' }) @IsOptional() to?: string;
  @Field(() => PurchaseChannel, { nullable: true, description: 'Only this channel (采购渠道)' })
  @IsOptional()
  channel?: PurchaseChannel;
}

@InputType({ description: 'Statistics filter; voided purchases are always excluded' })
export class ConsumptionStatsFilter {
  @Field({ nullable: true, description: 'Origin village inside this region' }) @IsOptional() regionCode?: string;
  @Field(() => ID, { nullable: true, description: 'Origin village (产地村)' }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true, description: 'Buyer: an AssistanceUnit or Enterprise id (采购方)' })
  @IsOptional()
  buyerId?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or after' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or before' }) @IsOptional() to?: string;
  @Field(() => PurchaseChannel, { nullable: true, description: 'Only this channel (采购渠道)' })
  @IsOptional()
  channel?: PurchaseChannel;
  @Field(() => ProductCategory, { nullable: true, description: 'Only lines of this category' })
  @IsOptional()
  category?: ProductCategory;
}

@InputType({ description: 'Product filter' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: 'Origin village' }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true, description: 'Products of this supplier (供应主体)' })
  @IsOptional()
  supplierId?: string;
  @Field({ nullable: true, description: 'true: certified today (消费帮扶产品认定有效); false: not certified today' })
  @IsOptional()
  certified?: boolean;
}

@InputType({ description: 'Supplier filter' })
export class SupplierFilter {
  @Field(() => ID, { nullable: true, description: 'Suppliers of this village' }) @IsOptional() villageId?: string;
}

@InputType({ description: 'Register a supplier in an assisted village (登记供应主体)' })
export class CreateSupplierInput {
  @Field(() => ID, { description: 'Village of the supplier (所在村)' }) villageId: string;

  @Field({ description: 'Name (名称)' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => SupplierKind, { description: 'Kind of supplier (主体类型)' }) kind: SupplierKind;

  @Field({ nullable: true, description: 'Unified social credit code, GB 32100-2015 (统一社会信用代码)' })
  @IsOptional()
  creditCode?: string;
}

@InputType({ description: 'Change a supplier; its village cannot change (修改供应主体)' })
export class UpdateSupplierInput {
  @Field(() => ID, { description: 'Supplier id; a region official’s must be in its region' }) supplierId: string;

  @Field({ nullable: true, description: 'New name (名称), 1 to 200 characters' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @Field(() => SupplierKind, { nullable: true, description: 'Kind of supplier (主体类型)' })
  @IsOptional()
  kind?: SupplierKind;

  @Field(() => String, { nullable: true, description: 'A new credit code; null clears it' })
  @IsOptional()
  creditCode?: string | null;
}

@ObjectType({ description: 'Result of createSupplier or updateSupplier (供应主体)' })
export class SupplierPayload {
  @Field(() => SupplierNode, { description: 'The supplier as stored after the change' }) supplier: SupplierNode;
}

@InputType({ description: 'Register a product of a supplier; its origin village is the supplier’s (登记产品)' })
export class CreateProductInput {
  @Field(() => ID, { description: 'Supplier id (供应主体); a region official’s must be in its region' })
  supplierId: string;

  @Field({ description: 'Name (产品名称)' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => ProductCategory, { description: 'Category (产品类别), used by the statistics' })
  category: ProductCategory;
}

@InputType({ description: 'Change a product; purchase lines keep the category they were recorded with (修改产品)' })
export class UpdateProductInput {
  @Field(() => ID, { description: 'Product id; a region official’s must be in its region' }) productId: string;

  @Field({ nullable: true, description: 'New name (产品名称), 1 to 200 characters' })
  @IsOptional()
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name?: string;

  @Field(() => ProductCategory, {
    nullable: true,
    description: 'New category (产品类别), for purchases recorded from now on',
  })
  @IsOptional()
  category?: ProductCategory;
}

@ObjectType({ description: 'Result of createProduct or updateProduct (产品)' })
export class ProductPayload {
  @Field(() => ProductNode, { description: 'The product as stored after the change' }) product: ProductNode;
}

@InputType({
  description:
    'Certify a product (消费帮扶产品认定): a certificate covering validFrom through validUntil; it may not overlap another certificate of the product in force',
})
export class CertifyProductInput {
  @Field(() => ID, { description: 'Product id; a region official’s must be in its region' }) productId: string;

  @Field({ description: 'Certificate number (认定编号); unique per issuing body' })
  @Length(1, 100, { message: 'certificateNumber must be 1 to 100 characters' })
  certificateNumber: string;

  @Field({ description: 'Issuing body (认定机构)' })
  @Length(1, 200, { message: 'issuingBody must be 1 to 200 characters' })
  issuingBody: string;

  @Field(() => DateScalar, { description: 'First day covered (有效期起)' }) validFrom: string;

  @Field(() => DateScalar, { nullable: true, description: 'Last day covered; omitted: no end date (有效期止)' })
  @IsOptional()
  validUntil?: string;
}

@InputType({
  description:
    'Revoke a certificate (撤销认定) from a day on, today or later: purchases dated before that day stay certified',
})
export class RevokeProductCertificationInput {
  @Field(() => ID, { description: 'Certificate id (ProductCertification)' }) certificationId: string;

  @Field({ description: 'Why (撤销原因)' })
  @Length(2, 500, { message: 'reason must be 2 to 500 characters' })
  reason: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day no longer covered; today (Asia/Shanghai) when omitted, never earlier',
  })
  @IsOptional()
  effectiveFrom?: string;
}

@ObjectType({ description: 'Result of certifyProduct or revokeProductCertification (消费帮扶产品认定)' })
export class ProductCertificationPayload {
  @Field(() => ProductCertificationNode, { description: 'The certificate as stored after the change' })
  certification: ProductCertificationNode;

  @Field(() => ProductNode, { description: 'The certified product' }) product: ProductNode;
}
