import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { migrate } from '../core/db/migrations';
import { knexOf } from '../core/sql';
import { connectPlatformOrm } from '../platform';
import { seedDemoData } from '../../../seeds/load';
import { generateScaleData } from '../bench/scale-data';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * `npm run seed:scale -- --villages 10000 --purchases 1000000 [--enterprises 2000] [--database platform_scale] [--if-missing]`:
 * a fresh database on the server of DATABASE_URL (or the embedded one), migrated, with the demo
 * data and the deterministic scale data set of bench/scale-data.ts. Prints its URL. With
 * `--if-missing` an existing database that already holds that many scale villages and purchases
 * is kept (`npm run bench` uses it: the set takes minutes to generate and is always the same).
 */
async function main(): Promise<void> {
  assertSupportedNode();
  const { values } = parseArgs({
    options: {
      villages: { type: 'string', default: '10000' },
      purchases: { type: 'string', default: '1000000' },
      enterprises: { type: 'string' },
      database: { type: 'string', default: 'platform_scale' },
      'if-missing': { type: 'boolean', default: false },
    },
  });
  const villages = Number(values.villages);
  const purchases = Number(values.purchases);
  const enterprises = Number(values.enterprises ?? Math.max(10, Math.round(villages / 5)));
  if (![villages, purchases, enterprises].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error('--villages, --purchases and --enterprises take positive whole numbers');
  }
  if (!/^[a-z_][a-z0-9_]*$/.test(values.database!)) throw new Error('--database takes a plain lower-case name');
  const logger = createLogger('warn');
  const database = await openDatabase(loadConfig(), logger, { shareRunning: true });
  const url = new URL(database.url);
  url.pathname = `/${values.database}`;
  if (values['if-missing'] && (await holdsScaleData(url.toString(), villages, purchases))) {
    console.log(`${values.database} already holds the scale data set; kept (${url.toString()})`);
    await database.embedded?.stop();
    return;
  }
  const admin = new Client({ connectionString: database.url });
  await admin.connect();
  const started = Date.now();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${values.database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${values.database}"`);
    const orm = await connectPlatformOrm(url.toString(), logger);
    try {
      await migrate(orm, url.toString());
      await seedDemoData(orm);
      console.log(`generating ${villages} villages, ${enterprises} enterprises, ${purchases} purchases …`);
      await generateScaleData(
        knexOf(orm.em.fork() as EntityManager),
        { villages, enterprises, purchases },
        console.log,
      );
    } finally {
      await orm.close();
    }
  } finally {
    await admin.end();
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${url.toString()}`);
  if (database.embedded) {
    console.log('(embedded PostgreSQL: the database lives in DATA_DIR and is served while a platform process runs it)');
    await database.embedded.stop();
  }
}

/** Whether the database exists and holds at least this many scale villages and purchases. */
async function holdsScaleData(url: string, villages: number, purchases: number): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ villages: number; purchases: number }>(
      `SELECT (SELECT count(*)::int FROM village WHERE code LIKE '99%') AS villages,
              (SELECT count(*)::int FROM purchase WHERE client_reference LIKE 'scale-%') AS purchases`,
    );
    return rows[0].villages >= villages && rows[0].purchases >= purchases;
  } catch {
    return false; // no such database, or not migrated
  } finally {
    await client.end().catch(() => undefined);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
