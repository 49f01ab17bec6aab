import {
  startTestServer,
  tokenFor,
  codesOf,
  adminToken,
  type TestServer,
  type GraphQLResponse,
} from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { addDays, todayInShanghai } from '../server/src/core/dates';
import { seedId } from '../seeds/load';
import { idCheckCharacter } from '../server/src/modules/monitoring/id-number';
import { dueMonths, dueQuarters } from '../server/src/modules/monitoring/monitoring.rules';
import { amountToFen, fenToYuan } from '../server/src/modules/monitoring/monitoring-line';

/**
 * Return-to-poverty monitoring end to end: the lines of 000 and 002 through the API, the workflow
 * step by step with its owners, the notice enforced by the clock (dates moved in the database
 * stand in for days passing), the elimination rules at their boundaries, cadence, and the
 * access log. Scope per role is in monitoring-scope.test.ts.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const WANGHUA = '210404000000';
const TAYU_TOWN = '210404100000';
const TAYU_VILLAGE = '210404100201';
const official = (region: string) => tokenFor({ role: Role.REGION_OFFICIAL, region });
const wanghuaCounty = official(WANGHUA);
const tayuTownship = official(TAYU_TOWN);
const tayuVillage = official(TAYU_VILLAGE);
const admin = adminToken();

const householdId = (key: string) => toGlobalId('Household', seedId('household', key));
const caseId = (key: string) => toGlobalId('MonitoringCase', seedId('monitoring-case', key));
const caseKey = (key: string) => seedId('monitoring-case', key);

let idSeq = 100;
/** A synthetic ID number: area 999999 (no such area), the given birth date, sequence 8xx, valid check character. */
function syntheticId(birth = '19800101', male = true): string {
  let seq = idSeq++;
  if (seq % 2 !== (male ? 1 : 0)) seq = idSeq++;
  const first17 = `999999${birth}8${String(seq % 100).padStart(2, '0')}`;
  return first17 + idCheckCharacter(first17);
}

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

const expectOk = <T>(response: GraphQLResponse<T>): T => {
  expect(response.errors).toBeUndefined();
  return response.data!;
};

const REGISTER = `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) {
  household { id headName memberCount members { name idNumber idNumberVisibility relation age gender } } } }`;
const INCOME = `mutation($input: RecordHouseholdIncomeInput!) { recordHouseholdIncome(input: $input) {
  household { incomeSummary { year totalAmount members perCapita aboveLine line { amount } } } } }`;
const GUARANTEES = `mutation($input: AssessGuaranteesInput!) { assessHouseholdGuarantees(input: $input) { household { guarantees { unsecured } } } }`;
const REPORT = `mutation($input: ReportMonitoringCaseInput!) { reportMonitoringCase(input: $input) { case { id status category } } }`;
const ADVANCE = `mutation($input: AdvanceMonitoringCaseInput!) { advanceMonitoringCase(input: $input) {
  case { id status notice { kind startsOn endsOn over } confirmedOn eliminatedOn closingReason } } }`;
const PLAN = `mutation($input: SetMonitoringPlanInput!) { setMonitoringPlan(input: $input) { case { plan { responsibleName responsibleUnitName } } } }`;
const MEASURE = `mutation($input: AddMonitoringMeasureInput!) { addMonitoringMeasure(input: $input) { case { measures { type cost fundSource } } } }`;
const LINE = `query($code: String!, $year: Int!) { monitoringLine(regionCode: $code, year: $year) { amount ruleRegionCode baseYear baseAmount annualGrowthPercent source } }`;

const advance = (id: string, action: string, token: string, note?: string) =>
  server.gql(ADVANCE, { input: { caseId: id, action, ...(note ? { note } : {}) } }, token);

const member = (name: string, relation: string, labourCapacity: string, idNumber = syntheticId()) => ({
  name,
  idNumber,
  relation,
  labourCapacity,
  health: 'HEALTHY',
  schooling: 'NOT_IN_SCHOOL',
  employment: 'FARMING',
});

