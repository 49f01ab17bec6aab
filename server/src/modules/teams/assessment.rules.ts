/**
 * 星级化管理、积分制考核 (002_d5d8c2fb670d631c.txt (八)): a member's yearly points and stars follow
 * a rubric stored as data (`assessment_rubric*` tables), computed from what the platform holds
 * (attendance, inspections, the work plan), plus the assessor's adjustment with a reason. Pure
 * functions in exact hundredths of a point; `assessment.repository.ts` gathers the facts.
 */

export enum AssessmentCriterion {
  ATTENDANCE = 'ATTENDANCE',
  INSPECTIONS = 'INSPECTIONS',
  WORK_PLAN = 'WORK_PLAN',
}

export interface RubricCriterion {
  criterion: AssessmentCriterion;
  maxPoints: string;
  deductionPerFailedCheck: string | null;
  deductionPerConsequence: string | null;
  description: string;
}

export interface Rubric {
  version: number;
  effectiveFromYear: number;
  maxAdjustment: string;
  source: string;
  criteria: RubricCriterion[];
  /** Highest stars first. */
  starBands: { stars: number; minPoints: string }[];
}

/** What the platform holds about a member's year. */
export interface AssessmentFacts {
  /** Full weeks of the year on duty (assessed for 五天四夜), and those that complied. */
  assessedWeeks: number;
  compliantWeeks: number;
  /** Failed 五查五看 checks of the team's inspections in the year, during the member's duty. */
  failedChecks: number;
  /** 通报/约谈/召回 naming the member in the year. */
  consequences: number;
  planSubmitted: boolean;
}

export interface ScoreLine {
  criterion: AssessmentCriterion;
  points: string;
  maxPoints: string;
  basis: string;
}

export interface Score {
  breakdown: ScoreLine[];
  computedPoints: string;
  adjustment: string;
  points: string;
  stars: number;
}

/** "12.5" → 1250 hundredths; the rubric and the adjustment are decimal strings with at most 2 places. */
export function toHundredths(value: string): number {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) throw new Error(`not a number with at most 2 decimals: ${value}`);
  const n = Number(match[2]) * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  return match[1] ? -n : n;
}

export function fromHundredths(n: number): string {
  const abs = Math.abs(n);
  return `${n < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The most points the rubric can give. */
export const maxTotal = (rubric: Rubric) => rubric.criteria.reduce((sum, c) => sum + toHundredths(c.maxPoints), 0);

/**
 * Scores a member's year. Attendance: its maximum times the share of assessed weeks that
 * complied (rounded half up to the hundredth); inspections: its maximum less the deductions,
 * never below zero; work plan: its maximum when submitted. The adjustment may not exceed the
 * rubric's limit either way, nor take the points below zero or above the maximum; the stars are
 * those of the highest band the points reach.
 */
export function scoreYear(rubric: Rubric, facts: AssessmentFacts, adjustment: string): Score {
  const breakdown = rubric.criteria.map((c): ScoreLine => {
    const max = toHundredths(c.maxPoints);
    switch (c.criterion) {
      case AssessmentCriterion.ATTENDANCE: {
        const points = facts.assessedWeeks ? Math.round((max * facts.compliantWeeks) / facts.assessedWeeks) : 0;
        return {
          criterion: c.criterion,
          points: fromHundredths(points),
          maxPoints: c.maxPoints,
          basis: `${facts.compliantWeeks}/${facts.assessedWeeks}周达五天四夜`,
        };
      }
      case AssessmentCriterion.INSPECTIONS: {
        const deducted =
          facts.failedChecks * toHundredths(c.deductionPerFailedCheck ?? '0') +
          facts.consequences * toHundredths(c.deductionPerConsequence ?? '0');
        return {
          criterion: c.criterion,
          points: fromHundredths(Math.max(max - deducted, 0)),
          maxPoints: c.maxPoints,
          basis: `督查不合格项${facts.failedChecks}项，问责${facts.consequences}次`,
        };
      }
      case AssessmentCriterion.WORK_PLAN:
        return {
          criterion: c.criterion,
          points: fromHundredths(facts.planSubmitted ? max : 0),
          maxPoints: c.maxPoints,
          basis: facts.planSubmitted ? '年度帮扶工作计划已报送' : '年度帮扶工作计划未报送',
        };
    }
  });
  const computed = breakdown.reduce((sum, line) => sum + toHundredths(line.points), 0);
  const points = computed + toHundredths(adjustment);
  const stars = rubric.starBands.find((band) => points >= toHundredths(band.minPoints))?.stars ?? 1;
  return {
    breakdown,
    computedPoints: fromHundredths(computed),
    adjustment: fromHundredths(toHundredths(adjustment)),
    points: fromHundredths(points),
    stars,
  };
}

/** Problems with an adjustment, by the rubric: within ±maxAdjustment, a reason when not zero, final points in range. */
export function adjustmentProblems(
  rubric: Rubric,
  computedPoints: string,
  adjustment: string,
  reason: string | null | undefined,
): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const value = toHundredths(adjustment);
  if (Math.abs(value) > toHundredths(rubric.maxAdjustment))
    problems.push({
      field: 'adjustment',
      message: `adjustment must be between -${rubric.maxAdjustment} and ${rubric.maxAdjustment} points (rubric version ${rubric.version})`,
    });
  else {
    const total = toHundredths(computedPoints) + value;
    if (total < 0 || total > maxTotal(rubric))
      problems.push({
        field: 'adjustment',
        message: `adjustment would take the points to ${fromHundredths(total)}, outside 0 to ${fromHundredths(maxTotal(rubric))}`,
      });
  }
  if (value !== 0 && !reason?.trim())
    problems.push({ field: 'adjustmentReason', message: 'an adjustment needs its reason in adjustmentReason' });
  return problems;
}
