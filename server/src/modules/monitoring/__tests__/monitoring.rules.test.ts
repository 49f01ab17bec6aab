import {
  AssistanceTrack,
  GuaranteeItem,
  LabourCapacity,
  MeasureType,
  MonitoringAction as A,
  MonitoringCaseStatus as S,
  MonitoringCategory,
  MonitoringLevel,
  NoticeKind,
  RiskCause,
} from '../monitoring.enums';
import {
  assistanceTracks,
  categoryProblem,
  dueMonths,
  dueQuarters,
  eliminationRefusals,
  missing,
  noticeDates,
  noticeOver,
  planRefusals,
  quarterDates,
  transitionFor,
  TRANSITIONS,
  type EliminationFacts,
} from '../monitoring.rules';

const { NONE, WEAK, FULL } = LabourCapacity;

describe('workflow', () => {
  it('walks identification and elimination, each step by its level', () => {
    const path: [A, S, NoticeKind | null, S, MonitoringLevel][] = [
      [A.VILLAGE_REVIEW, S.REPORTED, null, S.VILLAGE_REVIEWED, MonitoringLevel.VILLAGE],
      [A.START_NOTICE, S.VILLAGE_REVIEWED, null, S.IN_NOTICE, MonitoringLevel.VILLAGE],
      [A.TOWNSHIP_REVIEW, S.IN_NOTICE, NoticeKind.IDENTIFICATION, S.TOWNSHIP_REVIEWED, MonitoringLevel.TOWNSHIP],
      [A.CONFIRM, S.TOWNSHIP_REVIEWED, null, S.CONFIRMED, MonitoringLevel.COUNTY],
      [A.START_ASSISTANCE, S.CONFIRMED, NoticeKind.IDENTIFICATION, S.ASSISTING, MonitoringLevel.VILLAGE],
      [A.PROPOSE_ELIMINATION, S.ASSISTING, NoticeKind.IDENTIFICATION, S.ELIMINATION_PROPOSED, MonitoringLevel.VILLAGE],
      [A.START_ELIMINATION_NOTICE, S.ELIMINATION_PROPOSED, null, S.IN_NOTICE, MonitoringLevel.TOWNSHIP],
      [A.MARK_RISK_ELIMINATED, S.IN_NOTICE, NoticeKind.ELIMINATION, S.RISK_ELIMINATED, MonitoringLevel.COUNTY],
    ];
    for (const [action, from, notice, to, level] of path) {
      const result = transitionFor(action, from, notice);
      expect(result).toHaveProperty('transition');
      if ('transition' in result) {
        expect(result.transition.to).toBe(to);
        expect(result.transition.level).toBe(level);
      }
    }
  });

  it('never skips a notice', () => {
    // Straight from village review to the township, or from the proposal to the county.
    expect(transitionFor(A.TOWNSHIP_REVIEW, S.VILLAGE_REVIEWED, null)).toEqual({
      refusal: expect.stringContaining('possible next steps: START_NOTICE, REJECT'),
    });
    expect(transitionFor(A.MARK_RISK_ELIMINATED, S.ELIMINATION_PROPOSED, null)).toHaveProperty('refusal');
    // A decision out of a notice waits for the notice to end.
    for (const t of TRANSITIONS.filter(
      (t) => t.from === S.IN_NOTICE && t.action !== A.REJECT && t.action !== A.WITHDRAW_ELIMINATION,
    ))
      expect(t.guards).toContain('NOTICE_OVER');
    // Every way into TOWNSHIP_REVIEWED or RISK_ELIMINATED comes out of a notice.
    for (const t of TRANSITIONS.filter((t) => t.to === S.TOWNSHIP_REVIEWED || t.to === S.RISK_ELIMINATED))
      expect(t.from).toBe(S.IN_NOTICE);
  });

  it('tells the two notices apart', () => {
    expect(transitionFor(A.TOWNSHIP_REVIEW, S.IN_NOTICE, NoticeKind.ELIMINATION)).toHaveProperty('refusal');
    expect(transitionFor(A.MARK_RISK_ELIMINATED, S.IN_NOTICE, NoticeKind.IDENTIFICATION)).toHaveProperty('refusal');
  });

  it('closes cases for good', () => {
    for (const action of Object.values(A))
      for (const closed of [S.REJECTED, S.RISK_ELIMINATED])
        expect(transitionFor(action, closed, null)).toEqual({ refusal: expect.stringContaining('closed') });
  });
});

