import { MikroORM, defineConfig, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../logger';
import type { PlatformModule } from '../module';

export type Orm = MikroORM;

/** The entities and migrations of the assembled modules (see server/src/platform.ts). */
export interface OrmParts {
  entities: NonNullable<PlatformModule['entities']>;
  migrations: NonNullable<PlatformModule['migrations']>;
}

/** No statement may hold a pooled connection longer than this unless STATEMENT_TIMEOUT_MS says otherwise. */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 15_000;

export function ormOptions(
  clientUrl: string,
  parts: OrmParts,
  logger?: Logger,
  poolMax = 10,
  statementTimeoutMs = DEFAULT_STATEMENT_TIMEOUT_MS,
): Options {
  return defineConfig({
    clientUrl,
    // Every pooled session gets a statement timeout (a runaway query is cancelled, SQLSTATE 57014,
    // answered TIMEOUT) and gives up a transaction left idle, so no request holds a connection long.
    driverOptions: {
      connection: {
        statement_timeout: statementTimeoutMs,
        idle_in_transaction_session_timeout: statementTimeoutMs * 2,
      },
    },
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

export async function connectOrm(
  clientUrl: string,
  parts: OrmParts,
  logger?: Logger,
  poolMax?: number,
  statementTimeoutMs?: number,
): Promise<Orm> {
  return MikroORM.init(ormOptions(clientUrl, parts, logger, poolMax, statementTimeoutMs));
}
