import { startTestServer, codesOf, tokenFor, type TestServer } from '../harness/server';
import { subscribe, settle } from '../harness/live-client';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import {
  HESHENG,
  MOVE,
  PAY,
  PROPOSE,
  allocationId,
  cityOfficial,
  countyOfficial,
  enterprise,
  enterpriseId,
  orgDepartment,
  otherCountyOfficial,
  projectId,
  townshipOfficial,
  unit,
  villageId,
} from './helpers';

/**
 * Who sees what of funds, projects, assets and posts, on every path: root lists, node(id),
 * nested fields and the `projectChanged` subscription. Expected sets come from SQL that states
 * each role's rule again, independently of the policies.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const provider = (key: string) => seedId('provider', key);

interface Role_ {
  name: string;
  token: () => string;
  /** SQL conditions over `p` (project), `fa` (allocation), `a` (asset), `wp` (post); null = the root field is refused. */
  project: string | null;
  allocation: string | null;
  asset: string | null;
  post: string | null;
}

const fundedBy = (key: string, projectExpr: string) =>
  `EXISTS (SELECT 1 FROM project_budget_line b WHERE b.project_id = ${projectExpr} AND b.provider_id = '${provider(key)}')`;

const ROLES: Role_[] = [
  {
    name: 'admin',
    token: () => tokenFor({ role: Role.ADMIN }),
    project: 'true',
    allocation: 'true',
    asset: 'true',
    post: 'true',
  },
  {
    name: 'county official',
    token: countyOfficial,
    project: "p.county_code = '519902000000'",
    allocation: "fa.county_code = '519902000000'",
    asset: "a.village_code LIKE '519902%'",
    post: "wp.village_code LIKE '519902%'",
  },
  {
    name: 'city official',
    token: cityOfficial,
    project: "p.county_code LIKE '5199%'",
    allocation: "fa.county_code LIKE '5199%'",
    asset: "a.village_code LIKE '5199%'",
    post: "wp.village_code LIKE '5199%'",
  },
  {
    name: 'township official',
    token: townshipOfficial,
    project: "EXISTS (SELECT 1 FROM project_village v WHERE v.project_id = p.id AND v.village_code LIKE '519902100%')",
    allocation: 'false',
    asset: "a.village_code LIKE '519902100%'",
    post: "wp.village_code LIKE '519902100%'",
  },
  {
    name: 'other county',
    token: otherCountyOfficial,
    project: 'false',
    allocation: 'false',
    asset: 'false',
    post: 'false',
  },
  { name: 'organisation department', token: orgDepartment, project: null, allocation: null, asset: null, post: null },
  {
    name: 'enterprise tea-co',
    token: () => enterprise('tea-co'),
    project: fundedBy('tea-co', 'p.id'),
    allocation: `fa.provider_id = '${provider('tea-co')}'`,
    asset: fundedBy('tea-co', 'a.project_id'),
    post: null,
  },
  {
    name: 'assistance unit city-hospital',
    token: () => unit('city-hospital'),
    project: fundedBy('city-hospital', 'p.id'),
    allocation: `fa.provider_id = '${provider('city-hospital')}'`,
    asset: fundedBy('city-hospital', 'a.project_id'),
    post: null,
  },
  {
    name: 'enterprise funding nothing',
    token: () => enterprise('sanming-food'),
    project: 'false',
    allocation: 'false',
    asset: 'false',
    post: null,
  },
];

const ids = async (sql: string, type: string) =>
  (await server.sql<{ id: string }>(sql)).map((r) => toGlobalId(type, r.id)).sort();

