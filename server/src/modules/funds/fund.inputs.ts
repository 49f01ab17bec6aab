import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { FundSource } from './funds.enums';
import { FundAllocationNode } from './fund.types';

@InputType({ description: 'Funds allocated to a county for a year (登记资金下达)' })
export class RecordFundAllocationInput {
  @Field({ description: 'The county (12-digit code or prefix, e.g. 519902)' })
  countyCode: string;

  @Field(() => Int, { description: 'Budget year (资金年度)' })
  @IsInt()
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year: number;

  @Field(() => FundSource, { description: 'Source of the money (资金来源)' })
  source: FundSource;

  @Field(() => ID, {
    nullable: true,
    description:
      'The provider whose money it is (AssistanceUnit or Enterprise id): required for EAST_WEST, DESIGNATED and ENTERPRISE, optional for SOCIAL, refused for fiscal funds',
  })
  @IsOptional()
  providerId?: string;

  @Field(() => DecimalScalar, { description: 'Amount, yuan, more than 0, at most 2 decimals (金额, 元)' })
  amount: string;

  @Field({ nullable: true, description: 'Document number (文号)' })
  @IsOptional()
  @Length(1, 100, { message: 'documentNumber must be 1 to 100 characters' })
  documentNumber?: string;

  @Field(() => DateScalar, { description: 'Date allocated (下达日期), not in the future' })
  allocatedOn: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Date in place (到位日期), not before allocatedOn nor in the future; may be recorded later',
  })
  @IsOptional()
  inPlaceOn?: string;

  @Field({ nullable: true, description: 'Note (备注)' })
  @IsOptional()
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note?: string;
}

@InputType({ description: 'The date an allocation was in place (登记资金到位)' })
export class RecordFundsInPlaceInput {
  @Field(() => ID, { description: 'Allocation id (资金下达记录)' })
  allocationId: string;

  @Field(() => DateScalar, { description: 'Date in place (到位日期), not before it was allocated nor in the future' })
  inPlaceOn: string;
}

@ObjectType({ description: 'Result of recordFundAllocation or recordFundsInPlace (资金下达)' })
export class FundAllocationPayload {
  @Field(() => FundAllocationNode, { description: 'The allocation as stored after the change' })
  allocation: FundAllocationNode;
}
