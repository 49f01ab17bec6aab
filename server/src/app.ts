import 'reflect-metadata';
import http from 'node:http';
import crypto from 'node:crypto';
import express from 'express';
import compression from 'compression';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError } from 'graphql';
import type { Logger } from './core/logger';
import type { Orm } from './core/db/orm';
import { platformParts, platformSchema } from './platform';
import { createContext, type Context } from './core/context';
import { AppError, type ErrorCatalog } from './core/errors';
import { createGuards, type GuardSettings } from './core/http/guards';
import { applyHttpSecurity } from './core/http/security-headers';
import { graphqlBody, jsonErrorHandler, jsonNotFound } from './core/http/json-errors';
import { jsonStatusPlugin } from './core/http/status-plugin';
import { webSocketOptions } from './core/http/websocket';
import { defaultIdeDir, ideRoutes } from './core/http/ide';
import { endpointIndexRoute } from './core/http/endpoint-index';
import { limitRules, PARSE_OPTIONS } from './core/limits/operation-limits';
import { operationLimitsPlugin } from './core/limits/apollo-plugin';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventHub } from './core/events/event-hub';
import { SharedFanout } from './core/events/fanout';
import { Heartbeat } from './core/http/heartbeat';
import { ClusterEventBus, LocalEventBus, RedisEventBus, type EventBus } from './core/events/event-bus';
import { clientProtocol } from './client-protocol';
import { exportRouter } from './core/exports/export-route';
import { healthRoutes, type ReadinessCheck } from './core/observability/health';
import { pendingMigrations } from './core/db/migrations';
import { countError, operationNames, sampleRuntime, startDefaultMetrics } from './core/observability/metrics';
import { createMetricsServer, metricsHandler, type MetricsExposure } from './core/observability/metrics-endpoint';
import { observabilityPlugin } from './core/observability/apollo-plugin';
import { CompiledExecution } from './core/execution/compiled-execution';

/**
 * permessage-deflate where it pays: messages under 1 KB (acknowledgements, pings, small events)
 * go plain, since deflating them saves a few bytes for a zlib call each. No context takeover on
 * either side, so a socket keeps no compressor window between messages: with thousands of
 * dashboards open, per-socket windows (up to ~300 KB each with the defaults) would cost far more
 * memory than the better ratio saves. A modest level and window keep the CPU per message low.
 */
export const WEBSOCKET_DEFLATE = {
  threshold: 1024,
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  serverMaxWindowBits: 12,
  zlibDeflateOptions: { level: 4, memLevel: 6 },
  concurrencyLimit: 8,
};

/** HTTP responses from 1 KB on are compressed (br or gzip, as the client accepts); below, the headers outweigh the saving. */
export const COMPRESSION_THRESHOLD_BYTES = 1024;

export interface PlatformDeps {
  orm: Orm;
  logger: Logger;
  jwtSecret: string;
  /** With Redis, committed events wake the subscribers of every instance; without, only this one's. */
  redisUrl?: string;
  eventPollMs?: number;
  /** A cluster worker (main.ts): without Redis, announcements travel through the cluster primary. */
  clusterWorker?: boolean;
  /** Cost, rate, deadline and token limits (defaults in core/config.ts). */
  limits?: Partial<GuardSettings>;
  /** Browser origins allowed by CORS; none by default. */
  corsOrigins?: string[];
  /** Schema introspection; off in production unless ALLOW_INTROSPECTION=true. */
  allowIntrospection?: boolean;
  /** The offline IDE at /ide (core/http/ide.ts); off in production unless ENABLE_IDE=true. */
  enableIde?: boolean;
  /** Queries compiled by graphql-jit (core/execution/compiled-execution.ts); false runs graphql-js. */
  compiledExecution?: boolean;
  /** Where the bundled IDE is (default: the project's dist/ide). */
  ideDir?: string;
  /** Where `/metrics` is served (default: on the API port, without a token). */
  metrics?: MetricsExposure;
  /**
   * Express's `trust proxy`: behind a reverse proxy, the client address (for the anonymous rate
   * limit and the log) comes from X-Forwarded-For as set by the trusted proxies. Unset, the
   * socket's address is used, so no client can claim another address by sending the header.
   */
  trustProxy?: boolean | number | string;
}

