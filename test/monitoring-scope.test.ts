import { startTestServer, tokenFor, codesOf, adminToken, type TestServer } from './harness/server';
import { subscribe, settle } from './harness/live-client';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { todayInShanghai } from '../server/src/core/dates';
import { seedId } from '../seeds/load';
import { idCheckCharacter } from '../server/src/modules/monitoring/id-number';

/**
 * Who sees and does what in monitoring, role by role, on every path: lists, nested fields,
 * node(id), mutations and the live subscription. Households are the most sensitive data the
 * platform holds, so each role is checked for what it must not see as well as what it sees.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const official = (region: string) => tokenFor({ role: Role.REGION_OFFICIAL, region });
const unit = (key: string) => tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', key) });
const TOKENS = {
  admin: adminToken(),
  county: official('519902000000'),
  city: official('519900000000'),
  township: official('519902100000'),
  village: official('519902100201'),
  wanghua: official('210404000000'),
  orgDepartment: tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' }),
  enterprise: tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co') }),
  // Dispatches the team of 重点三村 and is the pairing unit of 罗建平（示例） in 重点五村.
  centralUnit: unit('central-unit'),
  // Dispatches the teams of 重点一村 and 重点五村.
  agriDept: unit('sc-agri-dept'),
  // No team, no paired household.
  xinzhouUnit: unit('xinzhou-soe'),
};

const householdId = (key: string) => toGlobalId('Household', seedId('household', key));
const caseId = (key: string) => toGlobalId('MonitoringCase', seedId('monitoring-case', key));
const memberOf = (key: string) => toGlobalId('HouseholdMember', seedId('household-member', `${key}/0`));

const LIST = `{ households(first: 100) { totalCount edges { node { id village { code } members { idNumber idNumberVisibility } } } }
  monitoringCases(first: 100) { totalCount } }`;

interface Listed {
  households: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        village: { code: string };
        members: { idNumber: string | null; idNumberVisibility: string }[];
      };
    }[];
  };
  monitoringCases: { totalCount: number };
}

async function listAs(token: string): Promise<Listed> {
  const response = await server.gql<Listed>(LIST, undefined, token);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const visibilities = (data: Listed) =>
  [...new Set(data.households.edges.flatMap((e) => e.node.members.map((m) => m.idNumberVisibility)))].sort();

describe('households and cases by role', () => {
  it('ADMIN sees every household, ID numbers masked', async () => {
    const data = await listAs(TOKENS.admin);
    expect(data.households.totalCount).toBe(27);
    expect(data.monitoringCases.totalCount).toBe(26);
    expect(visibilities(data)).toEqual(['MASKED']);
  });

  it('the county sees its region with whole ID numbers, and another county nothing of it', async () => {
    const data = await listAs(TOKENS.county);
    expect(data.households.totalCount).toBe(18);
    expect(data.monitoringCases.totalCount).toBe(17);
    expect(data.households.edges.every((e) => e.node.village.code.startsWith('519902'))).toBe(true);
    expect(visibilities(data)).toEqual(['FULL']);
    const wanghua = await listAs(TOKENS.wanghua);
    expect(wanghua.households.totalCount).toBe(9);
    expect(wanghua.households.edges.some((e) => e.node.village.code.startsWith('519902'))).toBe(false);
  });

  it('city, township and village officials see their region, ID numbers masked', async () => {
    const city = await listAs(TOKENS.city);
    expect(city.households.totalCount).toBe(18);
    expect(visibilities(city)).toEqual(['MASKED']);
    const township = await listAs(TOKENS.township);
    expect(township.households.totalCount).toBe(6);
    expect(township.households.edges.every((e) => e.node.village.code.startsWith('519902100'))).toBe(true);
    expect(visibilities(township)).toEqual(['MASKED']);
    const village = await listAs(TOKENS.village);
    expect(village.households.totalCount).toBe(3);
    expect(village.households.edges.every((e) => e.node.village.code === '519902100201')).toBe(true);
  });

  it('a unit sees the villages of its resident teams (masked) and its paired households (no ID numbers)', async () => {
    const data = await listAs(TOKENS.centralUnit);
    const byVillage = data.households.edges.map((e) => [e.node.village.code, e.node.members[0].idNumberVisibility]);
    expect(byVillage).toEqual([
      ['519902101201', 'MASKED'],
      ['519902101201', 'MASKED'],
      ['519902101201', 'MASKED'],
      ['519902102201', 'HIDDEN'],
    ]);
    const paired = data.households.edges.find((e) => e.node.id === householdId('k5-luo'))!;
    expect(paired.node.members.every((m) => m.idNumber === null)).toBe(true);
    expect(data.monitoringCases.totalCount).toBe(4);
    const none = await listAs(TOKENS.xinzhouUnit);
    expect(none.households.totalCount).toBe(0);
    expect(none.monitoringCases.totalCount).toBe(0);
  });

  it('enterprises and organisation departments are refused outright', async () => {
    for (const token of [TOKENS.enterprise, TOKENS.orgDepartment]) {
      expect(codesOf(await server.gql('{ households { totalCount } }', undefined, token))).toEqual(['FORBIDDEN']);
      expect(codesOf(await server.gql('{ monitoringCases { totalCount } }', undefined, token))).toEqual(['FORBIDDEN']);
      expect(
        codesOf(await server.gql('{ monitoringSummary(regionCode: "519902") { cases } }', undefined, token)),
      ).toEqual(['FORBIDDEN']);
    }
    // A unit reads cases but not the county's summary.
    expect(
      codesOf(await server.gql('{ monitoringSummary(regionCode: "519902") { cases } }', undefined, TOKENS.centralUnit)),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('node(id) answers within scope only', () => {
  const NODES = `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on HouseholdMember { idNumber } ... on MonitoringCase { status } } }`;
  const ids = [
    householdId('k1-zhang'),
    memberOf('k1-zhang'),
    caseId('k1-zhang'),
    householdId('k5-luo'),
    memberOf('k5-luo'),
  ];

  it.each([
    ['county', [true, true, true, true, true]],
    ['village', [true, true, true, false, false]],
    ['wanghua', [false, false, false, false, false]],
    ['centralUnit', [false, false, false, true, true]],
    ['agriDept', [true, true, true, true, true]],
    ['xinzhouUnit', [false, false, false, false, false]],
    ['enterprise', [false, false, false, false, false]],
    ['orgDepartment', [false, false, false, false, false]],
  ] as const)('%s', async (role, visible) => {
    const response = await server.gql(NODES, { ids }, TOKENS[role]);
    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes.map((n: unknown) => n !== null)).toEqual(visible);
  });

  it('hides the ID number from the pairing unit on the member node too', async () => {
    const response = await server.gql(NODES, { ids: [memberOf('k5-luo')] }, TOKENS.centralUnit);
    expect(response.data!.nodes).toEqual([{ id: memberOf('k5-luo'), idNumber: null }]);
    const team = await server.gql(NODES, { ids: [memberOf('k5-luo')] }, TOKENS.agriDept);
    expect(team.data!.nodes[0].idNumber).toMatch(/^9999\*{10}[\dX]{4}$/);
  });
});

describe('who acts', () => {
  const ADVANCE = `mutation($input: AdvanceMonitoringCaseInput!) { advanceMonitoringCase(input: $input) { case { status } } }`;
  const VISIT = `mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { case { visits { visitor } } } }`;
  const today = todayInShanghai();

  it('a dispatching unit acts at village level for its team’s village, never above', async () => {
    const review = await server.gql(
      ADVANCE,
      { input: { caseId: caseId('k1-li'), action: 'VILLAGE_REVIEW' } },
      TOKENS.agriDept,
    );
    expect(review.errors).toBeUndefined();
    expect(review.data!.advanceMonitoringCase.case.status).toBe('VILLAGE_REVIEWED');
    // 孙志刚（示例） is TOWNSHIP_REVIEWED in 重点三村: not this unit's village, so not even visible; the
    // unit whose team is there sees it but confirming is the county's.
    expect(
      codesOf(await server.gql(ADVANCE, { input: { caseId: caseId('k3-sun'), action: 'CONFIRM' } }, TOKENS.agriDept)),
    ).toEqual(['NOT_FOUND']);
    const confirm = await server.gql(
      ADVANCE,
      { input: { caseId: caseId('k3-sun'), action: 'CONFIRM' } },
      TOKENS.centralUnit,
    );
    expect(codesOf(confirm)).toEqual(['FORBIDDEN']);
    expect(confirm.errors![0].message).toMatch(/county level/);
  });

  it('the pairing unit records visits of its household but takes no workflow step', async () => {
    const visit = await server.gql(
      VISIT,
      { input: { caseId: caseId('k5-luo'), visitedOn: today, visitor: '钱明（示例）', finding: '务工稳定（测试）' } },
      TOKENS.centralUnit,
    );
    expect(visit.errors).toBeUndefined();
    expect(visit.data!.recordFollowUpVisit.case.visits[0].visitor).toBe('钱明（示例）');
    expect(
      codesOf(
        await server.gql(
          ADVANCE,
          { input: { caseId: caseId('k5-luo'), action: 'PROPOSE_ELIMINATION', note: 'x' } },
          TOKENS.centralUnit,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const first17 = '99999919800101801';
    const register = await server.gql(
      `mutation($input: RegisterHouseholdInput!) { registerHousehold(input: $input) { household { id } } }`,
      {
        input: {
          villageId: toGlobalId('Village', '519902102201'),
          liftedOutOfPoverty: false,
          members: [
            {
              name: '越权（测试）',
              idNumber: first17 + idCheckCharacter(first17),
              relation: 'HEAD',
              labourCapacity: 'FULL',
              health: 'HEALTHY',
              schooling: 'NOT_IN_SCHOOL',
              employment: 'FARMING',
            },
          ],
        },
      },
      TOKENS.centralUnit,
    );
    expect(codesOf(register)).toEqual(['FORBIDDEN']);
    const [{ n }] = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM household_member WHERE name = '越权（测试）'`,
    );
    expect(n).toBe(0);
  });

  it('city officials oversee without acting; enterprises and organisation departments are stopped at the gate', async () => {
    expect(
      codesOf(
        await server.gql(ADVANCE, { input: { caseId: caseId('k5-he'), action: 'START_ASSISTANCE' } }, TOKENS.city),
      ),
    ).toEqual(['FORBIDDEN']);
    for (const token of [TOKENS.enterprise, TOKENS.orgDepartment])
      expect(
        codesOf(await server.gql(ADVANCE, { input: { caseId: caseId('k5-he'), action: 'START_ASSISTANCE' } }, token)),
      ).toEqual(['FORBIDDEN']);
  });
});

describe('monitoringCaseChanged', () => {
  const SUBSCRIPTION = `subscription { monitoringCaseChanged { cursor change action from to
    case { id status household { headName members { idNumber idNumberVisibility } } } } }`;
  const VISIT = `mutation($input: RecordFollowUpVisitInput!) { recordFollowUpVisit(input: $input) { case { id } } }`;

  it('reaches each subscriber within its scope only, and refuses enterprises and organisation departments', async () => {
    const county = subscribe(server.url, TOKENS.county, SUBSCRIPTION);
    const centralUnit = subscribe(server.url, TOKENS.centralUnit, SUBSCRIPTION);
    const xinzhou = subscribe(server.url, TOKENS.xinzhouUnit, SUBSCRIPTION);
    const enterprise = subscribe(server.url, TOKENS.enterprise, SUBSCRIPTION);
    const orgDepartment = subscribe(server.url, TOKENS.orgDepartment, SUBSCRIPTION);
    await settle(300);
    const today = todayInShanghai();
    const visit = (key: string, token: string) =>
      server.gql(
        VISIT,
        { input: { caseId: caseId(key), visitedOn: today, visitor: '回访（测试）', finding: '正常' } },
        token,
      );
    expect((await visit('ty-li', TOKENS.wanghua)).errors).toBeUndefined(); // 望花区
    expect((await visit('k1-zhang', TOKENS.village)).errors).toBeUndefined(); // 重点一村
    expect((await visit('k5-luo', TOKENS.county)).errors).toBeUndefined(); // the central unit's paired household

    const events = await county.waitFor(2);
    expect(events.map((e) => e.monitoringCaseChanged.case.id)).toEqual([caseId('k1-zhang'), caseId('k5-luo')]);
    expect(events[0].monitoringCaseChanged).toMatchObject({
      change: 'VISIT',
      action: null,
      from: 'ASSISTING',
      to: 'ASSISTING',
    });
    expect(events[0].monitoringCaseChanged.case.household.members[0].idNumberVisibility).toBe('FULL');
    const [paired] = await centralUnit.waitFor(1);
    expect(paired.monitoringCaseChanged.case.id).toBe(caseId('k5-luo'));
    expect(
      paired.monitoringCaseChanged.case.household.members.map((m: { idNumber: string | null }) => m.idNumber),
    ).toEqual([null, null, null]);
    await settle();
    expect(county.received).toHaveLength(2);
    expect(centralUnit.received).toHaveLength(1);
    expect(xinzhou.received).toHaveLength(0);
    await expect(enterprise.waitFor(1, 5000)).rejects.toThrow(/"code":"FORBIDDEN"/);
    await expect(orgDepartment.waitFor(1, 5000)).rejects.toThrow(/"code":"FORBIDDEN"/);
    await Promise.all([county, centralUnit, xinzhou, enterprise, orgDepartment].map((s) => s.close()));
  });

  it('logs whole ID numbers read through the subscription for each reader, none shared', async () => {
    const QUERY = `subscription { monitoringCaseChanged { cursor case { household { members { idNumber } } } } }`;
    const readers = ['county-officer-a', 'county-officer-b'].map((sub) =>
      subscribe(server.url, tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub }), QUERY),
    );
    await settle(300);
    const visit = await server.gql(
      VISIT,
      { input: { caseId: caseId('k6-xu'), visitedOn: todayInShanghai(), visitor: '回访（测试）', finding: '正常' } },
      official('519902102202'),
    );
    expect(visit.errors).toBeUndefined();
    for (const reader of readers) {
      const [event] = await reader.waitFor(1);
      expect(event.monitoringCaseChanged.case.household.members[0].idNumber).toMatch(/^999999/);
    }
    const logged = await server.sql<{ actor_subject: string; n: number }>(
      `SELECT actor_subject, count(*)::int AS n FROM personal_data_access
       WHERE household_id = $1 AND actor_subject LIKE 'county-officer-%' GROUP BY 1 ORDER BY 1`,
      [seedId('household', 'k6-xu')],
    );
    expect(logged).toEqual([
      { actor_subject: 'county-officer-a', n: 2 },
      { actor_subject: 'county-officer-b', n: 2 },
    ]);
    await Promise.all(readers.map((r) => r.close()));
  });

  it('refuses a filter outside the subscriber’s region', async () => {
    const outside = subscribe(
      server.url,
      TOKENS.wanghua,
      `subscription { monitoringCaseChanged(filter: { regionCode: "519902" }) { cursor } }`,
    );
    // The error ends the subscription: waiting for an event rejects with it (or times out without it).
    await expect(outside.waitFor(1, 5000)).rejects.toThrow(/"code":"NOT_FOUND"/);
    await outside.close();
  });
});
