import 'reflect-metadata';
import { assertSupportedNode, loadConfig } from './core/config';
import { createLogger } from './core/logger';
import { openDatabase } from './core/db/database';
import { migrate } from './core/db/orm';
import { connectPlatformOrm } from './platform';
import { resolveJwtSecret } from './core/auth/tokens';
import { createPlatform } from './app';
import { isDatabaseEmpty, seedDemoData } from '../../seeds/load';

/**
 * `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → demo data
 * (embedded and empty only) → GraphQL over HTTP and WebSocket on one URL. SIGINT/SIGTERM drain
 * requests, close sockets and stop the embedded database, in that order.
 */
async function main(): Promise<void> {
  assertSupportedNode();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const database = await openDatabase(config, logger);
  let orm: Awaited<ReturnType<typeof connectPlatformOrm>> | undefined;
  let platform: Awaited<ReturnType<typeof createPlatform>>;
  let port: number;
  try {
    orm = await connectPlatformOrm(database.url, logger);
    await migrate(orm, database.url);
    if (database.embedded && (await isDatabaseEmpty(orm))) {
      const counts = await seedDemoData(orm);
      logger.info({ counts }, 'seeded demo data into the new embedded database');
    }
    const jwtSecret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    platform = await createPlatform({
      orm,
      logger,
      jwtSecret,
      redisUrl: config.redisUrl,
      eventPollMs: config.eventPollMs,
    });
    port = await platform.listen(config.port);
  } catch (error) {
    // Never leave an embedded PostgreSQL running behind a failed start.
    await orm?.close();
    await database.embedded?.stop();
    throw error;
  }
  const openOrm = orm;

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting');
      database.embedded?.signalStop(); // PostgreSQL finishes its fast shutdown on its own
      process.exit(1);
    }, 20_000);
    // Each step runs even when an earlier one failed: the database must not outlive us.
    const steps: [string, () => Promise<void>][] = [
      ['http and websocket', () => platform.stop()],
      ['orm', () => openOrm.close()],
      ['embedded postgres', async () => database.embedded?.stop()],
    ];
    let failed = false;
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: name }, 'shutdown step failed');
      }
    }
    clearTimeout(force);
    logger.info('stopped');
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  logger.info({ url: `http://localhost:${port}/graphql` }, `ready: GraphQL at http://localhost:${port}/graphql`);
}

main().catch((error) => {
  // Before the logger exists (bad configuration, old Node) plain stderr is all there is.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
