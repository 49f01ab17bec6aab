import { getMetadataStorage } from 'type-graphql';
import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { signToken } from '../server/src/core/auth/tokens';
import { platformSchema } from '../server/src/platform';
import { toGlobalId } from '../server/src/core/relay/global-id';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SICHUAN_DISTRICT = '519902000000'; // the district of the six key-assisted villages
const WANGHUA = '210404000000';

describe('authentication', () => {
  it('refuses requests without a token, with a bad signature, expired, or with malformed claims', async () => {
    const query = '{ villages { totalCount } }';
    const forged = signToken({ role: Role.ADMIN }, 'another-secret-of-enough-length');
    const expired = tokenFor({ role: Role.ADMIN }, -10);
    for (const token of [null, 'garbage', forged, expired]) {
      const response = await server.gql(query, undefined, token);
      expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.data ?? null).toBeNull();
    }
    const http = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    expect(http.status).toBe(401);
  });

  it('declares who may call every root field (deny by default)', async () => {
    await platformSchema();
    const storage = getMetadataStorage();
    const rootFields = [...storage.queries, ...storage.mutations, ...storage.subscriptions];
    expect(rootFields.length).toBeGreaterThan(10);
    const undeclared = rootFields
      .filter(
        (field) => !storage.authorizedFields.some((a) => a.target === field.target && a.fieldName === field.methodName),
      )
      .map((field) => `${field.target.name}.${field.methodName}`);
    expect(undeclared).toEqual([]);
  });
});

describe('region scope', () => {
  const sichuanOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: SICHUAN_DISTRICT });
  const wanghuaOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: WANGHUA });

  it('shows a county official the villages of its county only, by list and by node(id)', async () => {
    const [{ count: inSichuan }] = await server.sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM village WHERE code LIKE '519902%'`,
    );
    const own = await server.gql(
      '{ villages(first: 100) { totalCount edges { node { code } } } }',
      undefined,
      sichuanOfficial,
    );
    expect(own.data!.villages.totalCount).toBe(inSichuan);
    expect(own.data!.villages.edges.every((e: any) => e.node.code.startsWith('519902'))).toBe(true);

    const other = await server.gql(
      '{ villages(first: 100) { totalCount edges { node { code } } } }',
      undefined,
      wanghuaOfficial,
    );
    expect(other.data!.villages.edges.length).toBeGreaterThan(0);
    expect(other.data!.villages.edges.some((e: any) => e.node.code.startsWith('519902'))).toBe(false);

    const foreignVillage = toGlobalId('Village', '519902100201');
    const foreignRegion = toGlobalId('Region', '519902100000');
    const byNode = await server.gql(
      `query($ids: [ID!]!, $id: ID!) { node(id: $id) { id } nodes(ids: $ids) { id } }`,
      { id: foreignVillage, ids: [foreignVillage, foreignRegion] },
      wanghuaOfficial,
    );
    expect(byNode.errors).toBeUndefined();
    expect(byNode.data).toEqual({ node: null, nodes: [null, null] });
    // The same ids resolve for the official of that district: the nulls above are scope, not absence.
    const visible = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Village { name } } }`,
      { id: foreignVillage },
      sichuanOfficial,
    );
    expect(visible.data!.node).toEqual({ name: '重点一村（示例）' });
  });

  it('hides other counties on nested paths: region children, region villages, summaries', async () => {
    const response = await server.gql(
      `{
        sichuan: region(code: "510000000000") { name children { edges { node { code } } } villages { totalCount } summary { villageCount keyAssistedVillageCount } }
        wanghuaFromSichuan: region(code: "${WANGHUA}") { name }
        regions(level: VILLAGE, first: 100) { edges { node { code } } }
      }`,
      undefined,
      sichuanOfficial,
    );
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.wanghuaFromSichuan).toBeNull();
    expect(data.sichuan.name).toBe('四川省'); // ancestors stay readable by name
    expect(data.sichuan.children.edges.map((e: any) => e.node.code)).toEqual(['519900000000']);
    expect(data.sichuan.summary.keyAssistedVillageCount).toBe(6);
    expect(data.regions.edges.every((e: any) => e.node.code.startsWith('519902'))).toBe(true);

    const fromWanghua = await server.gql(
      `{ region(code: "510000000000") { name } villages(filter: { regionCode: "5199" }) { totalCount } }`,
      undefined,
      wanghuaOfficial,
    );
    expect(fromWanghua.data).toEqual({ region: null, villages: { totalCount: 0 } });
  });

  /** An enterprise with no pairing at all: tokens must name a provider that exists. */
  const unpairedEnterprise = () =>
    server.sql(`INSERT INTO provider (id, type, name, credit_code, ownership, federation_member)
      VALUES ('00000000-0000-4000-8000-000000000001', 'ENTERPRISE', '未结对企业', '91000000000000001X', 'PRIVATE', false)
      ON CONFLICT (id) DO NOTHING`);

  it('lets partners see no village before they are assigned any', async () => {
    await unpairedEnterprise();
    const enterprise = tokenFor({ role: Role.ENTERPRISE, provider: '00000000-0000-4000-8000-000000000001' });
    const response = await server.gql('{ villages { totalCount } regions { totalCount } }', undefined, enterprise);
    expect(response.data).toEqual({ villages: { totalCount: 0 }, regions: { totalCount: 0 } });
  });

  it('refuses registry writes to partners and outside the official region', async () => {
    await unpairedEnterprise();
    const enterprise = tokenFor({ role: Role.ENTERPRISE, provider: '00000000-0000-4000-8000-000000000001' });
    const create = `mutation { createVillage(input: { code: "210404100210", name: "越权村" }) { village { id } } }`;
    expect(codesOf(await server.gql(create, undefined, enterprise))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(create, undefined, sichuanOfficial))).toEqual(['FORBIDDEN']);
    const [{ n }] = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM region WHERE code = '210404100210'`,
    );
    expect(n).toBe(0);
  });
});