describe('monitoring lines as data, inherited down the region tree', () => {
  it('gives 望花区 6600 rising 10% a year from 2021, to the fen (000_ed3d1c40eab019cc.txt)', async () => {
    const expected: Record<number, string> = {
      2021: '6600.00',
      2022: '7260.00',
      2023: '7986.00',
      2024: '8784.60',
      2025: '9663.06',
      2026: '10629.37',
      2027: '11692.30',
      2028: '12861.53',
    };
    for (const [year, amount] of Object.entries(expected)) {
      // Asked for a village: the district's rule applies to it.
      const { monitoringLine } = expectOk(
        await server.gql(LINE, { code: TAYU_VILLAGE, year: Number(year) }, tayuVillage),
      );
      expect(monitoringLine).toMatchObject({ amount, ruleRegionCode: WANGHUA, baseYear: 2021, baseAmount: '6600.00' });
    }
    expect(expectOk(await server.gql(LINE, { code: TAYU_VILLAGE, year: 2020 })).monitoringLine).toBeNull();
  });

  it('gives 忻州 7100 in 2023 only, to its county and township (002_d5d8c2fb670d631c.txt)', async () => {
    const at = async (code: string, year: number) =>
      expectOk(await server.gql(LINE, { code, year })).monitoringLine as {
        amount: string;
        ruleRegionCode: string;
      } | null;
    expect(await at('140932200000', 2023)).toMatchObject({ amount: '7100.00', ruleRegionCode: '140900000000' });
    expect(await at('1409', 2023)).toMatchObject({ amount: '7100.00' });
    expect(await at('140932200000', 2022)).toBeNull();
    expect(await at('140932200000', 2024)).toBeNull();
    // Another province has no line: never one national constant.
    expect(await at('519902100201', 2023)).toBeNull();
  });

  it('lets a region below override its parent, and refuses overlapping years of one region', async () => {
    const SET = `mutation($input: SetMonitoringLineInput!) { setMonitoringLine(input: $input) { line { year amount ruleRegionCode } } }`;
    const townshipRule = {
      regionCode: TAYU_TOWN,
      fromYear: 2027,
      toYear: 2027,
      baseAmount: '12000',
      annualGrowthPercent: '0',
      source: 'test',
    };
    expect(codesOf(await server.gql(SET, { input: townshipRule }, tayuTownship))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(SET, { input: townshipRule }, official('519902000000')))).toEqual(['FORBIDDEN']);
    expect(expectOk(await server.gql(SET, { input: townshipRule }, wanghuaCounty)).setMonitoringLine.line).toEqual({
      year: 2027,
      amount: '12000.00',
      ruleRegionCode: TAYU_TOWN,
    });
    expect(expectOk(await server.gql(LINE, { code: TAYU_VILLAGE, year: 2027 })).monitoringLine.amount).toBe('12000.00');
    // 工农街道 is not under 塔峪镇: the district's rule still applies there.
    expect(expectOk(await server.gql(LINE, { code: '210404001000', year: 2027 })).monitoringLine.amount).toBe(
      '11692.30',
    );
    const overlapping = await server.gql(
      SET,
      { input: { regionCode: WANGHUA, fromYear: 2030, baseAmount: '20000', annualGrowthPercent: '0', source: 'test' } },
      wanghuaCounty,
    );
    expect(codesOf(overlapping)).toEqual(['CONFLICT']);
    expect(overlapping.errors![0].extensions!.fields).toEqual(['fromYear', 'toYear']);
    expect(await count('monitoring_line', 'region_code = $1 AND from_year = 2030', [WANGHUA])).toBe(0);
    const badGrowth = await server.gql(
      SET,
      { input: { ...townshipRule, fromYear: 2028, toYear: 2028, annualGrowthPercent: '100' } },
      wanghuaCounty,
    );
    expect(badGrowth.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['annualGrowthPercent'] });
  });
});

describe('households', () => {
  const village = toGlobalId('Village', TAYU_VILLAGE);

  it('checks ID numbers with the GB 11643 check character and writes nothing when one fails', async () => {
    const good = syntheticId('19750505');
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const before = await count('household_member');
    const response = await server.gql(
      REGISTER,
      {
        input: {
          villageId: village,
          liftedOutOfPoverty: false,
          members: [member('户主（测试）', 'HEAD', 'FULL'), member('配偶（测试）', 'SPOUSE', 'FULL', wrongCheck)],
        },
      },
      tayuVillage,
    );
    expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['members.1.idNumber'] });
    expect(response.errors?.[0].message).toMatch(/check character/);
    expect(await count('household_member')).toBe(before);
  });

  it('requires exactly one head, and stores each ID number once', async () => {
    const twoHeads = await server.gql(
      REGISTER,
      {
        input: {
          villageId: village,
          liftedOutOfPoverty: false,
          members: [member('甲（测试）', 'HEAD', 'FULL'), member('乙（测试）', 'HEAD', 'FULL')],
        },
      },
      tayuVillage,
    );
    expect(twoHeads.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['members'] });
    const [seeded] = await server.sql<{ id_number: string }>(
      `SELECT id_number FROM household_member WHERE household_id = $1 LIMIT 1`,
      [seedId('household', 'ty-li')],
    );
    const duplicate = await server.gql(
      REGISTER,
      {
        input: {
          villageId: village,
          liftedOutOfPoverty: false,
          members: [member('丙（测试）', 'HEAD', 'FULL', seeded.id_number)],
        },
      },
      tayuVillage,
    );
    expect(duplicate.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['members.0.idNumber'] });
    expect(await count('household_member', 'id_number = $1', [seeded.id_number])).toBe(1);
  });

  it('registers a household; the village officer sees the numbers masked, age and gender from the number', async () => {
    const head = syntheticId('19700315', true);
    const { registerHousehold } = expectOk(
      await server.gql(
        REGISTER,
        {
          input: {
            villageId: village,
            liftedOutOfPoverty: true,
            members: [member('赵测（测试）', 'HEAD', 'FULL', head), member('钱测（测试）', 'SPOUSE', 'NONE')],
          },
        },
        tayuVillage,
      ),
    );
    expect(registerHousehold.household.headName).toBe('赵测（测试）');
    expect(registerHousehold.household.memberCount).toBe(2);
    const [first] = registerHousehold.household.members;
    expect(first).toMatchObject({ idNumberVisibility: 'MASKED', gender: 'MALE', relation: 'HEAD' });
    expect(first.idNumber).toBe(`${head.slice(0, 4)}**********${head.slice(-4)}`);
    const born = '1970-03-15';
    const today = todayInShanghai();
    expect(first.age).toBe(Number(today.slice(0, 4)) - 1970 - (today.slice(5) < born.slice(5) ? 1 : 0));
  });
});