describe('notices run through their last day', () => {
  it('a 7-day notice posted on Monday 2026-11-02 ends on Sunday 2026-11-08', () => {
    const notice = noticeDates('2026-11-02', 7);
    expect(notice).toEqual({ startsOn: '2026-11-02', endsOn: '2026-11-08' });
    expect(noticeOver(notice, '2026-11-08')).toBe(false);
    expect(noticeOver(notice, '2026-11-09')).toBe(true);
  });

  it('crosses month and year ends, and a one-day notice ends the day it starts', () => {
    expect(noticeDates('2026-12-28', 5).endsOn).toBe('2027-01-01');
    expect(noticeDates('2028-02-25', 7).endsOn).toBe('2028-03-02'); // leap year
    expect(noticeDates('2026-11-30', 1).endsOn).toBe('2026-11-30');
  });
});

describe('categories', () => {
  it('keeps 脱贫不稳定户 for 脱贫户 and 边缘易致贫户 for the others', () => {
    expect(categoryProblem(MonitoringCategory.UNSTABLE_LIFTED, true)).toBeNull();
    expect(categoryProblem(MonitoringCategory.UNSTABLE_LIFTED, false)).toMatch(/脱贫户/);
    expect(categoryProblem(MonitoringCategory.MARGINAL, false)).toBeNull();
    expect(categoryProblem(MonitoringCategory.MARGINAL, true)).toMatch(/UNSTABLE_LIFTED/);
    expect(categoryProblem(MonitoringCategory.SUDDEN_HARDSHIP, true)).toBeNull();
    expect(categoryProblem(MonitoringCategory.SUDDEN_HARDSHIP, false)).toBeNull();
  });
});

describe('tracks by labour capacity (004)', () => {
  const marginal = MonitoringCategory.MARGINAL;
  it('gives development help with labour, the safety net without, both for weak labour only', () => {
    expect(assistanceTracks(marginal, [RiskCause.ILLNESS], [NONE, FULL])).toEqual([AssistanceTrack.DEVELOPMENT]);
    expect(assistanceTracks(marginal, [RiskCause.ILLNESS], [NONE, WEAK])).toEqual([
      AssistanceTrack.DEVELOPMENT,
      AssistanceTrack.SAFETY_NET,
    ]);
    expect(assistanceTracks(marginal, [RiskCause.ILLNESS], [NONE, NONE])).toEqual([AssistanceTrack.SAFETY_NET]);
  });

  it('decides disasters and family crises case by case (一事一议)', () => {
    const sudden = MonitoringCategory.SUDDEN_HARDSHIP;
    expect(assistanceTracks(sudden, [RiskCause.DISASTER], [FULL])).toEqual([AssistanceTrack.CASE_BY_CASE]);
    expect(assistanceTracks(sudden, [RiskCause.ACCIDENT], [NONE])).toEqual([AssistanceTrack.CASE_BY_CASE]);
    expect(assistanceTracks(sudden, [RiskCause.ILLNESS], [FULL])).toEqual([AssistanceTrack.DEVELOPMENT]);
    expect(assistanceTracks(marginal, [RiskCause.DISASTER], [FULL])).toEqual([AssistanceTrack.DEVELOPMENT]);
  });

  it('starts assistance only with a responsible person and a measure of the track', () => {
    const development = [AssistanceTrack.DEVELOPMENT];
    expect(planRefusals(null, development)).toHaveLength(2);
    expect(planRefusals({ hasResponsiblePerson: true, measureTypes: [MeasureType.EMPLOYMENT] }, development)).toEqual(
      [],
    );
    const onlySupplementary = planRefusals(
      { hasResponsiblePerson: true, measureTypes: [MeasureType.MEDICAL_ASSISTANCE] },
      development,
    );
    expect(onlySupplementary).toEqual([expect.stringContaining('no measure of the household’s track DEVELOPMENT')]);
    expect(
      planRefusals({ hasResponsiblePerson: false, measureTypes: [MeasureType.MINIMUM_LIVING_ALLOWANCE] }, [
        AssistanceTrack.SAFETY_NET,
      ]),
    ).toEqual([expect.stringContaining('responsible person')]);
  });
});

