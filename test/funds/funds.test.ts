import { startTestServer, codesOf, type TestServer } from '../harness/server';
import { fundsModule } from '../../server/src/modules/funds/funds.module';
import {
  COUNTY,
  HESHENG,
  KEY_VILLAGE_1,
  KEY_VILLAGE_3,
  MOVE,
  ORDINARY_VILLAGE_JIA,
  PAY,
  PROPOSE,
  RECORD_ALLOCATION,
  allocate,
  allocationId,
  countyOfficial,
  enterpriseId,
  projectId,
  startedProject,
  townshipOfficial,
  unitId,
  villageId,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const FUND_SHARE = `query($year: Int!) { fundShare(regionCode: "519902", year: $year) { regionCode year total keyVillages share thresholdPercent ruleApplies met } }`;
const DEADLINES = `query($year: Int!, $region: String!) { deadlines(regionCode: $region, year: $year) {
  regionCode deadline passed fundsNotInPlaceCount fundsNotInPlaceAmount projectsNotStartedCount
  fundsNotInPlace { id source inPlaceOn inPlaceByDeadline } projectsNotStarted { id name status actualStart }
  cityFunds { year amount previousAmount notBelowLastYear }
} }`;
const count = async (table: string) =>
  (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

describe('the 12% rule (003_6038825323505164.txt 第四篇)', () => {
  it('is met by the demo county in 2024 and missed in 2025, counted on payments to key-village-only projects', async () => {
    const response = await server.gql(
      `{ y2024: fundShare(regionCode: "519902", year: 2024) { total keyVillages share met ruleApplies }
      y2025: fundShare(regionCode: "519902000000", year: 2025) { total keyVillages share met } }`,
      undefined,
      countyOfficial(),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.y2024).toEqual({
      total: '12000000.00',
      keyVillages: '1560000.00',
      share: '13.00',
      met: true,
      ruleApplies: true,
    });
    expect(response.data!.y2025).toEqual({
      total: '12500000.00',
      keyVillages: '1000000.00',
      share: '8.00',
      met: false,
    });
    // The same sums straight from the tables, with the rule spelled out again in SQL.
    const [expected] = await server.sql<{ total: string; key: string }>(
      `SELECT (SELECT sum(amount) FROM fund_allocation WHERE county_code = $1 AND year = 2025
                AND source IN ('CENTRAL_TRANSITION','PROVINCIAL_TRANSITION','CITY_TRANSITION','COUNTY_TRANSITION'))::text AS total,
              (SELECT sum(pp.amount) FROM project_payment pp JOIN fund_allocation fa ON fa.id = pp.allocation_id
                WHERE fa.county_code = $1 AND fa.year = 2025 AND fa.source <> 'ENTERPRISE'
                  AND pp.project_id NOT IN (SELECT pv.project_id FROM project_village pv WHERE pv.village_code NOT IN
                    (SELECT village_code FROM village_designation WHERE kind = 'KEY_ASSISTED')))::text AS key`,
      [COUNTY],
    );
    expect(expected).toEqual({ total: '12500000.00', key: '1000000.00' });
  });

  it('meets the rule at exactly 12% and not at 11.99%', async () => {
    // 2022 has no demo data: one county allocation of 1,000,000.00 and one key-village project.
    const allocation = await allocate(server, {
      year: 2022,
      source: 'COUNTY_TRANSITION',
      amount: '1000000.00',
      allocatedOn: '2022-02-01',
      inPlaceOn: '2022-02-15',
    });
    const project = await startedProject(server, {
      name: '边界测试项目（12%）',
      year: 2022,
      villages: [KEY_VILLAGE_1, HESHENG],
      budget: [{ source: 'COUNTY_TRANSITION', amount: '500000.00' }],
    });
    const share = async () => (await server.gql(FUND_SHARE, { year: 2022 }, countyOfficial())).data!.fundShare;
    expect(await share()).toMatchObject({ total: '1000000.00', keyVillages: '0.00', share: '0.00', met: false });

    const pay = (amount: string, paidOn: string) =>
      server.gql(
        PAY,
        { input: { projectId: project, allocationId: allocation, amount, paidOn, stage: 'PROGRESS' } },
        countyOfficial(),
      );
    expect((await pay('119900.00', '2022-04-01')).errors).toBeUndefined();
    expect(await share()).toMatchObject({ keyVillages: '119900.00', share: '11.99', met: false });
    // One fen short of 12%: 11.99999% is shown truncated, never rounded up to 12.00.
    expect((await pay('99.99', '2022-04-02')).errors).toBeUndefined();
    expect(await share()).toMatchObject({ keyVillages: '119999.99', share: '11.99', met: false });
    expect((await pay('0.01', '2022-04-03')).errors).toBeUndefined();
    expect(await share()).toEqual({
      regionCode: COUNTY,
      year: 2022,
      total: '1000000.00',
      keyVillages: '120000.00',
      share: '12.00',
      thresholdPercent: '12',
      ruleApplies: true,
      met: true,
    });
  });

  it('does not count a project that also serves a village that is not key-assisted', async () => {
    const allocation = await allocate(server, {
      year: 2023,
      source: 'PROVINCIAL_TRANSITION',
      amount: '100000.00',
      allocatedOn: '2023-02-01',
      inPlaceOn: '2023-02-02',
    });
    const mixed = await startedProject(server, {
      name: '跨村项目（不计入）',
      year: 2023,
      villages: [KEY_VILLAGE_1, ORDINARY_VILLAGE_JIA],
      budget: [{ source: 'PROVINCIAL_TRANSITION', amount: '50000.00' }],
    });
    const paid = await server.gql(
      PAY,
      {
        input: {
          projectId: mixed,
          allocationId: allocation,
          amount: '50000.00',
          paidOn: '2023-04-01',
          stage: 'PROGRESS',
        },
      },
      countyOfficial(),
    );
    expect(paid.errors).toBeUndefined();
    const [{ fundShare }, { node }] = await Promise.all([
      server.gql(FUND_SHARE, { year: 2023 }, countyOfficial()).then((r) => r.data!),
      server
        .gql(`query($id: ID!) { node(id: $id) { ... on Project { keyVillagesOnly } } }`, { id: mixed })
        .then((r) => r.data!),
    ]);
    expect(node.keyVillagesOnly).toBe(false);
    // 2023's fiscal total also holds the demo city allocation of 1,800,000.00.
    expect(fundShare).toMatchObject({ total: '1900000.00', keyVillages: '0.00', met: false });
  });

  it('declares the county metric of the seeded 12% target (Region.summary) with the same share', async () => {
    const metric = fundsModule.regionMetrics!.find((m) => m.metric === 'TRANSITION_FUND_SHARE_TO_KEY_VILLAGES')!;
    expect(metric.expr).not.toContain('?');
    // `:year` is the evaluated year, `cs.code` the county, as the target evaluation binds them.
    const actual = async (year: number) => {
      const [row] = await server.sql<{ actual: string | null }>(
        `SELECT (${metric.expr.replace(/(?<!:):year\b/g, '$2::int')})::text AS actual FROM (SELECT $1::varchar AS code) cs`,
        [COUNTY, year],
      );
      return row.actual;
    };
    expect(await actual(2024)).toBe('13.00');
    expect(await actual(2025)).toBe('8.00');
    expect(await actual(2019)).toBeNull();
  });

  it('reports no verdict without funds or outside 2021–2025, and refuses a region that is not a county', async () => {
    const none = await server.gql(FUND_SHARE, { year: 2020 }, countyOfficial());
    expect(none.data!.fundShare).toMatchObject({ total: '0.00', share: null, met: null, ruleApplies: false });
    const city = await server.gql(`{ fundShare(regionCode: "5199", year: 2024) { met } }`, undefined, countyOfficial());
    expect(codesOf(city)).toEqual(['BAD_USER_INPUT']);
    expect(city.errors![0].extensions!.fields).toEqual(['regionCode']);
    const badYear = await server.gql(`{ fundShare(regionCode: "519902", year: 1999) { met } }`);
    expect(badYear.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['year'] });
  });
});

describe('the April deadlines (002_d5d8c2fb670d631c.txt 九)', () => {
  it('counts funds in place on 30 April and not those in place on 1 May, and lists projects not started by then', async () => {
    const y2024 = (await server.gql(DEADLINES, { year: 2024, region: '519902' }, countyOfficial())).data!.deadlines;
    // county-2024 arrived on 30 April: in time.
    expect(y2024).toMatchObject({
      deadline: '2024-04-30',
      passed: true,
      fundsNotInPlaceCount: 0,
      projectsNotStartedCount: 0,
      cityFunds: { year: 2024, amount: '2000000.00', previousAmount: '1800000.00', notBelowLastYear: true },
    });
    const y2025 = (await server.gql(DEADLINES, { year: 2025, region: '519902' }, countyOfficial())).data!.deadlines;
    expect(y2025.fundsNotInPlace).toEqual([
      {
        id: allocationId('county-2025'),
        source: 'COUNTY_TRANSITION',
        inPlaceOn: '2025-05-01',
        inPlaceByDeadline: false,
      },
      { id: allocationId('city-2025'), source: 'CITY_TRANSITION', inPlaceOn: '2025-05-06', inPlaceByDeadline: false },
    ]);
    expect(y2025.fundsNotInPlaceAmount).toBe('3400000.00');
    expect(y2025.projectsNotStarted.map((p: any) => [p.id, p.status, p.actualStart])).toEqual([
      [projectId('p2025-cold'), 'STARTED', '2025-05-12'],
      [projectId('p2025-clinic'), 'APPROVED', null],
    ]);
    expect(y2025.cityFunds).toEqual({
      year: 2025,
      amount: '1900000.00',
      previousAmount: '2000000.00',
      notBelowLastYear: false,
    });
    const allocations = await server.gql(
      `{ fundAllocations(filter: { regionCode: "519902", year: 2024, source: COUNTY_TRANSITION }) { edges { node { inPlaceOn inPlaceByDeadline } } } }`,
      undefined,
      countyOfficial(),
    );
    expect(allocations.data!.fundAllocations.edges).toEqual([
      { node: { inPlaceOn: '2024-04-30', inPlaceByDeadline: true } },
    ]);
  });

  it('moves an allocation in and out of the list as its in-place date crosses 30 April', async () => {
    const id = await allocate(server, {
      year: 2021,
      source: 'CITY_TRANSITION',
      amount: '10.00',
      allocatedOn: '2021-03-01',
    });
    const listed = async () =>
      (
        await server.gql(DEADLINES, { year: 2021, region: '519902' }, countyOfficial())
      ).data!.deadlines.fundsNotInPlace.map((f: any) => f.id);
    expect(await listed()).toEqual([id]); // not in place at all
    const inPlace = (date: string) =>
      server.gql(
        `mutation($input: RecordFundsInPlaceInput!) { recordFundsInPlace(input: $input) { allocation { inPlaceOn inPlaceByDeadline } } }`,
        { input: { allocationId: id, inPlaceOn: date } },
        countyOfficial(),
      );
    expect((await inPlace('2021-05-01')).data!.recordFundsInPlace.allocation).toEqual({
      inPlaceOn: '2021-05-01',
      inPlaceByDeadline: false,
    });
    expect(await listed()).toEqual([id]);
    expect((await inPlace('2021-04-30')).data!.recordFundsInPlace.allocation).toEqual({
      inPlaceOn: '2021-04-30',
      inPlaceByDeadline: true,
    });
    expect(await listed()).toEqual([]);
    // A project of 2021 started on 1 May is late; one started on 30 April is not.
    const late = await startedProject(
      server,
      {
        name: '五一开工（示例）',
        year: 2021,
        villages: [HESHENG],
        budget: [{ source: 'CITY_TRANSITION', amount: '5.00' }],
      },
      '2021-05-01',
    );
    await startedProject(
      server,
      {
        name: '四月底开工（示例）',
        year: 2021,
        villages: [HESHENG],
        budget: [{ source: 'CITY_TRANSITION', amount: '5.00' }],
      },
      '2021-04-30',
    );
    const projects = (await server.gql(DEADLINES, { year: 2021, region: '519902' }, countyOfficial())).data!.deadlines;
    expect(projects.projectsNotStarted.map((p: any) => p.id)).toEqual([late]);
  });

  it('is for officials whose region holds the region asked about', async () => {
    const township = await server.gql(DEADLINES, { year: 2025, region: '519902' }, townshipOfficial());
    expect(codesOf(township)).toEqual(['FORBIDDEN']);
    const villageLevel = await server.gql(DEADLINES, { year: 2025, region: KEY_VILLAGE_1 }, countyOfficial());
    expect(villageLevel.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['regionCode'] });
  });
});

