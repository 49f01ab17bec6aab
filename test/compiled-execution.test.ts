import { startTestServer, tokenFor, adminToken, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { seedId } from '../seeds/load';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { parse } from 'graphql';
import { expandedSelections, MAX_COMPILED_SELECTIONS } from '../server/src/core/execution/compiled-execution';

/**
 * Queries run compiled by graphql-jit (core/execution/compiled-execution.ts). Two servers on the
 * same seeded data, one compiled and one interpreted by graphql-js, must give the same answers,
 * errors included, to documents that use what compiled execution has to get right: lists and
 * nested pages, lazily counted totals, interfaces and inline fragments, aliases, @include/@skip,
 * __typename, a field refused in the middle of an answer, bad variables, introspection.
 */
let compiled: TestServer;
let interpreted: TestServer;
beforeAll(async () => {
  [compiled, interpreted] = await Promise.all([
    startTestServer({ compiledExecution: true }),
    startTestServer({ compiledExecution: false }),
  ]);
});
afterAll(() => Promise.all([compiled?.close(), interpreted?.close()]));

const callers = {
  admin: adminToken(),
  county: tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
  township: tokenFor({ role: Role.REGION_OFFICIAL, region: '519902100000' }),
  enterprise: tokenFor({ role: Role.ENTERPRISE, provider: seedId('provider', 'tea-co') }),
  orgDepartment: tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' }),
};

const DASHBOARD = `query Dashboard($from: Date!, $to: Date!, $withPairings: Boolean!) {
  villages(first: 50, orderBy: { field: NAME }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { __typename id code name
      indicators { year households population perCapitaDisposableIncome collectiveIncome }
      pairings(status: ACTIVE, first: 10) @include(if: $withPairings) { mechanism status provider { __typename name } }
      consumption(from: $from, to: $to) { totalAmount purchaseCount lineCount }
    } }
  }
}`;

const NODES = `query Nodes($village: ID!, $provider: ID!, $skipName: Boolean!) {
  village: node(id: $village) { __typename id ... on Village { code title: name @skip(if: $skipName) } }
  provider: node(id: $provider) { id ... on Enterprise { name } ... on AssistanceUnit { name } }
  missing: node(id: "VmlsbGFnZTowMDAwMDAwMDAwMDA") { id }
}`;

const VIEWER = `{ viewer { role provider { __typename name ... on Enterprise { assignedVillages(first: 5) { totalCount edges { node { code name } } } } } } }`;

const MIXED = `{ villages(first: 3) { totalCount } residentTeams(first: 2) { totalCount edges { node { id } } } }`;

const INTROSPECTION = `{ __schema { queryType { name } } __type(name: "Village") { name fields { name } } }`;

/** The answer without `extensions` (the cost report, identical but not the subject here). */
async function ask(server: TestServer, query: string, variables: Record<string, unknown>, token: string) {
  const { data, errors } = await server.gql(query, variables, token);
  return { data, errors };
}

async function expectSameAnswers(query: string, variables: Record<string, unknown>) {
  for (const [caller, token] of Object.entries(callers)) {
    const [fast, reference] = await Promise.all([
      ask(compiled, query, variables, token),
      ask(interpreted, query, variables, token),
    ]);
    expect({ caller, ...fast }).toEqual({ caller, ...reference });
  }
}

describe('compiled execution answers as graphql-js does', () => {
  it('pages of villages with indicators, pairings and consumption, for every role', async () => {
    await expectSameAnswers(DASHBOARD, { from: '2025-01-01', to: '2025-12-31', withPairings: true });
    await expectSameAnswers(DASHBOARD, { from: '2025-01-01', to: '2025-12-31', withPairings: false });
    const { data } = await ask(
      compiled,
      DASHBOARD,
      { from: '2025-01-01', to: '2025-12-31', withPairings: true },
      callers.county,
    );
    expect(data!.villages.edges.length).toBeGreaterThan(0); // the comparison compared something
  });

  it('node lookups with fragments, aliases and @skip, and an id that finds nothing', async () => {
    const [village] = await interpreted.sql<{ code: string }>('SELECT code FROM village ORDER BY code LIMIT 1');
    const variables = {
      village: toGlobalId('Village', village.code),
      provider: toGlobalId('Enterprise', seedId('provider', 'tea-co')),
    };
    await expectSameAnswers(NODES, { ...variables, skipName: false });
    await expectSameAnswers(NODES, { ...variables, skipName: true });
  });

  it("the viewer's provider through an interface, and its assigned villages", async () => {
    await expectSameAnswers(VIEWER, {});
  });

  it('a field refused in the middle of an answer: the same partial data and the same error', async () => {
    await expectSameAnswers(MIXED, {});
    const { errors } = await ask(compiled, MIXED, {}, callers.enterprise);
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('bad variables: BAD_USER_INPUT naming the variable, and nothing executed', async () => {
    const bad = { from: 'not a date', to: '2025-12-31', withPairings: true };
    await expectSameAnswers(DASHBOARD, bad);
    const { data, errors } = await ask(compiled, DASHBOARD, bad, callers.admin);
    expect(data).toBeUndefined();
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('leaves documents whose fragments expand exponentially to graphql-js, and answers them alike', async () => {
    // Each fragment spreads the next twice: 2^24 selections once inlined, a handful for graphql-js.
    let fragments = '';
    for (let i = 0; i < 24; i++)
      fragments += `fragment F${i} on Village { code ${i < 23 ? `...F${i + 1} ...F${i + 1}` : 'name'} }\n`;
    const hostile = `query Doubling { villages(first: 2) { edges { node { ...F0 } } } }\n${fragments}`;
    expect(expandedSelections(parse(hostile))).toBeGreaterThan(MAX_COMPILED_SELECTIONS);
    expect(expandedSelections(parse(DASHBOARD))).toBeLessThan(100);
    await expectSameAnswers(hostile, {});
    const { data } = await ask(compiled, hostile, {}, callers.admin);
    expect(data!.villages.edges[0].node).toEqual({ code: expect.any(String), name: expect.any(String) });
  });

  it('introspection', async () => {
    await expectSameAnswers(INTROSPECTION, {});
  });
});
