import os from 'node:os';
import path from 'node:path';
import { DEFAULT_TOKEN_MAX_LIFETIME_SECONDS, parseLifetime } from './auth/tokens';
import { DEFAULT_STATEMENT_TIMEOUT_MS } from './db/orm';
import type { MetricsExposure } from './observability/metrics-endpoint';

/** The defaults of the limits below, shared by the configuration and createPlatform. */
export const DEFAULT_LIMITS = {
  costLimit: 20_000,
  rateLimitPoints: 100_000,
  rateLimitAnonymousPoints: 300,
  rateLimitPrefix: 'platform:rate',
  requestTimeoutMs: 30_000,
  statementTimeoutMs: DEFAULT_STATEMENT_TIMEOUT_MS,
  tokenMaxLifetimeSeconds: DEFAULT_TOKEN_MAX_LIFETIME_SECONDS,
  exportMaxRows: 50_000,
} as const;

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
  /** Browser origins allowed by CORS; empty for same-origin only. */
  corsOrigins: string[];
  /** Introspection on: always outside production, in production only when ALLOW_INTROSPECTION=true. */
  allowIntrospection: boolean;
  /** The offline IDE at /ide: always outside production, in production only when ENABLE_IDE=true. */
  enableIde: boolean;
  /** Queries run compiled by graphql-jit (core/execution); COMPILED_EXECUTION=false runs them in graphql-js. */
  compiledExecution: boolean;
  /** The most one operation may cost, in points. */
  costLimit: number;
  /** Cost points per minute per token subject. */
  rateLimitPoints: number;
  /** Requests per minute per client IP without a valid token. */
  rateLimitAnonymousPoints: number;
  /** Redis key prefix of the rate limits. */
  rateLimitPrefix: string;
  /** How long one request may run before no further resolver starts. */
  requestTimeoutMs: number;
  /** PostgreSQL statement_timeout of every pooled connection. */
  statementTimeoutMs: number;
  /** Longest token lifetime the server accepts and the CLI signs. */
  tokenMaxLifetimeSeconds: number;
  /** Rows one ledger export may hold; a larger export is refused. */
  exportMaxRows: number;
  /** Where `/metrics` is served: see core/observability/metrics-endpoint.ts. */
  metrics: MetricsExposure;
  /** Apply pending migrations at start (MIGRATE_ON_START=false leaves them to `npm run migrate`). */
  migrateOnStart: boolean;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies' X-Forwarded-For to believe; none by default. */
  trustProxy: boolean | number | string | undefined;
}

export class ConfigError extends Error {}

function positiveInteger(text: string | undefined, fallback: number, name: string): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got "${text}"`);
  return value;
}

function corsOrigins(text: string | undefined): string[] {
  const origins = (text ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (origin !== '*' && !/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError(`CORS_ORIGINS takes origins such as https://portal.example.cn (no path), got "${origin}"`);
  }
  return origins;
}

function tokenLifetime(text: string | undefined): number {
  if (text === undefined || text === '') return DEFAULT_LIMITS.tokenMaxLifetimeSeconds;
  const seconds = parseLifetime(text);
  if (seconds === null)
    throw new ConfigError(`TOKEN_MAX_LIFETIME must be a lifetime such as 30d, 12h or 3600s, got "${text}"`);
  return seconds;
}

/**
 * METRICS_PORT: `/metrics` on that port only (for a monitoring network). Otherwise on the API
 * port: open outside production, and in production only with METRICS_TOKEN, so a public API port
 * never shows its operations and error rates to anyone who asks.
 */
function metricsExposure(env: NodeJS.ProcessEnv, nodeEnv: string): MetricsExposure {
  const token = env.METRICS_TOKEN || undefined;
  if (token && token.length < 16) throw new ConfigError('METRICS_TOKEN must be at least 16 characters long');
  if (env.METRICS_PORT) {
    const port = Number(env.METRICS_PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new ConfigError(`METRICS_PORT must be an integer between 0 and 65535, got "${env.METRICS_PORT}"`);
    return { onApiPort: false, port, token };
  }
  return { onApiPort: nodeEnv !== 'production' || token !== undefined, token };
}

function trustProxy(text: string | undefined): boolean | number | string | undefined {
  if (text === undefined || text === '' || text === 'false') return undefined;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) return Number(text);
  return text; // addresses or subnets, comma-separated, or Express's names (loopback, uniquelocal)
}

function flag(text: string | undefined, fallback: boolean, name: string): boolean {
  if (text === undefined || text === '') return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new ConfigError(`${name} must be "true" or "false", got "${text}"`);
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
    corsOrigins: corsOrigins(env.CORS_ORIGINS),
    allowIntrospection: nodeEnv !== 'production' || env.ALLOW_INTROSPECTION === 'true',
    enableIde: flag(env.ENABLE_IDE, false, 'ENABLE_IDE') || nodeEnv !== 'production',
    compiledExecution: flag(env.COMPILED_EXECUTION, true, 'COMPILED_EXECUTION'),
    costLimit: positiveInteger(env.COST_LIMIT, DEFAULT_LIMITS.costLimit, 'COST_LIMIT'),
    rateLimitPoints: positiveInteger(env.RATE_LIMIT_POINTS, DEFAULT_LIMITS.rateLimitPoints, 'RATE_LIMIT_POINTS'),
    exportMaxRows: positiveInteger(env.EXPORT_MAX_ROWS, DEFAULT_LIMITS.exportMaxRows, 'EXPORT_MAX_ROWS'),
    rateLimitAnonymousPoints: positiveInteger(
      env.RATE_LIMIT_ANONYMOUS_POINTS,
      DEFAULT_LIMITS.rateLimitAnonymousPoints,
      'RATE_LIMIT_ANONYMOUS_POINTS',
    ),
    rateLimitPrefix: env.RATE_LIMIT_PREFIX || DEFAULT_LIMITS.rateLimitPrefix,
    requestTimeoutMs: positiveInteger(env.REQUEST_TIMEOUT_MS, DEFAULT_LIMITS.requestTimeoutMs, 'REQUEST_TIMEOUT_MS'),
    statementTimeoutMs: positiveInteger(
      env.STATEMENT_TIMEOUT_MS,
      DEFAULT_LIMITS.statementTimeoutMs,
      'STATEMENT_TIMEOUT_MS',
    ),
    tokenMaxLifetimeSeconds: tokenLifetime(env.TOKEN_MAX_LIFETIME),
    metrics: metricsExposure(env, nodeEnv),
    migrateOnStart: flag(env.MIGRATE_ON_START, true, 'MIGRATE_ON_START'),
    trustProxy: trustProxy(env.TRUST_PROXY),
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
