import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startServerProcess, type ServerProcess } from './harness/processes';
import { signToken } from '../server/src/core/auth/tokens';
import { Role } from '../server/src/core/auth/viewer';

/**
 * `npm start` without DATABASE_URL, as a new user runs it: embedded PostgreSQL in DATA_DIR, demo
 * data seeded, health reported, and a kill -9 survived without losing acknowledged writes.
 */
const run = promisify(execFile);
const MAIN = path.resolve(__dirname, '..', 'dist', 'server', 'src', 'main.js');
const TOKEN_CLI = path.resolve(__dirname, '..', 'dist', 'server', 'src', 'cli', 'token.js');
const SECRET = 'embedded-start-test-secret';
const withoutDatabaseUrl = () => {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env))
    if (key !== 'DATABASE_URL' && value !== undefined) env[key] = value;
  return env;
};

async function gql(url: string, query: string, variables?: Record<string, unknown>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${signToken({ role: Role.ADMIN }, SECRET)}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: unknown[] };
}

describe('npm start on an embedded PostgreSQL', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-start-'));
  const running: ServerProcess[] = [];
  afterAll(async () => {
    // Also after a failure: no server (nor its embedded PostgreSQL) may outlive the test.
    for (const server of running) {
      if (server.child.exitCode === null && server.child.signalCode === null) await server.stop();
    }
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    if (fs.existsSync(pidFile)) {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGINT');
      } catch {
        // already gone
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds an empty database, survives kill -9 without losing acknowledged data, and reports health', async () => {
    // DATABASE_URL is removed: with it the platform would use that server instead.
    const env = { DATABASE_URL: null, DATA_DIR: dataDir, JWT_SECRET: SECRET };
    const first = await startServerProcess(env, 60_000);
    running.push(first);
    const seeded = await gql(first.url, '{ villages(filter: { designations: [KEY_ASSISTED] }) { totalCount } }');
    expect(seeded.data.villages.totalCount).toBe(6);
    const villageId = Buffer.from('Village:519902100201').toString('base64url');
    const written = await gql(
      first.url,
      'mutation($input: RecordVillageIndicatorsInput!) { recordVillageIndicators(input: $input) { indicators { year population } } }',
      {
        input: { villageId, year: 2024, population: 3611 },
      },
    );
    expect(written.data.recordVillageIndicators.indicators).toEqual({ year: 2024, population: 3611 });

    // `npm run token` beside the running server, on the same DATA_DIR (the README's first steps):
    // it checks the region in the running platform's database and leaves that database running.
    const { stdout } = await run(
      process.execPath,
      [TOKEN_CLI, '--role', 'REGION_OFFICIAL', '--region', '519902000000', '--subject', 'li.hua'],
      { env: { ...withoutDatabaseUrl(), DATA_DIR: dataDir, JWT_SECRET: SECRET } },
    );
    const official = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stdout.trim()}` },
      body: JSON.stringify({ query: '{ viewer { role regionCode } }' }),
    });
    expect(await official.json()).toEqual({
      data: { viewer: { role: 'REGION_OFFICIAL', regionCode: '519902000000' } },
      extensions: expect.anything(),
    });

    first.child.kill('SIGKILL'); // the embedded postmaster is left behind as an orphan
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startServerProcess(env, 60_000);
    running.push(second);
    {
      const kept = await gql(
        second.url,
        `query($id: ID!) { node(id: $id) { ... on Village { indicators(year: 2024) { population } } } }`,
        { id: villageId },
      );
      expect(kept.data.node.indicators).toEqual({ population: 3611 });
      // Not seeded twice: the restart found a database with data in it.
      const again = await gql(second.url, '{ villages(filter: { designations: [KEY_ASSISTED] }) { totalCount } }');
      expect(again.data.villages.totalCount).toBe(6);
      const healthy = await fetch(second.url.replace('/graphql', '/healthz'));
      expect(healthy.status).toBe(200);

      // Take the database away under the running server: health turns 503.
      const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
      process.kill(pid, 'SIGINT');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const unhealthy = await fetch(second.url.replace('/graphql', '/healthz'));
      expect(unhealthy.status).toBe(503);
    }
  }, 180_000);

  it('refuses to start in production without JWT_SECRET', async () => {
    const env: Record<string, string> = { ...withoutDatabaseUrl(), NODE_ENV: 'production', DATA_DIR: dataDir };
    delete env.JWT_SECRET;
    await expect(run(process.execPath, [MAIN], { env })).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('JWT_SECRET is required'),
    });
  });
});
