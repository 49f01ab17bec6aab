import http from 'node:http';
import { parse } from 'graphql';
import {
  createPlatformClient,
  isPlatformError,
  PlatformError,
  SERVER_ERROR_CODES,
  type PlatformClient,
  type PurchaseRecordedSubscription,
  type LiveStatus,
  type TypedDocumentNode,
} from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, type TestServer } from '../harness/server';
import { settle } from '../harness/live-client';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { ERROR_CODES } from '../../server/src/core/errors';
import { liveSockets, waitUntil } from './helpers';

/** The SDK as a county portal and a partner enterprise use it, against the real server. */
let server: TestServer;
let sockets: ReturnType<typeof liveSockets>;
const clients: PlatformClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
  sockets = liveSockets(server);
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

const COUNTY = '519902000000';
const TEA_CO = seedId('provider', 'tea-co');
const teaToken = () => tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO });
const countyToken = () => tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });
const client = (options: Partial<Parameters<typeof createPlatformClient>[0]> = {}) => {
  const c = createPlatformClient({
    url: server.url,
    token: countyToken(),
    reconnect: { initialDelayMs: 50, maxDelayMs: 400 },
    ...options,
  });
  clients.push(c);
  return c;
};
const purchaseInput = (clientReference: string, amount = '88.50') => ({
  buyerId: toGlobalId('Enterprise', TEA_CO),
  clientReference,
  channel: 'CANTEEN' as const,
  purchasedOn: '2026-06-01',
  lines: [{ productId: toGlobalId('Product', seedId('product', 'green-pepper')), quantity: '1', unit: '公斤', amount }],
});