describe('the workflow, each step by its level, the notice enforced by the clock', () => {
  let household: string;
  let monitoring: string;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));

  beforeAll(async () => {
    const { registerHousehold } = expectOk(
      await server.gql(
        REGISTER,
        {
          input: {
            villageId: toGlobalId('Village', TAYU_VILLAGE),
            liftedOutOfPoverty: false,
            members: [member('孙流程（测试）', 'HEAD', 'FULL'), member('李流程（测试）', 'SPOUSE', 'WEAK')],
          },
        },
        tayuVillage,
      ),
    );
    household = registerHousehold.household.id;
  });

  it('refuses a category that does not fit the household', async () => {
    const response = await server.gql(
      REPORT,
      {
        input: {
          householdId: household,
          category: 'UNSTABLE_LIFTED',
          riskCauses: ['ILLNESS'],
          discoverySource: 'CADRE_VISIT',
          reportedOn: today,
          incomeAtIdentification: '6000',
        },
      },
      tayuVillage,
    );
    expect(response.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['category'] });
    expect(await count('monitoring_case', 'household_id = $1', [keyOf(household)])).toBe(0);
  });

  it('reports a case once; a second open case of the household is a conflict', async () => {
    const input = {
      householdId: household,
      category: 'MARGINAL',
      riskCauses: ['ILLNESS', 'HIGH_EXPENDITURE'],
      discoverySource: 'SELF_APPLICATION',
      reportedOn: today,
      incomeAtIdentification: '6200.50',
    };
    const { reportMonitoringCase } = expectOk(await server.gql(REPORT, { input }, tayuVillage));
    monitoring = reportMonitoringCase.case.id;
    expect(reportMonitoringCase.case.status).toBe('REPORTED');
    const again = await server.gql(REPORT, { input }, tayuVillage);
    expect(again.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['householdId'] });
  });

  it('lets only the village review, and never skips the notice', async () => {
    expect(codesOf(await advance(monitoring, 'VILLAGE_REVIEW', tayuTownship))).toEqual(['FORBIDDEN']);
    expect(codesOf(await advance(monitoring, 'VILLAGE_REVIEW', wanghuaCounty))).toEqual(['FORBIDDEN']);
    expect(expectOk(await advance(monitoring, 'VILLAGE_REVIEW', tayuVillage)).advanceMonitoringCase.case.status).toBe(
      'VILLAGE_REVIEWED',
    );
    const skipping = await advance(monitoring, 'TOWNSHIP_REVIEW', tayuTownship);
    expect(skipping.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
    expect(skipping.errors?.[0].message).toMatch(/possible next steps: START_NOTICE, REJECT/);
  });

  it('posts the notice for the region’s period: start today, end after N days counting today', async () => {
    const { advanceMonitoringCase } = expectOk(await advance(monitoring, 'START_NOTICE', tayuVillage));
    expect(advanceMonitoringCase.case).toMatchObject({
      status: 'IN_NOTICE',
      notice: { kind: 'IDENTIFICATION', startsOn: today, endsOn: addDays(today, 6), over: false },
    });
    const [step] = await server.sql(
      `SELECT notice_starts_on::text AS starts, notice_ends_on::text AS ends, level, actor_role, actor_region
       FROM monitoring_case_step WHERE case_id = $1 AND action = 'START_NOTICE'`,
      [keyOf(monitoring)],
    );
    expect(step).toEqual({
      starts: today,
      ends: addDays(today, 6),
      level: 'VILLAGE',
      actor_role: 'REGION_OFFICIAL',
      actor_region: TAYU_VILLAGE,
    });
  });

  it('refuses the township review through the notice’s last day and allows it the day after', async () => {
    const key = keyOf(monitoring);
    // The notice's last day is today: still running.
    await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
      key,
      addDays(today, -6),
      today,
    ]);
    const early = await advance(monitoring, 'TOWNSHIP_REVIEW', tayuTownship);
    expect(early.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
    expect(early.errors?.[0].message).toContain(`possible from ${addDays(today, 1)}`);
    expect(await count('monitoring_case', `id = $1 AND status = 'IN_NOTICE'`, [key])).toBe(1);
    // Its last day was yesterday: over.
    await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
      key,
      addDays(today, -7),
      addDays(today, -1),
    ]);
    expect(codesOf(await advance(monitoring, 'TOWNSHIP_REVIEW', tayuVillage))).toEqual(['FORBIDDEN']);
    expect(expectOk(await advance(monitoring, 'TOWNSHIP_REVIEW', tayuTownship)).advanceMonitoringCase.case.status).toBe(
      'TOWNSHIP_REVIEWED',
    );
  });

  it('is confirmed by the county only', async () => {
    expect(codesOf(await advance(monitoring, 'CONFIRM', tayuTownship))).toEqual(['FORBIDDEN']);
    const { advanceMonitoringCase } = expectOk(await advance(monitoring, 'CONFIRM', wanghuaCounty));
    expect(advanceMonitoringCase.case).toMatchObject({ status: 'CONFIRMED', confirmedOn: today });
  });

  it('starts assistance only with a responsible person and a measure of the household’s track (004)', async () => {
    const noPlan = await advance(monitoring, 'START_ASSISTANCE', tayuVillage);
    expect(noPlan.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
    expect(noPlan.errors?.[0].message).toMatch(/responsible person/);
    expectOk(
      await server.gql(
        PLAN,
        {
          input: {
            caseId: monitoring,
            responsibleName: '周测（测试）',
            responsiblePost: '包村干部',
            summary: '稳岗就业',
          },
        },
        tayuVillage,
      ),
    );
    expectOk(
      await server.gql(
        MEASURE,
        {
          input: {
            caseId: monitoring,
            type: 'MEDICAL_ASSISTANCE',
            startsOn: today,
            cost: '1200.50',
            fundSource: 'MEDICAL_INSURANCE',
          },
        },
        tayuVillage,
      ),
    );
    const wrongTrack = await advance(monitoring, 'START_ASSISTANCE', tayuVillage);
    expect(wrongTrack.errors?.[0].message).toMatch(/no measure of the household’s track DEVELOPMENT/);
    const { addMonitoringMeasure } = expectOk(
      await server.gql(
        MEASURE,
        {
          input: {
            caseId: monitoring,
            type: 'EMPLOYMENT',
            startsOn: today,
            cost: '0.10',
            fundSource: 'TRANSITION_FUND',
          },
        },
        tayuVillage,
      ),
    );
    expect(addMonitoringMeasure.case.measures.map((m: { cost: string }) => m.cost).sort()).toEqual(['0.10', '1200.50']);
    expect(expectOk(await advance(monitoring, 'START_ASSISTANCE', tayuVillage)).advanceMonitoringCase.case.status).toBe(
      'ASSISTING',
    );
  });

  it('refuses elimination with income at the line, allows it one fen above, and needs a finding', async () => {
    const line = expectOk(await server.gql(LINE, { code: TAYU_VILLAGE, year }, tayuVillage)).monitoringLine.amount;
    const atLine = fenToYuan(amountToFen(line) * 2n);
    expectOk(
      await server.gql(
        GUARANTEES,
        {
          input: {
            householdId: household,
            assessedOn: today,
            food: true,
            clothing: true,
            compulsoryEducation: true,
            basicMedical: true,
            housingSafety: true,
            drinkingWater: true,
          },
        },
        tayuVillage,
      ),
    );
    const recorded = expectOk(
      await server.gql(
        INCOME,
        { input: { householdId: household, year, lines: [{ source: 'WAGE', amount: atLine }] } },
        tayuVillage,
      ),
    );
    expect(recorded.recordHouseholdIncome.household.incomeSummary).toMatchObject({
      year,
      totalAmount: atLine,
      members: 2,
      perCapita: line,
      aboveLine: false,
      line: { amount: line },
    });
    expect((await advance(monitoring, 'PROPOSE_ELIMINATION', tayuVillage)).errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['note'],
    });
    const refused = await advance(monitoring, 'PROPOSE_ELIMINATION', tayuVillage, '收入稳定');
    expect(refused.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
    expect(refused.errors?.[0].message).toContain(`is not above the monitoring line ${line}`);
    // Two members: one fen more in total is half a fen per head, and above.
    const oneFenMore = fenToYuan(amountToFen(atLine) + 1n);
    expectOk(
      await server.gql(
        INCOME,
        { input: { householdId: household, year, lines: [{ source: 'WAGE', amount: oneFenMore }] } },
        tayuVillage,
      ),
    );
    expect(
      expectOk(await advance(monitoring, 'PROPOSE_ELIMINATION', tayuVillage, '收入稳定超过监测标准'))
        .advanceMonitoringCase.case.status,
    ).toBe('ELIMINATION_PROPOSED');
  });

  it('is noticed by the township and marked eliminated by the county after the notice', async () => {
    expect(codesOf(await advance(monitoring, 'START_ELIMINATION_NOTICE', tayuVillage))).toEqual(['FORBIDDEN']);
    const { advanceMonitoringCase } = expectOk(await advance(monitoring, 'START_ELIMINATION_NOTICE', tayuTownship));
    expect(advanceMonitoringCase.case.notice).toEqual({
      kind: 'ELIMINATION',
      startsOn: today,
      endsOn: addDays(today, 6),
      over: false,
    });
    // Straight to the county's decision, skipping the notice's days: refused.
    const early = await advance(monitoring, 'MARK_RISK_ELIMINATED', wanghuaCounty);
    expect(early.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
    const key = keyOf(monitoring);
    await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
      key,
      addDays(today, -7),
      addDays(today, -1),
    ]);
    const { advanceMonitoringCase: done } = expectOk(
      await advance(monitoring, 'MARK_RISK_ELIMINATED', wanghuaCounty, '公示无异议'),
    );
    expect(done.case).toMatchObject({ status: 'RISK_ELIMINATED', eliminatedOn: today, closingReason: '公示无异议' });
    const steps = await server.sql<{ action: string; level: string | null; actor_region: string }>(
      `SELECT action, level, actor_region FROM monitoring_case_step WHERE case_id = $1 ORDER BY id`,
      [key],
    );
    expect(steps.map((s) => [s.action, s.level, s.actor_region])).toEqual([
      ['REPORT', null, TAYU_VILLAGE],
      ['VILLAGE_REVIEW', 'VILLAGE', TAYU_VILLAGE],
      ['START_NOTICE', 'VILLAGE', TAYU_VILLAGE],
      ['TOWNSHIP_REVIEW', 'TOWNSHIP', TAYU_TOWN],
      ['CONFIRM', 'COUNTY', WANGHUA],
      ['START_ASSISTANCE', 'VILLAGE', TAYU_VILLAGE],
      ['PROPOSE_ELIMINATION', 'VILLAGE', TAYU_VILLAGE],
      ['START_ELIMINATION_NOTICE', 'TOWNSHIP', TAYU_TOWN],
      ['MARK_RISK_ELIMINATED', 'COUNTY', WANGHUA],
    ]);
    // Closed for good.
    expect(codesOf(await advance(monitoring, 'WITHDRAW_ELIMINATION', wanghuaCounty, 'x'))).toEqual(['CONFLICT']);
  });
});

