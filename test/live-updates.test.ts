import { startTestServer, tokenFor, adminToken, type TestServer } from './harness/server';
import { subscribe, settle } from './harness/live-client';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const SUBSCRIPTION = `subscription($filter: LiveFilter, $after: String) {
  villageIndicatorsUpdated(filter: $filter, after: $after) { cursor year village { code } indicators { population } }
}`;
const RECORD = `mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year } } }`;
const SICHUAN_VILLAGE = toGlobalId('Village', '519902100201');
const WANGHUA_VILLAGE = toGlobalId('Village', '210404100201');

async function record(villageId: string, year: number, population: number) {
  const response = await server.gql(RECORD, { input: { villageId, year, population } }, adminToken());
  expect(response.errors).toBeUndefined();
}

describe('villageIndicatorsUpdated over graphql-ws', () => {
  it('delivers events inside the subscriber scope only', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const live = subscribe(server.url, official, SUBSCRIPTION);
    await settle(300); // let the subscription register before the changes
    await record(WANGHUA_VILLAGE, 2021, 111); // outside the official's county
    await record(SICHUAN_VILLAGE, 2021, 222);
    const [event] = await live.waitFor(1);
    expect(event).toMatchObject({
      villageIndicatorsUpdated: { year: 2021, village: { code: '519902100201' }, indicators: { population: 222 } },
    });
    await settle();
    expect(live.received).toHaveLength(1);
    await live.close();
  });

  it('refuses a connection without a valid token and a filter outside the scope', async () => {
    const anonymous = subscribe(server.url, null, SUBSCRIPTION);
    await expect(anonymous.waitFor(1, 2000)).rejects.toThrow();
    await anonymous.close();

    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    const outside = subscribe(server.url, official, SUBSCRIPTION, { filter: { regionCode: '210404' } });
    await expect(outside.waitFor(1, 2000)).rejects.toThrow(/NOT_FOUND|not found/i);
    await outside.close();
  });

  it('resumes after a disconnect with exactly the missed events, then live ones', async () => {
    const first = subscribe(server.url, adminToken(), SUBSCRIPTION, { filter: { villageId: SICHUAN_VILLAGE } });
    await settle(300);
    await record(SICHUAN_VILLAGE, 2022, 1);
    const [seen] = await first.waitFor(1);
    const cursor = seen.villageIndicatorsUpdated.cursor;
    await first.close();

    await record(SICHUAN_VILLAGE, 2022, 2); // missed while disconnected
    await record(WANGHUA_VILLAGE, 2022, 99); // missed but filtered out
    await record(SICHUAN_VILLAGE, 2022, 3); // missed

    const resumed = subscribe(server.url, adminToken(), SUBSCRIPTION, {
      filter: { villageId: SICHUAN_VILLAGE },
      after: cursor,
    });
    const missed = await resumed.waitFor(2);
    expect(missed.map((e) => e.villageIndicatorsUpdated.indicators.population)).toEqual([3, 3]); // current state of the year
    const cursors = missed.map((e) => BigInt(e.villageIndicatorsUpdated.cursor));
    expect(cursors[0]).toBeGreaterThan(BigInt(cursor));
    expect(cursors[1]).toBeGreaterThan(cursors[0]);
    await record(SICHUAN_VILLAGE, 2022, 4); // live
    const all = await resumed.waitFor(3);
    expect(BigInt(all[2].villageIndicatorsUpdated.cursor)).toBeGreaterThan(cursors[1]);
    await settle();
    expect(resumed.received).toHaveLength(3); // no duplicates
    await resumed.close();
  });

  it('resolves each event once for all subscribers asking the same thing in one scope', async () => {
    const official = (n: number) =>
      tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub: `official-${n}` });
    const statementsFor = async (subscribers: number, population: number) => {
      const live = Array.from({ length: subscribers }, (_, n) => subscribe(server.url, official(n), SUBSCRIPTION));
      await settle(500);
      const { statements } = await server.countStatements(async () => {
        await record(SICHUAN_VILLAGE, 2023, population);
        await Promise.all(live.map((s) => s.waitFor(1)));
      });
      for (const s of live) expect(s.received[0].villageIndicatorsUpdated.indicators.population).toBe(population);
      await Promise.all(live.map((s) => s.close()));
      return statements;
    };
    const one = await statementsFor(1, 501);
    const twelve = await statementsFor(12, 502);
    expect(one).toBeGreaterThan(0);
    expect(twelve).toBe(one);
  });

  it('loads each event once per scope, however many subscribers of that scope, and keeps scopes apart', async () => {
    // Two scopes: a county official (sees the Sichuan village) and a prefecture official elsewhere
    // (sees nothing of it). Ten subscribers per scope must cost what one per scope costs.
    const sichuan = (n: number) => tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub: `s-${n}` });
    const elsewhere = (n: number) => tokenFor({ role: Role.REGION_OFFICIAL, region: '210404000000', sub: `e-${n}` });
    const statementsFor = async (perScope: number, population: number) => {
      const inside = Array.from({ length: perScope }, (_, n) => subscribe(server.url, sichuan(n), SUBSCRIPTION));
      const outside = Array.from({ length: perScope }, (_, n) => subscribe(server.url, elsewhere(n), SUBSCRIPTION));
      await settle(500);
      const { statements } = await server.countStatements(async () => {
        await record(SICHUAN_VILLAGE, 2024, population);
        await Promise.all(inside.map((s) => s.waitFor(1)));
      });
      await settle();
      for (const s of inside)
        expect(s.received.map((e) => e.villageIndicatorsUpdated.indicators.population)).toEqual([population]);
      for (const s of outside) expect(s.received).toEqual([]);
      await Promise.all([...inside, ...outside].map((s) => s.close()));
      return statements;
    };
    const one = await statementsFor(1, 601);
    const ten = await statementsFor(10, 602);
    expect(one).toBeGreaterThan(0);
    expect(ten).toBe(one);
  });

  it('writes the event in the transaction of the change: a refused change leaves no event', async () => {
    const [{ n: before }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM domain_event');
    const refused = await server.gql(RECORD, { input: { villageId: SICHUAN_VILLAGE, year: 2021, population: -1 } });
    expect(refused.errors).toBeDefined();
    const [{ n: after }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM domain_event');
    expect(after).toBe(before);
  });
});
