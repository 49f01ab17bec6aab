import { startTestServer, tokenFor, codesOf, adminToken, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';
import { todayInShanghai, addDays } from '../server/src/core/dates';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SICHUAN_CITY = '519900000000';
const SANMING = '350400000000';
const sichuanOrg = tokenFor({ role: Role.ORG_DEPARTMENT, region: SICHUAN_CITY });
const sanmingOrg = tokenFor({ role: Role.ORG_DEPARTMENT, region: SANMING });
const sichuanOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });

const teamId = (key: string) => toGlobalId('ResidentTeam', seedId('resident-team', key));
const memberId = (key: string) => toGlobalId('TeamMember', seedId('team-member', key));
const unitId = (key: string) => toGlobalId('AssistanceUnit', seedId('provider', key));

const count = async (table: string, where = 'true', params: unknown[] = []) =>
  (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params))[0].n;

const ADD_MEMBER = `mutation($input: AddTeamMemberInput!) { addTeamMember(input: $input) { member { id role status onDutyFrom onDutyTo person { id name phone } } } }`;
const ROTATE = `mutation($input: RotateTeamMemberInput!) { rotateTeamMember(input: $input) {
  outgoing { id status onDutyTo } incoming { id role status onDutyFrom person { id name } } } }`;
const RECORD = `mutation($input: RecordAttendanceInput!) { recordAttendance(input: $input) { day { date kind presentByDay stayedNight } } }`;
const INSPECT = `mutation($input: RecordInspectionInput!) { recordInspection(input: $input) {
  inspection { id consequence passed checks { item passed } } member { id status onDutyTo } } }`;

let phoneSeq = 0;
const newPerson = (name: string, unit = 'sc-agri-dept') => ({
  name,
  gender: 'FEMALE',
  partyMember: true,
  phone: `139${String(10_000_000 + ++phoneSeq).slice(-8)}`,
  unitId: unitId(unit),
  post: '科员',
});

/** A fresh team in a non-key Sichuan village (示范甲村), dispatched by the same units as team-key1. */
let freshTeam: string;
beforeAll(async () => {
  const response = await server.gql(
    `mutation($input: CreateResidentTeamInput!) { createResidentTeam(input: $input) { team { id status village { name } dispatchingUnits { name lead } } } }`,
    {
      input: {
        villageId: toGlobalId('Village', '519902100203'),
        termStart: '2026-01-01',
        termEnd: '2027-12-31',
        dispatchingUnitIds: [unitId('sc-agri-dept'), unitId('city-hospital')],
        leadUnitId: unitId('sc-agri-dept'),
      },
    },
    sichuanOrg,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.createResidentTeam.team.dispatchingUnits[0]).toEqual({
    name: '省农业农村厅（示例）',
    lead: true,
  });
  freshTeam = response.data!.createResidentTeam.team.id;
});

async function addMember(name: string, role = 'MEMBER', onDutyFrom = '2026-10-01', token = sichuanOrg) {
  const response = await server.gql(
    ADD_MEMBER,
    { input: { teamId: freshTeam, person: newPerson(name), role, onDutyFrom } },
    token,
  );
  expect(response.errors).toBeUndefined();
  return response.data!.addTeamMember.member as { id: string; person: { id: string } };
}

