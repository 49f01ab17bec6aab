import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';
import { TargetStatus } from './target.rules';

const SCHEDULE = {
  dueYear: 'Year the target is due (目标年份), judged at its end; null for a standing or an annual target',
  fromYear: 'First year of an annual target (逐年考核起始年), due at the end of each year from fromYear to toYear',
  toYear: 'Last year of an annual target (逐年考核截止年)',
  measures: 'What the metric measures (考核内容), in words',
  measurable:
    'Whether the platform holds data for the metric (平台可计量); targets it cannot measure stay listed as NO_DATA',
};

@ObjectType({
  description:
    'Progress of one village or county toward one policy target (目标进度), judged as at the end of a year and never later than today',
})
export class TargetProgress {
  @Field({ description: 'Target code, e.g. COLLECTIVE_INCOME_2025' })
  targetCode: string;

  @Field({ description: 'Metric (指标), e.g. COLLECTIVE_INCOME, TAP_WATER_COVERAGE' })
  metric: string;

  @Field(() => String, { nullable: true, description: SCHEDULE.measures })
  measures: string | null;

  @Field({ description: SCHEDULE.measurable })
  measurable: boolean;

  @Field({ description: 'Target as written in the policy document (政策原文)' })
  description: string;

  @Field({ description: 'GTE (达到或超过) or EQ (等于)' })
  comparison: string;

  @Field(() => DecimalScalar, { description: 'Threshold (目标值)' })
  threshold: string;

  @Field({ description: 'Unit of threshold and actual: YUAN, PERCENT, COUNT, BOOLEAN …' })
  unit: string;

  @Field(() => Int, { nullable: true, description: SCHEDULE.dueYear })
  dueYear: number | null;

  @Field(() => Int, { nullable: true, description: SCHEDULE.fromYear })
  fromYear: number | null;

  @Field(() => Int, { nullable: true, description: SCHEDULE.toYear })
  toYear: number | null;

  @Field(() => TargetStatus, {
    description:
      'Where the target stands (目标状态): NOT_DUE or ON_TRACK before the due year has ended, MET or MISSED on the due year’s data once it has, NO_DATA when that data is missing or the metric cannot be measured',
  })
  status: TargetStatus;

  @Field(() => Int, {
    nullable: true,
    description:
      'Year the actual value is for (数据年份): the due year once due, else the latest year up to the year judged; for dated facts the year they are counted up to; null for data as it stands now',
  })
  evaluatedYear: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Actual value (实际值); null when the platform holds no data for it',
  })
  actual: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Provenance of the indicator year the actual value comes from (数据来源): DEMO for demonstration data, a document reference, or null for a year recorded through the platform or a value not from yearly indicators',
  })
  evaluatedSource: string | null;

  @Field(() => Boolean, {
    nullable: true,
    deprecationReason:
      'Use status: met is true only when MET and false only when MISSED, so it cannot tell a target not yet due from one without data.',
    description: 'Whether the target is met (是否达标): true when MET, false when MISSED, null otherwise',
  })
  met: boolean | null;
}

@ObjectType({
  description: 'How the key-assisted or demonstration villages of a region stand on one village target (目标达成情况)',
})
export class TargetAttainment {
  @Field({ description: 'Target code' })
  targetCode: string;

  @Field({ description: 'Metric measured' })
  metric: string;

  @Field(() => String, { nullable: true, description: SCHEDULE.measures })
  measures: string | null;

  @Field({ description: SCHEDULE.measurable })
  measurable: boolean;

  @Field(() => Int, { nullable: true, description: SCHEDULE.dueYear })
  dueYear: number | null;

  @Field(() => Int, { description: 'Villages the target applies to' })
  applicableVillages: number;

  @Field(() => Int, { description: 'Villages with a value to judge it on' })
  evaluatedVillages: number;

  @Field(() => Int, { description: 'Villages where it is MET (达标村数)' })
  metVillages: number;

  @Field(() => Int, { description: 'Villages where it is MISSED (未达标村数)' })
  missedVillages: number;

  @Field(() => Int, { description: 'Villages ON_TRACK: not due, already reached (提前达成村数)' })
  onTrackVillages: number;

  @Field(() => Int, { description: 'Villages where it is NOT_DUE (未到期村数)' })
  notDueVillages: number;

  @Field(() => Int, { description: 'Villages with NO_DATA for it (无数据村数)' })
  noDataVillages: number;
}

@ObjectType({
  description: 'How the counties of a region stand on one county target, e.g. the 12% fund share (县级目标达成情况)',
})
export class CountyTargetAttainment {
  @Field({ description: 'Target code, e.g. TRANSITION_FUND_SHARE_TO_KEY_VILLAGES' })
  targetCode: string;

  @Field({ description: 'Metric measured' })
  metric: string;

  @Field(() => String, { nullable: true, description: SCHEDULE.measures })
  measures: string | null;

  @Field({ description: SCHEDULE.measurable })
  measurable: boolean;

  @Field(() => Int, { nullable: true, description: SCHEDULE.dueYear })
  dueYear: number | null;

  @Field(() => Int, { nullable: true, description: SCHEDULE.fromYear })
  fromYear: number | null;

  @Field(() => Int, { nullable: true, description: SCHEDULE.toYear })
  toYear: number | null;

  @Field(() => Int, { nullable: true, description: 'Year whose data is judged (数据年份); null when not measurable' })
  evaluatedYear: number | null;

  @Field(() => Int, {
    description: 'Counties the target applies to: those with a key-assisted village you may see (适用县数)',
  })
  applicableCounties: number;

  @Field(() => Int, { description: 'Counties with a value to judge it on' })
  evaluatedCounties: number;

  @Field(() => Int, { description: 'Counties where it is MET (达标县数)' })
  metCounties: number;

  @Field(() => Int, { description: 'Counties where it is MISSED (未达标县数)' })
  missedCounties: number;

  @Field(() => Int, { description: 'Counties ON_TRACK (提前达成县数)' })
  onTrackCounties: number;

  @Field(() => Int, { description: 'Counties where it is NOT_DUE (未到期县数)' })
  notDueCounties: number;

  @Field(() => Int, { description: 'Counties with NO_DATA for it (无数据县数)' })
  noDataCounties: number;
}

@ObjectType({ description: 'Aggregates for the villages inside a region that the caller may see (区域汇总)' })
export class RegionSummary {
  @Field(() => Int, {
    nullable: true,
    description:
      'Year the targets are judged as at (评估年份): the year asked for, or the current year in Asia/Shanghai; never later than it',
  })
  year: number | null;

  @Field(() => Int, { description: 'Villages (行政村数)' })
  villageCount: number;

  @Field(() => Int, { description: 'Key-assisted villages (重点帮扶村数)' })
  keyAssistedVillageCount: number;

  @Field(() => Int, { description: 'Former poverty villages (原贫困村数)' })
  formerPovertyVillageCount: number;

  @Field(() => Int, { description: 'Demonstration villages (示范村数)' })
  demonstrationVillageCount: number;

  @Field(() => Int, {
    description: 'Villages with indicators for the year asked, or for any year when none is given (有指标数据的村)',
  })
  villagesWithIndicators: number;

  @Field(() => [TargetAttainment], { description: 'Per village target, how the villages it applies to stand' })
  targets: TargetAttainment[];

  /** The region and the year judged, for the county targets resolved on demand. */
  regionCode: string;
  asOfYear: number;
}
