import http from 'node:http';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestServer, adminToken, type TestServer } from '../harness/server';
import { subscribe } from '../harness/live-client';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { importPurchases } from '../../server/src/modules/consumption/purchase-import';

/**
 * GET /metrics in Prometheus' text format, read the way Prometheus reads it: each assertion
 * parses the exposition and looks for one series with its labels.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const base = () => server.url.replace('/graphql', '');

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels = Object.fromEntries(
        [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
      );
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

async function scrape(url = `${base()}/metrics`, headers: Record<string, string> = {}): Promise<Sample[]> {
  const response = await fetch(url, { headers });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parseExposition(await response.text());
}

const find = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
const valueOf = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  find(samples, name, labels).reduce((sum, s) => sum + s.value, 0);

describe('GET /metrics', () => {
  it('times each operation by name and type, and counts errors by extensions.code', async () => {
    const before = await scrape();
    expect((await server.gql('query VillageCount { villages { totalCount } }')).errors).toBeUndefined();
    expect((await server.gql('query VillageCount { villages { totalCount } }')).errors).toBeUndefined();
    await server.gql('{ villages { nope } }');
    await server.gql('query Me { viewer { role } }', {}, 'not-a-token');
    const after = await scrape();

    const count = { operation_name: 'VillageCount', operation_type: 'query', transport: 'http' };
    expect(valueOf(after, 'graphql_request_duration_seconds_count', count)).toBe(
      valueOf(before, 'graphql_request_duration_seconds_count', count) + 2,
    );
    expect(find(after, 'graphql_request_duration_seconds_bucket', { ...count, le: '+Inf' })).toHaveLength(1);
    const errors = (code: string, samples: Sample[]) => valueOf(samples, 'graphql_errors_total', { code });
    expect(errors('BAD_USER_INPUT', after)).toBe(errors('BAD_USER_INPUT', before) + 1);
    expect(errors('UNAUTHENTICATED', after)).toBe(errors('UNAUTHENTICATED', before) + 1);
  });

  it('keeps operation-name labels bounded: unknown names beyond the cap count as "other"', async () => {
    // Distinct names from a client that invents them: at most 100 are kept as labels.
    for (let i = 0; i < 130; i += 10)
      await Promise.all(Array.from({ length: 10 }, (_, j) => server.gql(`query Invented${i + j} { viewer { role } }`)));
    await server.gql('{ viewer { role } }');
    const samples = find(await scrape(), 'graphql_request_duration_seconds_count', { transport: 'http' });
    const names = new Set(samples.map((s) => s.labels.operation_name));
    expect(names.has('other')).toBe(true);
    expect(names.has('anonymous')).toBe(true);
    expect([...names].filter((n) => n.startsWith('Invented')).length).toBeLessThanOrEqual(100);
  });

  it('keeps the names of trusted documents even after the cap is reached', async () => {
    // The SDK's manifest names its operations; one of them, sent as text, keeps its own label.
    const manifest = JSON.parse(
      fs.readFileSync(require.resolve('@xiangcun/assistance-sdk/persisted-documents.json'), 'utf8'),
    ) as Record<string, string>;
    const [documentId, text] =
      Object.entries(manifest).find(([, t]) => /^query (\w+)\s*\{\s*viewer\b/.test(t)) ??
      Object.entries(manifest).find(([, t]) => t.startsWith('query '))!;
    const name = /^query (\w+)/.exec(text)![1];
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}` },
      body: JSON.stringify({ documentId, variables: {} }),
    });
    expect(response.status).toBeLessThan(500);
    const samples = find(await scrape(), 'graphql_request_duration_seconds_count', { operation_name: name });
    expect(samples.length).toBeGreaterThan(0);
  });

  it('reports the database pool, sockets, subscriptions by topic and the event lag', async () => {
    const live = subscribe(server.url, adminToken(), 'subscription { purchaseRecorded { cursor } }');
    try {
      // The subscription is registered once the socket acknowledges it; poll the gauge for it.
      let samples: Sample[] = [];
      for (let i = 0; i < 50; i++) {
        samples = await scrape();
        if (valueOf(samples, 'platform_subscriptions', { topic: 'purchaseRecorded' }) >= 1) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(valueOf(samples, 'platform_subscriptions', { topic: 'purchaseRecorded' })).toBe(1);
      expect(valueOf(samples, 'platform_websocket_connections')).toBe(1);
      expect(find(samples, 'platform_db_pool_connections', { state: 'in_use' })).toHaveLength(1);
      expect(find(samples, 'platform_db_pool_connections', { state: 'idle' })).toHaveLength(1);
      expect(find(samples, 'platform_db_pool_waiting')).toHaveLength(1);

      const lagBefore = valueOf(samples, 'platform_event_delivery_lag_seconds_count', { topic: 'purchaseRecorded' });
      const recorded = await server.gql(
        'mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }',
        {
          input: {
            buyerId: toGlobalId('Enterprise', seedId('provider', 'tea-co')),
            clientReference: 'metrics-lag-1',
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
      );
      expect(recorded.errors).toBeUndefined();
      await live.waitFor(1);
      const after = await scrape();
      expect(valueOf(after, 'platform_event_delivery_lag_seconds_count', { topic: 'purchaseRecorded' })).toBe(
        lagBefore + 1,
      );
    } finally {
      await live.close();
    }
  });

  it("reports node's event-loop lag and process figures (prom-client's default metrics)", async () => {
    const samples = await scrape();
    expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    expect(find(samples, 'nodejs_eventloop_lag_p99_seconds')).toHaveLength(1);
    expect(find(samples, 'process_resident_memory_bytes')).toHaveLength(1);
  });

  it('counts imported and rejected import rows', async () => {
    const before = await scrape();
    const buyer = toGlobalId('Enterprise', seedId('provider', 'tea-co'));
    const pepper = toGlobalId('Product', seedId('product', 'green-pepper'));
    async function* rows() {
      yield {
        line: 1,
        fields: 'client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount'.split(','),
      };
      yield { line: 2, fields: ['metrics-imp-1', buyer, 'DIRECT', '2026-05-01', pepper, '2', '公斤', '177.00'] };
      yield { line: 3, fields: ['metrics-imp-1', buyer, 'DIRECT', '2026-05-01', pepper, '1', '公斤', '88.50'] };
      yield { line: 4, fields: ['metrics-imp-2', buyer, 'NOWHERE', '2026-05-01', pepper, '1', '公斤', '88.50'] };
    }
    const report = await importPurchases(server.orm.em.fork(), rows());
    expect(report.rejected).toHaveLength(1);
    const after = await scrape();
    const rowsOf = (samples: Sample[], outcome: string) =>
      valueOf(samples, 'platform_import_rows_total', { import: 'purchases', outcome });
    expect(rowsOf(after, 'imported')).toBe(rowsOf(before, 'imported') + 2);
    expect(rowsOf(after, 'rejected')).toBe(rowsOf(before, 'rejected') + 1);
  });
});

describe('the import command pushes its counters when PROMETHEUS_PUSHGATEWAY_URL is set', () => {
  it('sends the row counts to the Pushgateway, grouped by job and import', async () => {
    const pushes: { method: string; url: string; body: string }[] = [];
    const gateway = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        pushes.push({ method: req.method!, url: req.url!, body });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
    try {
      const buyer = toGlobalId('Enterprise', seedId('provider', 'tea-co'));
      const pepper = toGlobalId('Product', seedId('product', 'green-pepper'));
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'push-')), 'purchases.csv');
      fs.writeFileSync(
        file,
        [
          'client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount',
          `push-1,${buyer},DIRECT,2026-05-01,${pepper},2,公斤,177.00`,
          `push-2,${buyer},NOWHERE,2026-05-01,${pepper},2,公斤,177.00`,
        ].join('\n') + '\n',
      );
      const cli = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'cli', 'import-purchases.js');
      const { port } = gateway.address() as { port: number };
      const outcome = await promisify(execFile)(process.execPath, [cli, file], {
        env: {
          ...process.env,
          DATABASE_URL: server.dbUrl,
          LOG_LEVEL: 'warn',
          PROMETHEUS_PUSHGATEWAY_URL: `http://127.0.0.1:${port}`,
        },
      }).catch((error: { code: number; stdout: string; stderr: string }) => error);
      expect(outcome.stdout).toContain('1 rows rejected');
      expect(pushes).toHaveLength(1);
      expect(pushes[0].method).toBe('POST');
      expect(pushes[0].url).toBe('/metrics/job/platform_import/import/purchases');
      const pushed = parseExposition(pushes[0].body);
      expect(valueOf(pushed, 'platform_import_rows_total', { outcome: 'imported' })).toBe(1);
      expect(valueOf(pushed, 'platform_import_rows_total', { outcome: 'rejected' })).toBe(1);
    } finally {
      await new Promise((resolve) => gateway.close(resolve));
    }
  });
});

describe('who may read /metrics', () => {
  it('asks for the bearer token when METRICS_TOKEN is set', async () => {
    const guarded = await startTestServer({ metrics: { onApiPort: true, token: 'scraper-token-0123456789' } });
    try {
      const url = guarded.url.replace('/graphql', '/metrics');
      const refused = await fetch(url);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
      const samples = await scrape(url, { authorization: 'Bearer scraper-token-0123456789' });
      expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
    } finally {
      await guarded.close();
    }
  });

  it('serves them on METRICS_PORT only, when that is set', async () => {
    const separate = await startTestServer({ metrics: { onApiPort: false, port: 0 } });
    try {
      expect((await fetch(separate.url.replace('/graphql', '/metrics'))).status).toBe(404);
      const { port } = separate.platform.metricsServer!.address() as { port: number };
      const samples = await scrape(`http://127.0.0.1:${port}/metrics`);
      expect(find(samples, 'nodejs_eventloop_lag_seconds')).toHaveLength(1);
      expect((await fetch(`http://127.0.0.1:${port}/graphql`)).status).toBe(404);
    } finally {
      await separate.close();
    }
  });
});
