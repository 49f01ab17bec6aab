import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const provider = (key: string) => seedId('provider', key);
const partnerToken = (key: string, role = Role.ENTERPRISE) => tokenFor({ role, provider: provider(key) });
const village = (code: string) => toGlobalId('Village', code);
const region = (code: string) => toGlobalId('Region', code);

const CREATE = `mutation($input: CreatePairingInput!) {
  createPairing(input: $input) { pairing { id status mechanism startDate endDate cooperationAreas targetRegion { code } targetVillage { code } provider { name } } }
}`;
const CHANGE = `mutation($input: ChangePairingStatusInput!) { changePairingStatus(input: $input) { pairing { id status endDate } } }`;
const RECORD = `mutation($input: RecordContributionInput!) {
  recordContribution(input: $input) { contribution { id kind stage amount count date } pairing { pledgedAmount deliveredAmount } }
}`;

/** Expected assignment computed straight from the pairing table, without the scope views. */
async function assignedFromPairings(providerId: string): Promise<string[]> {
  const rows = await server.sql<{ code: string }>(
    `SELECT v.code FROM village v WHERE EXISTS (
       SELECT 1 FROM pairing p WHERE p.provider_id = $1 AND p.status = 'ACTIVE'
         AND (p.target_code = v.code OR (p.target_level = 'COUNTY' AND left(v.code, 6) = left(p.target_code, 6))))
     ORDER BY v.code`,
    [providerId],
  );
  return rows.map((r) => r.code);
}