describe('risk elimination refused by the documents’ rules on the seeded households', () => {
  const CHECK = `query($id: ID!) { node(id: $id) { ... on MonitoringCase { status eliminationCheck { allowed refusals } } } }`;

  it('never marks 风险消除 for a household without labour, whatever its income (002)', async () => {
    // 王德顺（示例）: both members without labour, 2026 income above the line.
    const { node } = expectOk(await server.gql(CHECK, { id: caseId('ty-wang') }, wanghuaCounty));
    expect(node.eliminationCheck).toEqual({
      allowed: false,
      refusals: [expect.stringContaining('对整户无劳动力的监测对象暂不标注“风险消除”')],
    });
    const refused = await advance(caseId('ty-wang'), 'PROPOSE_ELIMINATION', tayuVillage, '收入高于标准');
    expect(refused.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('No member of the household has labour capacity');
    expect(await count('monitoring_case', `id = $1 AND status = 'ASSISTING'`, [caseKey('ty-wang')])).toBe(1);
    // One member regaining weak labour lifts this objection (and only this one).
    const [spouse] = await server.sql<{ id: string }>(
      `SELECT id FROM household_member WHERE household_id = $1 AND relation = 'SPOUSE'`,
      [seedId('household', 'ty-wang')],
    );
    expectOk(
      await server.gql(
        `mutation($input: UpdateHouseholdMemberInput!) { updateHouseholdMember(input: $input) { member { labourCapacity } } }`,
        { input: { memberId: toGlobalId('HouseholdMember', spouse.id), labourCapacity: 'WEAK' } },
        tayuVillage,
      ),
    );
    expect(expectOk(await server.gql(CHECK, { id: caseId('ty-wang') }, wanghuaCounty)).node.eliminationCheck).toEqual({
      allowed: true,
      refusals: [],
    });
  });

  it('refuses per-capita income exactly at the line (孙立新（示例）: 31888.11 for 3 people = 10629.37)', async () => {
    const { node } = expectOk(await server.gql(CHECK, { id: caseId('dd-sun') }, wanghuaCounty));
    expect(node.eliminationCheck.refusals).toEqual([
      expect.stringContaining('Per-capita net income 10629.37 in 2026 is not above the monitoring line 10629.37'),
    ]);
    const refused = await advance(caseId('dd-sun'), 'PROPOSE_ELIMINATION', official('210404100202'), '收入达标');
    expect(refused.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['action'] });
  });
});

