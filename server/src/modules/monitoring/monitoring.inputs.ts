import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { DateScalar, DecimalScalar } from '../../core/scalars';
import {
  DiscoverySource,
  EmploymentStatus,
  FundSource,
  HealthStatus,
  HouseholdRelation,
  IncomeSource,
  LabourCapacity,
  MeasureType,
  MonitoringAction,
  MonitoringCategory,
  NoticeKind,
  RiskCause,
  SchoolingStatus,
} from './monitoring.enums';
import { HouseholdMemberNode, HouseholdNode } from './household.types';
import { MonitoringCaseNode, MonitoringLineType, NoticePeriodType } from './monitoring.types';

// --- households ----------------------------------------------------------------------------------

@InputType({ description: 'A member of a household (家庭成员)' })
export class HouseholdMemberInput {
  @Field({ description: 'Name (姓名)' })
  @Length(1, 50, { message: 'name must be 1 to 50 characters' })
  name: string;

  @Field({
    description: 'ID number, 18 characters (公民身份号码, GB 11643); checked with its check character, stored once',
  })
  idNumber: string;

  @Field(() => HouseholdRelation, { description: 'Relation to the head of household (与户主关系)' })
  relation: HouseholdRelation;

  @Field(() => LabourCapacity, {
    description: 'Labour capacity (劳动能力); a household where no member has any is not marked 风险消除',
  })
  labourCapacity: LabourCapacity;

  @Field(() => HealthStatus, { description: 'Health (健康状况)' })
  health: HealthStatus;

  @Field(() => SchoolingStatus, { description: 'Schooling (在校生状况)' })
  schooling: SchoolingStatus;

  @Field(() => EmploymentStatus, { description: 'Employment (务工就业状况)' })
  employment: EmploymentStatus;
}

@InputType({ description: 'Register a household for monitoring (建档): its village and members, one head' })
export class RegisterHouseholdInput {
  @Field(() => ID, { description: 'Village id (所在村); within your scope' })
  villageId: string;

  @Field({ nullable: true, description: 'Address within the village (住址)' })
  @IsOptional()
  @Length(1, 200)
  address?: string;

  @Field({ description: 'Registered poor and lifted out of poverty (脱贫户)' })
  liftedOutOfPoverty: boolean;

  @Field(() => [HouseholdMemberInput], { description: 'Members, exactly one of them HEAD (户主)' })
  @ArrayMinSize(1, { message: 'members must list at least the head of household' })
  @ArrayMaxSize(30)
  @ValidateNested()
  members: HouseholdMemberInput[];
}

@ObjectType({
  description: 'Result of registerHousehold, recordHouseholdIncome or assessHouseholdGuarantees (监测户档案)',
})
export class HouseholdPayload {
  @Field(() => HouseholdNode, { description: 'The household as stored after the change' })
  household: HouseholdNode;
}

@InputType({ description: 'Add a member to a household (新增家庭成员)' })
export class AddHouseholdMemberInput {
  @Field(() => ID, { description: 'Household id (户)' })
  householdId: string;

  @Field(() => HouseholdMemberInput, { description: 'The new member; not a second HEAD' })
  @ValidateNested()
  member: HouseholdMemberInput;
}

@InputType({ description: 'Change a member’s situation (成员情况变更); fields left out stay as they are' })
export class UpdateHouseholdMemberInput {
  @Field(() => ID, { description: 'Household member id (家庭成员)' })
  memberId: string;

  @Field(() => LabourCapacity, { nullable: true, description: 'Labour capacity (劳动能力)' })
  @IsOptional()
  labourCapacity?: LabourCapacity;

  @Field(() => HealthStatus, { nullable: true, description: 'Health (健康状况)' })
  @IsOptional()
  health?: HealthStatus;

  @Field(() => SchoolingStatus, { nullable: true, description: 'Schooling (在校生状况)' })
  @IsOptional()
  schooling?: SchoolingStatus;

