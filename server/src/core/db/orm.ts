import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { Client } from 'pg';
import type { Logger } from '../logger';
import type { PlatformModule } from '../module';

export type Orm = MikroORM;

/** The entities and migrations of the assembled modules (see server/src/platform.ts). */
export interface OrmParts {
  entities: NonNullable<PlatformModule['entities']>;
  migrations: NonNullable<PlatformModule['migrations']>;
}

export function ormOptions(clientUrl: string, parts: OrmParts, logger?: Logger, poolMax = 10): Options {
  return defineConfig({
    clientUrl,
    entities: parts.entities,
    extensions: [Migrator],
    migrations: {
      migrationsList: parts.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // Every request forks its own EntityManager in the context factory; using the global one is a bug.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: poolMax },
    discovery: { warnWhenNoEntities: false },
    // The file cache breaks under jest (metadata Maps from another realm) and saves little here.
    metadataCache: { enabled: false },
    debug: false,
    logger: (message) => logger?.debug({ component: 'orm' }, message),
  });
}

export async function connectOrm(clientUrl: string, parts: OrmParts, logger?: Logger, poolMax?: number): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, parts, logger, poolMax));
}

/**
 * Applies pending migrations. Several instances may start at once on one database: a session
 * advisory lock, held on a dedicated connection, lets one migrate while the others wait.
 */
export async function migrate(orm: Orm, clientUrl: string): Promise<void> {
  const lock = new Client({ connectionString: clientUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await orm.getMigrator().up();
  } finally {
    await lock.end(); // ending the session releases the lock
  }
}

const MIGRATION_LOCK_KEY = 4021707;
