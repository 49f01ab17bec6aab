import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { todayInShanghai } from '../server/src/core/dates';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const RECORD = `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) {
  indicators { year households population collectiveIncome tapWaterCoverage farmlandMu source } } }`;
const CHANGES = `query($id: ID!, $year: Int) { node(id: $id) { ... on Village {
  indicatorChanges(year: $year, first: 10) { totalCount edges { node {
    year changedByRole changedBy changedAt changedFields
    before { households population collectiveIncome tapWaterCoverage source }
    after { households population collectiveIncome tapWaterCoverage source } } } } } } }`;

/** 一般甲村（示例）: a village of the demo county with a seeded 2020 row and no later years. */
const CODE = '519902100204';
const VILLAGE = toGlobalId('Village', CODE);
const currentYear = Number(todayInShanghai().slice(0, 4));

async function stored(year: number) {
  const [row] = await server.sql(
    `SELECT households, population, collective_income::text AS collective_income, tap_water_coverage::text AS tap_water_coverage, source
     FROM village_indicators WHERE village_code = $1 AND year = $2`,
    [CODE, year],
  );
  return row;
}

describe('recording a year of indicators', () => {
  it('merges: fields left out keep their value, an explicit null clears one', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub: 'zhang.san' });
    const first = await server.gql(
      RECORD,
      { input: { villageId: VILLAGE, year: 2023, households: 400, population: 1300, collectiveIncome: '52000.50' } },
      official,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.recordVillageIndicators.indicators).toEqual({
      year: 2023,
      households: 400,
      population: 1300,
      collectiveIncome: '52000.50',
      tapWaterCoverage: null,
      farmlandMu: null,
      source: null,
    });

    const second = await server.gql(RECORD, {
      input: { villageId: VILLAGE, year: 2023, tapWaterCoverage: '91.5', collectiveIncome: null },
    });
    expect(second.errors).toBeUndefined();
    expect(second.data!.recordVillageIndicators.indicators).toMatchObject({
      households: 400,
      population: 1300,
      collectiveIncome: null,
      tapWaterCoverage: '91.5',
    });
    expect(await stored(2023)).toEqual({
      households: 400,
      population: 1300,
      collective_income: null,
      tap_water_coverage: '91.5',
      source: null,
    });

    // Both recordings are kept, newest first, with who made them and the year before and after.
    const history = await server.gql(CHANGES, { id: VILLAGE, year: 2023 });
    expect(history.errors).toBeUndefined();
    const changes = history.data!.node.indicatorChanges;
    expect(changes.totalCount).toBe(2);
    expect(changes.edges.map((e: any) => e.node)).toEqual([
      {
        year: 2023,
        changedByRole: 'ADMIN',
        changedBy: 'admin',
        changedAt: expect.any(String),
        changedFields: ['collectiveIncome', 'tapWaterCoverage'],
        before: {
          households: 400,
          population: 1300,
          collectiveIncome: '52000.50',
          tapWaterCoverage: null,
          source: null,
        },
        after: { households: 400, population: 1300, collectiveIncome: null, tapWaterCoverage: '91.5', source: null },
      },
      {
        year: 2023,
        changedByRole: 'REGION_OFFICIAL',
        changedBy: 'zhang.san',
        changedAt: expect.any(String),
        changedFields: ['households', 'population', 'collectiveIncome'],
        before: null,
        after: {
          households: 400,
          population: 1300,
          collectiveIncome: '52000.50',
          tapWaterCoverage: null,
          source: null,
        },
      },
    ]);
    const [newer, older] = changes.edges.map((e: any) => Date.parse(e.node.changedAt));
    expect(newer).toBeGreaterThanOrEqual(older);
  });

  it('keeps the seeded year and its provenance in the history when a recording changes it', async () => {
    const before = await stored(2020);
    expect(before.source).toBe('DEMO');
    const response = await server.gql(RECORD, { input: { villageId: VILLAGE, year: 2020, tapWaterCoverage: '80' } });
    expect(response.errors).toBeUndefined();
    const history = await server.gql(CHANGES, { id: VILLAGE, year: 2020 });
    const [change] = history.data!.node.indicatorChanges.edges.map((e: any) => e.node);
    expect(before.tap_water_coverage).not.toBe('80');
    expect(change.before).toMatchObject({
      households: before.households,
      tapWaterCoverage: before.tap_water_coverage,
      source: 'DEMO',
    });
    expect(change.after).toMatchObject({ households: before.households, tapWaterCoverage: '80', source: null });
    expect(change.changedFields).toEqual(['tapWaterCoverage']);
    // Without a year, every year's recordings are listed.
    const all = await server.gql(CHANGES, { id: VILLAGE });
    expect(all.data!.node.indicatorChanges.edges.map((e: any) => e.node.year).sort()).toEqual([2020, 2023, 2023]);
  });
});

describe('implausible indicators are refused naming the field, and nothing is written', () => {
  const snapshot = async () =>
    JSON.stringify(
      await server.sql(
        `SELECT (SELECT count(*) FROM village_indicators_change) AS changes,
           (SELECT md5(string_agg(row(i.*)::text, ',' ORDER BY village_code, year)) FROM village_indicators i) AS rows`,
      ),
    );

  it.each([
    ['a year after the current one', { year: currentYear + 1 }, ['year']],
    ['fewer people than households', { households: 5000, population: 100 }, ['households', 'population']],
    ['households above the recorded population', { year: 2020, households: 99999 }, ['households']],
    ['a share above 100', { highStandardFarmlandShare: '100.01' }, ['highStandardFarmlandShare']],
    ['a negative coverage', { sanitaryToiletCoverage: '-1' }, ['sanitaryToiletCoverage']],
    ['a negative collective income', { collectiveIncome: '-0.01' }, ['collectiveIncome']],
    ['a negative forest area', { forestMu: '-2' }, ['forestMu']],
  ])('%s', async (_label, change, fields) => {
    const before = await snapshot();
    const response = await server.gql(RECORD, { input: { villageId: VILLAGE, year: 2024, ...change } });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual(fields);
    expect(await snapshot()).toBe(before);
  });

  it('accepts the boundaries: the current year, as many people as households, shares of 0 and 100', async () => {
    const response = await server.gql(RECORD, {
      input: {
        villageId: VILLAGE,
        year: currentYear,
        households: 500,
        population: 500,
        tapWaterCoverage: '100',
        sanitaryToiletCoverage: '0',
        collectiveIncome: '0',
      },
    });
    expect(response.errors).toBeUndefined();
  });

  it('refuses a region official outside its region before looking at the figures', async () => {
    const outside = tokenFor({ role: Role.REGION_OFFICIAL, region: '350423000000' });
    const response = await server.gql(
      RECORD,
      { input: { villageId: VILLAGE, year: 2024, households: 5000, population: 1 } },
      outside,
    );
    expect(codesOf(response)).toEqual(['FORBIDDEN']);
  });
});
