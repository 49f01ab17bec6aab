import { startTestServer, codesOf, type TestServer } from '../harness/server';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { toFen } from '../../server/src/modules/consumption/decimal';
import {
  HESHENG,
  KEY_VILLAGE_1,
  assetId,
  cityOfficial,
  countyOfficial,
  projectId,
  townshipOfficial,
  villageId,
} from './helpers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const REGISTER = `mutation($input: RegisterProjectAssetInput!) {
  registerProjectAsset(input: $input) { asset { id name type ownerKind ownerName benefitLink value formedOn status project { name } village { code } } }
}`;
const INCOME = `mutation($input: RecordAssetIncomeInput!) {
  recordAssetIncome(input: $input) { income { year amount monitoredHouseholdsPercent upkeepPercent publicWorksPercent toMonitoredHouseholds toUpkeep toPublicWorks } asset { incomes { year amount } } }
}`;
const count = async (table: string) =>
  (await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

const asset = {
  projectId: projectId('p2024-fish'),
  villageId: villageId(KEY_VILLAGE_1),
  name: '冷库（示例）',
  type: 'OPERATING',
  ownerName: '重点一村股份经济合作社（示例）',
  upkeepBody: '重点一村股份经济合作社（示例）',
  value: '120000.00',
  benefitLink: 'SHAREHOLDING',
  formedOn: '2025-02-01',
};

describe('project assets (扶贫项目资产)', () => {
  it('are formed by accepted projects in a village they serve, owned by the collective unless given to a household', async () => {
    const created = await server.gql(REGISTER, { input: asset }, countyOfficial());
    expect(created.errors).toBeUndefined();
    expect(created.data!.registerProjectAsset.asset).toMatchObject({
      type: 'OPERATING',
      ownerKind: 'VILLAGE_COLLECTIVE',
      benefitLink: 'SHAREHOLDING',
      status: 'IN_USE',
      project: { name: '重点一村鱼养殖基地提升（示例）' },
      village: { code: KEY_VILLAGE_1 },
    });
    const household = await server.gql(
      REGISTER,
      {
        input: {
          ...asset,
          name: '到户鱼苗（示例）',
          type: 'HOUSEHOLD',
          ownerName: '脱贫户（示例）',
          benefitLink: null,
          value: '0.00',
        },
      },
      townshipOfficial(),
    );
    expect(household.data!.registerProjectAsset.asset).toMatchObject({ ownerKind: 'HOUSEHOLD', value: '0.00' });

    const before = await count('project_asset');
    const refusals: [Record<string, unknown>, string][] = [
      [{ projectId: projectId('p2024-road') }, 'projectId'], // STARTED, not accepted
      [{ villageId: villageId(HESHENG) }, 'villageId'], // the fish project serves 重点一村 only
      [{ benefitLink: null }, 'benefitLink'], // an operating asset needs a benefit link
      [{ formedOn: '2024-10-29' }, 'formedOn'], // the project was accepted on 2024-10-30
      [{ formedOn: '2099-01-01' }, 'formedOn'],
      [{ value: '-1.00' }, 'value'],
      [{ upkeepBody: ' ' }, 'upkeepBody'],
    ];
    for (const [change, field] of refusals) {
      const response = await server.gql(REGISTER, { input: { ...asset, ...change } }, countyOfficial());
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    expect(await count('project_asset')).toBe(before);
  });

  it('distributes a year’s income exactly: monitored households first, the rounding fen to them', async () => {
    const record = (input: Record<string, unknown>) =>
      server.gql(INCOME, { input: { assetId: assetId('a-pepper'), year: 2026, ...input } }, countyOfficial());
    const thirds = await record({
      amount: '100.00',
      monitoredHouseholdsPercent: '33.34',
      upkeepPercent: '33.33',
      publicWorksPercent: '33.33',
    });
    expect(thirds.errors).toBeUndefined();
    expect(thirds.data!.recordAssetIncome.income).toEqual({
      year: 2026,
      amount: '100.00',
      monitoredHouseholdsPercent: '33.34',
      upkeepPercent: '33.33',
      publicWorksPercent: '33.33',
      toMonitoredHouseholds: '33.34',
      toUpkeep: '33.33',
      toPublicWorks: '33.33',
    });
    // Recording the year again replaces it: 10,000.01 at 45/35/20 → 3500.00 (3500.0035), 2000.00 (2000.002), rest 4500.01.
    const corrected = await record({
      amount: '10000.01',
      monitoredHouseholdsPercent: '45',
      upkeepPercent: '35',
      publicWorksPercent: '20',
    });
    expect(corrected.data!.recordAssetIncome.income).toMatchObject({
      toMonitoredHouseholds: '4500.01',
      toUpkeep: '3500.00',
      toPublicWorks: '2000.00',
    });
    expect(corrected.data!.recordAssetIncome.asset.incomes).toEqual([
      { year: 2026, amount: '10000.01' },
      { year: 2025, amount: '12000.00' },
    ]);

    // Every stored distribution, seeded and recorded, adds up to its income to the fen.
    const rows = await server.sql<{ amount: string; a: string; b: string; c: string }>(
      'SELECT amount::text AS amount, to_monitored_households::text AS a, to_upkeep::text AS b, to_public_works::text AS c FROM asset_income',
    );
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(toFen(row.a) + toFen(row.b) + toFen(row.c)).toBe(toFen(row.amount));

    const refusals: [Record<string, unknown>, string][] = [
      [
        { monitoredHouseholdsPercent: '0', upkeepPercent: '50', publicWorksPercent: '50' },
        'monitoredHouseholdsPercent',
      ],
      [
        { monitoredHouseholdsPercent: '50', upkeepPercent: '30', publicWorksPercent: '19.99' },
        'monitoredHouseholdsPercent',
      ],
      [{ amount: '1.005' }, 'amount'],
      [{ year: 2023 }, 'year'], // before the asset was formed (2024)
      [{ year: 2027 }, 'year'],
    ];
    const base = { amount: '1.00', monitoredHouseholdsPercent: '50', upkeepPercent: '30', publicWorksPercent: '20' };
    for (const [change, field] of refusals) {
      const response = await record({ ...base, ...change });
      expect({ change, extensions: response.errors?.[0].extensions }).toEqual({
        change,
        extensions: { code: 'BAD_USER_INPUT', fields: [field] },
      });
    }
    const household = await server.gql(
      INCOME,
      { input: { assetId: assetId('a-seedlings'), year: 2025, ...base } },
      countyOfficial(),
    );
    expect(household.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['assetId'] });
  });

  it('is disposed of only with the county’s approval', async () => {
    const truck = assetId('a-refuse-truck');
    const open = toGlobalId('AssetDisposal', seedId('asset-disposal', 'd-refuse-truck'));
    const DECIDE = `mutation($input: DecideAssetDisposalInput!) { decideAssetDisposal(input: $input) { disposal { status decidedOn decisionNote } asset { status disposedOn } } }`;
    const REQUEST = `mutation($input: RequestAssetDisposalInput!) { requestAssetDisposal(input: $input) { disposal { id status } } }`;
    // One open request per asset.
    const second = await server.gql(
      REQUEST,
      { input: { assetId: truck, kind: 'TRANSFER', reason: '再次申请', requestedOn: '2026-11-01' } },
      countyOfficial(),
    );
    expect(second.errors![0].extensions).toEqual({ code: 'CONFLICT', fields: ['assetId'] });
    // The township asks, the county decides; a city official may read but not approve.
    const township = await server.gql(
      DECIDE,
      { input: { disposalId: open, approve: true, decidedOn: '2026-11-02' } },
      townshipOfficial(),
    );
    expect(codesOf(township)).toEqual(['NOT_FOUND']); // 重点五村 is not in 甲镇: the township does not even see it
    const city = await server.gql(
      DECIDE,
      { input: { disposalId: open, approve: true, decidedOn: '2026-11-02' } },
      cityOfficial(),
    );
    expect(codesOf(city)).toEqual(['FORBIDDEN']);
    const early = await server.gql(
      DECIDE,
      { input: { disposalId: open, approve: true, decidedOn: '2026-10-19' } },
      countyOfficial(),
    );
    expect(early.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['decidedOn'] });
    const approved = await server.gql(
      DECIDE,
      { input: { disposalId: open, approve: true, decidedOn: '2026-11-02', note: '同意报废（示例）' } },
      countyOfficial(),
    );
    expect(approved.data!.decideAssetDisposal).toEqual({
      disposal: { status: 'APPROVED', decidedOn: '2026-11-02', decisionNote: '同意报废（示例）' },
      asset: { status: 'DISPOSED', disposedOn: '2026-11-02' },
    });
    const again = await server.gql(
      DECIDE,
      { input: { disposalId: open, approve: false, decidedOn: '2026-11-03' } },
      countyOfficial(),
    );
    expect(again.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['disposalId'] });
    const disposed = await server.gql(
      REQUEST,
      { input: { assetId: truck, kind: 'SCRAP', reason: '再报废', requestedOn: '2026-11-04' } },
      countyOfficial(),
    );
    expect(disposed.errors![0].extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['assetId'] });
    // A township official requests for its own villages; the county rejects.
    const request = await server.gql(
      REQUEST,
      { input: { assetId: assetId('a-fish'), kind: 'TRANSFER', reason: '拟转让（示例）', requestedOn: '2026-11-05' } },
      townshipOfficial(),
    );
    expect(request.data!.requestAssetDisposal.disposal.status).toBe('REQUESTED');
    const rejected = await server.gql(
      DECIDE,
      {
        input: { disposalId: request.data!.requestAssetDisposal.disposal.id, approve: false, decidedOn: '2026-11-06' },
      },
      countyOfficial(),
    );
    expect(rejected.data!.decideAssetDisposal).toMatchObject({
      disposal: { status: 'REJECTED' },
      asset: { status: 'IN_USE', disposedOn: null },
    });
  });

  it('keeps a ledger per village and county that agrees with the tables', async () => {
    const LEDGER = `query($region: String!) { assetLedger(regionCode: $region, year: 2025) {
      regionCode year total { assets disposed valueInUse income toMonitoredHouseholds toUpkeep toPublicWorks }
      byType { key assets valueInUse income } byVillage { key name assets valueInUse income toMonitoredHouseholds }
    } }`;
    const county = (await server.gql(LEDGER, { region: '519902' }, countyOfficial())).data!.assetLedger;
    const [expected] = await server.sql<{ assets: number; value: string; income: string }>(
      `SELECT count(*)::int AS assets, sum(value) FILTER (WHERE status = 'IN_USE')::text AS value,
        (SELECT sum(amount) FROM asset_income i JOIN project_asset x ON x.id = i.asset_id WHERE i.year = 2025 AND x.village_code LIKE '519902%')::text AS income
       FROM project_asset WHERE village_code LIKE '519902%'`,
    );
    expect(county.total).toMatchObject({
      assets: expected.assets,
      valueInUse: expected.value,
      income: expected.income,
    });
    const sum = (lines: any[], field: string) => lines.reduce((n, l) => n + toFen(l[field]), 0n);
    expect(sum(county.byType, 'valueInUse')).toBe(toFen(county.total.valueInUse));
    expect(sum(county.byVillage, 'income')).toBe(toFen(county.total.income));
    expect(
      toFen(county.total.toMonitoredHouseholds) + toFen(county.total.toUpkeep) + toFen(county.total.toPublicWorks),
    ).toBe(toFen(county.total.income));
    expect(county.byVillage.map((l: any) => l.key)).toEqual([...county.byVillage.map((l: any) => l.key)].sort());
    expect(county.byVillage.find((l: any) => l.key === HESHENG).name).toBe('合圣村');

    const village = (await server.gql(LEDGER, { region: KEY_VILLAGE_1 }, townshipOfficial())).data!.assetLedger;
    expect(village.byVillage).toHaveLength(1);
    expect(village.total.income).toBe('58888.88');
    const nested = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Village { assets { totalCount edges { node { name } } } } } }`,
      { id: villageId(KEY_VILLAGE_1) },
      countyOfficial(),
    );
    expect(nested.data!.node.assets.totalCount).toBe(village.total.assets);
    expect(codesOf(await server.gql(LEDGER, { region: '519902' }, townshipOfficial()))).toEqual(['FORBIDDEN']);
  });
});