describe('notice periods are settings per region', () => {
  it('uses the nearest setting up the tree when a notice is posted', async () => {
    const SET = `mutation($input: SetNoticePeriodInput!) { setMonitoringNoticePeriod(input: $input) { noticePeriod { regionCode days ruleRegionCode } } }`;
    const GET = `query($code: String!) { monitoringNoticePeriod(regionCode: $code, kind: IDENTIFICATION) { days ruleRegionCode } }`;
    expect(expectOk(await server.gql(GET, { code: '210404100202' })).monitoringNoticePeriod).toEqual({
      days: 7,
      ruleRegionCode: WANGHUA,
    });
    const tooLong = await server.gql(
      SET,
      { input: { regionCode: TAYU_TOWN, kind: 'IDENTIFICATION', days: 61 } },
      wanghuaCounty,
    );
    expect(tooLong.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['days'] });
    expect(
      codesOf(
        await server.gql(SET, { input: { regionCode: TAYU_TOWN, kind: 'IDENTIFICATION', days: 10 } }, tayuTownship),
      ),
    ).toEqual(['FORBIDDEN']);
    expectOk(
      await server.gql(SET, { input: { regionCode: TAYU_TOWN, kind: 'IDENTIFICATION', days: 10 } }, wanghuaCounty),
    );
    expect(expectOk(await server.gql(GET, { code: '210404100202' })).monitoringNoticePeriod).toEqual({
      days: 10,
      ruleRegionCode: TAYU_TOWN,
    });
    // A fresh case in 大甸子村 (under 塔峪镇), taken to its notice.
    const { registerHousehold } = expectOk(
      await server.gql(
        REGISTER,
        {
          input: {
            villageId: toGlobalId('Village', '210404100202'),
            liftedOutOfPoverty: false,
            members: [member('公示期（测试）', 'HEAD', 'FULL')],
          },
        },
        admin,
      ),
    );
    const today = todayInShanghai();
    const { reportMonitoringCase } = expectOk(
      await server.gql(
        REPORT,
        {
          input: {
            householdId: registerHousehold.household.id,
            category: 'SUDDEN_HARDSHIP',
            riskCauses: ['ACCIDENT'],
            discoverySource: 'CADRE_VISIT',
            reportedOn: today,
            incomeAtIdentification: '3000',
          },
        },
        admin,
      ),
    );
    const id = reportMonitoringCase.case.id;
    expectOk(await advance(id, 'VILLAGE_REVIEW', admin));
    expect(expectOk(await advance(id, 'START_NOTICE', admin)).advanceMonitoringCase.case.notice).toMatchObject({
      startsOn: today,
      endsOn: addDays(today, 9),
    });
  });
});

