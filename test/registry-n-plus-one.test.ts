import { startTestServer, type TestServer } from './harness/server';
import { toGlobalId } from '../server/src/core/relay/global-id';

/**
 * Statement counts of the registry's nested fields (region summaries, county targets, industries,
 * indicator history, provenance): a page of many parents costs what a page of one does.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  // Give two villages an indicator history, so the nested history is not empty.
  for (const [code, population] of [
    ['519902100201', 3600],
    ['519902100202', 1915],
  ] as const) {
    const response = await server.gql(
      `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year } } }`,
      { input: { villageId: toGlobalId('Village', code), year: 2024, population } },
    );
    expect(response.errors).toBeUndefined();
  }
});
afterAll(() => server.close());

const measure = (query: string, first: number) =>
  server.countStatements(async () => {
    const response = await server.gql(query, { first });
    expect(response.errors).toBeUndefined();
    return response.data!;
  });

describe('registry nested fields stay N+1-free', () => {
  it('regions { summary { targets countyTargets } targetProgress }: as many statements for 1 county as for all', async () => {
    const QUERY = `query($first: Int!) { regions(level: COUNTY, first: $first) { edges { node { name
      summary(year: 2024) { villageCount villagesWithIndicators targets { targetCode metVillages notDueVillages } countyTargets { targetCode applicableCounties } }
      targetProgress { targetCode status } } } } }`;
    const small = await measure(QUERY, 1);
    const large = await measure(QUERY, 100);
    expect(large.result.regions.edges.length).toBeGreaterThanOrEqual(10);
    expect(large.result.regions.edges.some((e: any) => e.node.targetProgress.length > 0)).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });

  it('villages { industries indicatorChanges designations indicators targetProgress }: as many statements for 1 village as for all', async () => {
    const QUERY = `query($first: Int!) { villages(first: $first) { edges { node { code source mainIndustries
      industries { name roles sinceYear source } designations { kind source } indicators { year source }
      indicatorChanges(first: 5) { totalCount edges { node { year changedFields before { population } after { population } } } }
      targetProgress { targetCode status evaluatedSource } } } } }`;
    const small = await measure(QUERY, 1);
    const large = await measure(QUERY, 100);
    const villages = large.result.villages.edges.map((e: any) => e.node);
    expect(villages.length).toBeGreaterThanOrEqual(15);
    expect(villages.filter((v: any) => v.indicatorChanges.totalCount > 0)).toHaveLength(2);
    expect(villages.some((v: any) => v.industries.some((i: any) => i.sinceYear))).toBe(true);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(9);
  });
});