describe('typed queries', () => {
  it('reads a county with coverage, target attainment and its key villages with target progress', async () => {
    const county = client();
    const region = await county.region('519902', { year: 2020 });
    expect(region).toMatchObject({ code: COUNTY, level: 'COUNTY' });
    const [{ n: keyVillages }] = await server.sql<{ n: number }>(
      `SELECT count(DISTINCT village_code)::int AS n FROM village_designation WHERE kind = 'KEY_ASSISTED' AND village_code LIKE '519902%'`,
    );
    expect(region!.coverage.keyAssistedVillages).toBe(keyVillages);
    expect(region!.summary.keyAssistedVillageCount).toBe(keyVillages);
    expect(region!.summary.targets.length).toBeGreaterThan(0);

    const villages = await county.keyAssistedVillages('519902');
    expect(villages.totalCount).toBe(keyVillages);
    expect(villages.totalCount).toBe(6);
    const first = villages.edges[0].node;
    expect(first.code.startsWith('519902')).toBe(true);
    expect(first.designations.map((d) => d.kind)).toContain('KEY_ASSISTED');
    expect(first.indicators?.households).toEqual(expect.any(Number));
    expect(first.targetProgress.find((t) => t.targetCode === 'COLLECTIVE_INCOME_2025')).toMatchObject({
      threshold: expect.any(String),
    });
  });

  it('reads regions, the viewer and villages through the generic request with a portal-written document', async () => {
    const county = client();
    expect(await county.viewer()).toMatchObject({ role: 'REGION_OFFICIAL', regionCode: COUNTY, provider: null });
    const townships = await county.regions({ parentCode: '519902' });
    expect(townships.totalCount).toBeGreaterThan(0);
    expect(townships.edges.every((e) => e.node.code.startsWith('519902') && e.node.level === 'TOWNSHIP')).toBe(true);
    // Any typed document runs through `request`, here one typed by hand rather than generated.
    const doc: TypedDocumentNode<
      { villages: { edges: { node: { code: string; name: string } }[] } },
      { regionCode: string }
    > = parse(`
      query SdkTestVillageNames($regionCode: String!) {
        villages(filter: { regionCode: $regionCode, designations: [KEY_ASSISTED] }, first: 100) { edges { node { code name } } }
      }
    `);
    const data = await county.request(doc, { regionCode: '519902' });
    expect(data.villages.edges).toHaveLength(6);
  });

  it("lists a partner's assigned villages, its pairings and their contributions", async () => {
    const tea = client({ token: teaToken() });
    const assigned = await tea.assignedVillages({ first: 100 });
    const [{ n }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM pairing WHERE provider_id = $1', [
      TEA_CO,
    ]);
    expect(n).toBeGreaterThan(0);
    expect(assigned).not.toBeNull();
    expect(assigned!.totalCount).toBeGreaterThan(0);
    const pairings = await tea.pairings({ first: 100 });
    expect(pairings.totalCount).toBe(n);
    expect(pairings.edges.every((e) => e.node.provider?.id === toGlobalId('Enterprise', TEA_CO))).toBe(true);
    const withContributions = await tea.pairingContributions(pairings.edges[0].node.id);
    expect(withContributions).toMatchObject({
      id: pairings.edges[0].node.id,
      contributions: { totalCount: expect.any(Number) },
    });
    expect(await client().assignedVillages()).toBeNull(); // a county official acts for no provider
  });

  it('reads resident teams, weekly 五天四夜 compliance and the region summary', async () => {
    const official = client({ token: tokenFor({ role: Role.ORG_DEPARTMENT, region: COUNTY }) });
    const teams = await official.residentTeams({ filter: { regionCode: '519902' }, weekOf: '2026-11-09', first: 100 });
    expect(teams.totalCount).toBeGreaterThan(0);
    expect(teams.edges[0].node.complianceRate).toMatchObject({ weekStart: '2026-11-09', weekEnd: '2026-11-15' });
    const weekly = await official.weeklyCompliance({
      filter: { regionCode: '519902', weekOf: '2026-11-09' },
      first: 100,
    });
    expect(weekly.totalCount).toBeGreaterThan(0);
    const coverage = await official.teamCoverage('519902', '2026-11-09');
    expect(coverage.teamComplianceSummary.assessedMembers).toBe(weekly.edges.length);
    expect(coverage.teamComplianceSummary.compliantMembers).toBe(weekly.edges.filter((e) => e.node.compliant).length);
  });

  it('records and voids a purchase, and the statistics follow exactly', async () => {
    const tea = client({ token: teaToken() });
    const before = await tea.consumptionStats();
    const recorded = await tea.recordPurchase(purchaseInput('sdk-void-1', '12.34'));
    expect(recorded).toMatchObject({
      created: true,
      purchase: { status: 'RECORDED', totalAmount: '12.34', lineCount: 1 },
    });
    const again = await tea.recordPurchase(purchaseInput('sdk-void-1', '12.34'));
    expect(again).toMatchObject({ created: false, purchase: { id: recorded.purchase.id } });
    const listed = await tea.purchases({ first: 100 });
    expect(listed.edges.map((e) => e.node.id)).toContain(recorded.purchase.id);
    const byMonth = await tea.consumptionStats({ groupBy: ['MONTH'] });
    expect(byMonth.find((r) => r.period === '2026-06')).toBeDefined();
    const voided = await tea.voidPurchase({ purchaseId: recorded.purchase.id, reason: '录入错误' });
    expect(voided).toMatchObject({ status: 'VOIDED', voidReason: '录入错误' });
    expect(await tea.consumptionStats()).toEqual(before);
  });
});