describe('seeded teams', () => {
  it('covers every key-assisted village with a first secretary on duty, and one team in 清流县', async () => {
    const rows = await server.sql<{ village_code: string }>(
      `SELECT t.village_code FROM resident_team t JOIN team_member m ON m.team_id = t.id
       WHERE m.role = 'FIRST_SECRETARY' AND m.status = 'ON_DUTY' ORDER BY 1`,
    );
    expect(rows.map((r) => r.village_code)).toEqual([
      '350423100201',
      '519902100201',
      '519902100202',
      '519902101201',
      '519902101202',
      '519902102201',
      '519902102202',
    ]);
    const response = await server.gql(`{
      keyVillagesWithoutTeam(regionCode: "519902") { totalCount }
      village: node(id: "${toGlobalId('Village', '519902100202')}") { ... on Village { targetProgress { targetCode actual met } } }
      inspections(first: 20) { edges { node { consequence member { status onDutyTo } } } }
    }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.keyVillagesWithoutTeam.totalCount).toBe(0);
    expect(response.data!.village.targetProgress.find((t: any) => t.targetCode === 'RESIDENT_TEAM')).toEqual({
      targetCode: 'RESIDENT_TEAM',
      actual: '1',
      met: true,
    });
    const consequences = response.data!.inspections.edges.map((e: any) => e.node.consequence);
    expect(new Set(consequences)).toEqual(new Set(['NONE', 'NOTICE', 'TALK', 'RECALL']));
    const recall = response.data!.inspections.edges.find((e: any) => e.node.consequence === 'RECALL').node;
    expect(recall.member).toEqual({ status: 'RECALLED', onDutyTo: '2026-11-12' });
  });

  it('lists members whose term ends soon and seeded weeks that fall short', async () => {
    const response = await server.gql(
      `{
      teamMembersWithTermEnding(withinDays: 60, regionCode: "519902") { edges { node { onDutyTo person { name } } } }
      short: weeklyCompliance(filter: { weekOf: "2026-10-19", regionCode: "519902" }, first: 100) { totalCount edges { node { compliant daysInVillage nightsInVillage } } }
    }`,
      undefined,
      sichuanOrg,
    );
    expect(response.errors).toBeUndefined();
    const names = response.data!.teamMembersWithTermEnding.edges.map((e: any) => e.node.person.name);
    expect(names).toContain('陈刚（示例）');
    expect(response.data!.short.edges.some((e: any) => !e.node.compliant)).toBe(true);
    expect(response.data!.short.edges.some((e: any) => e.node.compliant)).toBe(true);
  });
});

describe('access', () => {
  it('shows an organisation department the teams of its city only, by list and node(id)', async () => {
    const list = '{ residentTeams(first: 100) { totalCount edges { node { id village { code } } } } }';
    const sichuan = await server.gql(list, undefined, sichuanOrg);
    const sanming = await server.gql(list, undefined, sanmingOrg);
    expect(sichuan.data!.residentTeams.edges.every((e: any) => e.node.village.code.startsWith('5199'))).toBe(true);
    expect(sichuan.data!.residentTeams.totalCount).toBeGreaterThanOrEqual(6);
    expect(sanming.data!.residentTeams.edges.map((e: any) => e.node.village.code)).toEqual(['350423100201']);

    const ids = { team: teamId('team-key1'), member: memberId('key1-fs') };
    const byNode = `query($team: ID!, $member: ID!) { team: node(id: $team) { id } member: node(id: $member) { id } }`;
    expect((await server.gql(byNode, ids, sanmingOrg)).data).toEqual({ team: null, member: null });
    expect((await server.gql(byNode, ids, sichuanOrg)).data).toEqual({
      team: { id: ids.team },
      member: { id: ids.member },
    });
  });

  it('shows enterprises no team and no person', async () => {
    const enterprise = tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'citrus-co') });
    expect(codesOf(await server.gql('{ residentTeams { totalCount } }', undefined, enterprise))).toEqual(['FORBIDDEN']);
    const byNode = await server.gql(
      `{ node(id: "${teamId('team-key1')}") { id } member: node(id: "${memberId('key1-fs')}") { id } }`,
      undefined,
      enterprise,
    );
    expect(byNode.data).toEqual({ node: null, member: null });
  });

  it('shows an assistance unit the teams it dispatches', async () => {
    const unit = tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'sc-energy-soe') });
    const response = await server.gql(
      '{ residentTeams { edges { node { village { code } members { person { phone } } } } } }',
      undefined,
      unit,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.residentTeams.edges.map((e: any) => e.node.village.code)).toEqual([
      '519902100202',
      '519902102202',
    ]);
    expect(response.data!.residentTeams.edges[0].node.members[0].person.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('masks phone numbers for region officials and shows them whole to the organisation department', async () => {
    const query = `{ node(id: "${memberId('key1-fs')}") { ... on TeamMember { person { name phone } } } }`;
    expect((await server.gql(query, undefined, sichuanOfficial)).data!.node.person).toEqual({
      name: '张明（示例）',
      phone: '138****0101',
    });
    expect((await server.gql(query, undefined, sichuanOrg)).data!.node.person).toEqual({
      name: '张明（示例）',
      phone: '13800000101',
    });
  });

  it('lets only the organisation department of the region manage teams', async () => {
    const input = { teamId: teamId('team-key1'), year: 2027, content: '计划' };
    const plan = 'mutation($input: SubmitWorkPlanInput!) { submitWorkPlan(input: $input) { workPlan { year } } }';
    expect(codesOf(await server.gql(plan, { input }, sichuanOfficial))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(plan, { input }, sanmingOrg))).toEqual(['NOT_FOUND']);
    expect((await server.gql(plan, { input }, sichuanOrg)).data!.submitWorkPlan.workPlan.year).toBe(2027);
    const again = await server.gql(plan, { input }, sichuanOrg);
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].extensions!.fields).toEqual(['year']);
  });
});

describe('one duty at a time', () => {
  it('refuses a person already on duty elsewhere, writing nothing', async () => {
    const before = await count('team_member');
    const response = await server.gql(
      ADD_MEMBER,
      {
        input: {
          teamId: teamId('team-key5'),
          personId: toGlobalId('Person', seedId('person', 'zhang-ming')),
          role: 'MEMBER',
          onDutyFrom: '2026-11-01',
        },
      },
      sichuanOrg,
    );
    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect(response.errors![0].extensions!.fields).toEqual(['personId']);
    expect(await count('team_member')).toBe(before);
  });

  it('refuses a second first secretary, writing neither member nor person', async () => {
    const before = { members: await count('team_member'), people: await count('person') };
    const response = await server.gql(
      ADD_MEMBER,
      {
        input: {
          teamId: teamId('team-key1'),
          person: newPerson('第二书记'),
          role: 'FIRST_SECRETARY',
          onDutyFrom: '2026-11-01',
        },
      },
      sichuanOrg,
    );
    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect(response.errors![0].extensions!.fields).toEqual(['role']);
    expect({ members: await count('team_member'), people: await count('person') }).toEqual(before);
  });

  it('lets exactly one of two racing first secretaries through', async () => {
    const before = { members: await count('team_member'), people: await count('person') };
    const responses = await Promise.all(
      ['甲书记', '乙书记'].map((name) =>
        server.gql(
          ADD_MEMBER,
          { input: { teamId: freshTeam, person: newPerson(name), role: 'FIRST_SECRETARY', onDutyFrom: '2026-10-01' } },
          sichuanOrg,
        ),
      ),
    );
    expect(responses.map((r) => (r.errors ? codesOf(r)[0] : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    expect({ members: await count('team_member'), people: await count('person') }).toEqual({
      members: before.members + 1,
      people: before.people + 1,
    });
    expect(
      await count('team_member', `team_id = $1 AND role = 'FIRST_SECRETARY' AND status = 'ON_DUTY'`, [
        fromId(freshTeam),
      ]),
    ).toBe(1);
  });

  it('lets a person racing into two teams go on duty in one only', async () => {
    // A person who has been rotated out is free to be dispatched again.
    const first = await addMember('轮换对象');
    const rotated = await server.gql(
      ROTATE,
      { input: { outgoingMemberId: first.id, date: '2026-11-02', person: newPerson('接替者') } },
      sichuanOrg,
    );
    expect(rotated.errors).toBeUndefined();
    const before = await count('team_member');
    const responses = await Promise.all(
      ['team-key1', 'team-key5'].map((key) =>
        server.gql(
          ADD_MEMBER,
          { input: { teamId: teamId(key), personId: first.person.id, role: 'MEMBER', onDutyFrom: '2026-11-10' } },
          sichuanOrg,
        ),
      ),
    );
    expect(responses.map((r) => (r.errors ? codesOf(r)[0] : 'OK')).sort()).toEqual(['CONFLICT', 'OK']);
    expect(await count('team_member')).toBe(before + 1);
    expect(await count('team_member', `person_id = $1 AND status = 'ON_DUTY'`, [fromId(first.person.id)])).toBe(1);
  });
});

function fromId(id: string): string {
  return Buffer.from(id, 'base64url').toString('utf8').split(':')[1];
}

describe('rotation', () => {
  it('rotates a member out and another in, in one mutation', async () => {
    const outgoing = await addMember('期满队员');
    const response = await server.gql(
      ROTATE,
      { input: { outgoingMemberId: outgoing.id, date: '2026-11-16', person: newPerson('新队员') } },
      sichuanOrg,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.rotateTeamMember.outgoing).toEqual({
      id: outgoing.id,
      status: 'ROTATED_OUT',
      onDutyTo: '2026-11-16',
    });
    expect(response.data!.rotateTeamMember.incoming).toMatchObject({
      role: 'MEMBER',
      status: 'ON_DUTY',
      onDutyFrom: '2026-11-16',
      person: { name: '新队员' },
    });
  });

  it('is atomic: when the incoming person cannot go on duty, the outgoing member stays on duty', async () => {
    const outgoing = await addMember('留任队员');
    const before = await count('team_member');
    const busy = toGlobalId('Person', seedId('person', 'zhang-ming')); // on duty in team-key1
    const response = await server.gql(
      ROTATE,
      { input: { outgoingMemberId: outgoing.id, date: '2026-11-16', personId: busy } },
      sichuanOrg,
    );
    expect(codesOf(response)).toEqual(['CONFLICT']);
    const [row] = await server.sql('SELECT status, on_duty_to::text FROM team_member WHERE id = $1', [
      fromId(outgoing.id),
    ]);
    expect(row).toEqual({ status: 'ON_DUTY', on_duty_to: '2027-12-31' });
    expect(await count('team_member')).toBe(before);
  });
});

describe('五天四夜 compliance', () => {
  const WEEK = ['2026-11-09', '2026-11-10', '2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15'];

  /** Records a week from a pattern: N day and night, D day only, L approved leave, - nothing. */
  async function recordWeek(member: string, pattern: string) {
    for (let i = 0; i < 7; i++) {
      const mark = pattern[i];
      if (mark === '-') continue;
      const input =
        mark === 'L'
          ? { memberId: member, date: WEEK[i], kind: 'APPROVED_LEAVE' }
          : {
              memberId: member,
              date: WEEK[i],
              kind: 'ON_SITE',
              presentByDay: true,
              stayedNight: mark === 'N',
              location: '村委会',
            };
      const response = await server.gql(RECORD, { input }, sichuanOrg);
      expect(response.errors).toBeUndefined();
    }
  }

  it('judges the boundary cases, with approved leave lowering both requirements', async () => {
    const cases: [
      string,
      string,
      { days: number; nights: number; leave: number; requiredDays: number; requiredNights: number; compliant: boolean },
    ][] = [
      ['五天四夜', 'NNNND--', { days: 5, nights: 4, leave: 0, requiredDays: 5, requiredNights: 4, compliant: true }],
      ['五天三夜', 'NNNDD--', { days: 5, nights: 3, leave: 0, requiredDays: 5, requiredNights: 4, compliant: false }],
      ['四天四夜', 'NNNN---', { days: 4, nights: 4, leave: 0, requiredDays: 5, requiredNights: 4, compliant: false }],
      ['请假一天', 'LNNND--', { days: 4, nights: 3, leave: 1, requiredDays: 4, requiredNights: 3, compliant: true }],
      [
        '请假一天不足',
        'LNNDD--',
        { days: 4, nights: 2, leave: 1, requiredDays: 4, requiredNights: 3, compliant: false },
      ],
      ['请假五天', 'LLLLL--', { days: 0, nights: 0, leave: 5, requiredDays: 0, requiredNights: 0, compliant: true }],
    ];
    const ids: Record<string, string> = {};
    for (const [name, pattern] of cases) {
      ids[name] = (await addMember(name, 'MEMBER', '2026-11-02')).id;
      await recordWeek(ids[name], pattern);
    }
    const response = await server.gql(
      `query($team: ID!) {
        weeklyCompliance(filter: { teamId: $team, weekOf: "2026-11-12" }, first: 100) { edges { node {
          weekStart weekEnd daysInVillage nightsInVillage leaveDays requiredDays requiredNights compliant weekComplete member { id } } } }
        team: node(id: $team) { ... on ResidentTeam { complianceRate(weekOf: "2026-11-15") { weekStart assessedMembers compliantMembers rate } } }
      }`,
      { team: freshTeam },
      sichuanOrg,
    );
    expect(response.errors).toBeUndefined();
    const byMember = new Map(response.data!.weeklyCompliance.edges.map((e: any) => [e.node.member.id, e.node]));
    for (const [name, , expected] of cases) {
      expect({ name, ...(byMember.get(ids[name]) as object) }).toMatchObject({
        name,
        weekStart: '2026-11-09',
        weekEnd: '2026-11-15',
        weekComplete: true,
        daysInVillage: expected.days,
        nightsInVillage: expected.nights,
        leaveDays: expected.leave,
        requiredDays: expected.requiredDays,
        requiredNights: expected.requiredNights,
        compliant: expected.compliant,
      });
    }
    // Members who joined before the week count; the rate is computed over them all.
    const rate = response.data!.team.complianceRate;
    expect(rate.weekStart).toBe('2026-11-09');
    const assessed = response.data!.weeklyCompliance.edges.length;
    const compliant = response.data!.weeklyCompliance.edges.filter((e: any) => e.node.compliant).length;
    expect(rate).toMatchObject({
      assessedMembers: assessed,
      compliantMembers: compliant,
      rate: (compliant / assessed).toFixed(4),
    });

    // Recording a day again replaces it: the 5/3 member's Friday becomes a night, and the week complies.
    await recordWeek(ids['五天三夜'], '----N--');
    const again = await server.gql(
      `{ node(id: "${ids['五天三夜']}") { ... on TeamMember { weeklyCompliance(weekOf: "2026-11-09") { nightsInVillage compliant } attendance(from: "2026-11-13", to: "2026-11-13") { stayedNight } } } }`,
      undefined,
      sichuanOrg,
    );
    expect(again.data!.node).toEqual({
      weeklyCompliance: { nightsInVillage: 4, compliant: true },
      attendance: [{ stayedNight: true }],
    });
  });

  it('summarises a region in SQL', async () => {
    const response = await server.gql(
      `{ teamComplianceSummary(regionCode: "519902", weekOf: "2026-10-19") { regionCode teams assessedMembers compliantMembers rate fullyCompliantTeams } }`,
      undefined,
      sichuanOrg,
    );
    expect(response.errors).toBeUndefined();
    const summary = response.data!.teamComplianceSummary;
    expect(summary.regionCode).toBe('519902000000');
    // The six seeded teams, plus this file's own team whose members joined before that week.
    expect(summary.teams).toBeGreaterThanOrEqual(6);
    expect(summary.compliantMembers).toBeLessThan(summary.assessedMembers);
    expect(summary.rate).toBe((summary.compliantMembers / summary.assessedMembers).toFixed(4));
  });

  it('refuses a future date, naming the field', async () => {
    const member = memberId('key1-fs');
    for (const date of [addDays(todayInShanghai(), 1), '2099-01-01']) {
      const response = await server.gql(
        RECORD,
        { input: { memberId: member, date, presentByDay: true, stayedNight: true } },
        sichuanOrg,
      );
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.fields).toEqual(['date']);
    }
    expect(await count('attendance_day', 'date > $1::date', [todayInShanghai()])).toBe(0);
  });

  it('lets a dispatching unit record attendance for its own teams only', async () => {
    const unit = tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'sc-energy-soe') });
    const own = await server.gql(
      RECORD,
      { input: { memberId: memberId('key2-fs'), date: '2026-11-17', presentByDay: true, stayedNight: true } },
      unit,
    );
    expect(own.errors).toBeUndefined();
    const other = await server.gql(
      RECORD,
      { input: { memberId: memberId('key1-fs'), date: '2026-11-17', presentByDay: true, stayedNight: true } },
      unit,
    );
    expect(codesOf(other)).toEqual(['NOT_FOUND']);
  });
});

describe('五查五看 inspections', () => {
  const checks = (failed: string[] = []) =>
    ['IDENTITY', 'ARCHIVE', 'RESIDENCE', 'PLAN', 'RESULTS'].map((item) => ({ item, passed: !failed.includes(item) }));

  it('ends the member’s duty with a recall, atomically', async () => {
    const member = await addMember('被召回队员');
    const response = await server.gql(
      INSPECT,
      {
        input: {
          teamId: freshTeam,
          date: '2026-11-18',
          checks: checks(['RESIDENCE']),
          consequence: 'RECALL',
          memberId: member.id,
        },
      },
      sichuanOrg,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordInspection.inspection).toMatchObject({ consequence: 'RECALL', passed: false });
    expect(response.data!.recordInspection.member).toEqual({
      id: member.id,
      status: 'RECALLED',
      onDutyTo: '2026-11-18',
    });

    // Recalling again fails after the inspection row was written: the whole mutation rolls back.
    const before = await count('team_inspection');
    const again = await server.gql(
      INSPECT,
      {
        input: { teamId: freshTeam, date: '2026-11-19', checks: checks(), consequence: 'RECALL', memberId: member.id },
      },
      sichuanOrg,
    );
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(await count('team_inspection')).toBe(before);
    const [row] = await server.sql('SELECT status, on_duty_to::text FROM team_member WHERE id = $1', [
      fromId(member.id),
    ]);
    expect(row).toEqual({ status: 'RECALLED', on_duty_to: '2026-11-18' });
  });

  it('writes neither inspection nor status change when a recall names a member of another team', async () => {
    const before = await count('team_inspection');
    const response = await server.gql(
      INSPECT,
      {
        input: {
          teamId: freshTeam,
          date: '2026-11-18',
          checks: checks(),
          consequence: 'RECALL',
          memberId: memberId('key1-m1'),
        },
      },
      sichuanOrg,
    );
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(await count('team_inspection')).toBe(before);
    expect(await count('team_member', `id = $1 AND status = 'ON_DUTY'`, [seedId('team-member', 'key1-m1')])).toBe(1);
  });

  it('requires each of the five checks once', async () => {
    const response = await server.gql(
      INSPECT,
      {
        input: {
          teamId: freshTeam,
          date: '2026-11-18',
          checks: [...checks().slice(0, 4), { item: 'PLAN', passed: true }],
          consequence: 'NONE',
        },
      },
      sichuanOrg,
    );
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual(['checks']);
  });

  it('records yearly assessments once per member and year', async () => {
    const mutation =
      'mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { year stars points } } }';
    const input = { memberId: memberId('key1-fs'), year: 2026, stars: 5, points: '97.50' };
    expect((await server.gql(mutation, { input }, sichuanOrg)).data!.recordAssessment.assessment).toEqual({
      year: 2026,
      stars: 5,
      points: '97.50',
    });
    expect(codesOf(await server.gql(mutation, { input }, sichuanOrg))).toEqual(['CONFLICT']);
    const bad = await server.gql(mutation, { input: { ...input, year: 2027, stars: 6 } }, sichuanOrg);
    expect(codesOf(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0].extensions!.fields).toEqual(['stars']);
  });
});

describe('nested team queries stay N+1-free', () => {
  const NESTED = `query($first: Int!) { residentTeams(first: $first) { edges { node {
    village { name } dispatchingUnits { name } members { role status person { name phone } assessments { stars } }
    workPlans { year } inspections { consequence member { person { name } } }
    complianceRate(weekOf: "2026-11-09") { rate }
  } } } }`;

  it('sends the same number of statements whatever the page size', async () => {
    const run = (first: number) =>
      server.countStatements(async () => {
        const response = await server.gql(NESTED, { first }, adminToken());
        expect(response.errors).toBeUndefined();
        return response.data!.residentTeams.edges.length as number;
      });
    // Three teams already reach a TALK inspection (合圣村), so every nested loader runs on both pages.
    const small = await run(3);
    const large = await run(100);
    expect(large.result).toBeGreaterThanOrEqual(8);
    expect(large.statements).toBe(small.statements);
    // Measured: 9 statements (team page, villages, units, members with people, compliance, plans, inspections, their members, assessments).
    expect(large.statements).toBeLessThanOrEqual(10);
  });
});