export interface Platform {
  httpServer: http.Server;
  /** The separate metrics listener, when `metrics.port` is set; listening once `listen` resolved. */
  metricsServer?: http.Server;
  listen(port: number, host?: string): Promise<number>;
  /** Stops taking requests, drains HTTP, closes sockets; the caller closes the database after. */
  stop(): Promise<void>;
}

/** UNAUTHENTICATED raised before execution (context creation) must carry HTTP 401, not 500. */
function authError(error: unknown): GraphQLError {
  const message = error instanceof AppError ? error.message : 'Invalid token';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

const logUnexpectedErrors = (catalog: ErrorCatalog): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    return {
      async didEncounterErrors({ errors, contextValue }) {
        for (const error of errors.filter((e) => catalog.isUnexpected(e))) {
          contextValue.logger?.error({ err: error.originalError ?? error, path: error.path }, 'unexpected error');
        }
      },
    };
  },
});

async function createEventHub(
  orm: Orm,
  logger: Logger,
  redisUrl?: string,
  pollMs?: number,
  clusterWorker = false,
): Promise<EventHub> {
  let bus: EventBus;
  if (redisUrl) {
    const redis = new RedisEventBus(redisUrl, logger);
    await redis.start();
    bus = redis;
    logger.info('live events announced through Redis: subscribers of every instance are served');
  } else if (clusterWorker) {
    bus = new ClusterEventBus();
  } else {
    bus = new LocalEventBus();
  }
  const hub = new EventHub(
    () => orm.em.fork({ clear: true, useContext: false }) as EntityManager,
    platformParts().topics,
    bus,
    logger,
    pollMs,
  );
  await hub.start();
  return hub;
}