describe('the summary and the cadence (000: 村组每月摸排、镇/街每季度审核)', () => {
  const county = official('519902000000');
  const SUMMARY = `query($code: String!, $year: Int) { monitoringSummary(regionCode: $code, year: $year) {
    regionCode year line { amount } cases byCategory { category count } byStatus { status count }
    byCategoryAndStatus { category status count } byRiskCause { cause count }
    confirmedInYear eliminatedInYear overdueNotices
    cadence { dueMonths villagesBehind missingVillageMonths dueQuarters townshipsBehind missingTownshipQuarters }
    screeningGaps(first: 100) { totalCount edges { node { villageCode missingMonths } } }
    reviewGaps(first: 100) { totalCount edges { node { townshipCode missingQuarters } } } } }`;

  it('counts the seeded key villages’ cases by category and status (no line: no document sets one)', async () => {
    const today = todayInShanghai();
    // Two notices, placed relative to today: one ended yesterday (overdue), one ends today.
    await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
      caseKey('k4-zheng'),
      addDays(today, -7),
      addDays(today, -1),
    ]);
    await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
      caseKey('hs-liu'),
      addDays(today, -6),
      today,
    ]);
    const { monitoringSummary: s } = expectOk(await server.gql(SUMMARY, { code: '519902', year: 2026 }, county));
    expect(s.regionCode).toBe('519902000000');
    expect(s.line).toBeNull();
    expect(s.cases).toBe(17);
    expect(s.byCategory).toEqual([
      { category: 'UNSTABLE_LIFTED', count: 7 },
      { category: 'MARGINAL', count: 6 },
      { category: 'SUDDEN_HARDSHIP', count: 4 },
    ]);
    const byStatus = Object.fromEntries(s.byStatus.map((x: { status: string; count: number }) => [x.status, x.count]));
    expect(byStatus).toEqual({
      REPORTED: 3,
      VILLAGE_REVIEWED: 1,
      IN_NOTICE: 2,
      TOWNSHIP_REVIEWED: 1,
      CONFIRMED: 2,
      ASSISTING: 7,
      ELIMINATION_PROPOSED: 0,
      RISK_ELIMINATED: 0,
      REJECTED: 1,
    });
    expect(s.byCategoryAndStatus).toContainEqual({ category: 'SUDDEN_HARDSHIP', status: 'CONFIRMED', count: 2 });
    expect(s.byCategoryAndStatus.reduce((n: number, x: { count: number }) => n + x.count, 0)).toBe(17);
    expect(s.byRiskCause[0]).toEqual({ cause: 'ILLNESS', count: 6 });
    expect(s.overdueNotices).toBe(1);
    const overdue = expectOk(
      await server.gql(
        `{ monitoringCases(filter: { regionCode: "519902", noticeOverdue: true }) { edges { node { id } } } }`,
        undefined,
        county,
      ),
    );
    expect(overdue.monitoringCases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([caseId('k4-zheng')]);
  });

  it('reports months without village screening and quarters without township review', async () => {
    const today = todayInShanghai();
    const due = dueMonths(2026, today);
    const seeded = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((m) => `2026-${m}`);
    const seededGaps: Record<string, string[]> = {
      '519902100204': ['2026-09', '2026-10'],
      '519902101202': ['2026-07'],
    };
    const villages = (
      await server.sql<{ code: string }>(`SELECT code FROM village WHERE code LIKE '519902%' ORDER BY code`)
    ).map((v) => v.code);
    const expected = villages
      .map((code) => ({
        villageCode: code,
        missingMonths: due.filter((m) => !seeded.includes(m) || (seededGaps[code] ?? []).includes(m)),
      }))
      .filter((g) => g.missingMonths.length);
    const { monitoringSummary: s } = expectOk(await server.gql(SUMMARY, { code: '519902', year: 2026 }, county));
    expect(s.cadence.dueMonths).toEqual(due);
    expect(s.screeningGaps.edges.map((e: { node: unknown }) => e.node)).toEqual(expected);
    expect(s.cadence.villagesBehind).toBe(expected.length);
    expect(s.cadence.missingVillageMonths).toBe(expected.reduce((n, g) => n + g.missingMonths.length, 0));
    const quarters = dueQuarters(2026, today);
    const reviewed: Record<string, number[]> = {
      '519902100000': [1, 2, 3],
      '519902101000': [1, 2, 3],
      '519902102000': [1, 2],
    };
    const expectedReviews = Object.entries(reviewed)
      .map(([code, done]) => ({
        townshipCode: code,
        missingQuarters: quarters.filter((q) => !done.includes(Number(q.slice(-1)))),
      }))
      .filter((g) => g.missingQuarters.length);
    expect(s.reviewGaps.edges.map((e: { node: unknown }) => e.node)).toEqual(expectedReviews);

    // Recording the missing ones closes the gaps, each by its own level.
    const SCREEN = `mutation($input: RecordVillageScreeningInput!) { recordVillageScreening(input: $input) { screening { month } } }`;
    const screening = {
      villageId: toGlobalId('Village', '519902101202'),
      month: '2026-07',
      screenedOn: '2026-07-28',
      householdsChecked: 3,
    };
    expect(codesOf(await server.gql(SCREEN, { input: screening }, official('519902101000')))).toEqual(['FORBIDDEN']);
    expectOk(await server.gql(SCREEN, { input: screening }, official('519902101202')));
    const badMonth = await server.gql(
      SCREEN,
      { input: { ...screening, screenedOn: '2026-06-30' } },
      official('519902101202'),
    );
    expect(badMonth.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['screenedOn'] });
    const REVIEW = `mutation($input: RecordTownshipReviewInput!) { recordTownshipReview(input: $input) { review { quarter } } }`;
    const review = { townshipCode: '519902102000', year: 2026, quarter: 3, reviewedOn: '2026-10-09' };
    expect(codesOf(await server.gql(REVIEW, { input: review }, official('519902100000')))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(REVIEW, { input: review }, county))).toEqual(['FORBIDDEN']);
    expectOk(await server.gql(REVIEW, { input: review }, official('519902102000')));
    const twice = await server.gql(REVIEW, { input: review }, official('519902102000'));
    expect(twice.errors?.[0].extensions).toEqual({ code: 'CONFLICT', fields: ['quarter'] });
    const after = expectOk(await server.gql(SUMMARY, { code: '519902', year: 2026 }, county)).monitoringSummary;
    const village = after.screeningGaps.edges.find(
      (e: { node: { villageCode: string } }) => e.node.villageCode === '519902101202',
    );
    expect(village?.node.missingMonths ?? []).not.toContain('2026-07');
    expect(after.cadence.missingVillageMonths).toBe(s.cadence.missingVillageMonths - 1);
    expect(after.cadence.missingTownshipQuarters).toBe(s.cadence.missingTownshipQuarters - 1);
  });

  it('counts eliminations of the year in 望花区 and refuses a year outside the transition period', async () => {
    const wanghua = expectOk(await server.gql(SUMMARY, { code: WANGHUA, year: 2025 }, wanghuaCounty)).monitoringSummary;
    expect(wanghua.line).toEqual({ amount: '9663.06' });
    expect(wanghua.eliminatedInYear).toBe(1); // 赵玉兰（示例）, 2025-09-15
    const bad = await server.gql(SUMMARY, { code: WANGHUA, year: 2020 }, wanghuaCounty);
    expect(bad.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['year'] });
  });
});

