import net from 'node:net';
import { startTestServer, tokenFor, TEST_JWT_SECRET, type TestServer } from './harness/server';
import { startServerProcess, type ServerProcess } from './harness/processes';
import { subscribe, settle } from './harness/live-client';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

/**
 * Two platform processes on one PostgreSQL and one Redis, as the README describes for running
 * more than one instance. The safety-net poll is set to ten minutes, so only Redis can carry the
 * announcement from the first process to the second within the test's time.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

let database: TestServer;
let first: ServerProcess;
let second: ServerProcess;

/** Answers PING within a second, or throws one line that says how to start Redis. */
async function requireRedis(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  const answered = await new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
  if (!answered)
    throw new Error(
      `Redis is not reachable at ${url}: start it with \`redis-server --daemonize yes --port 6379\` (or set REDIS_URL to a running one); this test runs two instances that talk through it`,
    );
}

beforeAll(async () => {
  await requireRedis(REDIS_URL);
  database = await startTestServer();
  const env = { DATABASE_URL: database.dbUrl, REDIS_URL, JWT_SECRET: TEST_JWT_SECRET, EVENT_POLL_MS: '600000' };
  [first, second] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await database?.close();
});

const TEA_CO = seedId('provider', 'tea-co');
const CITRUS_CO = seedId('provider', 'citrus-co');
const SUBSCRIPTION = `subscription { purchaseRecorded { cursor purchase { id totalAmount } } }`;

async function recordThroughFirst(reference: string) {
  const response = await fetch(first.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO })}`,
    },
    body: JSON.stringify({
      query: 'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }',
      variables: {
        input: {
          buyerId: toGlobalId('Enterprise', TEA_CO),
          clientReference: reference,
          channel: 'E_COMMERCE_PLATFORM',
          purchasedOn: '2026-06-01',
          lines: [
            {
              productId: toGlobalId('Product', seedId('product', 'green-pepper')),
              quantity: '1',
              unit: '公斤',
              amount: '88.50',
            },
          ],
        },
      },
    }),
  });
  const body = (await response.json()) as { data?: { recordPurchase: { purchase: { id: string } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.recordPurchase.purchase.id;
}

describe('several instances on one PostgreSQL with Redis', () => {
  it('delivers a purchase recorded through the first process to a subscriber of the second, and to no one outside its scope', async () => {
    const buyer = subscribe(second.url, tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }), SUBSCRIPTION);
    const otherEnterprise = subscribe(
      second.url,
      tokenFor({ role: Role.ENTERPRISE, provider: CITRUS_CO }),
      SUBSCRIPTION,
    );
    const otherCounty = subscribe(
      second.url,
      tokenFor({ role: Role.REGION_OFFICIAL, region: '210404000000' }),
      SUBSCRIPTION,
    );
    const originCounty = subscribe(
      second.url,
      tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
      SUBSCRIPTION,
    );
    await settle(500);

    const purchaseId = await recordThroughFirst('scale-out-1');
    const [received] = await buyer.waitFor(1, 5000);
    expect(received.purchaseRecorded.purchase).toEqual({ id: purchaseId, totalAmount: '88.50' });
    await originCounty.waitFor(1, 5000);
    await settle();
    expect(otherEnterprise.received).toHaveLength(0);
    expect(otherCounty.received).toHaveLength(0);
    await Promise.all([buyer, otherEnterprise, otherCounty, originCounty].map((s) => s.close()));
  });

  it('resumes a purchase subscription with after: exactly the missed purchases, then live ones', async () => {
    const token = tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO });
    const resumeQuery = `subscription($after: String) { purchaseRecorded(after: $after) { cursor purchase { id } } }`;
    const before = subscribe(second.url, token, resumeQuery);
    await settle(300);
    const seenId = await recordThroughFirst('resume-1');
    const [seen] = await before.waitFor(1);
    expect(seen.purchaseRecorded.purchase.id).toBe(seenId);
    await before.close(); // the portal drops its connection

    const missed = [await recordThroughFirst('resume-2'), await recordThroughFirst('resume-3')];
    const resumed = subscribe(second.url, token, resumeQuery, { after: seen.purchaseRecorded.cursor });
    expect((await resumed.waitFor(2)).map((e) => e.purchaseRecorded.purchase.id)).toEqual(missed);
    const live = await recordThroughFirst('resume-4');
    expect((await resumed.waitFor(3))[2].purchaseRecorded.purchase.id).toBe(live);
    await settle();
    expect(resumed.received).toHaveLength(3);
    await resumed.close();
  });
});
