import { startTestServer, codesOf, type TestServer } from './harness/server';
import { toGlobalId } from '../server/src/core/relay/global-id';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** A fingerprint of every registry table: a failed mutation must leave it unchanged. */
async function registrySnapshot(): Promise<string> {
  const rows = await server.sql(`SELECT
    (SELECT count(*) FROM region) AS regions, (SELECT count(*) FROM village) AS villages,
    (SELECT count(*) FROM village_indicators) AS indicators, (SELECT count(*) FROM village_designation) AS designations,
    (SELECT md5(string_agg(village_code || year || coalesce(population::text, '-'), ',' ORDER BY village_code, year)) FROM village_indicators) AS indicator_hash`);
  return JSON.stringify(rows[0]);
}

const CREATE = `mutation($input: CreateVillageInput!) { createVillage(input: $input) { village { id } } }`;
const RECORD = `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year } } }`;

describe('bad input is refused with BAD_USER_INPUT naming the field, and nothing is written', () => {
  it.each([
    ['a malformed code', { code: '21040410020', name: '村' }, 'code'],
    ['a code with letters', { code: '21040410020X', name: '村' }, 'code'],
    ['a code that is not a village', { code: '210404100000', name: '村' }, 'code'],
    ['an unknown township', { code: '210404199001', name: '村' }, 'code'],
    ['an empty name', { code: '210404100250', name: '' }, 'name'],
  ])('createVillage with %s', async (_label, input, field) => {
    const before = await registrySnapshot();
    const response = await server.gql(CREATE, { input });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual([field]);
    expect(response.errors![0].message).toContain(field);
    expect(await registrySnapshot()).toBe(before);
  });

  const village = toGlobalId('Village', '519902100201');
  it.each([
    ['a negative population', { population: -1 }, 'population'],
    ['negative households', { households: -5 }, 'households'],
    ['a year before 2000', { year: 1999 }, 'year'],
    ['a year after next year', { year: new Date().getFullYear() + 2 }, 'year'],
    ['coverage above 100', { tapWaterCoverage: '100.5' }, 'tapWaterCoverage'],
    ['a negative income', { perCapitaDisposableIncome: '-3' }, 'perCapitaDisposableIncome'],
    ['a village id of another type', { villageId: toGlobalId('Region', '519902100000') }, 'villageId'],
  ])('recordVillageIndicators with %s', async (_label, change, field) => {
    const before = await registrySnapshot();
    const response = await server.gql(RECORD, { input: { villageId: village, year: 2021, population: 10, ...change } });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual([field]);
    expect(await registrySnapshot()).toBe(before);
  });

  it('reports a non-decimal money string as BAD_USER_INPUT naming the field', async () => {
    const response = await server.gql(RECORD, {
      input: { villageId: village, year: 2021, collectiveIncome: '12,000' },
    });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual(['collectiveIncome']);
  });

  it('answers unknown ids with NOT_FOUND naming the field', async () => {
    const response = await server.gql(RECORD, {
      input: { villageId: toGlobalId('Village', '519902100299'), year: 2021 },
    });
    expect(codesOf(response)).toEqual(['NOT_FOUND']);
    expect(response.errors![0].extensions!.fields).toEqual(['villageId']);
  });

  it('refuses operations nested deeper than the limit, fragments included', async () => {
    const level = (inner: string) => `children { edges { node { code ${inner} } } }`;
    const deep = `{ region(code: "51") { ${level(level(level(level(''))))} } }`; // 1 + 4 × 3 = 13 levels
    const refused = await server.gql(deep);
    expect(codesOf(refused)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(refused.errors![0].extensions).toMatchObject({ limit: 'depth', maximum: 12 });
    expect(refused.errors![0].message).toContain('at most 12');
    const viaFragment = await server.gql(
      `query { region(code: "51") { ...C } } fragment C on Region { ${level(level(level(level(''))))} }`,
    );
    expect(codesOf(viaFragment)).toEqual(['QUERY_TOO_COMPLEX']);
    const allowed = await server.gql(`{ region(code: "51") { ${level(level(level('')))} } }`); // 10 levels
    expect(allowed.errors).toBeUndefined();
  });

  it('answers fragment bombs at once: each fragment depth is computed once, not per spread', async () => {
    // 30 fragments on Query, each spreading the next ten times: 10^29 paths if spreads are re-walked.
    const fragments = Array.from(
      { length: 30 },
      (_, i) =>
        `fragment F${i} on Query { ${i < 29 ? Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ') : 'viewer { role }'} }`,
    ).join('\n');
    // Priced per spread, the document costs 10^29 points: refused for cost before anything runs,
    // the price itself computed once per fragment.
    const wide = await server.gql(`query { ...F0 }\n${fragments}`);
    expect(codesOf(wide)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(wide.errors![0].extensions).toMatchObject({ limit: 'cost' });
    // 22 levels, each spreading the next twice: refused for depth, after a linear walk.
    const deepFragments = Array.from(
      { length: 22 },
      (_, i) =>
        `fragment G${i} on Region { name ${i < 21 ? `parent { ...G${i + 1} } children { edges { node { ...G${i + 1} } } }` : ''} }`,
    ).join('\n');
    const deep = await server.gql(`{ region(code: "51") { ...G0 } }\n${deepFragments}`);
    expect(codesOf(deep)).toEqual(['QUERY_TOO_COMPLEX']);
    const health = await fetch(server.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('hides internals of unexpected errors and refuses malformed queries as bad input', async () => {
    const malformed = await server.gql('{ villages { nope } }');
    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
  });
});
