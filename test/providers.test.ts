import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { creditCodeCheckCharacter } from '../server/src/modules/providers/credit-code';
import { seedId } from '../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A valid credit code with a given 17-character body. */
const validCode = (body: string) => body + creditCodeCheckCharacter(body);

const CREATE_ENTERPRISE = `mutation($input: CreateEnterpriseInput!) {
  createEnterprise(input: $input) { enterprise { id name creditCode ownership federationMember campaigns region { code } } }
}`;
const UPDATE_ENTERPRISE = `mutation($input: UpdateEnterpriseInput!) { updateEnterprise(input: $input) { enterprise { id name creditCode industry } } }`;
const CREATE_UNIT = `mutation($input: CreateAssistanceUnitInput!) { createAssistanceUnit(input: $input) { assistanceUnit { id name unitKind level kind region { code } } } }`;

const providerCount = async () => (await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM provider'))[0].n;

const enterpriseInput = (creditCode: string, extra: Record<string, unknown> = {}) => ({
  name: '测试企业（示例）',
  creditCode,
  ownership: 'PRIVATE',
  federationMember: true,
  campaigns: ['WANQI_XING_WANCUN'],
  regionCode: '519902',
  ...extra,
});

describe('enterprises and assistance units', () => {
  it('lists the seeded providers with their fields, filters and pages them', async () => {
    const response = await server.gql(`{
      enterprises(first: 100) { totalCount edges { node { id name kind creditCode ownership industry federationMember campaigns region { code } } } }
      wanqi: enterprises(filter: { campaign: BAIQI_BANG_BAICUN }) { totalCount }
      units: assistanceUnits(first: 100) { totalCount edges { node { id name kind unitKind level } } }
      partners: assistanceUnits(filter: { kind: PARTNER_REGION, regionCode: "35" }) { edges { node { name } } }
      firstTwo: assistanceUnits(first: 2) { pageInfo { hasNextPage endCursor } edges { node { name } } }
    }`);
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.enterprises.totalCount).toBe(6);
    expect(
      data.enterprises.edges.every((e: any) => e.node.kind === 'ENTERPRISE' && e.node.creditCode.length === 18),
    ).toBe(true);
    const tea = data.enterprises.edges.find(
      (e: any) => e.node.id === toGlobalId('Enterprise', seedId('provider', 'tea-co')),
    ).node;
    expect(tea).toMatchObject({
      creditCode: '91510100MA6C8X1K2L',
      ownership: 'PRIVATE',
      federationMember: true,
      campaigns: ['WANQI_XING_WANCUN'],
      region: { code: '510000000000' },
    });
    expect(data.wanqi.totalCount).toBe(2);
    expect(data.units.totalCount).toBe(9);
    expect(data.units.edges.every((e: any) => e.node.kind === 'ASSISTANCE_UNIT')).toBe(true);
    expect(data.partners.edges.map((e: any) => e.node.name).sort()).toEqual(
      ['厦门市思明区（山海协作，示例）', '晋江市（山海协作，示例）'].sort(),
    );

    const next = await server.gql(
      `query($after: String) { assistanceUnits(first: 100, after: $after) { edges { node { name } } } }`,
      { after: data.firstTwo.pageInfo.endCursor },
    );
    const names = [...data.firstTwo.edges, ...next.data!.assistanceUnits.edges].map((e: any) => e.node.name);
    expect(names).toEqual(data.units.edges.map((e: any) => e.node.name));
  });

  it('resolves node(id) per type, and null for the other type, malformed uuids and unknown ids', async () => {
    const tea = seedId('provider', 'tea-co');
    const response = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on AssistanceProvider { name kind } } }`,
      {
        ids: [
          toGlobalId('Enterprise', tea),
          toGlobalId('AssistanceUnit', tea),
          toGlobalId('Enterprise', 'not-a-uuid'),
          toGlobalId('Enterprise', '00000000-0000-4000-8000-00000000abcd'),
        ],
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes).toEqual([
      { id: toGlobalId('Enterprise', tea), name: '川茶农业科技有限公司（示例）', kind: 'ENTERPRISE' },
      null,
      null,
      null,
    ]);
  });

  it('refuses a credit code with a wrong check character as BAD_USER_INPUT on creditCode, writing nothing', async () => {
    const before = await providerCount();
    const good = validCode('91519902MA0000001');
    const bad = good.slice(0, 17) + (good[17] === 'A' ? 'B' : 'A');
    for (const creditCode of [bad, '12345', 'I1519902MA0000001X']) {
      const response = await server.gql(CREATE_ENTERPRISE, { input: enterpriseInput(creditCode) });
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.fields).toEqual(['creditCode']);
    }
    expect(await providerCount()).toBe(before);
  });

  it('creates an enterprise, refuses a duplicate credit code as CONFLICT, also when two requests race', async () => {
    const code = validCode('91519902MA0000002');
    const created = await server.gql(CREATE_ENTERPRISE, { input: enterpriseInput(code) });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createEnterprise.enterprise).toMatchObject({
      creditCode: code,
      region: { code: '519902000000' },
      campaigns: ['WANQI_XING_WANCUN'],
    });

    const again = await server.gql(CREATE_ENTERPRISE, {
      input: enterpriseInput(code.toLowerCase(), { name: '另一家（示例）' }),
    });
    expect(codesOf(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].extensions!.fields).toEqual(['creditCode']);

    const raced = validCode('91519902MA0000003');
    const results = await Promise.all(
      [1, 2, 3].map((i) =>
        server.gql(CREATE_ENTERPRISE, { input: enterpriseInput(raced, { name: `并发企业${i}（示例）` }) }),
      ),
    );
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(codesOf).sort()).toEqual(['CONFLICT', 'CONFLICT']);
    const rows = await server.sql('SELECT id FROM provider WHERE credit_code = $1', [raced]);
    expect(rows).toHaveLength(1);
  });

  it("updates an enterprise, refusing another enterprise's credit code", async () => {
    const id = toGlobalId('Enterprise', seedId('provider', 'citrus-co'));
    const updated = await server.gql(UPDATE_ENTERPRISE, {
      input: { enterpriseId: id, industry: '柑橘种植与冷链销售' },
    });
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateEnterprise.enterprise.industry).toBe('柑橘种植与冷链销售');
    const taken = await server.gql(UPDATE_ENTERPRISE, {
      input: { enterpriseId: id, creditCode: '91510100MA6C8X1K2L' },
    });
    expect(codesOf(taken)).toEqual(['CONFLICT']);
    const wrongType = await server.gql(UPDATE_ENTERPRISE, {
      input: { enterpriseId: toGlobalId('AssistanceUnit', seedId('provider', 'city-hospital')), name: 'x' },
    });
    expect(codesOf(wrongType)).toEqual(['BAD_USER_INPUT']);
    expect(wrongType.errors![0].extensions!.fields).toEqual(['enterpriseId']);
  });

  it('lets a region official register and change providers homed in its region only', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const inside = await server.gql(
      CREATE_UNIT,
      {
        input: { name: '区农业农村局（示例）', kind: 'PARTY_GOVERNMENT_ORGAN', level: 'COUNTY', regionCode: '519902' },
      },
      official,
    );
    expect(inside.errors).toBeUndefined();
    expect(inside.data!.createAssistanceUnit.assistanceUnit).toMatchObject({
      kind: 'ASSISTANCE_UNIT',
      unitKind: 'PARTY_GOVERNMENT_ORGAN',
      level: 'COUNTY',
      region: { code: '519902000000' },
    });

    const before = await providerCount();
    const outside = await server.gql(
      CREATE_UNIT,
      { input: { name: '越权单位', kind: 'PARTY_GOVERNMENT_ORGAN', level: 'COUNTY', regionCode: '3504' } },
      official,
    );
    expect(codesOf(outside)).toEqual(['FORBIDDEN']);
    const central = await server.gql(
      CREATE_UNIT,
      { input: { name: '越权单位', kind: 'CENTRAL_UNIT', level: 'CENTRAL' } },
      official,
    );
    expect(codesOf(central)).toEqual(['FORBIDDEN']);
    // 川茶 is homed in the province, outside the county: visible (paired in the county) but not writable.
    const foreign = await server.gql(
      UPDATE_ENTERPRISE,
      { input: { enterpriseId: toGlobalId('Enterprise', seedId('provider', 'tea-co')), name: '改名' } },
      official,
    );
    expect(codesOf(foreign)).toEqual(['FORBIDDEN']);
    const enterprise = tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co') });
    expect(
      codesOf(
        await server.gql(CREATE_UNIT, { input: { name: 'x', kind: 'CENTRAL_UNIT', level: 'CENTRAL' } }, enterprise),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await providerCount()).toBe(before);
  });
});

describe('provider visibility', () => {
  const LIST = `{ enterprises(first: 100) { totalCount edges { node { id } } } assistanceUnits(first: 100) { totalCount edges { node { id } } } }`;
  const idsOf = (data: any) =>
    [...data.enterprises.edges, ...data.assistanceUnits.edges].map((e: any) => e.node.id).sort();

  it('shows a partner only itself', async () => {
    const tea = seedId('provider', 'tea-co');
    const response = await server.gql(LIST, undefined, tokenFor({ role: Role.ENTERPRISE, provider: tea }));
    expect(idsOf(response.data)).toEqual([toGlobalId('Enterprise', tea)]);
    const other = await server.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobalId('Enterprise', seedId('provider', 'citrus-co')) },
      tokenFor({ role: Role.ENTERPRISE, provider: tea }),
    );
    expect(other.data).toEqual({ node: null });
  });

  it('shows a region official the providers homed in its region, paired with a target in it, or buying from it', async () => {
    const expected = await server.sql<{ id: string; type: string }>(
      `SELECT id, type FROM provider pr WHERE pr.region_code LIKE '519902%'
         OR EXISTS (SELECT 1 FROM pairing p WHERE p.provider_id = pr.id AND p.target_code LIKE '519902%')
         OR EXISTS (SELECT 1 FROM purchase pu WHERE pu.buyer_id = pr.id AND pu.origin_village_code LIKE '519902%')`,
    );
    const response = await server.gql(
      LIST,
      undefined,
      tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
    );
    expect(response.errors).toBeUndefined();
    expect(idsOf(response.data)).toEqual(
      expected.map((p) => toGlobalId(p.type === 'ENTERPRISE' ? 'Enterprise' : 'AssistanceUnit', p.id)).sort(),
    );
    expect(expected.length).toBeGreaterThanOrEqual(8);
  });
});