describe('scope of funds, projects, assets and posts', () => {
  it.each(ROLES.map((r) => [r.name, r] as const))(
    '%s: lists and node(id) show exactly the rows of its rule',
    async (_, role) => {
      const lists = await server.gql(
        `{ projects(first: 100) { totalCount edges { node { id } } }
         fundAllocations(first: 100) { totalCount edges { node { id } } }
         assets(first: 100) { totalCount edges { node { id } } } }`,
        undefined,
        role.token(),
      );
      const posts = await server.gql(
        `{ welfarePosts(first: 100) { totalCount edges { node { id } } } }`,
        undefined,
        role.token(),
      );
      const expected = {
        projects: role.project && (await ids(`SELECT p.id FROM project p WHERE ${role.project}`, 'Project')),
        fundAllocations:
          role.allocation &&
          (await ids(`SELECT fa.id FROM fund_allocation fa WHERE ${role.allocation}`, 'FundAllocation')),
        assets: role.asset && (await ids(`SELECT a.id FROM project_asset a WHERE ${role.asset}`, 'ProjectAsset')),
        welfarePosts: role.post && (await ids(`SELECT wp.id FROM welfare_post wp WHERE ${role.post}`, 'WelfarePost')),
      };
      for (const [field, want] of Object.entries(expected)) {
        const response = field === 'welfarePosts' ? posts : lists;
        if (want === null) {
          expect({ field, codes: codesOf(response) }).toEqual({ field, codes: expect.arrayContaining(['FORBIDDEN']) });
          continue;
        }
        const got = response.data![field];
        expect({ field, ids: got.edges.map((e: any) => e.node.id).sort() }).toEqual({ field, ids: want });
        expect(got.totalCount).toBe(want.length);
      }

      // node(id) over every id of every type: visible exactly when the rule says so, null otherwise.
      const all = {
        Project: await ids('SELECT id FROM project', 'Project'),
        FundAllocation: await ids('SELECT id FROM fund_allocation', 'FundAllocation'),
        ProjectAsset: await ids('SELECT id FROM project_asset', 'ProjectAsset'),
        ProjectPayment: await ids('SELECT id FROM project_payment', 'ProjectPayment'),
        AssetDisposal: await ids('SELECT id FROM asset_disposal', 'AssetDisposal'),
        WelfarePost: await ids('SELECT id FROM welfare_post', 'WelfarePost'),
        PostAgreement: await ids('SELECT id FROM post_agreement', 'PostAgreement'),
        PostCheck: await ids('SELECT id FROM post_check', 'PostCheck'),
      };
      const visible = {
        Project: role.project ? await ids(`SELECT p.id FROM project p WHERE ${role.project}`, 'Project') : [],
        FundAllocation: role.allocation
          ? await ids(`SELECT fa.id FROM fund_allocation fa WHERE ${role.allocation}`, 'FundAllocation')
          : [],
        ProjectAsset: role.asset
          ? await ids(`SELECT a.id FROM project_asset a WHERE ${role.asset}`, 'ProjectAsset')
          : [],
        ProjectPayment: role.project
          ? await ids(
              `SELECT pp.id FROM project_payment pp JOIN project p ON p.id = pp.project_id WHERE ${role.project}`,
              'ProjectPayment',
            )
          : [],
        AssetDisposal: role.asset
          ? await ids(
              `SELECT d.id FROM asset_disposal d JOIN project_asset a ON a.id = d.asset_id WHERE ${role.asset}`,
              'AssetDisposal',
            )
          : [],
        WelfarePost: role.post ? await ids(`SELECT wp.id FROM welfare_post wp WHERE ${role.post}`, 'WelfarePost') : [],
        PostAgreement: role.post
          ? await ids(
              `SELECT pa.id FROM post_agreement pa JOIN welfare_post wp ON wp.id = pa.post_id WHERE ${role.post}`,
              'PostAgreement',
            )
          : [],
        PostCheck: role.post
          ? await ids(
              `SELECT pc.id FROM post_check pc JOIN post_agreement pa ON pa.id = pc.agreement_id JOIN welfare_post wp ON wp.id = pa.post_id WHERE ${role.post}`,
              'PostCheck',
            )
          : [],
      };
      for (const [type, every] of Object.entries(all)) {
        expect(every.length).toBeGreaterThan(0);
        const response = await server.gql(
          `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
          { ids: every },
          role.token(),
        );
        expect(response.errors).toBeUndefined();
        const seen = response
          .data!.nodes.filter((n: any) => n)
          .map((n: any) => n.id)
          .sort();
        expect({ type, seen }).toEqual({ type, seen: visible[type as keyof typeof visible] });
      }
    },
  );

  it('hides what a partner does not fund on nested paths', async () => {
    const response = await server.gql(
      `{ projects { edges { node { id budget { source provider { id } } payments { edges { node { source allocation { id } } } }
         villages { code } assets { totalCount } } } } }`,
      undefined,
      enterprise('tea-co'),
    );
    expect(response.errors).toBeUndefined();
    const [cherry] = response.data!.projects.edges.map((e: any) => e.node);
    expect(cherry.id).toBe(projectId('p2025-cherry'));
    // Its own money's allocation resolves; the county's central allocation does not.
    // Both paid the same day (the order then follows ids), so compare them in source order.
    const payments = cherry.payments.edges.map((e: any) => [e.node.source, e.node.allocation?.id ?? null]).sort();
    expect(payments).toEqual([
      ['CENTRAL_TRANSITION', null],
      ['ENTERPRISE', allocationId('enterprise-tea-2025')],
    ]);
    expect(cherry.budget.map((b: any) => b.provider?.id ?? null)).toEqual([null, enterpriseId('tea-co')]);
    expect(cherry.villages).toEqual([{ code: '519902101201' }]);
    // An organisation department reads villages but none of their assets.
    const org = await server.gql(
      `{ villages(first: 100, filter: { regionCode: "519902" }) { edges { node { assets { totalCount } } } } }`,
      undefined,
      orgDepartment(),
    );
    expect(org.data!.villages.edges.length).toBeGreaterThan(0);
    expect(org.data!.villages.edges.every((e: any) => e.node.assets.totalCount === 0)).toBe(true);
  });

  it('refuses writes outside the caller’s role or region', async () => {
    const input = {
      name: '越权项目',
      year: 2026,
      category: 'OTHER',
      villageIds: [villageId(HESHENG)],
      budget: [{ source: 'COUNTY_TRANSITION', amount: '1.00' }],
      plannedStart: '2026-03-01',
    };
    expect(codesOf(await server.gql(PROPOSE, { input }, enterprise('tea-co')))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(PROPOSE, { input }, orgDepartment()))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(PROPOSE, { input }, otherCountyOfficial()))).toEqual(['FORBIDDEN']);
    const move = {
      projectId: projectId('p2025-clinic'),
      status: 'ANNOUNCED',
      date: '2026-11-01',
      announcementEnd: '2026-11-10',
    };
    expect(codesOf(await server.gql(MOVE, { input: move }, otherCountyOfficial()))).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(MOVE, { input: move }, enterprise('citrus-co')))).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await server.gql(`{ fundShare(regionCode: "519902", year: 2024) { met } }`, undefined, enterprise('tea-co')),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(
      codesOf(
        await server.gql(`{ fundShare(regionCode: "519902", year: 2024) { met } }`, undefined, otherCountyOfficial()),
      ),
    ).toEqual(['NOT_FOUND']);
    const [{ n }] = await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM project WHERE name = '越权项目'`);
    expect(n).toBe(0);
  });
});

describe('projectChanged', () => {
  it('reaches the officials of the county and of the villages served, and the partners funding the project, only', async () => {
    const QUERY = `subscription { projectChanged { cursor kind from to amount project { id name } } }`;
    const live = {
      county: subscribe(server.url, countyOfficial(), QUERY),
      township: subscribe(server.url, townshipOfficial(), QUERY),
      other: subscribe(server.url, otherCountyOfficial(), QUERY),
      tea: subscribe(server.url, enterprise('tea-co'), QUERY),
      citrus: subscribe(server.url, enterprise('citrus-co'), QUERY),
      org: subscribe(server.url, orgDepartment(), QUERY),
    };
    await settle(300);

    // 1. The county announces the clinic of 一般丙村 (丙镇): the county only.
    const announced = await server.gql(
      MOVE,
      {
        input: {
          projectId: projectId('p2025-clinic'),
          status: 'ANNOUNCED',
          date: '2026-11-01',
          announcementEnd: '2026-11-10',
        },
      },
      countyOfficial(),
    );
    expect(announced.errors).toBeUndefined();
    // 2. A project for 合圣村 (甲镇) with tea-co's money: the county, the township and tea-co.
    const proposed = await server.gql(
      PROPOSE,
      {
        input: {
          name: '合圣村茶旅融合（示例）',
          year: 2026,
          category: 'INDUSTRY',
          villageIds: [villageId(HESHENG)],
          budget: [{ source: 'ENTERPRISE', providerId: enterpriseId('tea-co'), amount: '80000.00' }],
          plannedStart: '2026-12-01',
        },
      },
      countyOfficial(),
    );
    expect(proposed.errors).toBeUndefined();
    // 3. citrus-co's money reaches its cold store: the county and citrus-co.
    const inPlace = await server.gql(
      `mutation($input: RecordFundsInPlaceInput!) { recordFundsInPlace(input: $input) { allocation { id } } }`,
      { input: { allocationId: allocationId('enterprise-citrus-2025'), inPlaceOn: '2025-06-20' } },
      countyOfficial(),
    );
    expect(inPlace.errors).toBeUndefined();
    const paid = await server.gql(
      PAY,
      {
        input: {
          projectId: projectId('p2025-cold'),
          allocationId: allocationId('enterprise-citrus-2025'),
          amount: '100000.00',
          paidOn: '2025-07-01',
          stage: 'PROGRESS',
        },
      },
      countyOfficial(),
    );
    expect(paid.errors).toBeUndefined();

    const county = await live.county.waitFor(3);
    expect(
      county.map((e) => [e.projectChanged.kind, e.projectChanged.from, e.projectChanged.to, e.projectChanged.amount]),
    ).toEqual([
      ['STATUS_CHANGED', 'APPROVED', 'ANNOUNCED', null],
      ['PROPOSED', null, 'PROPOSED', null],
      ['PAID', 'STARTED', 'STARTED', '100000.00'],
    ]);
    expect(county[0].projectChanged.project).toEqual({
      id: projectId('p2025-clinic'),
      name: '一般丙村卫生室改造（示例）',
    });
    expect((await live.township.waitFor(1)).map((e) => e.projectChanged.kind)).toEqual(['PROPOSED']);
    expect((await live.tea.waitFor(1))[0].projectChanged.project.name).toBe('合圣村茶旅融合（示例）');
    expect((await live.citrus.waitFor(1))[0].projectChanged).toMatchObject({
      kind: 'PAID',
      project: { id: projectId('p2025-cold') },
    });
    await settle();
    expect(live.county.received).toHaveLength(3);
    expect(live.township.received).toHaveLength(1);
    expect(live.tea.received).toHaveLength(1);
    expect(live.citrus.received).toHaveLength(1);
    expect(live.other.received).toHaveLength(0);
    expect(JSON.stringify(live.org.errors)).toContain('"code":"FORBIDDEN"');

    // Resuming after the first event replays the two that followed, in order.
    const resumed = subscribe(
      server.url,
      countyOfficial(),
      `subscription($after: String) { projectChanged(after: $after) { kind } }`,
      {
        after: county[0].projectChanged.cursor,
      },
    );
    expect((await resumed.waitFor(2)).map((e) => e.projectChanged.kind)).toEqual(['PROPOSED', 'PAID']);
    await Promise.all([...Object.values(live), resumed].map((s) => s.close()));
  });
});
