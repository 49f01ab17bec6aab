import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Length, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { ProductCategory, PurchaseChannel, PurchaseStatus } from './consumption.enums';
import { PurchaseNode } from './consumption.types';

export const MAX_PURCHASE_LINES = 200;

@InputType({ description: 'One product line (采购明细)' })
export class PurchaseLineInput {
  @Field(() => ID, { description: 'Product id' })
  productId: string;

  @Field(() => DecimalScalar, { description: 'Quantity, > 0, at most 3 decimals (数量)' })
  quantity: string;

  @Field({ description: 'Unit, e.g. 斤, 公斤, 箱 (单位)' })
  @Length(1, 20, { message: 'unit must be 1 to 20 characters' })
  unit: string;

  @Field(() => DecimalScalar, { description: 'Amount in yuan, ≥ 0, at most 2 decimals (金额)' })
  amount: string;
}

@InputType({ description: 'A purchase to record; all products must come from one origin village' })
export class RecordPurchaseInput {
  @Field(() => ID, {
    description: 'Buyer: an AssistanceUnit or Enterprise id. Partners may only record for themselves.',
  })
  buyerId: string;

  @Field({ description: "The buyer's own reference; sending it again returns the existing purchase (幂等流水号)" })
  @Length(1, 100, { message: 'clientReference must be 1 to 100 characters' })
  clientReference: string;

  @Field(() => PurchaseChannel)
  channel: PurchaseChannel;

  @Field(() => DateScalar, { description: 'Purchase date, not in the future (Asia/Shanghai)' })
  purchasedOn: string;

  @Field(() => [PurchaseLineInput])
  @ArrayMinSize(1, { message: 'lines must hold at least one line' })
  @ArrayMaxSize(MAX_PURCHASE_LINES, { message: `lines may hold at most ${MAX_PURCHASE_LINES} lines` })
  @ValidateNested({ each: true })
  lines: PurchaseLineInput[];
}

@ObjectType()
export class RecordPurchasePayload {
  @Field(() => PurchaseNode)
  purchase: PurchaseNode;

  @Field({ description: 'False when the client reference was already recorded and the existing purchase is returned' })
  created: boolean;
}

@InputType()
export class VoidPurchaseInput {
  @Field(() => ID)
  purchaseId: string;

  @Field({ description: 'Why the purchase is voided (作废原因); kept with the purchase' })
  @Length(2, 500, { message: 'reason must be 2 to 500 characters' })
  reason: string;
}

@InputType()
export class VerifyPurchaseInput {
  @Field(() => ID)
  purchaseId: string;
}

@ObjectType()
export class PurchasePayload {
  @Field(() => PurchaseNode)
  purchase: PurchaseNode;
}

@InputType({ description: 'Purchase filter; all given conditions must hold' })
export class PurchaseFilter {
  @Field({ nullable: true, description: 'Origin village inside this region' }) @IsOptional() regionCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() buyerId?: string;
  @Field(() => PurchaseStatus, { nullable: true }) @IsOptional() status?: PurchaseStatus;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or after' }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true, description: 'Purchased on or before' }) @IsOptional() to?: string;
  @Field(() => PurchaseChannel, { nullable: true }) @IsOptional() channel?: PurchaseChannel;
}

@InputType({ description: 'Statistics filter; voided purchases are always excluded' })
export class ConsumptionStatsFilter {
  @Field({ nullable: true, description: 'Origin village inside this region' }) @IsOptional() regionCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() buyerId?: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() from?: string;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() to?: string;
  @Field(() => PurchaseChannel, { nullable: true }) @IsOptional() channel?: PurchaseChannel;
  @Field(() => ProductCategory, { nullable: true, description: 'Only lines of this category' })
  @IsOptional()
  category?: ProductCategory;
}

@InputType({ description: 'Product filter' })
export class ProductFilter {
  @Field(() => ID, { nullable: true, description: 'Origin village' }) @IsOptional() villageId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() supplierId?: string;
  @Field({ nullable: true, description: 'true: certified today (消费帮扶产品认定有效); false: not certified today' })
  @IsOptional()
  certified?: boolean;
}
