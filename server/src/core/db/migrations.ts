import { Client } from 'pg';
import type { Orm } from './orm';

/**
 * The schema history as the code knows it against what a database has applied, and the steps
 * that move a database along it: start-up (`migrate`), readiness (`pendingMigrations`) and the
 * operators' CLI (`npm run migrate`, server/src/cli/migrate.ts) all read it here.
 */
export interface MigrationState {
  name: string;
  /** When this database applied it; null while pending. */
  appliedAt: Date | null;
  /** Recorded as applied but unknown to this code: the database is ahead of this release. */
  unknown?: true;
}

const MIGRATION_LOCK_KEY = 4021707;

const tableName = (orm: Orm) => orm.config.get('migrations').tableName ?? 'mikro_orm_migrations';
const knownNames = (orm: Orm) => (orm.config.get('migrations').migrationsList ?? []).map((m) => m.name);
/** MikroORM records compiled and ts-node runs with the file extension; the code lists bare names. */
const bareName = (name: string) => name.replace(/\.[jt]s$/, '');

/**
 * Every migration the code knows, in order, with when this database applied it, followed by any
 * the database recorded that the code does not know. Reads MikroORM's table directly: the
 * Migrator's own listing would first create that table, which neither a readiness probe nor
 * `migrate status` may do.
 */
export async function migrationStates(orm: Orm): Promise<MigrationState[]> {
  const connection = orm.em.getConnection();
  const table = tableName(orm);
  const [exists] = await connection.execute<{ found: string | null }[]>('SELECT to_regclass(?) AS found', [table]);
  const applied = exists?.found
    ? await connection.execute<{ name: string; executed_at: Date | string }[]>(
        `SELECT name, executed_at FROM "${table}" ORDER BY id`,
      )
    : [];
  // The raw driver row may carry the timestamp as text, depending on the connection's type parsers.
  const appliedAt = new Map(applied.map((row) => [bareName(row.name), new Date(row.executed_at)]));
  const known = knownNames(orm);
  const states: MigrationState[] = known.map((name) => ({ name, appliedAt: appliedAt.get(name) ?? null }));
  const knownSet = new Set(known);
  for (const [name, at] of appliedAt) if (!knownSet.has(name)) states.push({ name, appliedAt: at, unknown: true });
  return states;
}

/** Names of the migrations this database has not applied, in order. */
export async function pendingMigrations(orm: Orm): Promise<string[]> {
  return (await migrationStates(orm)).filter((m) => !m.appliedAt).map((m) => m.name);
}

export class MigrationPlanError extends Error {}

function indexOfKnown(states: MigrationState[], name: string): number {
  const index = states.findIndex((m) => m.name === bareName(name) && !m.unknown);
  if (index < 0) throw new MigrationPlanError(`no migration named "${name}"; \`npm run migrate -- status\` lists them`);
  return index;
}

/** What `up` applies: every pending migration, or those up to and including `to`. */
export function planUp(states: MigrationState[], to?: string): string[] {
  const last = to === undefined ? states.length - 1 : indexOfKnown(states, to);
  return states
    .slice(0, last + 1)
    .filter((m) => !m.appliedAt && !m.unknown)
    .map((m) => m.name);
}

/**
 * What `down` reverts, newest first: the last applied migration, or with `to` every applied one
 * after it, so that `to` is the last one left applied (`--to 0` reverts them all).
 */
export function planDown(states: MigrationState[], to?: string): string[] {
  const unknown = states.filter((m) => m.unknown);
  if (unknown.length)
    throw new MigrationPlanError(
      `this database has migrations this release does not know (${unknown.map((m) => m.name).join(', ')}); ` +
        'revert them with the release that applied them',
    );
  const applied = states.filter((m) => m.appliedAt);
  if (to === undefined) return applied.slice(-1).map((m) => m.name);
  const keep = to === '0' ? -1 : indexOfKnown(states, to);
  return states
    .slice(keep + 1)
    .filter((m) => m.appliedAt)
    .map((m) => m.name)
    .reverse();
}

/**
 * Several instances may start at once on one database: a session advisory lock, held on a
 * dedicated connection, lets one change the schema while the others wait.
 */
async function underMigrationLock<T>(clientUrl: string, work: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: clientUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await work();
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

/**
 * Applies the named migrations (all pending ones when none are named), in one transaction: a
 * failure leaves the schema as it was.
 */
export async function migrate(orm: Orm, clientUrl: string, names?: string[]): Promise<string[]> {
  if (names && names.length === 0) return [];
  const done = await underMigrationLock(clientUrl, () =>
    orm.getMigrator().up(names ? { migrations: names } : undefined),
  );
  return done.map((m) => bareName(m.name));
}

/** Reverts the named migrations, newest first, in one transaction. */
export async function revert(orm: Orm, clientUrl: string, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const done = await underMigrationLock(clientUrl, () => orm.getMigrator().down({ migrations: names }));
  return done.map((m) => bareName(m.name));
}
