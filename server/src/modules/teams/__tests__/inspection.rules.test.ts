import { InspectionConsequence, InspectionItem } from '../inspection.entity';
import { computeChecks, settleInspection, type InspectionFacts } from '../inspection.rules';

const DATE = '2026-11-20';
const facts = (change: Partial<InspectionFacts> = {}): InspectionFacts => ({
  residence: [
    {
      memberName: '甲',
      weekStart: '2026-11-09',
      days: 5,
      nights: 4,
      requiredDays: 5,
      requiredNights: 4,
      compliant: true,
    },
  ],
  firstSecretary: { name: '甲', partyMember: true, partyMemberSince: '2010-07-01' },
  partyMembers: [{ name: '甲', transferredOn: '2026-01-10' }],
  plan: { year: 2026, submittedOn: '2026-02-20' },
  ...change,
});

describe('the checks the platform computes', () => {
  it('passes 查身份, 查档案, 查驻村 and 查计划 on clean data and leaves 查落实 to the inspector', () => {
    const checks = computeChecks(facts(), DATE);
    expect(Object.values(checks).map((c) => c.computed)).toEqual([true, true, true, true, null]);
  });

  it('fails 查身份 without a first secretary on duty or with one who is not a Party member', () => {
    expect(computeChecks(facts({ firstSecretary: null }), DATE).IDENTITY.computed).toBe(false);
    const nonMember = { name: '乙', partyMember: false, partyMemberSince: null };
    expect(computeChecks(facts({ firstSecretary: nonMember }), DATE).IDENTITY).toMatchObject({
      computed: false,
      basis: '第一书记乙不是中共党员，不符合派驻要求',
    });
  });

  it('fails 查档案 while a Party member’s membership is not in the village by the date, and has no data without members', () => {
    expect(computeChecks(facts({ partyMembers: [{ name: '丙', transferredOn: null }] }), DATE).ARCHIVE.computed).toBe(
      false,
    );
    expect(
      computeChecks(facts({ partyMembers: [{ name: '丙', transferredOn: '2026-11-21' }] }), DATE).ARCHIVE.computed,
    ).toBe(false);
    expect(computeChecks(facts({ partyMembers: [{ name: '丙', transferredOn: DATE }] }), DATE).ARCHIVE.computed).toBe(
      true,
    );
    expect(computeChecks(facts({ partyMembers: [] }), DATE).ARCHIVE.computed).toBeNull();
  });

  it('fails 查驻村 on one short member-week, and has no data without assessed weeks', () => {
    const short = {
      memberName: '丁',
      weekStart: '2026-10-19',
      days: 4,
      nights: 3,
      requiredDays: 5,
      requiredNights: 4,
      compliant: false,
    };
    const residence = computeChecks(facts({ residence: [...facts().residence, short] }), DATE).RESIDENCE;
    expect(residence).toEqual({ computed: false, basis: '未达五天四夜：丁 2026-10-19当周在村4天3夜（应5天4夜）' });
    expect(computeChecks(facts({ residence: [] }), DATE).RESIDENCE.computed).toBeNull();
  });

  it('fails 查计划 when the year’s plan came in after the date or not at all', () => {
    expect(computeChecks(facts({ plan: { year: 2026, submittedOn: DATE } }), DATE).PLAN.computed).toBe(true);
    expect(computeChecks(facts({ plan: { year: 2026, submittedOn: '2026-11-21' } }), DATE).PLAN.computed).toBe(false);
    expect(computeChecks(facts({ plan: { year: 2026, submittedOn: null } }), DATE).PLAN.computed).toBe(false);
  });
});

describe('settling an inspection', () => {
  const computed = computeChecks(facts(), DATE);
  const inspector = (results: boolean | undefined, overrides: Partial<Record<InspectionItem, object>> = {}) =>
    Object.values(InspectionItem).map((item) => ({
      item,
      ...(item === InspectionItem.RESULTS && results !== undefined ? { passed: results } : {}),
      ...overrides[item],
    }));
  const fields = (r: { problems: { field: string }[] }) => r.problems.map((p) => p.field);

  it('takes the computed verdicts and the inspector’s 查落实', () => {
    const settled = settleInspection(computed, { checks: inspector(true), consequence: InspectionConsequence.NONE });
    expect(settled.problems).toEqual([]);
    expect(settled.checks.every((c) => c.passed)).toBe(true);
  });

  it('refuses a consequence when everything passed', () => {
    for (const consequence of [InspectionConsequence.NOTICE, InspectionConsequence.TALK, InspectionConsequence.RECALL])
      expect(fields(settleInspection(computed, { checks: inspector(true), consequence }))).toEqual(['consequence']);
  });

  it('asks for a reason when a check failed and no consequence follows', () => {
    const input = { checks: inspector(false), consequence: InspectionConsequence.NONE };
    expect(fields(settleInspection(computed, input))).toEqual(['consequenceNote']);
    expect(fields(settleInspection(computed, { ...input, consequenceNote: '已当场整改' }))).toEqual([]);
    expect(fields(settleInspection(computed, { ...input, consequence: InspectionConsequence.NOTICE }))).toEqual([]);
  });

  it('lets the inspector fail a computed pass only with a note, never pass a computed failure', () => {
    const failNoNote = inspector(true, { RESIDENCE: { passed: false } });
    expect(
      fields(settleInspection(computed, { checks: failNoNote, consequence: InspectionConsequence.NOTICE })),
    ).toEqual(['checks.2.note']);
    const withNote = inspector(true, { RESIDENCE: { passed: false, note: '暗访不在村' } });
    const settled = settleInspection(computed, { checks: withNote, consequence: InspectionConsequence.NOTICE });
    expect(settled.problems).toEqual([]);
    expect(settled.checks[2]).toMatchObject({ passed: false, computed: true, note: '暗访不在村' });

    const failing = computeChecks(facts({ plan: { year: 2026, submittedOn: null } }), DATE);
    const contradicted = settleInspection(failing, {
      checks: inspector(true, { PLAN: { passed: true } }),
      consequence: InspectionConsequence.NOTICE,
    });
    expect(fields(contradicted)).toEqual(['checks.3.passed']);
    expect(contradicted.checks[3].passed).toBe(false);
  });

  it('needs the inspector’s verdict where the platform has no data', () => {
    expect(
      fields(settleInspection(computed, { checks: inspector(undefined), consequence: InspectionConsequence.NONE })),
    ).toEqual(['checks.4.passed']);
    const noArchive = computeChecks(facts({ partyMembers: [] }), DATE);
    expect(
      fields(settleInspection(noArchive, { checks: inspector(true), consequence: InspectionConsequence.NONE })),
    ).toEqual(['checks.1.passed']);
  });
});
