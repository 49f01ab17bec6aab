import path from 'node:path';
import { execFile } from 'node:child_process';
import { Client } from 'pg';
import { databaseUrl, dropDatabase, recreateDatabase } from '../harness/databases';

/**
 * `npm run migrate` as an operator runs it before a release: status, up (to a named migration),
 * down (needing --yes), on an empty database of its own. Going all the way down and up again shows
 * that every migration's `down` undoes its `up`.
 */
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'cli', 'migrate.js');
const name = `platform_migrate_cli_${process.pid}`;
let admin: Client;
let url: string;

beforeAll(async () => {
  admin = new Client({ connectionString: process.env.TEST_ADMIN_URL });
  await admin.connect();
  await recreateDatabase(admin, name);
  url = databaseUrl(process.env.TEST_ADMIN_URL!, name);
});
afterAll(async () => {
  await dropDatabase(admin, name);
  await admin.end();
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const migrateCli = (...args: string[]) =>
  new Promise<Run>((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** The names a section of the output lists (the indented lines after its heading). */
const listed = (stdout: string, heading: string) => {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(heading));
  if (start < 0) return [];
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    names.push(line.trim());
  }
  return names;
};

const statusOf = async () => {
  const { stdout } = await migrateCli('status');
  return stdout
    .split('\n')
    .filter((line) => /^ {2}(applied|pending)/.test(line))
    .map((line) => ({ applied: line.trim().startsWith('applied'), name: line.trim().split(/\s+/).pop()! }));
};

const tablesIn = async () => {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    return rows.map((row) => row.table_name);
  } finally {
    await db.end();
  }
};

describe('npm run migrate', () => {
  let all: string[];

  it('lists every migration as pending on an empty database and --check fails', async () => {
    const status = await statusOf();
    all = status.map((m) => m.name);
    expect(all.length).toBeGreaterThan(10);
    expect(status.every((m) => !m.applied)).toBe(true);
    expect([...all].sort()).toEqual(all); // applied in name order
    const check = await migrateCli('status', '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`0 applied, ${all.length} pending`);
    expect(await tablesIn()).toEqual([]); // reading the status creates nothing
  });

  it('applies up to and including --to NAME, listing them before it applies them', async () => {
    const run = await migrateCli('up', '--to', all[2]);
    expect(run.code).toBe(0);
    expect(listed(run.stdout, 'to apply')).toEqual(all.slice(0, 3));
    expect(run.stdout.indexOf('to apply')).toBeLessThan(run.stdout.indexOf('applied 3 migrations'));
    expect((await statusOf()).filter((m) => m.applied).map((m) => m.name)).toEqual(all.slice(0, 3));
    expect(await tablesIn()).toEqual(expect.arrayContaining(['region', 'village', 'pairing']));
  });

  it('--dry-run lists what up would apply and applies nothing', async () => {
    const run = await migrateCli('up', '--dry-run');
    expect(run.code).toBe(0);
    expect(listed(run.stdout, 'to apply')).toEqual(all.slice(3));
    expect((await statusOf()).filter((m) => m.applied)).toHaveLength(3);
  });

  it('refuses down without --yes, naming what it would revert, and reverts nothing', async () => {
    const run = await migrateCli('down');
    expect(run.code).toBe(2);
    expect(listed(run.stdout, 'to revert')).toEqual([all[2]]);
    expect(run.stderr).toContain('--yes');
    expect((await statusOf()).filter((m) => m.applied)).toHaveLength(3);
  });

  it('reverts the last migration with --yes', async () => {
    const run = await migrateCli('down', '--yes');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('reverted 1 migration');
    expect((await statusOf()).filter((m) => m.applied).map((m) => m.name)).toEqual(all.slice(0, 2));
    expect(await tablesIn()).not.toContain('pairing');
  });

  it('goes all the way up, all the way down (--to 0) and up again: every down undoes its up', async () => {
    expect((await migrateCli('up')).code).toBe(0);
    expect((await migrateCli('status', '--check')).code).toBe(0);
    const down = await migrateCli('down', '--to', '0', '--yes');
    expect(down.code).toBe(0);
    expect(listed(down.stdout, 'to revert')).toEqual([...all].reverse());
    expect(await tablesIn()).toEqual(['mikro_orm_migrations']);
    const up = await migrateCli('up');
    expect(up.stdout).toContain(`applied ${all.length} migrations`);
    expect((await migrateCli('status', '--check')).code).toBe(0);
  });

  it('down --to NAME keeps NAME applied and reverts only what came after it', async () => {
    const run = await migrateCli('down', '--to', all[all.length - 3], '--dry-run');
    expect(run.code).toBe(0);
    expect(listed(run.stdout, 'to revert')).toEqual(all.slice(-2).reverse());
    expect((await migrateCli('status', '--check')).code).toBe(0); // dry run: still all applied
  });

  it('answers an unknown migration name or command with a clear message', async () => {
    const unknown = await migrateCli('up', '--to', 'Migration_nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no migration named "Migration_nope"');
    const usage = await migrateCli('sideways');
    expect(usage.code).toBe(64);
    expect(usage.stderr).toContain('unknown command "sideways"');
    expect(usage.stderr).toContain('usage: npm run migrate');
  });
});
