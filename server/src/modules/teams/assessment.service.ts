import type { Context } from '../../core/context';
import { todayInShanghai } from '../../core/dates';
import { badInput, conflict, notFound } from '../../core/errors';
import { TeamMemberAssessment } from './inspection.entity';
import type { TeamMemberNode } from './team.types';
import type { AssessmentType, RecordAssessmentInput } from './assessment.types';
import { teamPolicy } from './team.policy';
import { teamService } from './team.service';
import { memberService } from './member.service';
import { adjustmentProblems, scoreYear, type Rubric } from './assessment.rules';
import {
  assessmentByKey,
  assessmentExists,
  assessmentFacts,
  assessmentsOfMembers,
  rubricFor,
} from './assessment.repository';

/** Yearly assessments (年度考核): 星级化管理、积分制考核 by the rubric stored as data. */
export class AssessmentService {
  /** `TeamMember.assessments`: newest year first (the member is already visible). */
  ofMember(ctx: Context, memberKey: string): Promise<AssessmentType[]> {
    return ctx.loaders
      .get<string, AssessmentType[]>('assessment.ofMember', (keys) => assessmentsOfMembers(ctx.em, keys))
      .load(memberKey);
  }

  /** `assessmentRubric(year)`: the rubric in force for a year (this year by default). */
  async rubric(ctx: Context, year: number | null | undefined): Promise<Rubric> {
    // Public to every role that reads teams (the resolver's roles): nothing to scope.
    const forYear = year ?? Number(todayInShanghai().slice(0, 4));
    const rubric = await rubricFor(ctx.em, forYear);
    if (!rubric) throw notFound(`No assessment rubric applies to ${forYear}`, 'year');
    return rubric;
  }

  /**
   * `recordAssessment`: one per member and year. Points and stars are computed with the rubric of
   * the year from the platform's data for that year (up to the last complete week when the year
   * is still running); the assessor may adjust within the rubric's limit, with a reason.
   */
  async record(
    ctx: Context,
    input: RecordAssessmentInput,
  ): Promise<{ member: TeamMemberNode; assessment: AssessmentType }> {
    const member = await memberService.require(ctx, input.memberId);
    const team = await teamService.fresh(ctx, member.teamKey);
    teamPolicy.requireWrite(ctx.viewer, { villageCode: team.villageCode });
    const today = todayInShanghai();
    if (input.year > Number(today.slice(0, 4))) throw badInput('year', 'year must not be after the current year');
    const rubric = await rubricFor(ctx.em, input.year);
    if (!rubric) throw badInput('year', `No assessment rubric applies to ${input.year}`);
    const facts = await assessmentFacts(ctx.em, member.key, input.year, today);
    if (!facts.assessedWeeks)
      throw badInput('year', `The member was not on duty for a full week of ${input.year} that has ended`);
    const adjustment = input.adjustment ?? '0';
    if (!/^-?\d{1,4}(\.\d{1,2})?$/.test(adjustment.trim()))
      throw badInput('adjustment', 'adjustment must be a number of points with at most 2 decimals');
    const computed = scoreYear(rubric, facts, '0');
    const problems = adjustmentProblems(rubric, computed.computedPoints, adjustment, input.adjustmentReason);
    if (problems.length)
      throw badInput(
        problems.map((p) => p.field),
        problems.map((p) => p.message).join('; '),
      );
    const score = scoreYear(rubric, facts, adjustment);
    const id = await ctx.em.transactional(async (em) => {
      if (await assessmentExists(em, member.key, input.year))
        throw conflict('The member has already been assessed for this year', ['year']);
      const points = (criterion: string) =>
        score.breakdown.find((line) => line.criterion === criterion)?.points ?? null;
      const assessment = em.create(TeamMemberAssessment, {
        memberId: member.key,
        year: input.year,
        rubricVersion: rubric.version,
        attendancePoints: points('ATTENDANCE'),
        inspectionPoints: points('INSPECTIONS'),
        planPoints: points('WORK_PLAN'),
        computedPoints: score.computedPoints,
        adjustment: score.adjustment,
        adjustmentReason: input.adjustmentReason?.trim() || null,
        basis: score.breakdown,
        stars: score.stars,
        points: score.points,
        note: input.note?.trim() ?? null,
      });
      await em.flush();
      return assessment.id;
    });
    return { member, assessment: await assessmentByKey(ctx.em, id) };
  }
}

export const assessmentService = new AssessmentService();