export async function createPlatform({
  orm,
  logger,
  jwtSecret,
  redisUrl,
  eventPollMs,
  clusterWorker,
  limits,
  corsOrigins = [],
  allowIntrospection = true,
  enableIde = true,
  compiledExecution = true,
  ideDir,
  metrics = { onApiPort: true },
  trustProxy,
}: PlatformDeps): Promise<Platform> {
  const protocol = clientProtocol(logger); // first: a bad manifest stops the start before anything runs
  operationNames.trust(protocol.operationNames);
  const schema = await platformSchema();
  const { nodes, errors, tokenScopes, topics, ledgers } = platformParts();
  const fanout = new SharedFanout(topics);
  const events = await createEventHub(orm, logger, redisUrl, eventPollMs, clusterWorker);
  const guards = await createGuards({ orm, logger, schema, jwtSecret, redisUrl, tokenScopes, settings: limits });
  const contextDeps = {
    em: orm.em as EntityManager,
    logger,
    events,
    nodes,
    revocations: guards.revocations,
    requestTimeoutMs: guards.settings.requestTimeoutMs,
  };
  const app = express();
  const httpServer = http.createServer(app);
  app.disable('x-powered-by');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  applyHttpSecurity(app, httpServer, { corsOrigins });
  startDefaultMetrics();
  app.use(compression({ threshold: COMPRESSION_THRESHOLD_BYTES }));

  // Request ids tie every log line of a request together; a caller may pass its own.
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const summary = (res.locals.context as Context | undefined)?.requestLog;
      logger.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          operationName: summary?.operationName,
          operationType: summary?.operationType,
          cost: summary?.cost,
        },
        'request',
      );
    });
    next();
  });

  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => void (await orm.em.getConnection().execute('SELECT 1')) },
    {
      name: 'migrations',
      failure: 'pending',
      check: async () => {
        const pending = await pendingMigrations(orm);
        if (pending.length) throw new Error(`pending migrations: ${pending.join(', ')}`);
      },
    },
    ...(redisUrl ? [{ name: 'redis', check: () => events.ping() }] : []),
  ];
  healthRoutes(app, readiness, logger);
  if (metrics.onApiPort) app.get('/metrics', metricsHandler(metrics.token));
  const metricsServer = metrics.port !== undefined ? createMetricsServer(metrics.token) : undefined;

  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    perMessageDeflate: WEBSOCKET_DEFLATE,
  });
  const pool = orm.em.getConnection().getKnex().client.pool as
    { numUsed(): number; numFree(): number; numPendingAcquires(): number } | undefined;
  const stopSampling = sampleRuntime(() => ({
    pool: { used: pool?.numUsed() ?? 0, free: pool?.numFree() ?? 0, waiting: pool?.numPendingAcquires() ?? 0 },
    websockets: wsServer.clients.size,
    subscriptions: events.subscriberCounts(),
  }));
  const wsCleanup = useServer(
    protocol.ws({
      ...webSocketOptions({ schema, contextDeps, errors, logger, ...guards }),
      // Each event is resolved once per group of subscribers asking the same thing in one scope.
      subscribe: (args) => fanout.subscribe(args),
    }),
    wsServer,
    0, // keep-alive pings come from the Heartbeat below: one timer for all sockets
  );
  const heartbeat = new Heartbeat(wsServer);

  const execution = new CompiledExecution(schema, compiledExecution);
  const apollo = new ApolloServer<Context>({
    gateway: execution.asApolloGateway(),
    formatError: (formatted, error) => {
      const answer = errors.format(formatted, error);
      countError(answer.extensions?.code);
      return answer;
    },
    introspection: allowIntrospection,
    // Automatic persisted queries would let any client register any document: trusted documents
    // (client-protocol.ts) are the allow-list instead.
    persistedQueries: false,
    parseOptions: PARSE_OPTIONS,
    validationRules: limitRules,
    // main.ts owns the shutdown order (HTTP, sockets, ORM, database); Apollo must not race it.
    stopOnTerminationSignals: false,
    // Compact JSON: Apollo pretty-prints by default, which costs CPU and bytes on every answer.
    stringifyResult: (result) => JSON.stringify(result),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The platform sends no cache hints; the default cache-control plugin would still wrap
      // every field resolver to collect them.
      ApolloServerPluginCacheControlDisabled(),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              await wsCleanup.dispose();
            },
          };
        },
      },
      logUnexpectedErrors(errors),
      operationLimitsPlugin(guards.gate),
      observabilityPlugin(),
      jsonStatusPlugin(),
      // Apollo's landing page loads from Apollo's CDN and Google Fonts; the platform serves its
      // own IDE, bundled and offline, at /ide (core/http/ide.ts).
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

  app.get('/', endpointIndexRoute({ ide: enableIde, metricsOnApiPort: metrics.onApiPort, ledgers: ledgers.names }));
  // Before /graphql: a browser opening the API's URL is sent to the IDE.
  if (enableIde) app.use(ideRoutes(ideDir ?? defaultIdeDir(), logger));
  app.use(
    '/graphql',
    ...graphqlBody('2mb'),
    protocol.http,
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        let token;
        try {
          token = await guards.verifier.verify(req.headers.authorization);
        } catch (error) {
          // Requests without a valid token are counted per address, so guessing tokens is slow.
          const charge = await guards.rates.chargeAnonymous(req.ip ?? 'unknown');
          if (!charge.allowed) {
            const message = `Too many requests without a valid token; retry in ${charge.retryAfterSeconds} s`;
            throw new GraphQLError(message, {
              originalError: new AppError('RATE_LIMITED', message, [], { retryAfterSeconds: charge.retryAfterSeconds }),
              extensions: {
                http: { status: 429, headers: new Map([['retry-after', String(charge.retryAfterSeconds)]]) },
              },
            });
          }
          throw authError(error);
        }
        const context = createContext(contextDeps, token.viewer, res.locals.requestId as string, token);
        res.locals.context = context; // the request log line reads its requestLog
        return context;
      },
    }),
  );
  // 台账 exports: the same token, roles, scope and rate limit as the GraphQL reads they mirror.
  app.use(
    exportRouter({
      ledgers,
      verifier: guards.verifier,
      rates: guards.rates,
      contextDeps,
      logger,
      maxRows: guards.settings.exportMaxRows,
    }),
  );
  app.use(jsonNotFound);
  app.use(jsonErrorHandler(logger));

  return {
    httpServer,
    metricsServer,
    async listen(port, host) {
      const listening = (server: http.Server, on: number) =>
        new Promise<number>((resolve, reject) => {
          server.once('error', reject);
          server.listen(on, host, () => resolve((server.address() as { port: number }).port));
        });
      if (metricsServer) await listening(metricsServer, metrics.port!);
      return listening(httpServer, port);
    },
    async stop() {
      heartbeat.stop();
      stopSampling();
      if (metricsServer?.listening) await new Promise<void>((resolve) => metricsServer.close(() => resolve()));
      await events.stop(); // ends every live stream so subscriptions complete cleanly
      await guards.stop();
      await apollo.stop(); // drains HTTP (drain plugin) and closes WebSocket subscriptions
      for (const client of wsServer.clients) client.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
