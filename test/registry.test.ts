import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';

/** The six key-assisted villages of 003_6038825323505164.txt 第四篇, 2020 figures as the document gives them. */
const DOCUMENT_FIGURES: Record<
  string,
  {
    households: number;
    population: number;
    income: string;
    collective: string;
    farmland: string;
    forest: string | null;
  }
> = {
  '519902100201': {
    households: 1199,
    population: 3594,
    income: '18260',
    collective: '200000',
    farmland: '3335',
    forest: '449.4',
  },
  '519902100202': {
    households: 677,
    population: 1912,
    income: '18749',
    collective: '5800',
    farmland: '4338',
    forest: '1280',
  },
  '519902101201': {
    households: 742,
    population: 2148,
    income: '18792',
    collective: '1000',
    farmland: '6461',
    forest: '2132',
  },
  '519902101202': {
    households: 800,
    population: 2283,
    income: '19188',
    collective: '101000',
    farmland: '4172',
    forest: '96',
  },
  '519902102201': {
    households: 1219,
    population: 3860,
    income: '19751',
    collective: '9500',
    farmland: '5449',
    forest: null,
  },
  '519902102202': {
    households: 927,
    population: 2701,
    income: '20710',
    collective: '100000',
    farmland: '4497',
    forest: '1314',
  },
};

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('region and village registry', () => {
  it('lists the six key-assisted villages with their 2020 indicators exactly as the document gives them', async () => {
    const response = await server.gql(`{
      villages(filter: { designations: [KEY_ASSISTED] }) {
        totalCount
        edges { node { code name designations { kind } indicators(year: 2020) {
          year households population perCapitaDisposableIncome collectiveIncome farmlandMu forestMu } } }
      }
    }`);
    expect(response.errors).toBeUndefined();
    const { totalCount, edges } = response.data!.villages;
    expect(totalCount).toBe(6);
    expect(edges.map((e: any) => e.node.code).sort()).toEqual(Object.keys(DOCUMENT_FIGURES).sort());
    for (const { node } of edges) {
      const expected = DOCUMENT_FIGURES[node.code];
      expect(node.designations.map((d: any) => d.kind)).toContain('KEY_ASSISTED');
      expect(node.indicators).toEqual({
        year: 2020,
        households: expected.households,
        population: expected.population,
        perCapitaDisposableIncome: expected.income,
        collectiveIncome: expected.collective,
        farmlandMu: expected.farmland,
        forestMu: expected.forest,
      });
    }
  });

  it('navigates regions: region(code) by full or short code, parent, children, levels', async () => {
    const response = await server.gql(`{
      byShort: region(code: "2104") { code name level }
      wanghua: region(code: "210404000000") {
        name level parent { code name parent { name } }
        children(first: 10) { totalCount edges { node { code name level } } }
      }
      counties: regions(parentCode: "140900000000", level: COUNTY) { totalCount edges { node { name formerPovertyCounty keyAssistedCounty } } }
    }`);
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.byShort).toEqual({ code: '210400000000', name: '抚顺市', level: 'CITY' });
    expect(data.wanghua.name).toBe('望花区');
    expect(data.wanghua.parent).toEqual({ code: '210400000000', name: '抚顺市', parent: { name: '辽宁省' } });
    expect(data.wanghua.children.edges.map((e: any) => e.node.name).sort()).toEqual(
      ['塔峪镇', '工农街道', '演武街道'].sort(),
    );
    expect(data.wanghua.children.totalCount).toBe(3);
    expect(data.counties.totalCount).toBeGreaterThanOrEqual(4);
    expect(data.counties.edges.every((e: any) => e.node.formerPovertyCounty === true)).toBe(true);
  });

  it('pages with cursors without gaps or repeats, and refuses first > 100', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: any = await server.gql(
        `query($after: String) { villages(first: 4, after: $after, orderBy: { field: NAME, direction: DESC }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { code } } } }`,
        { after },
      );
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.villages.edges.map((e: any) => e.node.code));
      if (!page.data.villages.pageInfo.hasNextPage) break;
      after = page.data.villages.pageInfo.endCursor;
    }
    const [{ count }] = await server.sql<{ count: number }>('SELECT count(*)::int AS count FROM village');
    expect(seen).toHaveLength(count);
    expect(new Set(seen).size).toBe(count);

    const tooMany = await server.gql('{ villages(first: 101) { totalCount } }');
    expect(codesOf(tooMany)).toEqual(['BAD_USER_INPUT']);
    expect(tooMany.errors![0].extensions!.fields).toEqual(['first']);
    const badCursor = await server.gql('{ villages(after: "not-a-cursor") { totalCount } }');
    expect(codesOf(badCursor)).toEqual(['BAD_USER_INPUT']);
  });

  it('evaluates policy targets from data: per village and aggregated per region in SQL', async () => {
    // As of 2020 nothing is due yet: the document's figures show which villages already reach a target.
    const response = await server.gql(`{
      v1: villages(filter: { search: "重点一村" }) { edges { node { targetProgress(year: 2020) { targetCode threshold dueYear actual status } } } }
      region(code: "519902000000") { summary(year: 2020) { villageCount keyAssistedVillageCount targets { targetCode applicableVillages evaluatedVillages onTrackVillages notDueVillages } } }
    }`);
    expect(response.errors).toBeUndefined();
    const progress = response.data!.v1.edges[0].node.targetProgress;
    const collective2025 = progress.find((p: any) => p.targetCode === 'COLLECTIVE_INCOME_2025');
    expect(collective2025).toEqual({
      targetCode: 'COLLECTIVE_INCOME_2025',
      threshold: '100000',
      dueYear: 2025,
      actual: '200000',
      status: 'ON_TRACK',
    });
    const tapWater = progress.find((p: any) => p.targetCode === 'TAP_WATER_COVERAGE_2025');
    expect(tapWater).toMatchObject({ actual: null, status: 'NOT_DUE' }); // the document gives no coverage figure

    const summary = response.data!.region.summary;
    expect(summary.keyAssistedVillageCount).toBe(6);
    const collective = summary.targets.find((t: any) => t.targetCode === 'COLLECTIVE_INCOME_2025');
    // Independently: key villages whose 2020 collective income already reaches 100000 yuan.
    const expected = Object.values(DOCUMENT_FIGURES).filter((f) => Number(f.collective) >= 100000).length;
    expect(collective).toEqual({
      targetCode: 'COLLECTIVE_INCOME_2025',
      applicableVillages: 6,
      evaluatedVillages: 6,
      onTrackVillages: expected,
      notDueVillages: 6 - expected,
    });
  });

  it('records indicators, merging into the year, and evaluates the new figures', async () => {
    const id = (await server.gql('{ villages(filter: { search: "合圣" }) { edges { node { id } } } }')).data!.villages
      .edges[0].node.id;
    const first = await server.gql(
      `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year collectiveIncome tapWaterCoverage population } } }`,
      {
        input: { villageId: id, year: 2023, collectiveIncome: '52000.50', tapWaterCoverage: '91.5', population: 1900 },
      },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordVillageIndicators.indicators).toEqual({
      year: 2023,
      collectiveIncome: '52000.50',
      tapWaterCoverage: '91.5',
      population: 1900,
    });
    const again = await server.gql(
      `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { collectiveIncome population } } }`,
      { input: { villageId: id, year: 2023, collectiveIncome: '60000' } },
    );
    expect(again.data!.recordVillageIndicators.indicators).toEqual({ collectiveIncome: '60000', population: 1900 });
    const rows = await server.sql(
      'SELECT count(*)::int AS n FROM village_indicators WHERE village_code = $1 AND year = 2023',
      ['519902100202'],
    );
    expect(rows[0].n).toBe(1);
    const progress = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Village { indicators { year } targetProgress { targetCode actual met } } } }`,
      { id },
    );
    expect(progress.data!.node.indicators.year).toBe(2023);
    expect(progress.data!.node.targetProgress.find((t: any) => t.targetCode === 'COLLECTIVE_INCOME_2023')).toEqual({
      targetCode: 'COLLECTIVE_INCOME_2023',
      actual: '60000',
      met: true,
    });
  });

  it('creates a village under an existing township and designates it; duplicates are CONFLICT', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '210404000000' });
    const created = await server.gql(
      `mutation { createVillage(input: { code: "210404100209", name: "新建村", specialtyIndustries: ["蓝莓", "蓝莓"] }) { village { id code name township { name } county { name } specialtyIndustries } } }`,
      undefined,
      official,
    );
    expect(created.errors).toBeUndefined();
    const village = created.data!.createVillage.village;
    expect(village).toMatchObject({
      code: '210404100209',
      name: '新建村',
      township: { name: '塔峪镇' },
      county: { name: '望花区' },
      specialtyIndustries: ['蓝莓'],
    });
    const duplicate = await server.gql(
      `mutation { createVillage(input: { code: "210404100209", name: "重复" }) { village { id } } }`,
      undefined,
      official,
    );
    expect(codesOf(duplicate)).toEqual(['CONFLICT']);

    const designate = `mutation($input: DesignateVillageInput!) { designateVillage(input: $input) { designation { kind level sinceYear } } }`;
    const input = { villageId: village.id, kind: 'DEMONSTRATION', level: 'MUNICIPAL', sinceYear: 2022 };
    expect((await server.gql(designate, { input }, official)).data!.designateVillage.designation).toEqual({
      kind: 'DEMONSTRATION',
      level: 'MUNICIPAL',
      sinceYear: 2022,
    });
    expect(codesOf(await server.gql(designate, { input }, official))).toEqual(['CONFLICT']);
    const revoked = await server.gql(
      `mutation($input: RevokeVillageDesignationInput!) { revokeVillageDesignation(input: $input) { village { designations { kind } } } }`,
      { input: { villageId: village.id, kind: 'DEMONSTRATION' } },
      official,
    );
    expect(revoked.data!.revokeVillageDesignation.village.designations).toEqual([]);

    const outside = await server.gql(
      `mutation { createVillage(input: { code: "519902100299", name: "越权村" }) { village { id } } }`,
      undefined,
      official,
    );
    expect(codesOf(outside)).toEqual(['FORBIDDEN']);
  });
});
