import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../core/scalars';
import { ProductCategory, PurchaseChannel, PurchaseStatus, SupplierKind } from './consumption.enums';

/** Description of every `source` field of this module, worded as the registry's (`DEMO`, a document, or null). */
export const SOURCE_DESCRIPTION =
  'Where this record comes from (数据来源): `DEMO` for invented demonstration data (示例数据), a policy document and its section (e.g. `003_6038825323505164.txt 第四篇 二、(一)`) for figures copied from it, null for data recorded through the platform';

@ObjectType('Supplier', {
  implements: Node,
  description: 'Supplier in an assisted village (供应主体): cooperative, enterprise, family farm or village collective',
})
export class SupplierNode extends Node {
  @Field({ description: 'Name (名称)' }) name: string;
  @Field(() => SupplierKind, { description: 'Kind (类型)' }) kind: SupplierKind;
  @Field(() => String, { nullable: true, description: 'Unified social credit code (统一社会信用代码)' }) creditCode:
    string | null;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
  key: string;
  villageCode: string;
}

@ObjectType('SupplierConnection', { description: 'A page of suppliers (供应主体)' })
export class SupplierConnection extends ConnectionType(SupplierNode, 'Supplier') {}

@ObjectType('Product', {
  implements: Node,
  description:
    'Product from an assisted village (消费帮扶产品). Only lines of a product certified on the purchase date (消费帮扶产品认定) can be recorded.',
})
export class ProductNode extends Node {
  @Field({ description: 'Name (产品名称)' }) name: string;
  @Field(() => ProductCategory, { description: 'Category (类别)' }) category: ProductCategory;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
  key: string;
  supplierKey: string;
  originVillageCode: string;
}

@ObjectType('ProductConnection', { description: 'A page of products (消费帮扶产品)' })
export class ProductConnection extends ConnectionType(ProductNode, 'Product') {}

@ObjectType('ProductCertification', {
  implements: Node,
  description:
    'A certificate of 消费帮扶产品认定: it covers the days from validFrom through validUntil (both included; no end when null), until a revocation takes effect (认定证书)',
})
export class ProductCertificationNode extends Node {
  @Field({ description: 'Certificate number (认定编号)' }) certificateNumber: string;
  @Field({ description: 'Issuing body (认定机构)' }) issuingBody: string;
  @Field(() => DateScalar, { description: 'First day covered (有效期起)' }) validFrom: string;
  @Field(() => DateScalar, { nullable: true, description: 'Last day covered; null means no end date (有效期止)' })
  validUntil: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'First day no longer covered after a revocation (撤销生效日); null when not revoked',
  })
  revokedFrom: string | null;
  @Field(() => String, { nullable: true, description: 'Why it was revoked (撤销原因)' }) revokeReason: string | null;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (登记时间)' }) recordedAt: Date;
  key: string;
  productKey: string;
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
  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was voided (作废时间); null unless VOIDED' })
  voidedAt: Date | null;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description:
      'When an official verified it (核实时间); null until verified, kept when a verified purchase is voided',
  })
  verifiedAt: Date | null;
  @Field(() => DateTimeScalar, { description: 'When it was recorded (登记时间)' }) recordedAt: Date;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
  key: string;
  buyerId: string;
  originVillageCode: string;
  countyCode: string;
  pairingId: string | null;
}

@ObjectType('PurchaseConnection', { description: 'A page of purchases (消费帮扶采购) within your scope' })
export class PurchaseConnection extends ConnectionType(PurchaseNode, 'Purchase') {}

@ObjectType('PurchaseLine', { description: 'One product line of a purchase (采购明细)' })
export class PurchaseLineType {
  @Field(() => Int, { description: 'Line number, from 1' }) lineNo: number;
  @Field(() => DecimalScalar, { description: 'Quantity (数量)' }) quantity: string;
  @Field({ description: 'Unit, e.g. 斤, 公斤, 箱 (单位)' }) unit: string;
  @Field(() => DecimalScalar, { description: 'Amount, yuan (金额, 元)' }) amount: string;
  @Field(() => ProductCategory, { description: 'Category of the product when the purchase was recorded (产品类别)' })
  category: ProductCategory;
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
  @Field(() => ProductCategory, { nullable: true, description: 'Product category (产品类别) when grouped by it' })
  category: ProductCategory | null;
  @Field(() => PurchaseChannel, { nullable: true, description: 'Channel (采购渠道) when grouped by it' })
  channel: PurchaseChannel | null;
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

@ObjectType('VillageConsumption', {
  description:
    "Consumption-support purchases of a village's produce in a period, within your scope; voided purchases excluded (村消费帮扶情况)",
})
export class VillageConsumption {
  @Field(() => DecimalScalar, { description: 'Total amount, yuan, exact (采购金额合计, 元)' }) totalAmount: string;
  @Field(() => Int, { description: 'Purchases (采购笔数)' }) purchaseCount: number;
  @Field(() => Int, { description: 'Purchase lines (明细数)' }) lineCount: number;
}
