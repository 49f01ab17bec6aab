import { startTestServer, tokenFor, TEST_JWT_SECRET, type TestServer } from './harness/server';
import { startServerProcess, type ServerProcess } from './harness/processes';
import { subscribe, settle } from './harness/live-client';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

/**
 * One instance per core (WORKERS=2): a cluster primary and two workers sharing one port, with no
 * Redis. The safety-net poll is ten minutes, so only the primary's relay can carry a commit from
 * the worker that recorded it to subscribers held by the other worker within the test's time.
 */
let database: TestServer;
let cluster: ServerProcess;

beforeAll(async () => {
  database = await startTestServer();
  cluster = await startServerProcess({
    DATABASE_URL: database.dbUrl,
    JWT_SECRET: TEST_JWT_SECRET,
    EVENT_POLL_MS: '600000',
    WORKERS: '2',
    REDIS_URL: null,
  });
});
afterAll(async () => {
  await cluster?.stop();
  await database.close();
});

const TEA_CO = seedId('provider', 'tea-co');

async function record(reference: string): Promise<string> {
  const response = await fetch(cluster.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor({ role: Role.ADMIN })}` },
    body: JSON.stringify({
      query: 'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }',
      variables: {
        input: {
          buyerId: toGlobalId('Enterprise', TEA_CO),
          clientReference: reference,
          channel: 'DIRECT',
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
      // A new connection each time, so the cluster hands requests to both workers in turn.
    }),
    keepalive: false,
  });
  const body = (await response.json()) as { data?: { recordPurchase: { purchase: { id: string } } }; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data!.recordPurchase.purchase.id;
}

describe('one instance per core (WORKERS=2)', () => {
  it('serves on one port from two worker processes and relays live events between them without Redis', async () => {
    // Connections are dealt to the workers in turn, so four sockets reach both workers.
    const subscribers = Array.from({ length: 4 }, () =>
      subscribe(cluster.url, tokenFor({ role: Role.ADMIN }), 'subscription { purchaseRecorded { purchase { id } } }'),
    );
    await settle(500);
    const ids = [await record('cluster-1'), await record('cluster-2')];
    for (const subscriber of subscribers) {
      const received = await subscriber.waitFor(2, 5000);
      expect(received.map((event) => event.purchaseRecorded.purchase.id)).toEqual(ids);
    }
    await Promise.all(subscribers.map((s) => s.close()));
  });
});
