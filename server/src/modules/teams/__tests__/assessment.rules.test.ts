import {
  AssessmentCriterion,
  adjustmentProblems,
  fromHundredths,
  scoreYear,
  toHundredths,
  type AssessmentFacts,
  type Rubric,
} from '../assessment.rules';

/** The default rubric as the migration stores it. */
const RUBRIC: Rubric = {
  version: 1,
  effectiveFromYear: 2021,
  maxAdjustment: '10.00',
  source: 'test',
  criteria: [
    {
      criterion: AssessmentCriterion.ATTENDANCE,
      maxPoints: '50.00',
      deductionPerFailedCheck: null,
      deductionPerConsequence: null,
      description: '',
    },
    {
      criterion: AssessmentCriterion.INSPECTIONS,
      maxPoints: '30.00',
      deductionPerFailedCheck: '5.00',
      deductionPerConsequence: '10.00',
      description: '',
    },
    {
      criterion: AssessmentCriterion.WORK_PLAN,
      maxPoints: '20.00',
      deductionPerFailedCheck: null,
      deductionPerConsequence: null,
      description: '',
    },
  ],
  starBands: [
    { stars: 5, minPoints: '90.00' },
    { stars: 4, minPoints: '80.00' },
    { stars: 3, minPoints: '70.00' },
    { stars: 2, minPoints: '60.00' },
    { stars: 1, minPoints: '0.00' },
  ],
};
const clean: AssessmentFacts = {
  assessedWeeks: 30,
  compliantWeeks: 30,
  failedChecks: 0,
  consequences: 0,
  planSubmitted: true,
};

describe('scoring a year by the rubric', () => {
  it('gives full points and five stars on a clean year', () => {
    expect(scoreYear(RUBRIC, clean, '0')).toMatchObject({ computedPoints: '100.00', points: '100.00', stars: 5 });
  });

  it('gives attendance in proportion to compliant weeks, exact to the hundredth', () => {
    const score = scoreYear(RUBRIC, { ...clean, compliantWeeks: 20 }, '0');
    expect(score.breakdown[0]).toMatchObject({ criterion: 'ATTENDANCE', points: '33.33', basis: '20/30周达五天四夜' });
    expect(score.computedPoints).toBe('83.33');
  });

  it('deducts per failed check and per consequence, never below zero', () => {
    expect(scoreYear(RUBRIC, { ...clean, failedChecks: 1, consequences: 1 }, '0').breakdown[1].points).toBe('15.00');
    expect(scoreYear(RUBRIC, { ...clean, failedChecks: 4, consequences: 2 }, '0').breakdown[1].points).toBe('0.00');
  });

  it('gives the plan points only when the plan was submitted', () => {
    expect(scoreYear(RUBRIC, { ...clean, planSubmitted: false }, '0').breakdown[2].points).toBe('0.00');
  });

  it('puts the stars at the band edges', () => {
    // 80 computed (no plan 20 off), then adjustments across the 80 and 90 edges.
    const facts = { ...clean, planSubmitted: false };
    expect(scoreYear(RUBRIC, facts, '0').stars).toBe(4);
    expect(scoreYear(RUBRIC, facts, '-0.01').stars).toBe(3);
    expect(scoreYear(RUBRIC, facts, '10').stars).toBe(5);
    expect(scoreYear(RUBRIC, facts, '9.99').stars).toBe(4);
  });
});

describe('the assessor’s adjustment', () => {
  it('stays within the rubric’s limit and needs a reason', () => {
    expect(adjustmentProblems(RUBRIC, '80.00', '10', '理由')).toEqual([]);
    expect(adjustmentProblems(RUBRIC, '80.00', '-10', '理由')).toEqual([]);
    expect(adjustmentProblems(RUBRIC, '80.00', '10.01', '理由').map((p) => p.field)).toEqual(['adjustment']);
    expect(adjustmentProblems(RUBRIC, '80.00', '-10.01', '理由').map((p) => p.field)).toEqual(['adjustment']);
    expect(adjustmentProblems(RUBRIC, '80.00', '3', ' ').map((p) => p.field)).toEqual(['adjustmentReason']);
    expect(adjustmentProblems(RUBRIC, '80.00', '0', null)).toEqual([]);
  });

  it('cannot take the points above the maximum or below zero', () => {
    expect(adjustmentProblems(RUBRIC, '95.00', '5', '理由')).toEqual([]);
    expect(adjustmentProblems(RUBRIC, '95.00', '5.01', '理由').map((p) => p.field)).toEqual(['adjustment']);
    expect(adjustmentProblems(RUBRIC, '5.00', '-5.01', '理由').map((p) => p.field)).toEqual(['adjustment']);
  });

  it('reads and writes hundredths exactly', () => {
    expect(toHundredths('12.5')).toBe(1250);
    expect(toHundredths('-0.01')).toBe(-1);
    expect(fromHundredths(-1)).toBe('-0.01');
    expect(fromHundredths(8333)).toBe('83.33');
  });
});