describe('errors as typed values', () => {
  it('throws a PlatformError with code and fields for bad input, and writes nothing', async () => {
    const tea = client({ token: teaToken() });
    const error = await tea
      .recordPurchase({ ...purchaseInput('sdk-bad'), purchasedOn: '2099-01-01' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(isPlatformError(error, 'BAD_USER_INPUT')).toBe(true);
    expect((error as PlatformError).fields).toEqual(['purchasedOn']);
    const rows = await server.sql(`SELECT 1 FROM purchase WHERE client_reference = 'sdk-bad'`);
    expect(rows).toHaveLength(0);
  });

  it('reports FORBIDDEN, UNAUTHENTICATED and an unreachable platform by code', async () => {
    const tea = client({ token: teaToken() });
    const other = {
      ...purchaseInput('sdk-forbidden'),
      buyerId: toGlobalId('Enterprise', seedId('provider', 'citrus-co')),
    };
    await expect(tea.recordPurchase(other)).rejects.toMatchObject({ code: 'FORBIDDEN', fields: [] });
    await expect(client({ token: 'not-a-token' }).viewer()).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
    await expect(createPlatformClient({ url: 'http://127.0.0.1:9/graphql' }).viewer()).rejects.toMatchObject({
      code: 'NETWORK_ERROR',
    });
  });

  it('knows every code the server sends, and reports limits and rate limits by code', async () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual([...ERROR_CODES].sort());
    // Village → pairings → provider → assignedVillages → … nests past the depth limit.
    const nested = (inner: string) =>
      `pairings { provider { ... on Enterprise { assignedVillages { edges { node { code ${inner} } } } } } }`;
    const deep: TypedDocumentNode<unknown, Record<string, never>> = parse(
      `query Deep { villages(first: 1) { edges { node { ${nested(nested(nested('')))} } } } }`,
    );
    await expect(client({ token: countyToken() }).request(deep)).rejects.toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
    });
    const limited = await startTestServer({ limits: { rateLimitPoints: 5 } });
    try {
      const tea = createPlatformClient({ url: limited.url, token: teaToken() });
      const error = await (async () => {
        for (let i = 0; i < 20; i++) await tea.viewer();
      })().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'RATE_LIMITED', status: 429 });
      expect((error as PlatformError).retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });

  it('asks getToken before every request', async () => {
    let calls = 0;
    const refreshing = client({ token: undefined, getToken: async () => (calls++, countyToken()) });
    await refreshing.viewer();
    await refreshing.viewer();
    expect(calls).toBe(2);
  });
});

