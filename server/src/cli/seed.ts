import 'reflect-metadata';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { migrate } from '../core/db/migrations';
import { connectPlatformOrm } from '../platform';
import { seedDemoData } from '../../../seeds/load';

/** `npm run seed`: migrations, then the demo data set, into DATABASE_URL (or the embedded database). */
async function main(): Promise<void> {
  assertSupportedNode();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger, { shareRunning: true });
  const orm = await connectPlatformOrm(database.url, logger);
  try {
    await migrate(orm, database.url);
    const counts = await seedDemoData(orm);
    logger.info({ counts }, 'demo data loaded');
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