describe('risk elimination', () => {
  const line2026 = { year: 2026, amount: '10629.37' };
  const fine: EliminationFacts = {
    labour: [FULL, NONE],
    latestIncome: { year: 2026, totalAmount: '21258.76' }, // 10629.38 per head
    line: line2026,
    unsecured: [],
  };

  it('allows a household with labour, income above the line and every guarantee secured', () => {
    expect(eliminationRefusals(fine)).toEqual([]);
  });

  it('refuses a household with no member with labour capacity, whatever its income (002)', () => {
    const refusals = eliminationRefusals({
      ...fine,
      labour: [NONE, NONE],
      latestIncome: { year: 2026, totalAmount: '90000' },
    });
    expect(refusals).toEqual([expect.stringContaining('暂不标注“风险消除”')]);
    expect(eliminationRefusals({ ...fine, labour: [WEAK, NONE] })).toEqual([]);
  });

  it('refuses per-capita income at the line and allows it one fen above', () => {
    // Two members: the line × 2 = 21258.74.
    const at = eliminationRefusals({ ...fine, latestIncome: { year: 2026, totalAmount: '21258.74' } });
    expect(at).toEqual([expect.stringContaining('10629.37 in 2026 is not above the monitoring line 10629.37')]);
    expect(eliminationRefusals({ ...fine, latestIncome: { year: 2026, totalAmount: '21258.73' } })).toHaveLength(1);
    // Half a fen above per head is above: totals are compared, nothing is rounded first.
    expect(eliminationRefusals({ ...fine, latestIncome: { year: 2026, totalAmount: '21258.75' } })).toEqual([]);
  });

  it('refuses without income, without a line for that year, or with a guarantee missing', () => {
    expect(eliminationRefusals({ ...fine, latestIncome: null })).toEqual([expect.stringContaining('No income')]);
    expect(eliminationRefusals({ ...fine, line: null })).toEqual([expect.stringContaining('No monitoring line')]);
    expect(eliminationRefusals({ ...fine, unsecured: [GuaranteeItem.HOUSING_SAFETY] })).toEqual([
      expect.stringContaining('HOUSING_SAFETY'),
    ]);
    expect(eliminationRefusals({ ...fine, unsecured: null })).toEqual([expect.stringContaining('not been assessed')]);
  });
});

describe('screening cadence (000: 村组每月摸排、镇/街每季度审核)', () => {
  it('counts only months and quarters that have ended', () => {
    expect(dueMonths(2026, '2026-11-30')).toHaveLength(10);
    expect(dueMonths(2026, '2026-11-30').at(-1)).toBe('2026-10');
    expect(dueMonths(2026, '2026-01-31')).toEqual([]);
    expect(dueMonths(2025, '2026-01-01')).toHaveLength(12);
    expect(dueMonths(2027, '2026-11-30')).toEqual([]);
    expect(dueQuarters(2026, '2026-11-30')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(dueQuarters(2026, '2026-10-01')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    expect(dueQuarters(2026, '2026-09-30')).toEqual(['2026-Q1', '2026-Q2']);
  });

  it('lists what is due and not recorded', () => {
    expect(missing(['2026-01', '2026-02', '2026-03'], ['2026-02'])).toEqual(['2026-01', '2026-03']);
    expect(quarterDates(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quarterDates(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
  });
});