describe('the personal-data access log (谁核查，谁保密；谁泄露，谁负责: 003)', () => {
  const READ = `query ReadHousehold($id: ID!) { node(id: $id) { ... on Household { members { id name idNumber idNumberVisibility } } } }`;

  it('logs every whole ID number the county reads, with who, when and which request', async () => {
    const before = await count('personal_data_access', 'household_id = $1', [seedId('household', 'dz-wu')]);
    const { node } = expectOk(await server.gql(READ, { id: householdId('dz-wu') }, wanghuaCounty));
    expect(node.members).toHaveLength(3);
    for (const m of node.members) {
      expect(m.idNumberVisibility).toBe('FULL');
      expect(m.idNumber).toMatch(/^999999\d{11}[\dX]$/);
    }
    const rows = await server.sql(
      `SELECT actor_role, actor_region, operation, field, request_id FROM personal_data_access WHERE household_id = $1 ORDER BY id`,
      [seedId('household', 'dz-wu')],
    );
    expect(rows).toHaveLength(before + 3);
    expect(rows.at(-1)).toMatchObject({
      actor_role: 'REGION_OFFICIAL',
      actor_region: WANGHUA,
      operation: 'ReadHousehold',
      field: 'idNumber',
    });
    // The same members read by the township: masked, nothing logged.
    const masked = expectOk(await server.gql(READ, { id: householdId('dz-wu') }, tayuTownship));
    expect(masked.node.members.every((m: { idNumberVisibility: string }) => m.idNumberVisibility === 'MASKED')).toBe(
      true,
    );
    expect(await count('personal_data_access', 'household_id = $1', [seedId('household', 'dz-wu')])).toBe(before + 3);
  });

  it('is append-only: the database refuses updates and deletes', async () => {
    await expect(server.sql(`UPDATE personal_data_access SET field = 'x'`)).rejects.toThrow(/append-only/);
    await expect(server.sql(`DELETE FROM personal_data_access`)).rejects.toThrow(/append-only/);
    await expect(server.sql(`TRUNCATE personal_data_access`)).rejects.toThrow(/append-only/);
    expect(await count('personal_data_access')).toBeGreaterThan(0);
  });

  it('is read by ADMIN and the county, each within its scope', async () => {
    const LOG = `{ personalDataAccessLog(first: 100) { totalCount edges { node { actorRole regionCode memberName operation } } } }`;
    const own = expectOk(await server.gql(LOG, undefined, wanghuaCounty)).personalDataAccessLog;
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.edges.every((e: { node: { regionCode: string } }) => e.node.regionCode.startsWith('210404'))).toBe(true);
    expect(expectOk(await server.gql(LOG, undefined, official('519902000000'))).personalDataAccessLog.edges).toEqual(
      [],
    );
    expect(expectOk(await server.gql(LOG, undefined, admin)).personalDataAccessLog.totalCount).toBe(own.totalCount);
    expect(codesOf(await server.gql(LOG, undefined, tayuTownship))).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await server.gql(
          LOG,
          undefined,
          tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'central-unit') }),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});

/** The uuid inside a global id. */
function keyOf(globalId: string): string {
  return Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
}
