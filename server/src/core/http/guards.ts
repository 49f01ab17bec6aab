import type { EntityManager } from '@mikro-orm/postgresql';
import type { GraphQLSchema } from 'graphql';
import type { Orm } from '../db/orm';
import type { Logger } from '../logger';
import { DEFAULT_LIMITS } from '../config';
import { RevocationList } from '../auth/revocations';
import { TokenScopes, type TokenScopeDefinition } from '../auth/token-scopes';
import { TokenVerifier } from '../auth/token-verifier';
import { RateLimits } from '../limits/rate-limit';
import { OperationGate } from '../limits/operation-gate';

/** Limits a deployment may set (core/config.ts reads them from the environment). */
export interface GuardSettings {
  costLimit: number;
  rateLimitPoints: number;
  rateLimitAnonymousPoints: number;
  /** Redis key prefix of the rate limits; parallel test servers on one Redis each take their own. */
  rateLimitPrefix: string;
  requestTimeoutMs: number;
  tokenMaxLifetimeSeconds: number;
  /** Rows one ledger export may hold (GET /exports/…). */
  exportMaxRows: number;
}

export interface Guards {
  verifier: TokenVerifier;
  revocations: RevocationList;
  rates: RateLimits;
  gate: OperationGate;
  settings: GuardSettings;
  stop(): Promise<void>;
}

/** Token verification, the deny list, the rate limits and the operation gate of one server. */
export async function createGuards(options: {
  orm: Orm;
  logger: Logger;
  schema: GraphQLSchema;
  jwtSecret: string;
  redisUrl?: string;
  tokenScopes: readonly TokenScopeDefinition[];
  settings?: Partial<GuardSettings>;
}): Promise<Guards> {
  const settings: GuardSettings = { ...DEFAULT_LIMITS, ...options.settings };
  const db = () => options.orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  const revocations = new RevocationList(db, options.logger, settings.tokenMaxLifetimeSeconds);
  await revocations.start();
  const verifier = new TokenVerifier(
    options.jwtSecret,
    settings.tokenMaxLifetimeSeconds,
    revocations,
    new TokenScopes(options.tokenScopes, db),
  );
  const rates = new RateLimits(
    {
      pointsPerMinute: settings.rateLimitPoints,
      anonymousPointsPerMinute: settings.rateLimitAnonymousPoints,
      keyPrefix: settings.rateLimitPrefix,
      redisUrl: options.redisUrl,
    },
    options.logger,
  );
  const gate = new OperationGate(options.schema, settings.costLimit, rates);
  return {
    verifier,
    revocations,
    rates,
    gate,
    settings,
    async stop() {
      revocations.stop();
      await rates.close();
    },
  };
}
