import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../core/scalars';
import { ProductCategory, PurchaseChannel, PurchaseStatus, SupplierKind } from './consumption.enums';

export interface SupplierRow {
  id: string;
  name: string;
  kind: SupplierKind;
  village_code: string;
  credit_code: string | null;
}

@ObjectType('Supplier', {
  implements: Node,
  description: 'Supplier in an assisted village (供应主体): cooperative, enterprise, family farm or village collective',
})
export class SupplierNode extends Node {
  @Field({ description: 'Name (名称)' }) name: string;
  @Field(() => SupplierKind, { description: 'Kind (类型)' }) kind: SupplierKind;
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码)' }) creditCode:
    string | null;
  key: string;
  villageCode: string;

  static from(row: SupplierRow): SupplierNode {
    return Object.assign(new SupplierNode(), {
      id: toGlobalId('Supplier', row.id),
      key: row.id,
      name: row.name,
      kind: row.kind,
      creditCode: row.credit_code,
      villageCode: row.village_code,
    });
  }
}

export interface ProductRow {
  id: string;
  name: string;
  category: ProductCategory;
  supplier_id: string;
  origin_village_code: string;
  certificate_number: string | null;
  certified_from: string | null;
  certified_until: string | null;
}

@ObjectType('Product', {
  implements: Node,
  description: 'Product from an assisted village, possibly certified for consumption support (消费帮扶产品)',
})
export class ProductNode extends Node {
  @Field({ description: 'Name (产品名称)' }) name: string;
  @Field(() => ProductCategory, { description: 'Category (类别)' }) category: ProductCategory;
  @Field(() => String, { nullable: true, description: 'Certificate number of 消费帮扶产品认定 (认定编号)' })
  certificateNumber: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Certified from (认定起始日)' }) certifiedFrom: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'Certified until; null means no end date (认定截止日)' })
  certifiedUntil: string | null;
  key: string;
  supplierKey: string;
  originVillageCode: string;

  static from(row: ProductRow): ProductNode {
    return Object.assign(new ProductNode(), {
      id: toGlobalId('Product', row.id),
      key: row.id,
      name: row.name,
      category: row.category,
      certificateNumber: row.certificate_number,
      certifiedFrom: row.certified_from,
      certifiedUntil: row.certified_until,
      supplierKey: row.supplier_id,
      originVillageCode: row.origin_village_code,
    });
  }

  /** Whether the certification covers a day (calendar dates compare as strings). */
  certifiedOn(day: string): boolean {
    if (!this.certificateNumber || !this.certifiedFrom) return false;
    return this.certifiedFrom <= day && (this.certifiedUntil === null || day <= this.certifiedUntil);
  }
}

@ObjectType('ProductConnection')
export class ProductConnection extends ConnectionType(ProductNode, 'Product') {}

export interface PurchaseRow {
  id: string;
  buyer_id: string;
  client_reference: string;
  origin_village_code: string;
  county_code: string;
  channel: PurchaseChannel;
  purchased_on: string;
  pairing_id: string | null;
  status: PurchaseStatus;
  total_amount: string;
  line_count: number;
  void_reason: string | null;
  voided_at: Date | null;
  verified_at: Date | null;
  created_at: Date;
}

@ObjectType('Purchase', { implements: Node, description: 'A consumption-support purchase (消费帮扶采购, 以购代捐)' })
export class PurchaseNode extends Node {
  @Field({ description: "The buyer's own reference; the same reference again returns this purchase (客户端流水号)" })
  clientReference: string;
  @Field(() => PurchaseStatus, { description: 'Status (状态)' }) status: PurchaseStatus;
  @Field(() => PurchaseChannel, { description: 'Channel (渠道)' }) channel: PurchaseChannel;
  @Field(() => DateScalar, { description: 'Purchase date (采购日期)' }) purchasedOn: string;
  @Field(() => DecimalScalar, { description: 'Total amount, yuan, exact (金额合计, 元)' }) totalAmount: string;
  @Field(() => Int, { description: 'Number of lines (明细行数)' }) lineCount: number;
  @Field(() => String, { nullable: true, description: 'Why it was voided (作废原因)' }) voidReason: string | null;
  @Field(() => DateTimeScalar, { nullable: true }) voidedAt: Date | null;
  @Field(() => DateTimeScalar, { nullable: true }) verifiedAt: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (登记时间)' }) recordedAt: Date;
  key: string;
  buyerId: string;
  originVillageCode: string;
  countyCode: string;
  pairingId: string | null;

  static from(row: PurchaseRow): PurchaseNode {
    return Object.assign(new PurchaseNode(), {
      id: toGlobalId('Purchase', row.id),
      key: row.id,
      clientReference: row.client_reference,
      status: row.status,
      channel: row.channel,
      purchasedOn: row.purchased_on,
      totalAmount: row.total_amount,
      lineCount: row.line_count,
      voidReason: row.void_reason,
      voidedAt: row.voided_at,
      verifiedAt: row.verified_at,
      recordedAt: row.created_at,
      buyerId: row.buyer_id,
      originVillageCode: row.origin_village_code,
      countyCode: row.county_code,
      pairingId: row.pairing_id,
    });
  }
}

@ObjectType('PurchaseConnection')
export class PurchaseConnection extends ConnectionType(PurchaseNode, 'Purchase') {}

@ObjectType('PurchaseLine', { description: 'One product line of a purchase (采购明细)' })
export class PurchaseLineType {
  @Field(() => Int, { description: 'Line number, from 1' }) lineNo: number;
  @Field(() => DecimalScalar, { description: 'Quantity (数量)' }) quantity: string;
  @Field({ description: 'Unit, e.g. 斤, 公斤, 箱 (单位)' }) unit: string;
  @Field(() => DecimalScalar, { description: 'Amount, yuan (金额, 元)' }) amount: string;
  @Field(() => ProductCategory) category: ProductCategory;
  productKey: string;
}

@ObjectType('ConsumptionStatsRow', {
  description: 'One group of consumption statistics; keys not grouped by are null (消费帮扶统计)',
})
export class ConsumptionStatsRow {
  @Field(() => DecimalScalar, { description: 'Amount, yuan, exact; voided purchases excluded (金额)' }) amount: string;
  @Field(() => Int, { description: 'Purchases (笔数)' }) purchaseCount: number;
  @Field(() => Int, { description: 'Purchase lines (明细数)' }) lineCount: number;
  @Field(() => String, { nullable: true, description: 'Period: "2025", "2025-Q1" or "2025-03" (期间)' }) period:
    string | null;
  @Field(() => ProductCategory, { nullable: true }) category: ProductCategory | null;
  @Field(() => PurchaseChannel, { nullable: true }) channel: PurchaseChannel | null;
  villageCode: string | null;
  countyCode: string | null;
  buyerId: string | null;
}

@ObjectType('TopBuyer', { description: "A buyer's place in the ranking (采购排行)" })
export class TopBuyer {
  @Field(() => Int, { description: 'Rank, from 1' }) rank: number;
  @Field(() => DecimalScalar, { description: 'Amount, yuan (金额)' }) amount: string;
  @Field(() => Int, { description: 'Purchases (笔数)' }) purchaseCount: number;
  buyerId: string;
}
