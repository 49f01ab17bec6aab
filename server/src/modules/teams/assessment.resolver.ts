import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { TeamMemberNode } from './team.types';
import { AssessmentType, RecordAssessmentInput, RecordAssessmentPayload, RubricType } from './assessment.types';
import type { Rubric } from './assessment.rules';
import { assessmentService } from './assessment.service';
import { teamPolicy } from './team.policy';

@Resolver(() => TeamMemberNode)
export class AssessmentResolver {
  @Authorized(teamPolicy.roles.read)
  @Query(() => RubricType, {
    description: 'The rubric of 星级化管理、积分制考核 in force for a year, this year by default (考核细则)',
  })
  assessmentRubric(
    @Ctx() ctx: Context,
    @Arg('year', () => Int, { nullable: true, description: 'Year (年度); the current year when omitted' })
    year?: number,
  ): Promise<Rubric> {
    return assessmentService.rubric(ctx, year);
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => RecordAssessmentPayload, {
    description:
      'Record a member’s yearly assessment (年度考核): points and stars computed with the rubric, the assessor’s adjustment with its reason',
  })
  recordAssessment(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The member, year and any adjustment' }) input: RecordAssessmentInput,
  ): Promise<RecordAssessmentPayload> {
    return assessmentService.record(ctx, input);
  }

  @FieldResolver(() => [AssessmentType], { description: 'Yearly assessments (年度考核), newest first' })
  assessments(@Ctx() ctx: Context, @Root() member: TeamMemberNode): Promise<AssessmentType[]> {
    return assessmentService.ofMember(ctx, member.key);
  }
}