describe('allocations', () => {
  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await count('fund_allocation');
    const base = {
      countyCode: '519902',
      year: 2026,
      source: 'COUNTY_TRANSITION',
      amount: '100.00',
      allocatedOn: '2026-01-05',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ amount: '0.00' }, 'amount'],
      [{ amount: '1.001' }, 'amount'],
      [{ amount: '-5.00' }, 'amount'],
      [{ allocatedOn: '2099-01-01' }, 'allocatedOn'],
      [{ inPlaceOn: '2025-12-31' }, 'inPlaceOn'],
      [{ countyCode: '519902100000' }, 'countyCode'],
      [{ countyCode: '12' }, 'countyCode'],
      [{ source: 'ENTERPRISE' }, 'providerId'],
      [{ providerId: enterpriseId('tea-co') }, 'providerId'],
      [{ year: 1990 }, 'year'],
    ];
    for (const [change, field] of cases) {
      const response = await server.gql(RECORD_ALLOCATION, { input: { ...base, ...change } }, countyOfficial());
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    expect(await count('fund_allocation')).toBe(before);
  });

  it('names the partner whose money it is', async () => {
    const id = await allocate(server, {
      year: 2026,
      source: 'ENTERPRISE',
      amount: '88888.88',
      allocatedOn: '2026-06-01',
      providerId: enterpriseId('citrus-co'),
    });
    const response = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on FundAllocation { source amount provider { name } county { code } } } }`,
      { id },
    );
    expect(response.data!.node).toEqual({
      source: 'ENTERPRISE',
      amount: '88888.88',
      provider: { name: '柑橘产业发展有限公司（示例）' },
      county: { code: COUNTY },
    });
  });
});

describe('the project library', () => {
  it('takes a project through every step with its date and the role that moved it', async () => {
    // A township official enters a project for a village of its township (a local step) …
    const proposed = await server.gql(
      PROPOSE,
      {
        input: {
          name: '合圣村花椒烘干房（示例）',
          year: 2026,
          category: 'INDUSTRY',
          villageIds: [villageId(HESHENG)],
          budget: [
            { source: 'COUNTY_TRANSITION', amount: '150000.00' },
            { source: 'DESIGNATED', providerId: unitId('city-hospital'), amount: '50000.00' },
          ],
          plannedStart: '2026-04-01',
          proposedOn: '2025-12-01',
          beneficiaryHouseholds: 40,
          beneficiaryPeople: 120,
          monitoredHouseholds: 3,
        },
      },
      townshipOfficial(),
    );
    expect(proposed.errors).toBeUndefined();
    const project = proposed.data!.proposeProject.project;
    expect(project).toMatchObject({
      status: 'PROPOSED',
      totalBudget: '200000.00',
      keyVillagesOnly: true,
      villages: [{ code: HESHENG }],
      history: [
        {
          from: null,
          to: 'PROPOSED',
          date: '2025-12-01',
          actorRole: 'REGION_OFFICIAL',
          actorRegionCode: '519902100000',
        },
      ],
    });
    const move = (input: Record<string, unknown>, token = countyOfficial()) =>
      server.gql(MOVE, { input: { projectId: project.id, ...input } }, token);

    // … but the county library assesses it, and no step may be skipped.
    expect(codesOf(await move({ status: 'ASSESSED', date: '2025-12-10' }, townshipOfficial()))).toEqual(['FORBIDDEN']);
    expect((await move({ status: 'APPROVED', date: '2025-12-10' })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['status'],
    });
    expect((await move({ status: 'ASSESSED', date: '2025-11-30' })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['date'],
    });
    expect((await move({ status: 'ASSESSED', date: '2025-12-10' })).errors).toBeUndefined();
    expect((await move({ status: 'APPROVED', date: '2026-01-15', note: '示例批复' })).errors).toBeUndefined();
    // The announcement period is required with ANNOUNCED and only there.
    expect((await move({ status: 'ANNOUNCED', date: '2026-02-01' })).errors![0].extensions!.fields).toEqual([
      'announcementEnd',
    ]);
    expect(
      (await move({ status: 'ANNOUNCED', date: '2026-02-01', announcementEnd: '2026-01-31' })).errors![0].extensions!
        .fields,
    ).toEqual(['announcementEnd']);
    expect(
      (await move({ status: 'ANNOUNCED', date: '2026-02-01', announcementEnd: '2026-02-10' })).errors,
    ).toBeUndefined();
    // The start comes after the announcement ends, and the township may report it.
    expect((await move({ status: 'STARTED', date: '2026-02-10' }, townshipOfficial())).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['date'],
    });
    const started = await move({ status: 'STARTED', date: '2026-02-11' }, townshipOfficial());
    expect(started.errors).toBeUndefined();
    expect(started.data!.moveProject.project).toMatchObject({
      status: 'STARTED',
      actualStart: '2026-02-11',
      announcementStart: '2026-02-01',
      announcementEnd: '2026-02-10',
      nextStatuses: ['ACCEPTED'],
    });
    // Once started it cannot be cancelled; it is accepted and evaluated by the county.
    expect((await move({ status: 'CANCELLED', date: '2026-03-01' })).errors![0].extensions!.fields).toEqual(['status']);
    expect(codesOf(await move({ status: 'ACCEPTED', date: '2026-09-01' }, townshipOfficial()))).toEqual(['FORBIDDEN']);
    expect((await move({ status: 'ACCEPTED', date: '2026-09-01' })).errors).toBeUndefined();
    expect((await move({ status: 'EVALUATED', date: '2099-01-01' })).errors![0].extensions!.fields).toEqual(['date']);
    const evaluated = await move({ status: 'EVALUATED', date: '2026-11-20' });
    expect(
      evaluated.data!.moveProject.project.history.map((h: any) => [h.from, h.to, h.date, h.actorRegionCode]),
    ).toEqual([
      [null, 'PROPOSED', '2025-12-01', '519902100000'],
      ['PROPOSED', 'ASSESSED', '2025-12-10', COUNTY],
      ['ASSESSED', 'APPROVED', '2026-01-15', COUNTY],
      ['APPROVED', 'ANNOUNCED', '2026-02-01', COUNTY],
      ['ANNOUNCED', 'STARTED', '2026-02-11', '519902100000'],
      ['STARTED', 'ACCEPTED', '2026-09-01', COUNTY],
      ['ACCEPTED', 'EVALUATED', '2026-11-20', COUNTY],
    ]);
    expect(evaluated.data!.moveProject.project.nextStatuses).toEqual([]);
  });

  it('refuses a proposal with bad input naming the field, and writes nothing', async () => {
    const before = await count('project');
    const base = {
      name: '校验项目（示例）',
      year: 2026,
      category: 'INFRASTRUCTURE',
      villageIds: [villageId(KEY_VILLAGE_3)],
      budget: [{ source: 'COUNTY_TRANSITION', amount: '10.00' }],
      plannedStart: '2026-03-01',
    };
    const cases: [Record<string, unknown>, string][] = [
      [{ plannedStart: '2027-03-01' }, 'plannedStart'],
      [{ villageIds: [villageId(KEY_VILLAGE_3), villageId(KEY_VILLAGE_3)] }, 'villageIds.1'],
      [{ villageIds: [villageId(KEY_VILLAGE_3), villageId('210404100201')] }, 'villageIds.1'],
      [{ villageIds: [] }, 'villageIds'],
      [{ budget: [{ source: 'COUNTY_TRANSITION', amount: '0' }] }, 'budget.0.amount'],
      [{ budget: [{ source: 'EAST_WEST', amount: '1.00' }] }, 'budget.0.providerId'],
      [
        {
          budget: [
            { source: 'COUNTY_TRANSITION', amount: '1.00' },
            { source: 'COUNTY_TRANSITION', amount: '2.00' },
          ],
        },
        'budget.1.source',
      ],
      [{ beneficiaryHouseholds: 2, monitoredHouseholds: 3 }, 'monitoredHouseholds'],
      [{ proposedOn: '2099-01-01' }, 'proposedOn'],
      [{ name: '   ' }, 'name'],
    ];
    for (const [change, field] of cases) {
      const response = await server.gql(PROPOSE, { input: { ...base, ...change } }, countyOfficial());
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    // The same name twice in one county and year is a conflict, caught by the database under races.
    expect((await server.gql(PROPOSE, { input: base }, countyOfficial())).errors).toBeUndefined();
    const twice = await server.gql(PROPOSE, { input: { ...base, name: ' 校验项目（示例） ' } }, countyOfficial());
    expect(twice.errors![0].extensions).toEqual({ code: 'CONFLICT', fields: ['name'] });
    expect(await count('project')).toBe(before + 1);
  });

  it('pays by progress within the budget line and the allocation, from money in place, and nothing else', async () => {
    const allocation = await allocate(server, {
      year: 2026,
      source: 'CITY_TRANSITION',
      amount: '1000.00',
      allocatedOn: '2026-02-01',
      inPlaceOn: '2026-03-01',
    });
    const notInPlace = await allocate(server, {
      year: 2026,
      source: 'CITY_TRANSITION',
      amount: '1000.00',
      allocatedOn: '2026-02-01',
    });
    const project = await startedProject(server, {
      name: '拨付规则（示例）',
      year: 2026,
      villages: [KEY_VILLAGE_1],
      budget: [{ source: 'CITY_TRANSITION', amount: '600.00' }],
    });
    const before = await count('project_payment');
    const pay = (input: Record<string, unknown>, token = countyOfficial()) =>
      server.gql(
        PAY,
        {
          input: {
            projectId: project,
            allocationId: allocation,
            amount: '100.00',
            paidOn: '2026-04-01',
            stage: 'PROGRESS',
            ...input,
          },
        },
        token,
      );
    const refusals: [Record<string, unknown>, string][] = [
      [{ amount: '600.01' }, 'amount'],
      [{ paidOn: '2026-02-28' }, 'paidOn'], // before the money was in place (and before the start)
      [{ allocationId: notInPlace }, 'paidOn'],
      [{ allocationId: allocationId('central-2024') }, 'allocationId'], // no CENTRAL line in the budget
      [{ stage: 'FINAL' }, 'stage'],
      [{ paidOn: '2099-01-01' }, 'paidOn'],
    ];
    for (const [change, field] of refusals) {
      const response = await pay(change);
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    expect(codesOf(await pay({}, townshipOfficial()))).toEqual(['FORBIDDEN']);
    expect(await count('project_payment')).toBe(before);

    const first = await pay({ amount: '599.99' });
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordProjectPayment.project).toEqual({
      paidAmount: '599.99',
      budget: [{ source: 'CITY_TRANSITION', amount: '600.00', paid: '599.99' }],
    });
    expect((await pay({ amount: '0.02' })).errors![0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['amount'],
    });
    expect((await pay({ amount: '0.01' })).errors).toBeUndefined();
    const allocationNow = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on FundAllocation { paidAmount remainingAmount payments { totalCount } } } }`,
      { id: allocation },
    );
    expect(allocationNow.data!.node).toEqual({
      paidAmount: '600.00',
      remainingAmount: '400.00',
      payments: { totalCount: 2 },
    });
  });

  it('never lets two racing payments overspend a budget line', async () => {
    const allocation = await allocate(server, {
      year: 2026,
      source: 'COUNTY_TRANSITION',
      amount: '100000.00',
      allocatedOn: '2026-01-02',
      inPlaceOn: '2026-01-03',
    });
    const project = await startedProject(server, {
      name: '并发拨付（示例）',
      year: 2026,
      villages: [KEY_VILLAGE_1],
      budget: [{ source: 'COUNTY_TRANSITION', amount: '1000.00' }],
    });
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        server.gql(
          PAY,
          {
            input: {
              projectId: project,
              allocationId: allocation,
              amount: '300.00',
              paidOn: '2026-04-01',
              stage: 'PROGRESS',
            },
          },
          countyOfficial(),
        ),
      ),
    );
    expect(responses.filter((r) => !r.errors)).toHaveLength(3);
    const [{ paid }] = await server.sql<{ paid: string }>(
      `SELECT sum(amount)::text AS paid FROM project_payment pp JOIN project p ON p.id = pp.project_id WHERE p.name = '并发拨付（示例）'`,
    );
    expect(paid).toBe('900.00');
  });
});
