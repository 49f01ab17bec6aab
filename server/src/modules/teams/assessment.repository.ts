import type { EntityManager } from '@mikro-orm/postgresql';
import { inList, query, withWhere } from '../../core/sql';
import { toGlobalId } from '../../core/relay/global-id';
import { addDays, weekOf } from '../../core/dates';
import { AssessmentCriterion, type AssessmentFacts, type Rubric, type ScoreLine } from './assessment.rules';
import { AssessmentType } from './assessment.types';
import { memberWeeks } from './attendance.repository';

/** Named queries of yearly assessments: the rubric, the facts of a member's year, and recorded assessments. */

/** The rubric in force for a year: the latest version effective from that year or before. */
export async function rubricFor(em: EntityManager, year: number): Promise<Rubric | null> {
  const [rubric] = await query<{
    version: number;
    effective_from_year: number;
    max_adjustment: string;
    source: string;
  }>(
    em,
    'SELECT version, effective_from_year, max_adjustment::text, source FROM assessment_rubric WHERE effective_from_year <= ? ORDER BY effective_from_year DESC LIMIT 1',
    [year],
  );
  if (!rubric) return null;
  const criteria = await query<{
    criterion: AssessmentCriterion;
    max_points: string;
    deduction_per_failed_check: string | null;
    deduction_per_consequence: string | null;
    description: string;
  }>(
    em,
    `SELECT criterion, max_points::text, deduction_per_failed_check::text, deduction_per_consequence::text, description
     FROM assessment_rubric_criterion WHERE version = ?
     ORDER BY CASE criterion WHEN 'ATTENDANCE' THEN 0 WHEN 'INSPECTIONS' THEN 1 ELSE 2 END`,
    [rubric.version],
  );
  const bands = await query<{ stars: number; min_points: string }>(
    em,
    'SELECT stars, min_points::text FROM assessment_star_band WHERE version = ? ORDER BY stars DESC',
    [rubric.version],
  );
  return {
    version: rubric.version,
    effectiveFromYear: rubric.effective_from_year,
    maxAdjustment: rubric.max_adjustment,
    source: rubric.source,
    criteria: criteria.map((c) => ({
      criterion: c.criterion,
      maxPoints: c.max_points,
      deductionPerFailedCheck: c.deduction_per_failed_check,
      deductionPerConsequence: c.deduction_per_consequence,
      description: c.description,
    })),
    starBands: bands.map((b) => ({ stars: b.stars, minPoints: b.min_points })),
  };
}

/**
 * What the platform holds about a member's year: the weeks (Mondays in the year, ended before
 * `today`) the member was on duty for in full and those that kept 五天四夜 (the same SQL as every
 * compliance figure), the failed checks of the team's inspections in the year during the
 * member's duty, the consequences naming the member, and the team's plan for the year.
 */
export async function assessmentFacts(
  em: EntityManager,
  memberKey: string,
  year: number,
  today: string,
): Promise<AssessmentFacts> {
  const newYear = `${year}-01-01`;
  const mondayBefore = weekOf(newYear).start;
  const firstMonday = mondayBefore < newYear ? addDays(mondayBefore, 7) : newYear;
  const lastOfYear = weekOf(`${year}-12-31`).start;
  const lastEnded = addDays(weekOf(today).start, -7);
  const lastMonday = lastOfYear < lastEnded ? lastOfYear : lastEnded;
  const weeks =
    firstMonday <= lastMonday
      ? await memberWeeks(em, { sql: 'm.id = ?', bindings: [memberKey] }, firstMonday, lastMonday)
      : [];
  const [row] = await query<{ failed_checks: number; consequences: number; plan_submitted: boolean }>(
    em,
    `SELECT
       coalesce((SELECT sum((NOT i.identity_passed)::int + (NOT i.archive_passed)::int + (NOT i.residence_passed)::int
           + (NOT i.plan_passed)::int + (NOT i.results_passed)::int)
         FROM team_inspection i WHERE i.team_id = m.team_id AND extract(year FROM i.date) = ?
           AND i.date >= m.on_duty_from AND (m.status = 'ON_DUTY' OR i.date <= m.on_duty_to)), 0)::int AS failed_checks,
       (SELECT count(*) FROM team_inspection i WHERE i.member_id = m.id AND i.consequence <> 'NONE'
         AND extract(year FROM i.date) = ?)::int AS consequences,
       EXISTS (SELECT 1 FROM team_work_plan w WHERE w.team_id = m.team_id AND w.year = ?) AS plan_submitted
     FROM team_member m WHERE m.id = ?`,
    [year, year, year, memberKey],
  );
  return {
    assessedWeeks: weeks.length,
    compliantWeeks: weeks.filter((w) => w.compliant).length,
    failedChecks: row.failed_checks,
    consequences: row.consequences,
    planSubmitted: row.plan_submitted,
  };
}

interface AssessmentRow {
  id: string;
  member_id: string;
  year: number;
  stars: number;
  points: string;
  computed_points: string | null;
  adjustment: string;
  adjustment_reason: string | null;
  basis: ScoreLine[] | null;
  rubric_version: number | null;
  note: string | null;
  source: string | null;
}

const ASSESSMENT_COLUMNS =
  'a.id, a.member_id, a.year, a.stars, a.points::text, a.computed_points::text, a.adjustment::text, a.adjustment_reason, a.basis, a.rubric_version, a.note, a.source';

function toAssessment(row: AssessmentRow): AssessmentType {
  return Object.assign(new AssessmentType(), {
    id: toGlobalId('TeamMemberAssessment', row.id),
    year: row.year,
    stars: row.stars,
    points: row.points,
    computedPoints: row.computed_points,
    adjustment: row.adjustment,
    adjustmentReason: row.adjustment_reason,
    breakdown: row.basis ?? [],
    rubricVersion: row.rubric_version,
    note: row.note,
    source: row.source,
  });
}

/** Assessments of each member, newest year first. */
export async function assessmentsOfMembers(
  em: EntityManager,
  memberKeys: readonly string[],
): Promise<AssessmentType[][]> {
  const rows = await query<AssessmentRow>(
    em,
    withWhere(
      `SELECT ${ASSESSMENT_COLUMNS} FROM team_member_assessment a`,
      inList('a.member_id', memberKeys),
      'ORDER BY a.member_id, a.year DESC',
    ),
  );
  return memberKeys.map((key) => rows.filter((row) => row.member_id === key).map(toAssessment));
}

export async function assessmentByKey(em: EntityManager, key: string): Promise<AssessmentType> {
  const [row] = await query<AssessmentRow>(
    em,
    `SELECT ${ASSESSMENT_COLUMNS} FROM team_member_assessment a WHERE a.id = ?`,
    [key],
  );
  return toAssessment(row);
}

export async function assessmentExists(em: EntityManager, memberKey: string, year: number): Promise<boolean> {
  return (
    (await query(em, 'SELECT 1 FROM team_member_assessment WHERE member_id = ? AND year = ?', [memberKey, year]))
      .length > 0
  );
}