const pairingCount = async () => (await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM pairing'))[0].n;

describe('partner scope', () => {
  it('shows an enterprise exactly its assigned villages, on lists, viewer.provider and nested paths', async () => {
    const expected = await assignedFromPairings(provider('citrus-co'));
    expect(expected).toEqual(['519902102201', '519902102202']);
    const response = await server.gql(
      `{
        villages(first: 100) { totalCount edges { node { code } } }
        viewer { role provider { id name kind assignedVillages(first: 100) { totalCount edges { node { code indicators { year } } } } } }
        region(code: "519902102000") { villages(first: 100) { edges { node { code } } } }
      }`,
      undefined,
      partnerToken('citrus-co'),
    );
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.villages.edges.map((e: any) => e.node.code)).toEqual(expected);
    expect(data.villages.totalCount).toBe(expected.length);
    expect(data.viewer.role).toBe('ENTERPRISE');
    expect(data.viewer.provider).toMatchObject({
      id: toGlobalId('Enterprise', provider('citrus-co')),
      kind: 'ENTERPRISE',
    });
    expect(data.viewer.provider.assignedVillages.edges.map((e: any) => e.node.code)).toEqual(expected);
    expect(data.viewer.provider.assignedVillages.totalCount).toBe(expected.length);
    expect(data.region.villages.edges.map((e: any) => e.node.code)).toEqual(expected);
  });

  it('returns null from node(id) for every other village, pairing and provider', async () => {
    const token = partnerToken('citrus-co');
    const assigned = new Set(await assignedFromPairings(provider('citrus-co')));
    const villages = (await server.sql<{ code: string }>('SELECT code FROM village'))
      .map((r) => r.code)
      .filter((c) => !assigned.has(c));
    const pairings = await server.sql<{ id: string }>('SELECT id FROM pairing WHERE provider_id <> $1', [
      provider('citrus-co'),
    ]);
    const providers = await server.sql<{ id: string; type: string }>('SELECT id, type FROM provider WHERE id <> $1', [
      provider('citrus-co'),
    ]);
    const ids = [
      ...villages.map(village),
      ...pairings.map((p) => toGlobalId('Pairing', p.id)),
      ...providers.map((p) => toGlobalId(p.type === 'ENTERPRISE' ? 'Enterprise' : 'AssistanceUnit', p.id)),
    ];
    expect(ids.length).toBeGreaterThan(30);
    const response = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids }, token);
    expect(response.errors).toBeUndefined();
    expect(response.data!.nodes.every((n: unknown) => n === null)).toBe(true);

    // Its own pairings and assigned villages do resolve, and show only itself as provider.
    const own = await server.sql<{ id: string }>('SELECT id FROM pairing WHERE provider_id = $1', [
      provider('citrus-co'),
    ]);
    const mine = await server.gql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Pairing { id } ... on Village { code providers { name } pairings { id } } } }`,
      { ids: [...own.map((p) => toGlobalId('Pairing', p.id)), village('519902102202')] },
      token,
    );
    expect(mine.data!.nodes.slice(0, own.length).every((n: any) => n?.id)).toBe(true);
    const key6 = mine.data!.nodes.at(-1);
    expect(key6.providers.map((p: any) => p.name)).toEqual(['柑橘产业发展有限公司（示例）']);
    expect(key6.pairings.map((p: any) => p.id)).toEqual([toGlobalId('Pairing', seedId('pairing', 'citrus-co-key6'))]);
  });

  it('assigns every village of a county to a county-level pairing', async () => {
    const token = partnerToken('siming-partner', Role.ASSISTANCE_UNIT);
    const countyVillages = (
      await server.sql<{ code: string }>(`SELECT code FROM village WHERE code LIKE '350423%' ORDER BY code`)
    ).map((r) => r.code);
    expect(countyVillages.length).toBeGreaterThanOrEqual(2);
    expect(await assignedFromPairings(provider('siming-partner'))).toEqual(countyVillages);
    const response = await server.gql(
      `{ villages(first: 100) { edges { node { code pairings { mechanism targetRegion { code } targetVillage { code } } } } }
         viewer { provider { ... on AssistanceUnit { unitKind } assignedVillages { totalCount } pairings { edges { node { mechanism targetRegion { name level } } } } } }
         county: region(code: "350423") { name } }`,
      undefined,
      token,
    );
    expect(response.errors).toBeUndefined();
    const data = response.data!;
    expect(data.villages.edges.map((e: any) => e.node.code)).toEqual(countyVillages);
    expect(data.villages.edges[0].node.pairings).toEqual([
      { mechanism: 'EAST_WEST', targetRegion: { code: '350423000000' }, targetVillage: null },
    ]);
    expect(data.viewer.provider).toMatchObject({
      unitKind: 'PARTNER_REGION',
      assignedVillages: { totalCount: countyVillages.length },
    });
    expect(data.viewer.provider.pairings.edges).toEqual([
      { node: { mechanism: 'EAST_WEST', targetRegion: { name: '清流县', level: 'COUNTY' } } },
      { node: { mechanism: 'COUNTERPART', targetRegion: { name: '龙津示例二村（示例）', level: 'VILLAGE' } } },
    ]);
    expect(data.county).toEqual({ name: '清流县' });
  });

  it('shows an enterprise without active pairings nothing but its own proposal', async () => {
    const token = partnerToken('sishui-ecom');
    expect(await assignedFromPairings(provider('sishui-ecom'))).toEqual([]);
    const response = await server.gql(
      `{ villages { totalCount } regions { totalCount } pairings { totalCount }
         viewer { provider { name assignedVillages { totalCount } pairings { edges { node { status targetRegion { code } targetVillage { code } } } } } } }`,
      undefined,
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      villages: { totalCount: 0 },
      regions: { totalCount: 0 },
      pairings: { totalCount: 1 },
      viewer: {
        provider: {
          name: '泗水电商服务有限公司（示例）',
          assignedVillages: { totalCount: 0 },
          pairings: { edges: [{ node: { status: 'PROPOSED', targetRegion: null, targetVillage: null } }] },
        },
      },
    });
  });

  it('gives every seeded key-assisted village an active pairing, and every enterprise but one', async () => {
    const uncovered =
      await server.sql(`SELECT d.village_code FROM village_designation d WHERE d.kind = 'KEY_ASSISTED' AND NOT EXISTS (
      SELECT 1 FROM pairing p WHERE p.status = 'ACTIVE' AND (p.target_code = d.village_code OR p.target_code = left(d.village_code, 6) || '000000'))`);
    expect(uncovered).toEqual([]);
    const idle = await server.sql<{
      name: string;
    }>(`SELECT name FROM provider pr WHERE type = 'ENTERPRISE' AND NOT EXISTS (
      SELECT 1 FROM pairing p WHERE p.provider_id = pr.id AND p.status = 'ACTIVE')`);
    expect(idle.map((r) => r.name)).toEqual(['泗水电商服务有限公司（示例）']);
    const mechanisms = await server.sql<{ mechanism: string }>(
      `SELECT DISTINCT mechanism FROM pairing WHERE status = 'ACTIVE' ORDER BY 1`,
    );
    expect(mechanisms.map((m) => m.mechanism)).toEqual([
      'COUNTERPART',
      'DESIGNATED',
      'EAST_WEST',
      'ENTERPRISE_VILLAGE',
      'SOCIAL_PARTICIPATION',
      'STRONG_HELPS_WEAK',
    ]);
  });
});

describe('region scope of pairings', () => {
  it('shows a county official the pairings targeting its county, and the root filters work', async () => {
    const expected = await server.sql<{ id: string }>(
      `SELECT id FROM pairing WHERE target_code LIKE '519902%' ORDER BY start_date, id`,
    );
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const response = await server.gql(
      `{ pairings(first: 100) { totalCount edges { node { id provider { name } } } } }`,
      undefined,
      official,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.pairings.edges.map((e: any) => e.node.id)).toEqual(
      expected.map((p) => toGlobalId('Pairing', p.id)),
    );
    expect(response.data!.pairings.edges.every((e: any) => e.node.provider !== null)).toBe(true);

    const filtered = await server.gql(
      `query($provider: ID!) { byProvider: pairings(filter: { providerId: $provider }) { totalCount }
         byMechanism: pairings(filter: { mechanism: ENTERPRISE_VILLAGE, status: ACTIVE }) { totalCount }
         qingliuTownship: pairings(filter: { regionCode: "350423100" }) { edges { node { targetRegion { code } } } } }`,
      { provider: toGlobalId('Enterprise', provider('citrus-co')) },
    );
    const [{ n }] = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pairing WHERE mechanism = 'ENTERPRISE_VILLAGE' AND status = 'ACTIVE'`,
    );
    expect(filtered.data!.byProvider.totalCount).toBe(2);
    expect(filtered.data!.byMechanism.totalCount).toBe(n);
    // The township's villages are covered by the county-level pairings of 清流县 as well.
    expect(filtered.data!.qingliuTownship.edges.map((e: any) => e.node.targetRegion.code).sort()).toEqual([
      '350423000000',
      '350423000000',
      '350423100201',
      '350423100202',
    ]);
  });
});

