// First of all: tracing must patch http, express, graphql and pg before they are loaded.
import './core/observability/tracing-preload';
import 'reflect-metadata';
import cluster from 'node:cluster';
import { assertSupportedNode, loadConfig, type Config } from './core/config';
import { createLogger, type Logger } from './core/logger';
import { openDatabase, type Database } from './core/db/database';
import { type Orm } from './core/db/orm';
import { migrate, pendingMigrations } from './core/db/migrations';
import { resolveJwtSecret } from './core/auth/tokens';
import { CLUSTER_MESSAGE, type ClusterMessage } from './core/events/event-bus';
import { createPlatform, type Platform } from './app';
import { connectPlatformOrm } from './platform';
import { answerClusterScrapes, clusterMetrics } from './core/observability/metrics';
import { createMetricsServer } from './core/observability/metrics-endpoint';
import { isDatabaseEmpty, seedDemoData } from '../../seeds/load';

/**
 * `npm start`: configuration → database (embedded unless DATABASE_URL) → migrations → demo data
 * (embedded and empty only) → GraphQL over HTTP and WebSocket on one URL. SIGINT/SIGTERM drain
 * requests, close sockets and stop the embedded database, in that order.
 *
 * With WORKERS > 1 this process becomes a cluster primary: it prepares the database once, then
 * runs that many worker processes that share the port (Node's cluster module balances
 * connections between them) and relays live-event announcements between them.
 */
async function main(): Promise<void> {
  assertSupportedNode();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (cluster.isWorker) return runWorker(config, logger);
  if (config.workers > 1) return runPrimary(config, logger);
  return runSingle(config, logger);
}

/** Database up, migrated, and seeded when it is a new embedded one. */
async function prepareDatabase(config: Config, logger: Logger): Promise<{ database: Database; orm: Orm }> {
  const database = await openDatabase(config, logger);
  let orm: Orm | undefined;
  try {
    orm = await connectPlatformOrm(database.url, logger, undefined, config.statementTimeoutMs);
    if (config.migrateOnStart) await migrate(orm, database.url);
    else {
      // Readiness (/readyz) stays 503 until `npm run migrate -- up` has applied them.
      const pending = await pendingMigrations(orm);
      if (pending.length) logger.warn({ pending }, 'MIGRATE_ON_START=false: migrations are pending');
    }
    if (config.migrateOnStart && database.embedded && (await isDatabaseEmpty(orm))) {
      const counts = await seedDemoData(orm);
      logger.info({ counts }, 'seeded demo data into the new embedded database');
    }
    return { database, orm };
  } catch (error) {
    // Never leave an embedded PostgreSQL running behind a failed start.
    await orm?.close();
    await database.embedded?.stop();
    throw error;
  }
}

/** What the configuration sets on every platform instance (single process or cluster worker). */
const platformSettings = (config: Config) => ({
  redisUrl: config.redisUrl,
  eventPollMs: config.eventPollMs,
  limits: config,
  corsOrigins: config.corsOrigins,
  allowIntrospection: config.allowIntrospection,
  enableIde: config.enableIde,
  compiledExecution: config.compiledExecution,
  metrics: config.metrics,
  trustProxy: config.trustProxy,
});

const readyLine = (logger: Logger, port: number, extra: Record<string, unknown> = {}) =>
  logger.info(
    { url: `http://localhost:${port}/graphql`, ...extra },
    `ready: GraphQL at http://localhost:${port}/graphql`,
  );

/** Runs each shutdown step even when an earlier one failed: the database must not outlive us. */
async function runSteps(logger: Logger, steps: [string, () => Promise<void>][]): Promise<boolean> {
  let failed = false;
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (error) {
      failed = true;
      logger.error({ err: error, step: name }, 'shutdown step failed');
    }
  }
  return !failed;
}

function onSignals(shutdown: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handle = (signal: string) => {
    if (stopping) return;
    stopping = true;
    void shutdown(signal);
  };
  process.on('SIGINT', () => handle('SIGINT'));
  process.on('SIGTERM', () => handle('SIGTERM'));
}

function forceExitAfter(logger: Logger, database: Database | null): NodeJS.Timeout {
  return setTimeout(() => {
    logger.error('shutdown took longer than 20 s; exiting');
    database?.embedded?.signalStop(); // PostgreSQL finishes its fast shutdown on its own
    process.exit(1);
  }, 20_000);
}

