import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min, ValidateNested } from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { FundSource, PaymentStage, ProjectCategory, ProjectStatus } from './funds.enums';
import { ProjectNode, ProjectPaymentNode } from './project.types';

@InputType({ description: 'Budget of a project from one source (项目资金来源)' })
export class BudgetLineInput {
  @Field(() => FundSource, { description: 'Source of the money (资金来源)' })
  source: FundSource;

  @Field(() => ID, {
    nullable: true,
    description: 'The provider whose money it is: required for EAST_WEST, DESIGNATED, ENTERPRISE; optional for SOCIAL',
  })
  @IsOptional()
  providerId?: string;

  @Field(() => DecimalScalar, { description: 'Amount, yuan, more than 0, at most 2 decimals' })
  amount: string;
}

@InputType({ description: 'Enter a project into the county project library (项目入库)' })
export class ProposeProjectInput {
  @Field({ description: 'Name (项目名称), unique in its county and year' })
  @Length(1, 200, { message: 'name must be 1 to 200 characters' })
  name: string;

  @Field(() => Int, { description: 'Plan year (项目年度)' })
  @IsInt()
  @Min(2000, { message: 'year must be between 2000 and 2100' })
  @Max(2100, { message: 'year must be between 2000 and 2100' })
  year: number;

  @Field(() => ProjectCategory, { description: 'Category (项目类别)' })
  category: ProjectCategory;

  @Field(() => [ID], { description: 'Villages served (受益村), 1 to 50, all in one county' })
  @ArrayMinSize(1, { message: 'villageIds must name at least one village' })
  @ArrayMaxSize(50, { message: 'villageIds may name at most 50 villages' })
  villageIds: string[];

  @Field(() => [BudgetLineInput], { description: 'Budget by fund source (资金来源), 1 to 20 lines' })
  @ArrayMinSize(1, { message: 'budget needs at least one line' })
  @ArrayMaxSize(20, { message: 'budget has at most 20 lines' })
  @ValidateNested({ each: true })
  budget: BudgetLineInput[];

  @Field(() => DateScalar, { description: 'Planned start (计划开工日期)' })
  plannedStart: string;

  @Field(() => DateScalar, { nullable: true, description: 'Date entered (入库日期); default today, not in the future' })
  @IsOptional()
  proposedOn?: string;

  @Field(() => Int, { nullable: true, description: 'Households benefiting (受益户数)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'beneficiaryHouseholds must not be negative' })
  beneficiaryHouseholds?: number;

  @Field(() => Int, { nullable: true, description: 'People benefiting (受益人数)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'beneficiaryPeople must not be negative' })
  beneficiaryPeople?: number;

  @Field(() => Int, { nullable: true, description: 'Monitored households among them (其中监测户数)' })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'monitoredHouseholds must not be negative' })
  monitoredHouseholds?: number;

  @Field({ nullable: true, description: 'Description (建设内容)' })
  @IsOptional()
  @Length(1, 2000, { message: 'description must be 1 to 2000 characters' })
  description?: string;
}

@InputType({
  description:
    'Move a project one step: PROPOSED→ASSESSED→APPROVED→ANNOUNCED→STARTED→ACCEPTED→EVALUATED, or CANCELLED before STARTED (项目状态变更)',
})
export class MoveProjectInput {
  @Field(() => ID, { description: 'Project id (项目)' })
  projectId: string;

  @Field(() => ProjectStatus, { description: 'New status' })
  status: ProjectStatus;

  @Field(() => DateScalar, {
    description:
      'Date of the step, not before the previous step nor in the future; for ANNOUNCED the first day of the announcement, for STARTED the actual start',
  })
  date: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Last day of the public announcement (公示截止日期); required for ANNOUNCED only',
  })
  @IsOptional()
  announcementEnd?: string;

  @Field({ nullable: true, description: 'Note (备注): assessment opinion, approval number, reason to cancel …' })
  @IsOptional()
  @Length(1, 1000, { message: 'note must be 1 to 1000 characters' })
  note?: string;
}

@InputType({ description: 'Pay a project from a fund allocation, by progress (按进度拨付)' })
export class RecordProjectPaymentInput {
  @Field(() => ID, { description: 'Project id (项目); payments start once it has STARTED' })
  projectId: string;

  @Field(() => ID, { description: 'The allocation paid from; its source must be in the project’s budget' })
  allocationId: string;

  @Field(() => DecimalScalar, { description: 'Amount, yuan, more than 0, at most 2 decimals' })
  amount: string;

  @Field(() => DateScalar, {
    description: 'Date paid (拨付日期), not before the allocation was in place nor in the future',
  })
  paidOn: string;

  @Field(() => PaymentStage, { description: 'Progress stage the payment is for (拨付阶段)' })
  stage: PaymentStage;

  @Field({ nullable: true, description: 'Note (备注)' })
  @IsOptional()
  @Length(1, 500, { message: 'note must be 1 to 500 characters' })
  note?: string;
}

@ObjectType({ description: 'Result of proposeProject or moveProject (项目库)' })
export class ProjectPayload {
  @Field(() => ProjectNode, { description: 'The project as stored after the change' })
  project: ProjectNode;
}

@ObjectType({ description: 'Result of recordProjectPayment (资金拨付)' })
export class ProjectPaymentPayload {
  @Field(() => ProjectPaymentNode, { description: 'The payment recorded' })
  payment: ProjectPaymentNode;

  @Field(() => ProjectNode, { description: 'The project, with its paid total updated' })
  project: ProjectNode;
}
