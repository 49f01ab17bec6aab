import 'reflect-metadata';
import crypto from 'node:crypto';
import { Client } from 'pg';
import type { GuardSettings } from '../../server/src/core/http/guards';
import { createPlatform, type Platform } from '../../server/src/app';
import type { Orm } from '../../server/src/core/db/orm';
import { connectPlatformOrm } from '../../server/src/platform';
import { createLogger } from '../../server/src/core/logger';
import { signToken, type TokenClaims } from '../../server/src/core/auth/tokens';
import { Role } from '../../server/src/core/auth/viewer';
import { databaseUrl, recreateDatabase } from './databases';
import type { MetricsExposure } from '../../server/src/core/observability/metrics-endpoint';

export const TEST_JWT_SECRET = 'test-secret-for-the-platform-suite';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; fields?: string[] } }[];
}

export interface TestServer {
  url: string;
  orm: Orm;
  dbUrl: string;
  platform: Platform;
  /** Runs a GraphQL operation over real HTTP. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string | null,
  ): Promise<GraphQLResponse<T>>;
  /** Counts SQL statements the server sends while `run` executes. */
  countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }>;
  /** Runs SQL directly against this test file's database. */
  sql<Row = Record<string, any>>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export function tokenFor(claims: TokenClaims, expiresIn: string | number = '1h'): string {
  return signToken(claims, TEST_JWT_SECRET, expiresIn);
}

export const adminToken = () => tokenFor({ role: Role.ADMIN });

/**
 * One server per test file, on its own database cloned from the seeded template: the database is
 * named after the jest worker, so files running in parallel never share rows.
 */
let serversStarted = 0;

export async function startTestServer(
  options: {
    redisUrl?: string;
    limits?: Partial<GuardSettings>;
    corsOrigins?: string[];
    allowIntrospection?: boolean;
    enableIde?: boolean;
    ideDir?: string;
    metrics?: MetricsExposure;
    trustProxy?: boolean | number | string;
    compiledExecution?: boolean;
  } = {},
): Promise<TestServer> {
  const adminUrl = process.env.TEST_ADMIN_URL!;
  const template = process.env.TEST_TEMPLATE_DB!;
  // A file that starts a second server (other limits) gets a second database.
  const name = `${template}_w${process.env.JEST_WORKER_ID ?? '1'}${serversStarted++ ? `_${serversStarted}` : ''}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await recreateDatabase(admin, name, template);
  } finally {
    await admin.end();
  }
  const dbUrl = databaseUrl(adminUrl, name);
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const orm = await connectPlatformOrm(dbUrl, logger);
  const platform = await createPlatform({
    orm,
    logger,
    jwtSecret: TEST_JWT_SECRET,
    redisUrl: options.redisUrl,
    corsOrigins: options.corsOrigins,
    allowIntrospection: options.allowIntrospection,
    enableIde: options.enableIde,
    ideDir: options.ideDir,
    metrics: options.metrics,
    trustProxy: options.trustProxy,
    compiledExecution: options.compiledExecution,
    // Suites fire requests far faster than any client; the rate-limit tests set their own budget.
    // Servers of parallel runs on one Redis never share a budget: each has its own key prefix.
    limits: {
      rateLimitPoints: 100_000_000,
      rateLimitAnonymousPoints: 1_000_000,
      ...options.limits,
      rateLimitPrefix: `test:${name}:${crypto.randomUUID()}`,
    },
  });
  const port = await platform.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const knex = orm.em.getConnection().getKnex();
  const direct = new Client({ connectionString: dbUrl });
  await direct.connect();

  return {
    url,
    orm,
    dbUrl,
    platform,
    async gql(query, variables, token = adminToken()) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse<any>;
    },
    async countStatements(run) {
      const sql: string[] = [];
      // The event hub's background poll (every 2 s, on the same pool) reads the event table; it is
      // not part of the request measured, and counting it made these assertions timing-dependent.
      // Token scope lookups are cached per scope (one per scope and ten minutes, not per request),
      // and the deny list reloads in the background; both are marked with a leading comment.
      const listener = (q: { sql: string }) => {
        if (
          /^SELECT cursor, topic, region_code, party_ids, partner_access, payload, created_at FROM domain_event/.test(
            q.sql.trim(),
          ) ||
          /^\/\* (token scope|background) \*\//.test(q.sql.trim())
        )
          return;
        sql.push(q.sql);
      };
      knex.on('query', listener);
      try {
        const result = await run();
        return { result, statements: sql.length, sql };
      } finally {
        knex.removeListener('query', listener);
      }
    },
    async sql(text, params = []) {
      return (await direct.query(text, params)).rows;
    },
    async close() {
      await platform.stop();
      await direct.end();
      await orm.close();
    },
  };
}

/** The error codes of a response, for compact assertions. */
export const codesOf = (response: GraphQLResponse) => (response.errors ?? []).map((e) => e.extensions?.code);
