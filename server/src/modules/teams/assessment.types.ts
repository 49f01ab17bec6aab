import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { DecimalScalar } from '../../core/scalars';
import { AssessmentCriterion } from './assessment.rules';
import { SOURCE_DESCRIPTION, TeamMemberNode } from './team.types';

registerEnumType(AssessmentCriterion, {
  name: 'AssessmentCriterion',
  description: 'A criterion of the points-based assessment (积分制考核指标)',
  valuesConfig: {
    ATTENDANCE: { description: 'Residence: weeks of the year that kept 五天四夜 (驻村考勤)' },
    INSPECTIONS: { description: '五查五看 findings and consequences during the member’s duty (督查结果)' },
    WORK_PLAN: { description: 'The team’s annual work plan submitted (年度计划)' },
  },
});

@ObjectType('AssessmentScore', { description: 'Points of one criterion in an assessment (单项得分)' })
export class AssessmentScoreType {
  @Field(() => AssessmentCriterion, { description: 'The criterion (考核指标)' }) criterion: AssessmentCriterion;
  @Field(() => DecimalScalar, { description: 'Points (得分)' }) points: string;
  @Field(() => DecimalScalar, { description: 'Most points of the criterion (满分)' }) maxPoints: string;
  @Field({ description: 'What the points rest on (计分依据)' }) basis: string;
}

@ObjectType('TeamMemberAssessment', {
  description:
    'Yearly assessment of a member (年度考核, 星级化管理、积分制考核): points computed with the rubric from the platform’s data, the assessor’s adjustment with its reason, and the stars the points reach',
})
export class AssessmentType {
  @Field(() => ID, { description: 'Opaque global id of the assessment' }) id: string;
  @Field(() => Int, { description: 'Year (年度)' }) year: number;
  @Field(() => Int, { description: 'Star rating 1..5, from the rubric’s bands (星级)' }) stars: number;
  @Field(() => DecimalScalar, { description: 'Points: computed plus adjustment (积分)' }) points: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Points computed with the rubric (计算积分)' })
  computedPoints: string | null;
  @Field(() => DecimalScalar, { description: 'The assessor’s adjustment (考核调整分)' }) adjustment: string;
  @Field(() => String, { nullable: true, description: 'Why the points were adjusted (调整理由)' }) adjustmentReason:
    string | null;
  @Field(() => [AssessmentScoreType], { description: 'Points per criterion (分项得分)' })
  breakdown: AssessmentScoreType[];
  @Field(() => Int, { nullable: true, description: 'Rubric version used (考核细则版本)' }) rubricVersion: number | null;
  @Field(() => String, { nullable: true, description: 'Remarks (评语)' }) note: string | null;
  @Field(() => String, { nullable: true, description: SOURCE_DESCRIPTION }) source: string | null;
}

@ObjectType('AssessmentRubricCriterion', { description: 'One criterion of the rubric (考核指标)' })
export class RubricCriterionType {
  @Field(() => AssessmentCriterion, { description: 'The criterion (考核指标)' }) criterion: AssessmentCriterion;
  @Field(() => DecimalScalar, { description: 'Most points (满分)' }) maxPoints: string;
  @Field(() => DecimalScalar, { nullable: true, description: 'Deducted per failed 五查五看 check (每项不合格扣分)' })
  deductionPerFailedCheck: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: 'Deducted per 通报/约谈/召回 (每次问责扣分)' })
  deductionPerConsequence: string | null;
  @Field({ description: 'How the points are given (计分方法)' }) description: string;
}

@ObjectType('AssessmentStarBand', { description: 'Points needed for a star rating (星级标准)' })
export class StarBandType {
  @Field(() => Int, { description: 'Stars (星级), 1 to 5' }) stars: number;
  @Field(() => DecimalScalar, { description: 'Fewest points for these stars (最低积分)' }) minPoints: string;
}

@ObjectType('AssessmentRubric', {
  description:
    'The rubric of 星级化管理、积分制考核 (002_d5d8c2fb670d631c.txt (八)), stored as data: criteria, star bands, and the largest adjustment an assessor may make',
})
export class RubricType {
  @Field(() => Int, { description: 'Version (版本); assessments record the version they were computed with' })
  version: number;
  @Field(() => Int, { description: 'First year it applies to (适用起始年度)' }) effectiveFromYear: number;
  @Field(() => DecimalScalar, { description: 'Largest adjustment either way (最大调整分)' }) maxAdjustment: string;
  @Field(() => [RubricCriterionType], { description: 'Criteria and their points (考核指标)' })
  criteria: RubricCriterionType[];
  @Field(() => [StarBandType], { description: 'Highest stars first' }) starBands: StarBandType[];
  @Field({ description: 'Where the rubric comes from (依据)' }) source: string;
}

@InputType({
  description:
    'Record a member’s yearly assessment (年度考核): points and stars are computed with the rubric; the assessor may adjust within the rubric’s limit, with a reason',
})
export class RecordAssessmentInput {
  @Field(() => ID, { description: 'Team member id (队员)' }) memberId: string;

  @Field(() => Int, {
    description: 'Year assessed (考核年度), 2000–2100; once per member and year (CONFLICT otherwise)',
  })
  @IsInt()
  @Min(2000, { message: 'year must be 2000 or later' })
  @Max(2100, { message: 'year must be 2100 or earlier' })
  year: number;

  @Field(() => DecimalScalar, {
    defaultValue: '0',
    description: 'Adjustment in points, either way, at most the rubric’s maxAdjustment (考核调整分)',
  })
  adjustment: string;

  @Field({ nullable: true, description: 'Why; required when the adjustment is not zero (调整理由)' })
  @IsOptional()
  @Length(2, 1000, { message: 'adjustmentReason must be 2 to 1000 characters' })
  adjustmentReason?: string;

  @Field({ nullable: true, description: 'Remarks (评语)' })
  @IsOptional()
  @Length(1, 1000)
  note?: string;
}

@ObjectType({ description: 'Result of recordAssessment (年度考核)' })
export class RecordAssessmentPayload {
  @Field(() => TeamMemberNode, { description: 'The member assessed' }) member: TeamMemberNode;
  @Field(() => AssessmentType, { description: 'The assessment as stored' }) assessment: AssessmentType;
}
