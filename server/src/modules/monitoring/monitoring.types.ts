import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional } from 'class-validator';
import { Node } from '../../core/relay/node';
import { ConnectionType } from '../../core/relay/connection';
import { toGlobalId } from '../../core/relay/global-id';
import { DateScalar, DateTimeScalar, DecimalScalar } from '../../core/scalars';
import { Role } from '../../core/auth/viewer';
import {
  DiscoverySource,
  FundSource,
  MeasureType,
  MonitoringAction,
  MonitoringCaseStatus,
  MonitoringCategory,
  MonitoringLevel,
  NoticeKind,
  RiskCause,
} from './monitoring.enums';
import type { CaseRow, MeasureRow, PlanRow, StepRow, VisitRow } from './monitoring-case.repository';

const MONITORING_SOURCES = '000_ed3d1c40eab019cc.txt, 002_d5d8c2fb670d631c.txt, 004_44e68c292b71f99b.txt';

@ObjectType('MonitoringLine', {
  description:
    'The monitoring line of a year (防止返贫监测标准): per-capita annual net income below or near it puts a household at risk. Data per region and year, inherited down the region tree',
})
export class MonitoringLineType {
  @Field({ description: 'The region asked about' })
  regionCode: string;

  @Field(() => Int, { description: 'Year (年度)' })
  year: number;

  @Field(() => DecimalScalar, {
    description:
      'The line in yuan per person and year (元/人·年): base × (1 + growth)^(year − baseYear), rounded half up to the fen from the base each year',
  })
  amount: string;

  @Field({ description: 'Region whose rule applies (the nearest region up the tree with a rule for the year)' })
  ruleRegionCode: string;

  @Field(() => Int, { description: 'First year of the rule (基数年度)' })
  baseYear: number;

  @Field(() => Int, { nullable: true, description: 'Last year of the rule; null while it runs on' })
  toYear: number | null;

  @Field(() => DecimalScalar, { description: 'Base amount (基数), yuan' })
  baseAmount: string;

  @Field(() => DecimalScalar, { description: 'Yearly rise in percent (逐年增长比例), e.g. "10"' })
  annualGrowthPercent: string;

  @Field({ description: 'Where the rule comes from (依据), e.g. a policy document' })
  source: string;
}

@ObjectType('MonitoringNoticePeriod', { description: 'Length of a public notice in a region (公示期)' })
export class NoticePeriodType {
  @Field({ description: 'The region asked about' })
  regionCode: string;

  @Field(() => NoticeKind, { description: 'Kind of notice (公示类别)' })
  kind: NoticeKind;

  @Field(() => Int, { description: 'Days, counting the day it is posted (公示天数)' })
  days: number;

  @Field({ description: 'Region whose setting applies (the nearest up the tree)' })
  ruleRegionCode: string;

  @Field(() => String, { nullable: true, description: 'Where the setting comes from (依据)' })
  source: string | null;
}

@ObjectType('MonitoringNotice', { description: 'A public notice of a case (公示)' })
export class MonitoringNoticeType {
  @Field(() => NoticeKind, { description: 'Kind of notice (公示类别)' })
  kind: NoticeKind;

  @Field(() => DateScalar, { description: 'Day posted, the first day of the notice (公示开始)' })
  startsOn: string;

  @Field(() => DateScalar, { description: 'Last day of the notice (公示截止); the next step may come the day after' })
  endsOn: string;

  @Field({ description: 'Whether the notice has run its full length (Asia/Shanghai calendar)' })
  over: boolean;
}

@ObjectType('MonitoringCase', {
  implements: Node,
  description: `A household under return-to-poverty monitoring: category, causes, workflow and plan (防止返贫监测对象; ${MONITORING_SOURCES})`,
})
export class MonitoringCaseNode extends Node {
  @Field(() => MonitoringCategory, { description: 'Category (监测对象类别)' })
  category: MonitoringCategory;

  @Field(() => [RiskCause], { description: 'Risk causes (风险类型/致贫返贫原因)' })
  riskCauses: RiskCause[];

  @Field(() => DiscoverySource, { description: 'How the household was discovered (发现方式)' })
  discoverySource: DiscoverySource;

  @Field(() => DateScalar, { description: 'Date reported (上报日期)' })
  reportedOn: string;

  @Field(() => DecimalScalar, {
    description: 'Per-capita annual net income at identification, yuan (识别时人均纯收入)',
  })
  incomeAtIdentification: string;

  @Field(() => MonitoringCaseStatus, { description: 'Status (监测状态)' })
  status: MonitoringCaseStatus;

  @Field(() => MonitoringNoticeType, {
    nullable: true,
    description: 'The latest public notice (公示); the current one while IN_NOTICE',
  })
  notice: MonitoringNoticeType | null;

