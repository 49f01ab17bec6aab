import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import { FundSource, PaymentStage, ProjectCategory, ProjectStatus } from './funds.enums';

@ObjectType('Project', {
  implements: Node,
  description:
    'A project of the county project library (项目库项目): 规划跟着市场走、项目跟着规划走、资金跟着项目走、监管跟着资金走 (002_d5d8c2fb670d631c.txt 九)',
})
export class ProjectNode extends Node {
  @Field({ description: 'Name (项目名称)' })
  name: string;

  @Field(() => Int, { description: 'Plan year (项目年度); the April deadlines of that year apply' })
  year: number;

  @Field(() => ProjectCategory, { description: 'Category (项目类别)' })
  category: ProjectCategory;

  @Field(() => ProjectStatus, { description: 'Status in the library (项目状态)' })
  status: ProjectStatus;

  @Field(() => DateScalar, { description: 'Date of the latest status change (状态变更日期)' })
  statusChangedOn: string;

  @Field(() => String, { nullable: true, description: 'Description (建设内容)' })
  description: string | null;

  @Field(() => DateScalar, { description: 'Planned start (计划开工日期)' })
  plannedStart: string;

  @Field(() => DateScalar, { nullable: true, description: 'Actual start (实际开工日期); set when STARTED' })
  actualStart: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'First day of the public announcement (公示开始日期)' })
  announcementStart: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day of the public announcement (公示截止日期)' })
  announcementEnd: string | null;

  @Field(() => Int, { description: 'Households benefiting (受益户数)' })
  beneficiaryHouseholds: number;

  @Field(() => Int, { description: 'People benefiting (受益人数)' })
  beneficiaryPeople: number;

  @Field(() => Int, {
    description:
      'Monitored households among the beneficiaries (其中监测户数: 脱贫不稳定户、边缘易致贫户、突发严重困难户)',
  })
  monitoredHouseholds: number;

  uuid: string;
  countyCode: string;
}

@ObjectType('ProjectConnection', { description: 'A page of projects (项目库)' })
export class ProjectConnection extends ConnectionType(ProjectNode, 'Project') {}

@ObjectType('ProjectBudgetLine', { description: 'Budget of a project from one fund source (项目资金来源)' })
export class ProjectBudgetLineType {
  @Field(() => FundSource, { description: 'Fund source (资金来源)' })
  source: FundSource;

  @Field(() => DecimalScalar, { description: 'Budgeted amount, yuan (安排金额, 元)' })
  amount: string;

  @Field(() => DecimalScalar, { description: 'Paid so far from this source, yuan (已拨付, 元)' })
  paid: string;

  providerId: string | null;
}

@ObjectType('ProjectStatusChange', { description: 'One step of the project through the library (项目状态变更记录)' })
export class ProjectStatusChangeType {
  @Field(() => ProjectStatus, { nullable: true, description: 'Status before; null when entered into the library' })
  from: ProjectStatus | null;

  @Field(() => ProjectStatus, { description: 'Status after' })
  to: ProjectStatus;

  @Field(() => DateScalar, { description: 'Date of the step (日期)' })
  date: string;

  @Field({ description: 'Role of the account that took the step (操作角色)' })
  actorRole: string;

  @Field(() => String, { nullable: true, description: 'Region code of that account (操作单位区划)' })
  actorRegionCode: string | null;

  @Field(() => String, { nullable: true, description: 'Note (备注)' })
  note: string | null;
}

@ObjectType('ProjectPayment', {
  implements: Node,
  description: 'A payment from a fund allocation to a project, by progress (按进度拨付)',
})
export class ProjectPaymentNode extends Node {
  @Field(() => DecimalScalar, { description: 'Amount, yuan (拨付金额, 元)' })
  amount: string;

  @Field(() => DateScalar, { description: 'Date paid (拨付日期)' })
  paidOn: string;

  @Field(() => PaymentStage, { description: 'Stage (拨付阶段)' })
  stage: PaymentStage;

  @Field(() => FundSource, { description: 'Source of the allocation paid from (资金来源)' })
  source: FundSource;

  @Field(() => String, { nullable: true, description: 'Note (备注)' })
  note: string | null;

  projectId: string;
  allocationId: string;
}

@ObjectType('ProjectPaymentConnection', { description: 'A page of project payments (资金拨付)' })
export class ProjectPaymentConnection extends ConnectionType(ProjectPaymentNode, 'ProjectPayment') {}

@ObjectType('ProjectStatusCount', { description: 'Projects of one status (各状态项目数)' })
export class ProjectStatusCountType {
  @Field(() => ProjectStatus, { description: 'The status (项目状态)' })
  status: ProjectStatus;

  @Field(() => Int, { description: 'Projects (项目数)' })
  count: number;

  @Field(() => DecimalScalar, { description: 'Their total budget, yuan (计划投资, 元)' })
  budget: string;
}

@InputType({ description: 'Project filter; all given conditions must hold (项目筛选)' })
export class ProjectFilter {
  @Field({
    nullable: true,
    description: 'Projects of a county inside, or serving a village inside, this region (12-digit code or prefix)',
  })
  @IsOptional()
  regionCode?: string;

  @Field(() => Int, { nullable: true, description: 'Plan year (项目年度)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => ProjectStatus, { nullable: true, description: 'Only projects of this status (项目状态)' })
  @IsOptional()
  status?: ProjectStatus;

  @Field(() => ProjectCategory, { nullable: true, description: 'Only projects of this category (项目类别)' })
  @IsOptional()
  category?: ProjectCategory;

  @Field(() => ID, { nullable: true, description: 'Projects serving this village' })
  @IsOptional()
  villageId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Projects funded by this provider (AssistanceUnit or Enterprise id)',
  })
  @IsOptional()
  providerId?: string;
}