async function runSingle(config: Config, logger: Logger): Promise<void> {
  const { database, orm } = await prepareDatabase(config, logger);
  let platform: Platform;
  let port: number;
  try {
    const jwtSecret = resolveJwtSecret(config.jwtSecret, config.dataDir);
    platform = await createPlatform({ orm, logger, jwtSecret, ...platformSettings(config) });
    port = await platform.listen(config.port);
  } catch (error) {
    await orm.close();
    await database.embedded?.stop();
    throw error;
  }
  onSignals(async (signal) => {
    logger.info({ signal }, 'shutting down');
    const force = forceExitAfter(logger, database);
    const ok = await runSteps(logger, [
      ['http and websocket', () => platform.stop()],
      ['orm', () => orm.close()],
      ['embedded postgres', async () => database.embedded?.stop()],
    ]);
    clearTimeout(force);
    logger.info('stopped');
    process.exit(ok ? 0 : 1);
  });
  readyLine(logger, port);
}

/**
 * The cluster primary serves no requests: it prepares the database, starts the workers, restarts
 * one that dies, relays event announcements, and on a signal stops the workers (each drains its
 * requests) before the embedded database.
 */
async function runPrimary(config: Config, logger: Logger): Promise<void> {
  const { database, orm } = await prepareDatabase(config, logger);
  await orm.close();
  const env = {
    DATABASE_URL: database.url,
    JWT_SECRET: resolveJwtSecret(config.jwtSecret, config.dataDir),
  };
  let stopping = false;
  const listening = new Map<number, number>();
  let announced = false;
  const fork = () => {
    const worker = cluster.fork(env);
    worker.on('message', (message: ClusterMessage) => {
      if (message?.type === CLUSTER_MESSAGE.committed) {
        // Every other worker reads the committed events (the sender already woke its own hub).
        for (const other of Object.values(cluster.workers ?? {})) if (other && other !== worker) other.send(message);
      } else if (message?.type === CLUSTER_MESSAGE.listening) {
        listening.set(worker.id, message.port);
        if (!announced && listening.size === config.workers) {
          announced = true;
          readyLine(logger, message.port, { workers: config.workers });
        }
      }
    });
    worker.on('exit', (code, signal) => {
      listening.delete(worker.id);
      if (stopping) return;
      logger.error({ worker: worker.id, code, signal }, 'worker died; starting another');
      fork();
    });
  };
  for (let i = 0; i < config.workers; i++) fork();
  // One scrape answers for every worker (see clusterMetrics); the workers open no metrics port.
  const metricsServer =
    config.metrics.port !== undefined ? createMetricsServer(config.metrics.token, clusterMetrics()) : undefined;
  metricsServer?.listen(config.metrics.port);
  onSignals(async (signal) => {
    stopping = true;
    logger.info({ signal }, 'shutting down the workers');
    const force = forceExitAfter(logger, database);
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    const ok = await runSteps(logger, [
      [
        'workers',
        () =>
          Promise.all(
            workers.map(
              (worker) =>
                new Promise<void>((done) => {
                  worker.once('exit', () => done());
                  worker.process.kill('SIGTERM');
                }),
            ),
          ).then(() => undefined),
      ],
      ['metrics', async () => void metricsServer?.close()],
      ['embedded postgres', async () => database.embedded?.stop()],
    ]);
    clearTimeout(force);
    logger.info('stopped');
    process.exit(ok ? 0 : 1);
  });
}

/** A cluster worker: the database is prepared and the secret chosen by the primary. */
async function runWorker(config: Config, logger: Logger): Promise<void> {
  const orm = await connectPlatformOrm(config.databaseUrl!, logger, undefined, config.statementTimeoutMs);
  const platform = await createPlatform({
    orm,
    logger,
    jwtSecret: config.jwtSecret!,
    ...platformSettings(config),
    // With METRICS_PORT the primary serves the whole cluster's figures; otherwise each worker's own.
    metrics: config.metrics.port !== undefined ? { onApiPort: false } : config.metrics,
    clusterWorker: true,
  });
  answerClusterScrapes();
  const port = await platform.listen(config.port);
  onSignals(async () => {
    const ok = await runSteps(logger, [
      ['http and websocket', () => platform.stop()],
      ['orm', () => orm.close()],
    ]);
    process.exit(ok ? 0 : 1);
  });
  process.send?.({ type: CLUSTER_MESSAGE.listening, port });
}

main().catch((error) => {
  // Before the logger exists (bad configuration, old Node) plain stderr is all there is.
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