  @Field(() => EmploymentStatus, { nullable: true, description: 'Employment (务工就业状况)' })
  @IsOptional()
  employment?: EmploymentStatus;
}

@ObjectType({ description: 'Result of addHouseholdMember or updateHouseholdMember (家庭成员)' })
export class HouseholdMemberPayload {
  @Field(() => HouseholdMemberNode, { description: 'The member as stored after the change' })
  member: HouseholdMemberNode;
}

@InputType({ description: 'One source of a year’s net income (收入明细)' })
export class IncomeLineInput {
  @Field(() => IncomeSource, { description: 'Source of income (收入来源)' })
  source: IncomeSource;

  @Field(() => DecimalScalar, { description: 'Net income in yuan, at most two decimals (元)' })
  amount: string;
}

@InputType({
  description: 'Record a household’s net income of one year by source (家庭年纯收入); replaces that year’s record',
})
export class RecordHouseholdIncomeInput {
  @Field(() => ID, { description: 'Household id (户)' })
  householdId: string;

  @Field(() => Int, { description: 'Income year (收入年度), 2000 to the current year' })
  @IsInt()
  year: number;

  @Field(() => [IncomeLineInput], { description: 'At most one line per source' })
  @ArrayMinSize(1, { message: 'lines must list at least one source' })
  @ArrayMaxSize(4)
  @ValidateNested()
  lines: IncomeLineInput[];
}

@InputType({ description: 'Assess 两不愁三保障 and drinking water (两不愁三保障及饮水安全核查)' })
export class AssessGuaranteesInput {
  @Field(() => ID, { description: 'Household id (户)' })
  householdId: string;

  @Field(() => DateScalar, { description: 'Date of the assessment (核查日期); not in the future' })
  assessedOn: string;

  @Field({ description: '不愁吃' }) food: boolean;
  @Field({ description: '不愁穿' }) clothing: boolean;
  @Field({ description: '义务教育有保障' }) compulsoryEducation: boolean;
  @Field({ description: '基本医疗有保障' }) basicMedical: boolean;
  @Field({ description: '住房安全有保障' }) housingSafety: boolean;
  @Field({ description: '饮水安全有保障' }) drinkingWater: boolean;

  @Field({ nullable: true, description: 'Remarks (核查说明), up to 500 characters' })
  @IsOptional()
  @Length(1, 500)
  note?: string;
}

// --- cases --------------------------------------------------------------------------------------

@InputType({ description: 'Report a household for monitoring (纳入监测申报)' })
export class ReportMonitoringCaseInput {
  @Field(() => ID, { description: 'Household id (户); it may have at most one open case' })
  householdId: string;

  @Field(() => MonitoringCategory, { description: 'Category of monitored household (监测对象类别)' })
  category: MonitoringCategory;

  @Field(() => [RiskCause], { description: 'At least one risk cause (风险类型)' })
  @ArrayMinSize(1, { message: 'riskCauses must name at least one cause' })
  @ArrayMaxSize(14)
  riskCauses: RiskCause[];

  @Field(() => DiscoverySource, { description: 'How the risk came to light (发现途径)' })
  discoverySource: DiscoverySource;

  @Field(() => DateScalar, { description: 'Date reported (上报日期); not in the future' })
  reportedOn: string;

  @Field(() => DecimalScalar, {
    description: 'Per-capita annual net income at identification, yuan (识别时人均纯收入)',
  })
  incomeAtIdentification: string;

