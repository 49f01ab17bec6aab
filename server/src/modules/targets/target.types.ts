import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../core/scalars';

@ObjectType({ description: 'Progress of one village toward one policy target (目标进度)' })
export class TargetProgress {
  @Field({ description: 'Target code, e.g. COLLECTIVE_INCOME_2025' })
  targetCode: string;

  @Field({ description: 'Metric (指标), e.g. COLLECTIVE_INCOME, TAP_WATER_COVERAGE' })
  metric: string;

  @Field({ description: 'Target as written in the policy document (政策原文)' })
  description: string;

  @Field({ description: 'GTE (达到或超过) or EQ (等于)' })
  comparison: string;

  @Field(() => DecimalScalar, { description: 'Threshold (目标值)' })
  threshold: string;

  @Field({ description: 'Unit of threshold and actual: YUAN, PERCENT, COUNT, BOOLEAN …' })
  unit: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Year the target is due (目标年份); null for a standing requirement',
  })
  dueYear: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Indicator year the actual value comes from; null for profile-based or unmeasured metrics',
  })
  evaluatedYear: number | null;

  @Field(() => DecimalScalar, {
    nullable: true,
    description: 'Actual value (实际值); null when the platform holds no data for it',
  })
  actual: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether the actual value meets the threshold (是否达标); null when there is no actual value',
  })
  met: boolean | null;
}
