import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../core/relay/connection';
import { MonitoringCaseStatus, MonitoringCategory, RiskCause } from './monitoring.enums';
import { MonitoringLineType } from './monitoring.types';

@ObjectType('MonitoringCategoryCount', { description: 'Cases of one category (各类监测对象数)' })
export class CategoryCountType {
  @Field(() => MonitoringCategory, { description: 'Category (监测对象类别)' }) category: MonitoringCategory;
  @Field(() => Int, { description: 'Cases (户数)' }) count: number;
}

@ObjectType('MonitoringStatusCount', { description: 'Cases in one status (各状态监测对象数)' })
export class StatusCountType {
  @Field(() => MonitoringCaseStatus, { description: 'Current status (当前状态)' }) status: MonitoringCaseStatus;
  @Field(() => Int, { description: 'Cases (户数)' }) count: number;
}

@ObjectType('MonitoringCategoryStatusCount', { description: 'Cases of one category in one status' })
export class CategoryStatusCountType {
  @Field(() => MonitoringCategory, { description: 'Category (监测对象类别)' }) category: MonitoringCategory;
  @Field(() => MonitoringCaseStatus, { description: 'Current status (当前状态)' }) status: MonitoringCaseStatus;
  @Field(() => Int, { description: 'Cases (户数), more than 0' }) count: number;
}

@ObjectType('MonitoringRiskCauseCount', {
  description: 'Cases naming a cause; a case with several causes counts under each',
})
export class RiskCauseCountType {
  @Field(() => RiskCause, { description: 'Risk cause (风险类型)' }) cause: RiskCause;
  @Field(() => Int, { description: 'Cases naming this cause (户数); a case may name several' }) count: number;
}

@ObjectType('ScreeningCadence', {
  description: 'How far villages and townships keep the cadence (000: 村组每月摸排、镇/街每季度审核)',
})
export class ScreeningCadenceType {
  @Field(() => [String], {
    description: 'Months of the year that have ended, each due a screening per village (YYYY-MM)',
  })
  dueMonths: string[];

  @Field(() => Int, { description: 'Villages missing at least one due month' })
  villagesBehind: number;

  @Field(() => Int, { description: 'Village-months without a screening, in total' })
  missingVillageMonths: number;

  @Field(() => [String], { description: 'Quarters of the year that have ended, each due a township review (YYYY-Qn)' })
  dueQuarters: string[];

  @Field(() => Int, { description: 'Townships missing at least one due quarter' })
  townshipsBehind: number;

  @Field(() => Int, { description: 'Township-quarters without a review, in total' })
  missingTownshipQuarters: number;
}

@ObjectType('MonitoringSummary', {
  description:
    'Return-to-poverty monitoring in a region and year (防止返贫监测汇总): counts over the cases open at some time during the year, by their current category and status',
})
export class MonitoringSummaryType {
  @Field({ description: 'Region (12-digit code)' })
  regionCode: string;

  @Field(() => Int, { description: 'Year summarised (年度)' })
  year: number;

  @Field(() => MonitoringLineType, { nullable: true, description: 'The region’s monitoring line of the year' })
  line: MonitoringLineType | null;

  @Field(() => Int, { description: 'Cases open at some time during the year (年内监测对象)' })
  cases: number;

  @Field(() => [CategoryCountType], { description: 'By category, every category listed' })
  byCategory: CategoryCountType[];

  @Field(() => [StatusCountType], { description: 'By current status, every status listed' })
  byStatus: StatusCountType[];

  @Field(() => [CategoryStatusCountType], { description: 'By category and status, non-zero pairs only' })
  byCategoryAndStatus: CategoryStatusCountType[];

  @Field(() => [RiskCauseCountType], { description: 'By risk cause, causes with cases only, most frequent first' })
  byRiskCause: RiskCauseCountType[];

  @Field(() => Int, { description: 'Cases confirmed by the county during the year (年内新识别)' })
  confirmedInYear: number;

  @Field(() => Int, { description: 'Cases whose risk was eliminated during the year (年内风险消除)' })
  eliminatedInYear: number;

  @Field(() => Int, {
    description: 'Cases whose notice has ended and that still wait for the next step (公示期满待处理)',
  })
  overdueNotices: number;

  @Field(() => ScreeningCadenceType, {
    description: 'Whether villages screen monthly and townships review quarterly (摸排审核频次)',
  })
  cadence: ScreeningCadenceType;

  /** Region prefix and due periods, for the gap lists under the summary. */
  prefix: string;
}

@ObjectType('VillageScreeningGap', { description: 'A village missing monthly screenings (未按月摸排的村)' })
export class VillageScreeningGapType {
  @Field({ description: 'Village code (行政村代码, 12 digits)' }) villageCode: string;
  @Field({ description: 'Village name (村名)' }) villageName: string;
  @Field(() => [String], { description: 'Due months without a screening (YYYY-MM)' }) missingMonths: string[];
}

@ObjectType('VillageScreeningGapConnection', {
  description: 'A page of villages missing monthly screenings (未按月摸排的村)',
})
export class VillageScreeningGapConnection extends ConnectionType(VillageScreeningGapType, 'VillageScreeningGap') {}

@ObjectType('TownshipReviewGap', { description: 'A township missing quarterly reviews (未按季审核的乡镇)' })
export class TownshipReviewGapType {
  @Field({ description: 'Township code (乡镇/街道代码, 12 digits)' }) townshipCode: string;
  @Field({ description: 'Township name (乡镇/街道名称)' }) townshipName: string;
  @Field(() => [String], { description: 'Due quarters without a review (YYYY-Qn)' }) missingQuarters: string[];
}

@ObjectType('TownshipReviewGapConnection', {
  description: 'A page of townships missing quarterly reviews (未按季审核的乡镇)',
})
export class TownshipReviewGapConnection extends ConnectionType(TownshipReviewGapType, 'TownshipReviewGap') {}