  @Field(() => DateScalar, { nullable: true, description: 'Confirmed by the county (县/区级确定日期)' })
  confirmedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Risk eliminated (风险消除日期)' })
  eliminatedOn: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Rejected (不予纳入日期)' })
  rejectedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the case was rejected, or the finding of the elimination (不予纳入理由/风险消除说明)',
  })
  closingReason: string | null;

  key: string;
  householdKey: string;
  villageCode: string;

  static from(row: CaseRow, today: string): MonitoringCaseNode {
    const node = new MonitoringCaseNode();
    node.id = toGlobalId('MonitoringCase', row.id);
    node.key = row.id;
    node.householdKey = row.household_id;
    node.villageCode = row.village_code;
    node.category = row.category;
    node.riskCauses = row.risk_causes;
    node.discoverySource = row.discovery_source;
    node.reportedOn = row.reported_on;
    node.incomeAtIdentification = row.income_at_identification;
    node.status = row.status;
    node.notice = row.notice_kind
      ? {
          kind: row.notice_kind,
          startsOn: row.notice_starts_on!,
          endsOn: row.notice_ends_on!,
          over: today > row.notice_ends_on!,
        }
      : null;
    node.confirmedOn = row.confirmed_on;
    node.eliminatedOn = row.eliminated_on;
    node.rejectedOn = row.rejected_on;
    node.closingReason = row.closing_reason;
    return node;
  }
}

@ObjectType('MonitoringCaseConnection', { description: 'A page of monitoring cases (监测对象) within your scope' })
export class MonitoringCaseConnection extends ConnectionType(MonitoringCaseNode, 'MonitoringCase') {}

@ObjectType('MonitoringStep', { description: 'One step of a case’s workflow, with who took it (流程记录)' })
export class MonitoringStepType {
  @Field(() => MonitoringAction, { description: 'The step taken (流程操作)' })
  action: MonitoringAction;

  @Field(() => MonitoringCaseStatus, { nullable: true, description: 'Status before; null for REPORT' })
  from: MonitoringCaseStatus | null;

  @Field(() => MonitoringCaseStatus, { description: 'Status after' })
  to: MonitoringCaseStatus;

  @Field(() => MonitoringLevel, { nullable: true, description: 'Level that owns the step; null for REPORT' })
  level: MonitoringLevel | null;

  @Field(() => DateScalar, { description: 'Date (Asia/Shanghai)' })
  takenOn: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded (记录时间)' })
  takenAt: Date;

  @Field(() => Role, { description: 'Role of the account that took it' })
  actorRole: Role;

  @Field(() => String, { nullable: true, description: 'Region of that account (its token’s region code)' })
  actorRegionCode: string | null;

  @Field(() => String, { nullable: true, description: 'Note or reason (意见/理由)' })
  note: string | null;

  @Field(() => MonitoringNoticeType, { nullable: true, description: 'The notice this step posted' })
  notice: MonitoringNoticeType | null;

  static from(row: StepRow, today: string): MonitoringStepType {
    const step = new MonitoringStepType();
    step.action = row.action;
    step.from = row.from_status;
    step.to = row.to_status;
    step.level = row.level;
    step.takenOn = row.taken_on;
    step.takenAt = row.taken_at as unknown as Date;
    step.actorRole = row.actor_role;
    step.actorRegionCode = row.actor_region;
    step.note = row.note;
    step.notice =
      row.notice_starts_on && row.notice_ends_on
        ? {
            kind: row.action === MonitoringAction.START_NOTICE ? NoticeKind.IDENTIFICATION : NoticeKind.ELIMINATION,
            startsOn: row.notice_starts_on,
            endsOn: row.notice_ends_on,
            over: today > row.notice_ends_on,
          }
        : null;
    return step;
  }
}

@ObjectType('MonitoringPlan', {
  description: 'The household’s plan (一户一案、一人一策, 002) and its responsible person (结对帮扶责任人)',
})
export class MonitoringPlanType {
  @Field({ description: 'Responsible person (结对帮扶责任人)' })
  responsibleName: string;

  @Field(() => String, { nullable: true, description: 'Post of the responsible person (职务)' })
  responsiblePost: string | null;

  @Field(() => String, { nullable: true, description: 'Their unit, the pairing unit (结对帮扶单位)' })
  responsibleUnitName: string | null;

  @Field(() => ID, { nullable: true, description: 'Global id of that assistance unit' })
  responsibleUnitId: string | null;

  @Field(() => String, { nullable: true, description: 'The plan in words (帮扶计划)' })
  summary: string | null;

  @Field(() => DateTimeScalar, { description: 'When the plan was last set (更新时间)' })
  updatedAt: Date;

  responsibleMemberKey: string | null;
  responsibleUnitKey: string | null;

