import { startTestServer, tokenFor, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { seedId } from '../seeds/load';

/**
 * Monitoring's nested fields stay N+1-free: the statement count of a deep query is the same for
 * a page of 2 and a page of 20, for the county (whose whole ID numbers add one batched INSERT
 * into the access log) and for a unit (whose scope adds subqueries, not statements).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const CASES = `query Cases($first: Int!) { monitoringCases(first: $first, filter: { status: ASSISTING }) { totalCount edges { node {
  id status category riskCauses notice { kind endsOn over } assistanceTracks
  eliminationCheck { allowed refusals }
  village { name }
  steps { action level takenOn }
  plan { responsibleName responsibleUnitName responsibleMember { role person { name } } }
  measures { type cost fundSource }
  visits { visitedOn finding }
  household {
    headName guarantees { unsecured }
    members { name age idNumber idNumberVisibility labourCapacity }
    incomes { year source amount }
    incomeSummary { year perCapita aboveLine line { amount ruleRegionCode } }
    cases { id status }
  }
} } } }`;

const HOUSEHOLDS = `query Households($first: Int!) { households(first: $first) { edges { node {
  headName village { name } members { idNumber household { headName } }
  incomeSummary(year: 2026) { perCapita line { amount } }
  cases { status plan { responsibleName } measures { cost } eliminationCheck { allowed } }
} } } }`;

async function statements(query: string, first: number, token: string) {
  return server.countStatements(async () => {
    const response = await server.gql(query, { first }, token);
    expect(response.errors).toBeUndefined();
    return response.data!;
  });
}

describe('monitoring queries stay N+1-free', () => {
  // Cases under assistance, so every page holds plans naming team members, measures and visits.
  it.each([
    ['the county, logging whole ID numbers', tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' })],
    ['ADMIN', tokenFor({ role: Role.ADMIN })],
  ])('cases with everything under them, as %s', async (_who, token) => {
    const small = await statements(CASES, 2, token);
    const large = await statements(CASES, 20, token);
    const returned = (data: any) => data.monitoringCases.edges.length;
    expect(returned(large.result)).toBeGreaterThanOrEqual(7);
    expect(returned(large.result)).toBeGreaterThan(returned(small.result));
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(20);
  });

  it.each([
    ['the county, logging whole ID numbers', tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' })],
    [
      'a unit through its team and its pairing',
      tokenFor({ role: Role.ASSISTANCE_UNIT, provider: seedId('provider', 'central-unit') }),
    ],
  ])('households with members, income, cases and their plans, as %s', async (_who, token) => {
    const small = await statements(HOUSEHOLDS, 2, token);
    const large = await statements(HOUSEHOLDS, 20, token);
    expect(large.result.households.edges.length).toBeGreaterThan(small.result.households.edges.length);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(14);
  });

  it('writes the access log in one INSERT, whatever the number of members read', async () => {
    const county = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const { result, sql } = await statements(HOUSEHOLDS, 18, county);
    expect(result.households.edges).toHaveLength(18);
    expect(sql.filter((text) => /INSERT INTO personal_data_access/.test(text))).toHaveLength(1);
  });
});
