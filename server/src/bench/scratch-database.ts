import { Client } from 'pg';
import { loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { type Orm } from '../core/db/orm';
import { migrate } from '../core/db/migrations';
import { connectPlatformOrm } from '../platform';
import { seedDemoData } from '../../../seeds/load';

/**
 * A throwaway database for a benchmark, on the server of DATABASE_URL (or the embedded one):
 * created, migrated and seeded with the demo data; dropped by `close()`.
 */
export async function scratchDatabase(name: string): Promise<{ orm: Orm; url: string; close(): Promise<void> }> {
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger);
  const adminUrl = database.url;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const orm = await connectPlatformOrm(url.toString(), logger);
  await migrate(orm, url.toString());
  await seedDemoData(orm);
  return {
    orm,
    url: url.toString(),
    async close() {
      await orm.close();
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await database.embedded?.stop();
    },
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = process.hrtime.bigint();
  const result = await run();
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, result };
}
