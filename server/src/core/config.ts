import os from 'node:os';
import path from 'node:path';

/** Environment variables the platform reads; each one is documented in the README's configuration table. */
export interface Config {
  port: number;
  /** When absent the platform starts an embedded PostgreSQL inside `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** When absent (and not in production) a secret is generated once and kept in `dataDir`. */
  jwtSecret: string | undefined;
  nodeEnv: string;
  logLevel: string;
  /** With Redis, live events travel between instances; without it they stay in-process. */
  redisUrl: string | undefined;
  /** How often each instance also polls the event table, in case an announcement was lost. */
  eventPollMs: number;
  /** Worker processes sharing the port (Node's cluster module); 1 runs everything in this process. */
  workers: number;
}

export class ConfigError extends Error {}

function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV || 'development';
  const portText = env.PORT ?? '4000';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${portText}"`);
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  if (nodeEnv === 'production' && !jwtSecret) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production');
  }
  if (jwtSecret && jwtSecret.length < 16) {
    throw new ConfigError('JWT_SECRET must be at least 16 characters long');
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || '.data'),
    jwtSecret,
    nodeEnv,
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'warn' : 'info'),
    redisUrl: env.REDIS_URL || undefined,
    eventPollMs: positiveInteger(env.EVENT_POLL_MS, 2000, 'EVENT_POLL_MS'),
    workers: env.WORKERS === 'auto' ? os.availableParallelism() : positiveInteger(env.WORKERS, 1, 'WORKERS'),
  };
}

/**
 * The project pins Node 24 through its devDependencies so `npm start` and `npm test` run on it;
 * a bare `node` may still be the machine's older one, which some dependencies no longer support.
 */
export function assertSupportedNode(version = process.versions.node): void {
  const major = Number(version.split('.')[0]);
  if (major < 22) {
    throw new ConfigError(
      `Node ${version} is too old: run the platform through npm (npm start, npm test, npm run ...), which uses the project's pinned Node 24`,
    );
  }
}
