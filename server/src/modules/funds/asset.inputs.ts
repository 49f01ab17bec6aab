import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { AssetType, BenefitLink, DisposalKind } from './funds.enums';
import { AssetDisposalNode, AssetIncomeType, ProjectAssetNode } from './asset.types';

@InputType({ description: 'Register an asset formed by an accepted project (资产确权登记)' })
export class RegisterProjectAssetInput {
  @Field(() => ID, { description: 'The project that formed it; ACCEPTED or EVALUATED' })
  projectId: string;

  @Field(() => ID, { description: 'The village it stands in: one the project serves' })
  villageId: string;

  @Field({ description: 'Name (资产名称)' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => AssetType, {
    description: 'Type; HOUSEHOLD assets belong to the household, every other to the village collective',
  })
  type: AssetType;

  @Field({ description: 'Owner’s name: the village collective economic organisation, or the household (产权人)' })
  @Length(1, 200, { message: 'ownerName must be 1 to 200 characters' })
  ownerName: string;

  @Field({ nullable: true, description: 'Operator (经营主体)' })
  @IsOptional()
  @Length(1, 200, { message: 'operator must be 1 to 200 characters' })
  operator?: string;

  @Field({ description: 'Upkeep body (管护主体)' })
  @Length(1, 200, { message: 'upkeepBody must be 1 to 200 characters' })
  upkeepBody: string;

  @Field(() => DecimalScalar, { description: 'Value, yuan, not negative, at most 2 decimals (资产价值)' })
  value: string;

  @Field(() => BenefitLink, { nullable: true, description: 'Benefit link (利益联结机制); required for OPERATING' })
  @IsOptional()
  benefitLink?: BenefitLink;

  @Field(() => DateScalar, {
    description: 'Date formed (形成日期): not before the project’s acceptance, not in the future',
  })
  formedOn: string;
}

@InputType({
  description:
    'A year’s income of an asset and how it is distributed (资产收益分配); recording a year again replaces it',
})
export class RecordAssetIncomeInput {
  @Field(() => ID, { description: 'Asset id (项目资产)' })
  assetId: string;

  @Field(() => Int, { description: 'Income year (收益年度), 2000–2100' })
  @IsInt()
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Income, yuan, not negative, at most 2 decimals (年度收益)' })
  amount: string;

  @Field(() => DecimalScalar, {
    description: 'Percent to lifted-out and monitored households, more than 0 (脱贫户和监测户, 优先)',
  })
  monitoredHouseholdsPercent: string;

  @Field(() => DecimalScalar, { description: 'Percent to project upkeep (项目运行管护)' })
  upkeepPercent: string;

  @Field(() => DecimalScalar, {
    description: 'Percent to village public works (村级公益事业); the three add up to exactly 100',
  })
  publicWorksPercent: string;
}

@InputType({ description: 'Ask the county to approve disposing of an asset (资产处置申请)' })
export class RequestAssetDisposalInput {
  @Field(() => ID, { description: 'Asset id (项目资产); a disposed asset cannot be disposed again' })
  assetId: string;

  @Field(() => DisposalKind, { description: 'How it is to be disposed of (处置方式)' })
  kind: DisposalKind;

  @Field({ description: 'Reason (处置理由)' })
  @Length(1, 1000, { message: 'reason must be 1 to 1000 characters' })
  reason: string;

  @Field(() => DateScalar, { description: 'Date requested, not in the future' })
  requestedOn: string;
}

@InputType({ description: 'The county’s decision on a disposal request (资产处置审批)' })
export class DecideAssetDisposalInput {
  @Field(() => ID, { description: 'Disposal request id (资产处置申请); only a pending request can be decided' })
  disposalId: string;

  @Field({ description: 'true approves (the asset is disposed on decidedOn), false rejects' })
  approve: boolean;

  @Field(() => DateScalar, { description: 'Date decided, not before the request nor in the future' })
  decidedOn: string;

  @Field({ nullable: true, description: 'Decision note (审批意见)' })
  @IsOptional()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string;
}

@ObjectType({ description: 'Result of registerProjectAsset (资产登记)' })
export class ProjectAssetPayload {
  @Field(() => ProjectAssetNode, { description: 'The asset as registered' })
  asset: ProjectAssetNode;
}

@ObjectType({ description: 'Result of recordAssetIncome (资产收益分配)' })
export class AssetIncomePayload {
  @Field(() => ProjectAssetNode, { description: 'The asset' })
  asset: ProjectAssetNode;

  @Field(() => AssetIncomeType, { description: 'The year’s income and its distribution, as recorded' })
  income: AssetIncomeType;
}

@ObjectType({ description: 'Result of requestAssetDisposal or decideAssetDisposal (资产处置)' })
export class AssetDisposalPayload {
  @Field(() => AssetDisposalNode, { description: 'The disposal request, with the decision once made' })
  disposal: AssetDisposalNode;

  @Field(() => ProjectAssetNode, { description: 'The asset; DISPOSED once an approval took effect' })
  asset: ProjectAssetNode;
}
