import 'reflect-metadata';
import http from 'node:http';
import crypto from 'node:crypto';
import express from 'express';
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
import { limitRules, PARSE_OPTIONS } from './core/limits/operation-limits';
import { operationLimitsPlugin } from './core/limits/apollo-plugin';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventHub } from './core/events/event-hub';
import { SharedFanout } from './core/events/fanout';
import { Heartbeat } from './core/http/heartbeat';
import { ClusterEventBus, LocalEventBus, RedisEventBus, type EventBus } from './core/events/event-bus';
import { clientProtocol } from './client-protocol';
import { exportRouter } from './core/exports/export-route';

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
}

export interface Platform {
  httpServer: http.Server;
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
}: PlatformDeps): Promise<Platform> {
  const protocol = clientProtocol(logger); // first: a bad manifest stops the start before anything runs
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
  applyHttpSecurity(app, httpServer, { corsOrigins });

  // Request ids tie every log line of a request together; a caller may pass its own.
  app.use((req, res, next) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info(
        {
          requestId,
          method: req.method,
          url: req.originalUrl,
          status: res.statusCode,
          ms: Number(process.hrtime.bigint() - started) / 1e6,
          cost: (res.locals.context as Context | undefined)?.cost?.requested,
        },
        'request',
      );
    });
    next();
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await Promise.race([
        orm.em.getConnection().execute('SELECT 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 2000).unref()),
      ]);
      res.status(200).json({ status: 'ok', database: 'up' });
    } catch (error) {
      logger.warn({ err: error }, 'health check failed');
      res.status(503).json({ status: 'unavailable', database: 'down' });
    }
  });

  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
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

  const apollo = new ApolloServer<Context>({
    schema,
    formatError: (formatted, error) => errors.format(formatted, error),
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
      jsonStatusPlugin(),
      // No CDN-loaded landing page, in production or offline; the development IDE is served apart.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();

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
        res.locals.context = context; // the request log line reads its cost
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
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    async stop() {
      heartbeat.stop();
      await events.stop(); // ends every live stream so subscriptions complete cleanly
      await guards.stop();
      await apollo.stop(); // drains HTTP (drain plugin) and closes WebSocket subscriptions
      for (const client of wsServer.clients) client.terminate();
      await new Promise<void>((resolve) => wsServer.close(() => resolve()));
    },
  };
}
