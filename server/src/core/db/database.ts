import type { Config } from '../config';
import type { Logger } from '../logger';
import { startEmbeddedPostgres, type EmbeddedOptions, type EmbeddedPostgres } from './embedded-postgres';

export interface Database {
  url: string;
  embedded: EmbeddedPostgres | null;
}

/** DATABASE_URL when given; otherwise the embedded PostgreSQL kept in DATA_DIR. */
export async function openDatabase(config: Config, logger: Logger, options: EmbeddedOptions = {}): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: null };
  const embedded = await startEmbeddedPostgres(config.dataDir, logger, options);
  logger.info({ port: embedded.port, dataDir: config.dataDir }, 'embedded PostgreSQL ready');
  return { url: embedded.url, embedded };
}