  @Field({ nullable: true, description: 'Note (情况说明)' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@InputType({ description: 'Take a workflow step (推进监测流程); the step must be the next one and yours to take' })
export class AdvanceMonitoringCaseInput {
  @Field(() => ID, { description: 'Monitoring case id (监测对象)' })
  caseId: string;

  @Field(() => MonitoringAction, {
    description: 'The step to take (流程操作); it must follow from the case’s status and fit your level',
  })
  action: MonitoringAction;

  @Field({
    nullable: true,
    description: 'Opinion or reason (意见/理由); required for REJECT, WITHDRAW_ELIMINATION and PROPOSE_ELIMINATION',
  })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@ObjectType({ description: 'Result of a monitoring-case mutation (监测对象)' })
export class MonitoringCasePayload {
  @Field(() => MonitoringCaseNode, { name: 'case', description: 'The case as it stands after the change' })
  monitoringCase: MonitoringCaseNode;
}

@InputType({
  description:
    'Set the plan of a confirmed case (制定帮扶计划, 一户一案): the responsible person is a team member on duty in the village, or a cadre named with their unit',
})
export class SetMonitoringPlanInput {
  @Field(() => ID, { description: 'Monitoring case id (监测对象); the case must be confirmed' })
  caseId: string;

  @Field(() => ID, { nullable: true, description: 'A resident-team member on duty in the village (驻村队员)' })
  @IsOptional()
  responsibleMemberId?: string;

  @Field({ nullable: true, description: 'Or a cadre by name (干部姓名)' })
  @IsOptional()
  @Length(1, 50)
  responsibleName?: string;

  @Field({ nullable: true, description: 'The cadre’s post (职务)' })
  @IsOptional()
  @Length(1, 100)
  responsiblePost?: string;

  @Field(() => ID, { nullable: true, description: 'The cadre’s assistance unit (结对帮扶单位), if any' })
  @IsOptional()
  responsibleUnitId?: string;

  @Field({ nullable: true, description: 'The plan in words (帮扶计划)' })
  @IsOptional()
  @Length(1, 2000)
  summary?: string;
}

@InputType({ description: 'Add a measure to a case’s plan (落实帮扶措施)' })
export class AddMonitoringMeasureInput {
  @Field(() => ID, { description: 'Monitoring case id (监测对象)' })
  caseId: string;

  @Field(() => MeasureType, { description: 'Kind of measure (帮扶措施类型)' })
  type: MeasureType;

  @Field({ nullable: true, description: 'What is done, in words (措施内容), up to 500 characters' })
  @IsOptional()
  @Length(1, 500)
  description?: string;

  @Field(() => DateScalar, { description: 'Start (开始日期)' })
  startsOn: string;

  @Field(() => DecimalScalar, { description: 'Cost in yuan, at most two decimals (金额)' })
  cost: string;

  @Field(() => FundSource, { description: 'Who pays for it (资金来源)' })
  fundSource: FundSource;
}

@InputType({ description: 'Record a follow-up visit (跟踪回访)' })
export class RecordFollowUpVisitInput {
  @Field(() => ID, { description: 'Monitoring case id (监测对象)' })
  caseId: string;

  @Field(() => DateScalar, { description: 'Date (回访日期); not in the future' })
  visitedOn: string;

  @Field({ description: 'Who visited (回访人)' })
  @Length(1, 50)
  visitor: string;

  @Field({ description: 'Finding (回访情况)' })
  @Length(1, 2000)
  finding: string;
}

// --- cadence and settings -------------------------------------------------------------------------

@InputType({ description: 'Record a village’s monthly screening (村组每月摸排, 000)' })
export class RecordVillageScreeningInput {
  @Field(() => ID, { description: 'Village id (行政村); within your scope' })
  villageId: string;

  @Field({ description: 'Month screened, YYYY-MM' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month: string;

  @Field(() => DateScalar, {
    description: 'Date of the screening (摸排日期): in that month or later, not in the future',
  })
  screenedOn: string;

  @Field(() => Int, { description: 'Households checked (摸排户数)' })
  @IsInt()
  @Min(0)
  @Max(100000)
  householdsChecked: number;

  @Field({ nullable: true, description: 'Remarks (摸排情况), up to 1000 characters' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@ObjectType('VillageScreening', { description: 'A village’s screening of one month (月度摸排记录)' })
export class VillageScreeningType {
  @Field({ description: 'Village code (行政村代码, 12 digits)' }) villageCode: string;
  @Field({ description: 'YYYY-MM' }) month: string;
  @Field(() => DateScalar, { description: 'Date of the screening (摸排日期)' }) screenedOn: string;
  @Field(() => Int, { description: 'Households checked (摸排户数)' }) householdsChecked: number;
}

@ObjectType({ description: 'Result of recordVillageScreening (月度摸排)' })
export class VillageScreeningPayload {
  @Field(() => VillageScreeningType, { description: 'The screening as recorded' })
  screening: VillageScreeningType;
}

@InputType({ description: 'Record a township’s quarterly review (镇/街每季度审核, 000)' })
export class RecordTownshipReviewInput {
  @Field({ description: 'Township code (12 digits or prefix)' })
  townshipCode: string;

  @Field(() => Int, { description: 'Year (年度), 2021 (the transition period) or later' })
  @IsInt()
  year: number;

  @Field(() => Int, { description: 'Quarter (季度), 1–4' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;

  @Field(() => DateScalar, {
    description: 'Date of the review (审核日期): from the quarter’s first day, not in the future',
  })
  reviewedOn: string;

  @Field({ nullable: true, description: 'Remarks (审核意见), up to 1000 characters' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@ObjectType('TownshipReview', { description: 'A township’s review of one quarter (季度审核记录)' })
export class TownshipReviewType {
  @Field({ description: 'Township code (乡镇/街道代码, 12 digits)' }) townshipCode: string;
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field(() => Int, { description: 'Quarter (季度), 1–4' }) quarter: number;
  @Field(() => DateScalar, { description: 'Date of the review (审核日期)' }) reviewedOn: string;
}

@ObjectType({ description: 'Result of recordTownshipReview (季度审核)' })
export class TownshipReviewPayload {
  @Field(() => TownshipReviewType, { description: 'The review as recorded' })
  review: TownshipReviewType;
}

@InputType({
  description:
    'Set a monitoring line rule for a region (设定监测标准): a base amount from a year, rising by a percentage each year; years may not overlap another rule of the region',
})
export class SetMonitoringLineInput {
  @Field({ description: 'Region (12 digits or prefix); its descendants inherit the rule' })
  regionCode: string;

  @Field(() => Int, { description: 'First year (基数年度)' })
  @IsInt()
  fromYear: number;

  @Field(() => Int, { nullable: true, description: 'Last year; leave out for a rule that runs on' })
  @IsOptional()
  @IsInt()
  toYear?: number;

  @Field(() => DecimalScalar, { description: 'Base amount, yuan per person and year (基数)' })
  baseAmount: string;

  @Field(() => DecimalScalar, { description: 'Yearly rise in percent, e.g. "10" (逐年增长); "0" for a flat line' })
  annualGrowthPercent: string;

  @Field({ description: 'Where the rule comes from (依据)' })
  @Length(1, 300)
  source: string;
}

@ObjectType({ description: 'Result of setMonitoringLine (设定监测标准)' })
export class MonitoringLinePayload {
  @Field(() => MonitoringLineType, { description: 'The line of `fromYear` under the rule just set' })
  line: MonitoringLineType;
}

@InputType({ description: 'Set the length of a kind of public notice for a region (设定公示期)' })
export class SetNoticePeriodInput {
  @Field({ description: 'Region (12 digits or prefix); its descendants inherit the setting' })
  regionCode: string;

  @Field(() => NoticeKind, { description: 'Kind of notice (公示类别)' })
  kind: NoticeKind;

  @Field(() => Int, { description: 'Days, counting the day it is posted (1–60)' })
  @IsInt()
  @Min(1, { message: 'days must be at least 1' })
  @Max(60, { message: 'days must be at most 60' })
  days: number;

  @Field({ nullable: true, description: 'Where the setting comes from (依据)' })
  @IsOptional()
  @Length(1, 300)
  source?: string;
}

@ObjectType({ description: 'Result of setMonitoringNoticePeriod (设定公示期)' })
export class NoticePeriodPayload {
  @Field(() => NoticePeriodType, { description: 'The setting as it now applies to the region' })
  noticePeriod: NoticePeriodType;
}
