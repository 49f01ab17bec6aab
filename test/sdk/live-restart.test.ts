import { createPlatformClient, type LiveStatus, type PlatformClient } from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, TEST_JWT_SECRET, type TestServer } from '../harness/server';
import { startServerProcess, type ServerProcess } from '../harness/processes';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { waitUntil } from './helpers';

/**
 * The platform process is killed (SIGKILL, no goodbye to its sockets) and started again on the same
 * port while purchases go on being recorded (through another instance on the same database). Both a
 * subscription that had received events and one that had received none yet must get every purchase
 * recorded while the platform was down, once each, in order, then the live ones.
 */
let database: TestServer; // the database, and a second instance that keeps taking purchases
let platform: ServerProcess | undefined;
const clients: PlatformClient[] = [];
const env = () => ({
  DATABASE_URL: database.dbUrl,
  JWT_SECRET: TEST_JWT_SECRET,
  REDIS_URL: null,
  // Without Redis the process learns of the other instance's purchases by reading the event table.
  EVENT_POLL_MS: '200',
});

beforeAll(async () => {
  database = await startTestServer();
  platform = await startServerProcess(env());
}, 60_000);
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await platform?.stop();
  await database.close();
});

const TEA_CO = seedId('provider', 'tea-co');
async function recordPurchase(reference: string): Promise<string> {
  const response = await database.gql<{ recordPurchase: { purchase: { id: string } } }>(
    'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }',
    {
      input: {
        buyerId: toGlobalId('Enterprise', TEA_CO),
        clientReference: reference,
        channel: 'DIRECT',
        purchasedOn: '2026-06-02',
        lines: [
          {
            productId: toGlobalId('Product', seedId('product', 'green-pepper')),
            quantity: '1',
            unit: '公斤',
            amount: '12.00',
          },
        ],
      },
    },
    tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }),
  );
  expect(response.errors).toBeUndefined();
  return response.data!.recordPurchase.purchase.id;
}

function follow(client: PlatformClient) {
  const received: string[] = [];
  const statuses: LiveStatus[] = [];
  const errors: string[] = [];
  const subscription = client.live.purchaseRecorded(
    { filter: { regionCode: '519902' } },
    {
      next: (e) => received.push(e.purchaseRecorded.purchase!.id),
      status: (s) => statuses.push(s),
      error: (e) => errors.push(e.code),
    },
  );
  return { received, statuses, errors, subscription };
}

it('resumes every subscription after the server is killed and restarted, with nothing lost or doubled', async () => {
  const url = platform!.url;
  const port = new URL(url).port;
  const client = createPlatformClient({
    url,
    token: tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
    reconnect: { initialDelayMs: 100, maxDelayMs: 500 },
    keepAliveMs: 1000,
  });
  clients.push(client);

  const withEvents = follow(client);
  await waitUntil(() => withEvents.subscription.status === 'live', 10_000, 'the first subscription');
  const ids = [await recordPurchase('restart-1')];
  await waitUntil(() => withEvents.received.length === 1, 10_000, 'the first event');

  const withoutEvents = follow(client);
  await waitUntil(() => withoutEvents.subscription.status === 'live', 10_000, 'the second subscription');
  expect(withoutEvents.received).toEqual([]);

  // Kill the platform mid-stream; record while it is down.
  platform!.child.kill('SIGKILL');
  await new Promise((resolve) => platform!.child.once('exit', resolve));
  await waitUntil(
    () => withEvents.subscription.status === 'reconnecting' && withoutEvents.subscription.status === 'reconnecting',
    10_000,
    'both to notice',
  );
  ids.push(await recordPurchase('restart-2'), await recordPurchase('restart-3'));

  // The same port again, as a restarted service or its replacement behind a load balancer.
  platform = await startServerProcess({ ...env(), PORT: port });
  await waitUntil(() => withEvents.received.length === 3, 20_000, 'the missed events (first subscription)');
  await waitUntil(() => withoutEvents.received.length === 2, 20_000, 'the missed events (second subscription)');
  await waitUntil(() => withoutEvents.subscription.status === 'live', 10_000, 'live again');
  ids.push(await recordPurchase('restart-4'));
  await waitUntil(() => withEvents.received.length === 4 && withoutEvents.received.length === 3, 10_000, 'live');
  await new Promise((resolve) => setTimeout(resolve, 500));

  expect(withEvents.received).toEqual(ids);
  expect(withoutEvents.received).toEqual(ids.slice(1));
  expect([...withEvents.errors, ...withoutEvents.errors]).toEqual([]);
  expect(withEvents.statuses).toEqual(['live', 'reconnecting', 'live']);
  expect(withoutEvents.statuses.at(-1)).toBe('live');
}, 90_000);