describe('creating pairings', () => {
  const base = () => ({
    providerId: toGlobalId('AssistanceUnit', provider('city-hospital')),
    targetId: village('519902100204'),
    mechanism: 'DESIGNATED',
    cooperationAreas: ['TALENT', 'DESIGNATED_AID', 'TALENT'],
    startDate: '2023-01-01',
  });

  it('creates a proposed village pairing and a county pairing', async () => {
    const created = await server.gql(CREATE, { input: base() });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPairing.pairing).toMatchObject({
      status: 'PROPOSED',
      mechanism: 'DESIGNATED',
      startDate: '2023-01-01',
      endDate: null,
      cooperationAreas: ['TALENT', 'DESIGNATED_AID'],
      targetRegion: { code: '519902100204' },
      targetVillage: { code: '519902100204' },
      provider: { name: '市人民医院（示例）' },
    });
    const county = await server.gql(CREATE, {
      input: { ...base(), targetId: region('610115000000'), status: 'ACTIVE', endDate: '2025-12-31' },
    });
    expect(county.errors).toBeUndefined();
    expect(county.data!.createPairing.pairing).toMatchObject({
      status: 'ACTIVE',
      endDate: '2025-12-31',
      targetRegion: { code: '610115000000' },
      targetVillage: null,
    });
  });

  it.each([
    ['a township target', { targetId: region('519902100000') }, 'BAD_USER_INPUT', ['targetId']],
    ['a province target', { targetId: region('510000000000') }, 'BAD_USER_INPUT', ['targetId']],
    ['a malformed target id', { targetId: 'nope' }, 'BAD_USER_INPUT', ['targetId']],
    ['an unknown village', { targetId: village('519902100299') }, 'NOT_FOUND', ['targetId']],
    ['an end before the start', { endDate: '2022-12-31' }, 'BAD_USER_INPUT', ['endDate']],
    [
      'an unknown provider',
      { providerId: toGlobalId('Enterprise', '00000000-0000-4000-8000-00000000abcd') },
      'NOT_FOUND',
      ['providerId'],
    ],
    ['a provider id of another type', { providerId: region('519902000000') }, 'BAD_USER_INPUT', ['providerId']],
    ['万企兴万村 without an enterprise', { mechanism: 'ENTERPRISE_VILLAGE' }, 'BAD_USER_INPUT', ['mechanism']],
    [
      '强村带弱村 without a demonstration village',
      { mechanism: 'STRONG_HELPS_WEAK' },
      'BAD_USER_INPUT',
      ['providerId'],
    ],
    ['an initial status of ENDED', { status: 'ENDED' }, 'BAD_USER_INPUT', ['status']],
  ])('refuses %s and writes nothing', async (_label, change, code, fields) => {
    const before = await pairingCount();
    const response = await server.gql(CREATE, { input: { ...base(), ...change } });
    expect(codesOf(response)).toEqual([code]);
    expect(response.errors![0].extensions!.fields).toEqual(fields);
    expect(await pairingCount()).toBe(before);
  });

  it('lets a region official pair inside its region only, with providers it may see', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const inside = await server.gql(CREATE, { input: { ...base(), targetId: village('519902101204') } }, official);
    expect(inside.errors).toBeUndefined();
    const before = await pairingCount();
    const outside = await server.gql(CREATE, { input: { ...base(), targetId: village('350423100202') } }, official);
    expect(codesOf(outside)).toEqual(['FORBIDDEN']);
    // 思明区 is neither homed in nor paired inside the county: invisible, so not found.
    const hidden = await server.gql(
      CREATE,
      { input: { ...base(), providerId: toGlobalId('AssistanceUnit', provider('siming-partner')) } },
      official,
    );
    expect(codesOf(hidden)).toEqual(['NOT_FOUND']);
    expect(codesOf(await server.gql(CREATE, { input: base() }, partnerToken('tea-co')))).toEqual(['FORBIDDEN']);
    expect(await pairingCount()).toBe(before);
  });

  it('lets only one of two concurrent identical active pairings through; the other is a CONFLICT', async () => {
    const input = {
      ...base(),
      providerId: toGlobalId('Enterprise', provider('sanming-food')),
      targetId: village('350423100202'),
      mechanism: 'ENTERPRISE_VILLAGE',
      status: 'ACTIVE',
    };
    const results = await Promise.all([server.gql(CREATE, { input }), server.gql(CREATE, { input })]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    const refused = results.find((r) => r.errors)!;
    expect(codesOf(refused)).toEqual(['CONFLICT']);
    expect(refused.errors![0].extensions!.fields).toEqual(['providerId', 'targetId', 'mechanism']);
    const rows = await server.sql(
      `SELECT id FROM pairing WHERE provider_id = $1 AND target_code = '350423100202' AND mechanism = 'ENTERPRISE_VILLAGE'`,
      [provider('sanming-food')],
    );
    expect(rows).toHaveLength(1);
    // Sequentially too, and another mechanism for the same pair is fine.
    expect(codesOf(await server.gql(CREATE, { input }))).toEqual(['CONFLICT']);
    expect(
      (await server.gql(CREATE, { input: { ...input, mechanism: 'SOCIAL_PARTICIPATION' } })).errors,
    ).toBeUndefined();
  });

  it('lets only one of two concurrent activations of the same provider, target and mechanism through', async () => {
    const input = { ...base(), targetId: village('210404100203') };
    const a = await server.gql(CREATE, { input });
    const b = await server.gql(CREATE, { input });
    const ids = [a, b].map((r) => r.data!.createPairing.pairing.id);
    const results = await Promise.all(
      ids.map((pairingId) => server.gql(CHANGE, { input: { pairingId, status: 'ACTIVE' } })),
    );
    expect(results.flatMap(codesOf)).toEqual(['CONFLICT']);
    const [{ n }] = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pairing WHERE target_code = '210404100203' AND status = 'ACTIVE'`,
    );
    expect(n).toBe(1);
  });
});

describe('pairing status', () => {
  it('allows PROPOSED→ACTIVE→SUSPENDED→ACTIVE→ENDED and refuses everything else', async () => {
    const created = await server.gql(CREATE, {
      input: {
        providerId: toGlobalId('AssistanceUnit', provider('rural-foundation')),
        targetId: village('519902101203'),
        mechanism: 'SOCIAL_PARTICIPATION',
        startDate: '2022-01-01',
      },
    });
    const pairingId = created.data!.createPairing.pairing.id;
    const step = (status: string, extra: Record<string, unknown> = {}) =>
      server.gql(CHANGE, { input: { pairingId, status, ...extra } });
    const refused = async (status: string) => {
      const response = await step(status);
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.fields).toEqual(['status']);
    };
    const allowed = async (status: string, extra?: Record<string, unknown>) => {
      const response = await step(status, extra);
      expect(response.errors).toBeUndefined();
      expect(response.data!.changePairingStatus.pairing.status).toBe(status);
      return response.data!.changePairingStatus.pairing;
    };
    await refused('SUSPENDED');
    await refused('PROPOSED');
    await allowed('ACTIVE');
    await refused('ACTIVE');
    await refused('PROPOSED');
    await allowed('SUSPENDED');
    await refused('SUSPENDED');
    await refused('PROPOSED');
    await allowed('ACTIVE');
    const endBeforeStart = await step('ENDED', { endDate: '2021-12-31' });
    expect(endBeforeStart.errors![0].extensions!.fields).toEqual(['endDate']);
    expect((await allowed('ENDED', { endDate: '2024-06-30' })).endDate).toBe('2024-06-30');
    for (const status of ['PROPOSED', 'ACTIVE', 'SUSPENDED', 'ENDED']) await refused(status);
    const [row] = await server.sql(`SELECT status, end_date::text AS end_date FROM pairing WHERE id = $1`, [
      Buffer.from(pairingId, 'base64url').toString().split(':')[1],
    ]);
    expect(row).toEqual({ status: 'ENDED', end_date: '2024-06-30' });

    const proposed = await server.gql(CREATE, {
      input: {
        providerId: toGlobalId('AssistanceUnit', provider('rural-foundation')),
        targetId: village('519902102203'),
        mechanism: 'SOCIAL_PARTICIPATION',
        startDate: '2022-01-01',
      },
    });
    const ended = await server.gql(CHANGE, {
      input: { pairingId: proposed.data!.createPairing.pairing.id, status: 'ENDED' },
    });
    expect(ended.data!.changePairingStatus.pairing.status).toBe('ENDED');
  });

  it('refuses status changes to partners and outside the official region', async () => {
    const pairingId = toGlobalId('Pairing', seedId('pairing', 'siming-qingliu'));
    expect(
      codesOf(
        await server.gql(
          CHANGE,
          { input: { pairingId, status: 'SUSPENDED' } },
          partnerToken('siming-partner', Role.ASSISTANCE_UNIT),
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    expect(codesOf(await server.gql(CHANGE, { input: { pairingId, status: 'SUSPENDED' } }, official))).toEqual([
      'NOT_FOUND',
    ]);
    const [row] = await server.sql(`SELECT status FROM pairing WHERE id = $1`, [seedId('pairing', 'siming-qingliu')]);
    expect(row.status).toBe('ACTIVE');
  });
});

/** Exact decimal sum of yuan strings, in fen with BigInt. */
function sumYuan(amounts: (string | null)[]): string {
  const fen = amounts
    .filter((a): a is string => a !== null)
    .reduce((total, a) => {
      const [whole, fraction = ''] = a.split('.');
      return total + BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
    }, 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

describe('contributions', () => {
  it('records contributions by the partner itself, and totals equal independently computed sums', async () => {
    const pairingId = toGlobalId('Pairing', seedId('pairing', 'tea-co-key3'));
    const token = partnerToken('tea-co');
    const recorded = await server.gql(
      RECORD,
      { input: { pairingId, kind: 'FUNDS', stage: 'DELIVERED', amount: '0.10', date: '2023-02-01', note: '补充到位' } },
      token,
    );
    expect(recorded.errors).toBeUndefined();
    expect(recorded.data!.recordContribution.contribution).toMatchObject({
      kind: 'FUNDS',
      stage: 'DELIVERED',
      amount: '0.10',
      count: null,
      date: '2023-02-01',
    });
    const jobs = await server.gql(
      RECORD,
      { input: { pairingId, kind: 'JOBS', stage: 'PLEDGED', count: 12, date: '2023-02-02' } },
      tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
    );
    expect(jobs.errors).toBeUndefined();
    expect(
      await server.gql(RECORD, {
        input: { pairingId, kind: 'FUNDS', stage: 'PLEDGED', amount: '0.2', date: '2023-02-03' },
      }),
    ).not.toHaveProperty('errors');

    const response = await server.gql(
      `{ pairings(first: 100) { edges { node { id pledgedAmount deliveredAmount contributions(first: 100) { totalCount edges { node { amount stage } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const rows = await server.sql<{ pairing_id: string; stage: string; amount: string | null }>(
      'SELECT pairing_id, stage, amount::text AS amount FROM contribution',
    );
    expect(rows.length).toBeGreaterThanOrEqual(19);
    for (const { node } of response.data!.pairings.edges) {
      const uuid = Buffer.from(node.id, 'base64url').toString().split(':')[1];
      const mine = rows.filter((r) => r.pairing_id === uuid);
      expect(node.pledgedAmount).toBe(sumYuan(mine.filter((r) => r.stage === 'PLEDGED').map((r) => r.amount)));
      expect(node.deliveredAmount).toBe(sumYuan(mine.filter((r) => r.stage === 'DELIVERED').map((r) => r.amount)));
      expect(node.contributions.totalCount).toBe(mine.length);
    }
    const tea = response.data!.pairings.edges.find((e: any) => e.node.id === pairingId).node;
    expect(tea).toMatchObject({ pledgedAmount: '200000.20', deliveredAmount: '86500.60' });
  });

  it.each([
    ['neither amount nor count', {}, ['amount', 'count']],
    ['a negative amount', { amount: '-1.00' }, ['amount']],
    ['an amount below a fen', { amount: '1.005' }, ['amount']],
    ['a float-formatted amount', { amount: '1e5' }, ['amount']],
    ['a negative count', { count: -3 }, ['count']],
    ['a date in the future', { amount: '1.00', date: `${new Date().getFullYear() + 1}-01-01` }, ['date']],
  ])('refuses %s and writes nothing', async (_label, change, fields) => {
    const before = (await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM contribution'))[0].n;
    const input = {
      pairingId: toGlobalId('Pairing', seedId('pairing', 'tea-co-key3')),
      kind: 'FUNDS',
      stage: 'PLEDGED',
      date: '2023-01-01',
      ...change,
    };
    const response = await server.gql(RECORD, { input });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual(fields);
    expect((await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM contribution'))[0].n).toBe(before);
  });

  it("hides other partners' pairings from contribution recording", async () => {
    const input = {
      pairingId: toGlobalId('Pairing', seedId('pairing', 'tea-co-key3')),
      kind: 'FUNDS',
      stage: 'PLEDGED',
      amount: '1.00',
      date: '2023-01-01',
    };
    const response = await server.gql(RECORD, { input }, partnerToken('citrus-co'));
    expect(codesOf(response)).toEqual(['NOT_FOUND']);
    expect(response.errors![0].extensions!.fields).toEqual(['pairingId']);
    expect(
      codesOf(await server.gql(RECORD, { input }, tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' }))),
    ).toEqual(['FORBIDDEN']);
  });
});

describe('region coverage and the 强村带弱村 target', () => {
  /** Coverage computed in JavaScript from the raw tables, for the villages and pairings given. */
  async function expectedCoverage(
    prefix: string,
    villageVisible: (code: string) => boolean,
    pairingVisible: (p: any) => boolean,
  ) {
    const designations = await server.sql<{ village_code: string; kind: string; level: string | null }>(
      'SELECT village_code, kind, level FROM village_designation',
    );
    const villages = (await server.sql<{ code: string }>('SELECT code FROM village'))
      .map((v) => v.code)
      .filter((c) => c.startsWith(prefix) && villageVisible(c));
    const pairings = (
      await server.sql(
        `SELECT p.*, pr.type, pr.unit_kind, pr.region_code AS home FROM pairing p JOIN provider pr ON pr.id = p.provider_id WHERE p.status = 'ACTIVE'`,
      )
    ).filter(pairingVisible);
    const has = (code: string, kind: string, levels?: string[]) =>
      designations.some((d) => d.village_code === code && d.kind === kind && (!levels || levels.includes(d.level!)));
    const covering = (code: string) =>
      pairings.filter((p: any) => p.target_code === code || p.target_code === code.slice(0, 6) + '000000');
    const keys = villages.filter((c) => has(c, 'KEY_ASSISTED'));
    const demos = villages.filter((c) => has(c, 'DEMONSTRATION', ['PROVINCIAL', 'MUNICIPAL']));
    return {
      keyAssistedVillages: keys.length,
      keyAssistedVillagesPaired: keys.filter((c) => covering(c).length > 0).length,
      keyAssistedVillagesPairedWithEnterprise: keys.filter((c) => covering(c).some((p: any) => p.type === 'ENTERPRISE'))
        .length,
      demonstrationVillages: demos.length,
      demonstrationVillagesHelping: demos.filter((c) =>
        pairings.some(
          (p: any) =>
            p.mechanism === 'STRONG_HELPS_WEAK' &&
            p.unit_kind === 'DEMONSTRATION_VILLAGE' &&
            p.home === c &&
            has(p.target_code, 'KEY_ASSISTED'),
        ),
      ).length,
    };
  }

  const COVERAGE = `{ district: region(code: "519902") { coverage { keyAssistedVillages keyAssistedVillagesPaired keyAssistedVillagesPairedWithEnterprise demonstrationVillages demonstrationVillagesHelping } }
    town: region(code: "519902102") { coverage { keyAssistedVillages keyAssistedVillagesPaired keyAssistedVillagesPairedWithEnterprise demonstrationVillages demonstrationVillagesHelping } } }`;

  it('counts coverage in SQL equal to an independent computation, for an administrator', async () => {
    const response = await server.gql(COVERAGE);
    expect(response.errors).toBeUndefined();
    expect(response.data!.district.coverage).toEqual(
      await expectedCoverage(
        '519902',
        () => true,
        () => true,
      ),
    );
    expect(response.data!.town.coverage).toEqual(
      await expectedCoverage(
        '519902102',
        () => true,
        () => true,
      ),
    );
    expect(response.data!.district.coverage).toMatchObject({
      keyAssistedVillages: 6,
      keyAssistedVillagesPaired: 6,
      demonstrationVillages: 3,
      demonstrationVillagesHelping: 1,
    });
    expect(response.data!.district.coverage.keyAssistedVillagesPairedWithEnterprise).toBeGreaterThanOrEqual(3);
  });

  it('scopes coverage to what a partner may see', async () => {
    const assigned = new Set(await assignedFromPairings(provider('citrus-co')));
    const response = await server.gql(
      `{ region(code: "519902102") { coverage { keyAssistedVillages keyAssistedVillagesPaired keyAssistedVillagesPairedWithEnterprise demonstrationVillages demonstrationVillagesHelping } } }`,
      undefined,
      partnerToken('citrus-co'),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.region.coverage).toEqual(
      await expectedCoverage(
        '519902102',
        (c) => assigned.has(c),
        (p) => p.provider_id === provider('citrus-co'),
      ),
    );
    expect(response.data!.region.coverage.keyAssistedVillagesPairedWithEnterprise).toBe(2);
  });

  it('measures PAIRED_KEY_VILLAGE_COUNT for demonstration villages from active 强村带弱村 pairings', async () => {
    const response = await server.gql(
      `{ villages(filter: { designations: [DEMONSTRATION] }) { edges { node { code targetProgress { targetCode actual met } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const progress = Object.fromEntries(
      response.data!.villages.edges.map((e: any) => [
        e.node.code,
        e.node.targetProgress.find((t: any) => t.targetCode === 'DEMONSTRATION_PAIRS_KEY_VILLAGE'),
      ]),
    );
    expect(progress['519902100203']).toEqual({ targetCode: 'DEMONSTRATION_PAIRS_KEY_VILLAGE', actual: '1', met: true });
    expect(progress['519902101203']).toEqual({
      targetCode: 'DEMONSTRATION_PAIRS_KEY_VILLAGE',
      actual: '0',
      met: false,
    });
  });
});

describe('nested pairing queries stay N+1-free', () => {
  const PAIRINGS = `query($first: Int!) { pairings(first: $first) { edges { node {
    provider { name } targetRegion { name } contributions { totalCount } pledgedAmount } } } }`;
  const ASSIGNED = `query($first: Int!) { viewer { provider { assignedVillages(first: $first) { edges { node {
    indicators { year } targetProgress { met } pairings { mechanism } } } } } } }`;

  const measure = (query: string, first: number, token?: string) =>
    server.countStatements(async () => {
      const response = await server.gql(query, { first }, token);
      expect(response.errors).toBeUndefined();
      return response.data!;
    });

  it('sends as many statements for pairings { provider targetRegion contributions pledgedAmount } whatever the page size', async () => {
    const small = await measure(PAIRINGS, 1);
    const large = await measure(PAIRINGS, 100);
    expect(large.result.pairings.edges.length).toBeGreaterThanOrEqual(15);
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
    // A region official's scope adds predicates, not statements.
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519900000000' });
    expect((await measure(PAIRINGS, 100, official)).statements).toBe((await measure(PAIRINGS, 1, official)).statements);
  });

  it('sends as many statements for viewer.provider.assignedVillages whatever the page size', async () => {
    const token = partnerToken('siming-partner', Role.ASSISTANCE_UNIT);
    const small = await measure(ASSIGNED, 1, token);
    const large = await measure(ASSIGNED, 100, token);
    expect(large.result.viewer.provider.assignedVillages.edges.length).toBeGreaterThanOrEqual(2);
    expect(large.result.viewer.provider.assignedVillages.edges.length).toBeGreaterThan(
      small.result.viewer.provider.assignedVillages.edges.length,
    );
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(6);
  });
});