describe('live subscriptions', () => {
  it('survive server-side disconnects and deliver exactly the missed events, once, in order', async () => {
    let tokenRequests = 0;
    const county = client({ token: undefined, getToken: () => (tokenRequests++, countyToken()) });
    const tea = client({ token: teaToken() });
    const received: PurchaseRecordedSubscription['purchaseRecorded'][] = [];
    const statuses: LiveStatus[] = [];
    const subscription = county.live.purchaseRecorded(
      {},
      {
        next: (e) => received.push(e.purchaseRecorded),
        status: (s) => statuses.push(s),
        error: (e) => {
          throw e;
        },
      },
    );
    await waitUntil(() => subscription.status === 'live' && sockets.count === 1, 5000, 'the live connection');
    await settle(200);

    const ids: string[] = [];
    const record = async (ref: string) => ids.push((await tea.recordPurchase(purchaseInput(ref))).purchase.id);
    await record('sdk-live-1');
    await waitUntil(() => received.length === 1, 5000, 'the first event');

    // Cut every live socket on the server, record while the portal is away, twice over.
    for (const round of [1, 2]) {
      expect(sockets.cut()).toBe(1);
      await record(`sdk-missed-${round}-a`);
      await record(`sdk-missed-${round}-b`);
      await waitUntil(() => received.length === 1 + round * 2, 8000, `the missed events of round ${round}`);
    }
    await record('sdk-live-2');
    await waitUntil(() => received.length === 6, 5000, 'the live event after resuming');
    await settle();

    expect(received.map((e) => e.purchase?.id)).toEqual(ids);
    const cursors = received.map((e) => BigInt(e.cursor));
    expect(cursors.every((c, i) => i === 0 || c > cursors[i - 1])).toBe(true);
    expect(subscription.lastCursor).toBe(received[5].cursor);
    expect(statuses).toContain('reconnecting');
    expect(tokenRequests).toBeGreaterThanOrEqual(3); // a fresh token on the first connect and each reconnect
    subscription.close();
    expect(subscription.status).toBe('closed');
  });

  it('resumes from an `after` cursor it is given, and stops with a typed error outside the scope', async () => {
    const county = client();
    const [{ cursor }] = await server.sql<{ cursor: string }>(
      `SELECT coalesce(max(cursor), 0)::text AS cursor FROM domain_event`,
    );
    const tea = client({ token: teaToken() });
    const id = (await tea.recordPurchase(purchaseInput('sdk-after-1'))).purchase.id;
    const received: string[] = [];
    const resumed = county.live.purchaseRecorded(
      { after: cursor },
      { next: (e) => received.push(e.purchaseRecorded.purchase!.id) },
    );
    await waitUntil(() => received.length === 1, 5000, 'the replayed event');
    expect(received).toEqual([id]);
    resumed.close();

    const errors: PlatformError[] = [];
    const outside = county.live.purchaseRecorded(
      { filter: { regionCode: '210404' } },
      { next: () => undefined, error: (e) => errors.push(e) },
    );
    await waitUntil(() => errors.length === 1, 5000, 'the scope error');
    expect(errors[0]).toBeInstanceOf(PlatformError);
    expect(errors[0].code).toBe('NOT_FOUND');
    expect(outside.status).toBe('closed');
  });

  it('resumes gap-free after a drop even before its first event: the platform gives the start cursor', async () => {
    const county = client();
    const tea = client({ token: teaToken() });
    const received: string[] = [];
    const statuses: LiveStatus[] = [];
    const subscription = county.live.purchaseRecorded(
      { filter: { regionCode: '519902' } },
      { next: (e) => received.push(e.purchaseRecorded.purchase!.id), status: (s) => statuses.push(s) },
    );
    expect(subscription.lastCursor).toBeNull();
    await waitUntil(() => subscription.status === 'live', 5000, 'the subscription to go live');
    const [{ head }] = await server.sql<{ head: string }>(
      `SELECT coalesce(max(cursor), 0)::text AS head FROM domain_event`,
    );
    // No event yet, but a position: the head of the stream when it went live (or later).
    expect(subscription.lastCursor).not.toBeNull();
    expect(BigInt(subscription.lastCursor!)).toBeLessThanOrEqual(BigInt(head));

    // Cut before any event has arrived; record while the connection is down.
    sockets.cut();
    await waitUntil(() => subscription.status === 'reconnecting', 5000, 'reconnecting');
    const missed = (await tea.recordPurchase(purchaseInput('sdk-no-cursor-1', '777.77'))).purchase.id;
    await waitUntil(() => received.length === 1, 8000, 'the purchase recorded while down');
    await waitUntil(() => subscription.status === 'live', 5000, 'live again');
    expect(received).toEqual([missed]);
    expect(statuses).toEqual(['live', 'reconnecting', 'live']);
    subscription.close();
  });

  it('says `live` only after the replay has caught up', async () => {
    const county = client();
    const tea = client({ token: teaToken() });
    const [{ cursor }] = await server.sql<{ cursor: string }>(
      `SELECT coalesce(max(cursor), 0)::text AS cursor FROM domain_event`,
    );
    const ids: string[] = [];
    for (const n of [1, 2, 3]) ids.push((await tea.recordPurchase(purchaseInput(`sdk-replay-${n}`))).purchase.id);
    const receivedWhileNotLive: string[] = [];
    const received: string[] = [];
    let subscription: ReturnType<typeof county.live.purchaseRecorded> | undefined = undefined;
    subscription = county.live.purchaseRecorded(
      { after: cursor },
      {
        next: (e) => {
          received.push(e.purchaseRecorded.purchase!.id);
          if (subscription?.status !== 'live') receivedWhileNotLive.push(e.purchaseRecorded.purchase!.id);
        },
      },
    );
    await waitUntil(() => subscription!.status === 'live', 5000, 'live');
    // Every replayed event came before the status turned live.
    expect(received).toEqual(ids);
    expect(receivedWhileNotLive).toEqual(ids);
    subscription.close();
  });

  it('stops with UNAUTHENTICATED when the socket refuses the token and getToken has no new one', async () => {
    const statuses: LiveStatus[] = [];
    const errors: PlatformError[] = [];
    let asked = 0;
    const refused = client({ token: undefined, getToken: () => (asked++, 'not-a-token') });
    const subscription = refused.live.purchaseRecorded(
      {},
      { next: () => undefined, status: (s) => statuses.push(s), error: (e) => errors.push(e) },
    );
    await waitUntil(() => errors.length === 1, 5000, 'the refusal');
    await settle(600);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(PlatformError);
    expect(errors[0].code).toBe('UNAUTHENTICATED');
    expect(subscription.status).toBe('closed');
    expect(statuses.filter((s) => s === 'reconnecting').length).toBeLessThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(3); // the connect, and one look for a new token
  });

  it('resumes when getToken yields a new token after a refusal', async () => {
    // The first token is refused on connect; the token source then has a fresh one.
    let calls = 0;
    const renewing = client({ token: undefined, getToken: () => (calls++ === 0 ? 'expired-or-bad' : countyToken()) });
    const tea = client({ token: teaToken() });
    const received: string[] = [];
    const errors: PlatformError[] = [];
    const statuses: LiveStatus[] = [];
    const subscription = renewing.live.purchaseRecorded(
      {},
      {
        next: (e) => received.push(e.purchaseRecorded.purchase!.id),
        error: (e) => errors.push(e),
        status: (s) => statuses.push(s),
      },
    );
    await waitUntil(() => subscription.status === 'live', 5000, 'live with the new token');
    expect(statuses).toEqual(['reconnecting', 'live']);
    expect(calls).toBeGreaterThanOrEqual(3); // refused connect, the look for a new token, the reconnect
    const id = (await tea.recordPurchase(purchaseInput('sdk-renewed-1'))).purchase.id;
    await waitUntil(() => received.length === 1, 5000, 'an event');
    expect(received).toEqual([id]);
    expect(errors).toEqual([]);
    subscription.close();
  });

  it('reports a missing WebSocket implementation as a CONFIGURATION_ERROR naming the option, without throwing', async () => {
    const original = globalThis.WebSocket;
    // What Node 20 looks like: no global WebSocket.
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      const errors: PlatformError[] = [];
      const nodeTwenty = client();
      const subscription = nodeTwenty.live.purchaseRecorded(
        {},
        { next: () => undefined, error: (e) => errors.push(e) },
      );
      await waitUntil(() => errors.length === 1, 2000, 'the configuration error');
      expect(errors[0]).toMatchObject({ code: 'CONFIGURATION_ERROR' });
      expect(errors[0].message).toContain('webSocketImpl');
      expect(subscription.status).toBe('closed');
      expect(await nodeTwenty.viewer()).toMatchObject({ role: 'REGION_OFFICIAL' }); // HTTP needs no WebSocket
    } finally {
      globalThis.WebSocket = original;
    }
  });
});

describe('transport failures are PlatformErrors too', () => {
  it('turns a proxy error page, a body that is not JSON and a failing getToken into PlatformErrors', async () => {
    const proxy = http.createServer((req, res) => {
      if (req.url === '/html') res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('null');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    try {
      const html = await client({ url: `${base}/html` })
        .viewer()
        .catch((e: unknown) => e);
      expect(html).toBeInstanceOf(PlatformError);
      expect(html).toMatchObject({ code: 'NETWORK_ERROR', status: 502 });
      const nullBody = await client({ url: `${base}/null` })
        .viewer()
        .catch((e: unknown) => e);
      expect(nullBody).toMatchObject({ code: 'NETWORK_ERROR', status: 200 });
      const failing = await client({
        token: undefined,
        getToken: () => {
          throw new Error('session expired');
        },
      })
        .viewer()
        .catch((e: unknown) => e);
      expect(failing).toBeInstanceOf(PlatformError);
      expect(failing).toMatchObject({ code: 'UNAUTHENTICATED' });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
