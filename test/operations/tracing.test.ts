import path from 'node:path';
import { fork, type ChildProcess } from 'node:child_process';
import { startTestServer, adminToken, TEST_JWT_SECRET, type TestServer } from '../harness/server';

/**
 * One GraphQL request traced end to end in a real process (OpenTelemetry's instrumentation
 * patches modules as Node loads them, which jest's module system bypasses): the HTTP server span,
 * Express's middleware spans, GraphQL's parse/validate/execute spans and the PostgreSQL
 * statements, all in one trace, collected by an InMemorySpanExporter inside the process.
 */
interface Span {
  name: string;
  kind: number;
  scope: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
}

let database: TestServer;
let child: ChildProcess;
let port: number;

beforeAll(async () => {
  database = await startTestServer();
  child = fork(path.join(__dirname, 'fixtures', 'traced-server.js'), [], {
    env: { ...process.env, DATABASE_URL: database.dbUrl, JWT_SECRET: TEST_JWT_SECRET },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: { type: string; port: number }) => resolve(message.port));
    child.once('exit', (code) => reject(new Error(`traced server exited with ${code}`)));
  });
}, 60_000);

afterAll(async () => {
  if (child?.connected) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ type: 'stop' });
    await exited;
  }
  await database.close();
});

const spans = () =>
  new Promise<Span[]>((resolve) => {
    child.once('message', (message: { spans: Span[] }) => resolve(message.spans));
    child.send({ type: 'spans' });
  });

describe('OpenTelemetry traces', () => {
  it('traces one request through HTTP, Express, GraphQL and PostgreSQL in one trace', async () => {
    // The caller's trace context is continued (W3C traceparent).
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${adminToken()}`,
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      },
      body: JSON.stringify({
        query: 'query TracedVillages { villages(first: 3) { totalCount edges { node { name } } } }',
      }),
    });
    expect(((await response.json()) as { errors?: unknown }).errors).toBeUndefined();

    const trace = (await spans()).filter((s) => s.traceId === traceId);
    const scopes = new Set(trace.map((s) => s.scope));
    expect(scopes).toEqual(
      new Set([
        '@opentelemetry/instrumentation-http',
        '@opentelemetry/instrumentation-express',
        '@opentelemetry/instrumentation-graphql',
        'platform-compiled-execution',
        '@opentelemetry/instrumentation-pg',
      ]),
    );
    const server = trace.find((s) => s.scope === '@opentelemetry/instrumentation-http' && s.kind === 1)!;
    expect(server.parentSpanId).toBe('00f067aa0ba902b7');
    expect(server.attributes['http.route'] ?? server.name).toMatch(/graphql|POST/);
    const graphql = trace.filter((s) => s.scope === '@opentelemetry/instrumentation-graphql').map((s) => s.name);
    expect(graphql).toEqual(expect.arrayContaining(['graphql.parse', 'graphql.validate']));
    // Queries run compiled (core/execution): their execution span is the platform's own.
    const execution = trace.find((s) => s.scope === 'platform-compiled-execution');
    expect(execution?.name).toBe('query TracedVillages');
    const statements = trace.filter((s) => s.scope === '@opentelemetry/instrumentation-pg');
    expect(statements.filter((s) => s.parentSpanId === execution!.spanId).length).toBeGreaterThan(0);
    expect(
      statements.some((s) =>
        /select/i.test(String(s.attributes['db.statement'] ?? s.attributes['db.query.text'] ?? s.name)),
      ),
    ).toBe(true);

    // Every span of the request hangs off the server span (no orphan roots).
    const ids = new Set(trace.map((s) => s.spanId));
    expect(trace.filter((s) => s !== server && !ids.has(s.parentSpanId!))).toEqual([]);
  });

  it('leaves probes out of the traces', async () => {
    await fetch(`http://127.0.0.1:${port}/livez`);
    expect(
      (await spans()).some((s) => s.attributes['http.target'] === '/livez' || s.attributes['url.path'] === '/livez'),
    ).toBe(false);
  });
});
