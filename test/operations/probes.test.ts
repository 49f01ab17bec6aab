import { startTestServer, type TestServer } from '../harness/server';

/** Liveness and readiness as an orchestrator probes them. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' });
});
afterAll(() => server.close());

const probe = async (path: string) => {
  const response = await fetch(server.url.replace('/graphql', path));
  return { status: response.status, body: (await response.json()) as Record<string, string> };
};

describe('/livez, /readyz and /healthz', () => {
  it('answers /livez while the process runs, whatever its dependencies do', async () => {
    expect(await probe('/livez')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  it('is ready when the database answers, every migration is applied and Redis answers', async () => {
    const ready = { status: 'ok', database: 'up', migrations: 'up', redis: 'up' };
    expect(await probe('/readyz')).toEqual({ status: 200, body: ready });
    expect(await probe('/healthz')).toEqual({ status: 200, body: ready });
  });

  it('is not ready while a migration is pending, and is again once it is applied', async () => {
    const [last] = await server.sql<{ id: number; name: string; executed_at: Date }>(
      'SELECT id, name, executed_at FROM mikro_orm_migrations ORDER BY name DESC LIMIT 1',
    );
    await server.sql('DELETE FROM mikro_orm_migrations WHERE id = $1', [last.id]);
    try {
      const pending = await probe('/readyz');
      expect(pending.status).toBe(503);
      expect(pending.body).toMatchObject({ status: 'unavailable', database: 'up', migrations: 'pending' });
      expect((await probe('/livez')).status).toBe(200);
    } finally {
      await server.sql('INSERT INTO mikro_orm_migrations (id, name, executed_at) VALUES ($1, $2, $3)', [
        last.id,
        last.name,
        last.executed_at,
      ]);
    }
    expect((await probe('/readyz')).status).toBe(200);
  });
});