  static from(row: PlanRow): MonitoringPlanType {
    const plan = new MonitoringPlanType();
    plan.responsibleName = row.responsible_name;
    plan.responsiblePost = row.responsible_post;
    plan.responsibleUnitName = row.unit_name;
    plan.responsibleUnitId = row.responsible_unit_id ? toGlobalId('AssistanceUnit', row.responsible_unit_id) : null;
    plan.summary = row.summary;
    plan.updatedAt = row.updated_at as unknown as Date;
    plan.responsibleMemberKey = row.responsible_member_id;
    plan.responsibleUnitKey = row.responsible_unit_id;
    return plan;
  }
}

@ObjectType('MonitoringMeasure', { description: 'An assistance measure of the plan (帮扶措施)' })
export class MonitoringMeasureType {
  @Field(() => MeasureType, { description: 'Kind (措施类型)' })
  type: MeasureType;

  @Field(() => String, { nullable: true, description: 'What is done (措施内容)' })
  description: string | null;

  @Field(() => DateScalar, { description: 'Start (开始日期)' })
  startsOn: string;

  @Field(() => DecimalScalar, { description: 'Cost in yuan, exact (金额, 元)' })
  cost: string;

  @Field(() => FundSource, { description: 'Fund source (资金来源)' })
  fundSource: FundSource;

  static from(row: MeasureRow): MonitoringMeasureType {
    const measure = new MonitoringMeasureType();
    measure.type = row.type;
    measure.description = row.description;
    measure.startsOn = row.starts_on;
    measure.cost = row.cost;
    measure.fundSource = row.fund_source;
    return measure;
  }
}

@ObjectType('FollowUpVisit', { description: 'A follow-up visit (跟踪回访) with its finding' })
export class FollowUpVisitType {
  @Field(() => DateScalar, { description: 'Date (回访日期)' })
  visitedOn: string;

  @Field({ description: 'Who visited (回访人)' })
  visitor: string;

  @Field({ description: 'Finding (回访情况)' })
  finding: string;

  @Field(() => Role, { description: 'Role of the account that recorded it' })
  recordedByRole: Role;

  static from(row: VisitRow): FollowUpVisitType {
    const visit = new FollowUpVisitType();
    visit.visitedOn = row.visited_on;
    visit.visitor = row.visitor;
    visit.finding = row.finding;
    visit.recordedByRole = row.recorded_by_role;
    return visit;
  }
}

@ObjectType('EliminationCheck', {
  description:
    'Whether the risk could be marked eliminated now (风险消除条件): labour in the household (002), latest per-capita income strictly above that year’s line (000/002), 两不愁三保障 and drinking water secured (004)',
})
export class EliminationCheckType {
  @Field({ description: 'True when nothing stands in the way' })
  allowed: boolean;

  @Field(() => [String], { description: 'What stands in the way, one sentence each' })
  refusals: string[];
}

@ObjectType('HouseholdIncomeSummary', { description: 'A year’s net income of a household against the line' })
export class HouseholdIncomeSummaryType {
  @Field(() => Int, { description: 'Year (年度)' })
  year: number;

  @Field(() => DecimalScalar, { description: 'Household net income, yuan (家庭纯收入)' })
  totalAmount: string;

  @Field(() => Int, { description: 'Members counted (家庭人口)' })
  members: number;

  @Field(() => DecimalScalar, {
    description:
      'Per-capita net income, yuan, rounded half up to the fen (人均纯收入); decisions compare totals exactly',
  })
  perCapita: string;

  @Field(() => MonitoringLineType, { nullable: true, description: 'That year’s monitoring line for the village' })
  line: MonitoringLineType | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Strictly above the line (total > line × members); null when no line is set',
  })
  aboveLine: boolean | null;
}

@InputType({ description: 'Narrows `monitoringCases` (监测对象筛选); your scope always applies' })
export class MonitoringCaseFilter {
  @Field({ nullable: true, description: 'Only cases inside this region (12-digit code or prefix)' })
  @IsOptional()
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'Only cases of this village' })
  @IsOptional()
  villageId?: string;

  @Field(() => ID, { nullable: true, description: 'Only cases of this household' })
  @IsOptional()
  householdId?: string;

  @Field(() => MonitoringCategory, { nullable: true, description: 'Only cases of this category (监测对象类别)' })
  @IsOptional()
  category?: MonitoringCategory;

  @Field(() => MonitoringCaseStatus, { nullable: true, description: 'Only cases in this status (当前状态)' })
  @IsOptional()
  status?: MonitoringCaseStatus;

  @Field(() => RiskCause, { nullable: true, description: 'Only cases with this among their causes' })
  @IsOptional()
  riskCause?: RiskCause;

  @Field({ nullable: true, description: 'true: open cases only; false: closed ones (RISK_ELIMINATED, REJECTED)' })
  @IsOptional()
  open?: boolean;

  @Field({
    nullable: true,
    description: 'true: only cases whose notice has ended and that still wait for the next step (公示期满待处理)',
  })
  @IsOptional()
  noticeOverdue?: boolean;
}
