import { startTestServer, adminToken, TEST_JWT_SECRET, type TestServer } from '../harness/server';
import { startServerProcess, type ServerProcess } from '../harness/processes';

/**
 * The real entry point (`npm start`) with a production configuration: request log lines, who may
 * read /metrics, and readiness with MIGRATE_ON_START=false.
 */
let database: TestServer;
beforeAll(async () => {
  database = await startTestServer();
});
afterAll(() => database.close());

const production = (extra: Record<string, string | null> = {}) => ({
  DATABASE_URL: database.dbUrl,
  JWT_SECRET: TEST_JWT_SECRET,
  NODE_ENV: 'production',
  REDIS_URL: null,
  METRICS_TOKEN: null,
  METRICS_PORT: null,
  ...extra,
});

const logLines = (server: ServerProcess) =>
  server.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a production server process', () => {
  let server: ServerProcess;
  beforeAll(async () => {
    server = await startServerProcess(production());
  });
  afterAll(() => server?.stop());

  it('logs every request with its operation name and type, duration and cost', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${adminToken()}`,
        'x-request-id': 'log-check-1',
      },
      body: JSON.stringify({ query: 'query VillageCount { villages { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    await response.text();
    let line: Record<string, unknown> | undefined;
    for (let i = 0; i < 50 && !line; i++) {
      line = logLines(server).find((l) => l.requestId === 'log-check-1' && l.msg === 'request');
      if (!line) await new Promise((r) => setTimeout(r, 50));
    }
    expect(line).toMatchObject({ operationName: 'VillageCount', operationType: 'query', status: 200, url: '/graphql' });
    expect(line!.ms).toEqual(expect.any(Number));
    expect(line!.cost).toEqual(expect.any(Number));
    expect(line!.cost).toBeGreaterThan(0);
  });

  it('does not serve /metrics on the API port without METRICS_TOKEN', async () => {
    expect((await fetch(server.url.replace('/graphql', '/metrics'))).status).toBe(404);
    expect((await fetch(server.url.replace('/graphql', '/livez'))).status).toBe(200);
  });
});

describe('a production server process with METRICS_TOKEN and MIGRATE_ON_START=false', () => {
  let server: ServerProcess;
  let removed: { id: number; name: string; executed_at: Date };
  beforeAll(async () => {
    [removed] = await database.sql('SELECT id, name, executed_at FROM mikro_orm_migrations ORDER BY name DESC LIMIT 1');
    await database.sql('DELETE FROM mikro_orm_migrations WHERE id = $1', [removed.id]);
    server = await startServerProcess(production({ METRICS_TOKEN: 'scrape-me-0123456789', MIGRATE_ON_START: 'false' }));
  });
  afterAll(async () => {
    await server?.stop();
    await database.sql(
      'INSERT INTO mikro_orm_migrations (id, name, executed_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [removed.id, removed.name, removed.executed_at],
    );
  });

  it('starts without applying the pending migration and reports itself not ready', async () => {
    const rows = await database.sql('SELECT 1 FROM mikro_orm_migrations WHERE name = $1', [removed.name]);
    expect(rows).toHaveLength(0);
    const ready = await fetch(server.url.replace('/graphql', '/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ migrations: 'pending', database: 'up' });
    expect(logLines(server).some((l) => l.msg === 'MIGRATE_ON_START=false: migrations are pending')).toBe(true);
  });

  it('serves /metrics on the API port to the bearer of METRICS_TOKEN only', async () => {
    const url = server.url.replace('/graphql', '/metrics');
    expect((await fetch(url)).status).toBe(401);
    const allowed = await fetch(url, { headers: { authorization: 'Bearer scrape-me-0123456789' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('nodejs_eventloop_lag_seconds');
  });
});
