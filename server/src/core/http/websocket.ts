import crypto from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { LRUCache } from 'lru-cache';
import { AppError, unauthenticated, type ErrorCatalog } from '../errors';
import type { Logger } from '../logger';
import { createContext, type Context, type ContextDeps } from '../context';
import type { DecodedToken } from '../auth/tokens';
import type { TokenVerifier } from '../auth/token-verifier';
import { allValidationRules, PARSE_OPTIONS } from '../limits/operation-limits';
import { RefusedOperation, type OperationGate } from '../limits/operation-gate';
import type { RateLimits } from '../limits/rate-limit';
import { countError, observeOperation } from '../observability/metrics';

/** A socket's verified token and the signal that ends its operations when the token ends. */
interface SocketSession {
  token: DecodedToken;
  ended: AbortController;
  dispose(): void;
}

/** setTimeout takes at most ~24.8 days; tokens may live 30. */
const MAX_TIMER_MS = 2 ** 31 - 1;

function atTime(epochMs: number, run: () => void): () => void {
  let timer: NodeJS.Timeout;
  const arm = () => {
    const left = epochMs - Date.now();
    timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(run, Math.max(0, left));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}

export interface WebSocketDeps {
  schema: GraphQLSchema;
  contextDeps: ContextDeps;
  verifier: TokenVerifier;
  gate: OperationGate;
  rates: RateLimits;
  errors: ErrorCatalog;
  logger: Logger;
}

type Extra = { request: IncomingMessage };

/** An operation of a socket between its start and its completion, for the metrics and the log. */
interface Running {
  started: bigint;
  context: Context;
  name?: string;
  type: string;
}

/**
 * graphql-ws server options with the same rules as HTTP: the token is verified once per
 * connection (a bad one closes it with 4403 Forbidden); every operation is parsed with the token
 * limit, validated with the operation limits, its variables coerced, its text inputs checked,
 * priced and charged, before it runs. When the token expires or is revoked, each live operation
 * of the socket ends with an UNAUTHENTICATED error and later ones are refused the same way; the
 * client refreshes by reconnecting with a new token. Nothing here closes a socket with 4500.
 */
export function webSocketOptions(deps: WebSocketDeps): ServerOptions<Record<string, unknown>, Extra> {
  const { schema, contextDeps, verifier, gate, rates, errors, logger } = deps;
  const sessions = new WeakMap<object, SocketSession>();
  // Thousands of dashboards subscribe with the same few documents: each text is parsed and
  // validated once and its syntax tree shared (graphql-js never mutates one), which saves the
  // subscribe-time CPU and the memory of a tree per subscriber. Only valid documents are kept;
  // validation depends on the text alone (schema and rules are fixed for the process).
  const validDocuments = new LRUCache<string, DocumentNode>({
    max: 1000,
    maxSize: 8 * 2 ** 20,
    sizeCalculation: (_document, text) => text.length || 1,
  });
  const running = new WeakMap<object, Map<string, Running>>();

  const format = (error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError => {
    if (!(error instanceof GraphQLError)) {
      countError(error.extensions?.code);
      return error;
    }
    if (errors.isUnexpected(error))
      logger.error(
        { err: error.originalError ?? error, path: error.path },
        'unexpected error in a websocket operation',
      );
    const answer = errors.format(error.toJSON(), error);
    countError(answer.extensions?.code);
    return answer;
  };
  const refusal = (error: AppError) => [new GraphQLError(error.message, { originalError: error })];

  return {
    schema,
    onConnect: async (ctx) => {
      try {
        const token = await verifier.verify(ctx.connectionParams?.authorization);
        const ended = new AbortController();
        const stopTimer = atTime(token.expiresAt, () => ended.abort(unauthenticated('Token expired')));
        const stopListening = verifier.revocationList.onRevoked((tokenId) => {
          if (tokenId === token.tokenId) ended.abort(unauthenticated('Token revoked'));
        });
        sessions.set(ctx, {
          token,
          ended,
          dispose: () => {
            stopTimer();
            stopListening();
          },
        });
        return true;
      } catch (error) {
        if (!(error instanceof AppError)) logger.error({ err: error }, 'websocket token check failed');
        await rates.chargeAnonymous(ctx.extra.request.socket.remoteAddress ?? 'unknown');
        return false;
      }
    },
    onClose: (ctx) => {
      sessions.get(ctx)?.dispose();
    },
    // One log line per operation, as HTTP has per request; queries and mutations also count in
    // the duration histogram (a subscription's lifetime is not a request duration).
    onComplete: (ctx, id) => {
      const operation = running.get(ctx)?.get(id);
      if (!operation) return;
      running.get(ctx)!.delete(id);
      const ms = Number(process.hrtime.bigint() - operation.started) / 1e6;
      if (operation.type !== 'subscription') observeOperation(operation.name, operation.type, 'ws', ms / 1000);
      logger.info(
        {
          requestId: operation.context.requestId,
          transport: 'ws',
          operationName: operation.name,
          operationType: operation.type,
          ms,
          cost: operation.context.cost?.requested,
        },
        'operation',
      );
    },
    onSubscribe: async (ctx, id, payload) => {
      const session = sessions.get(ctx);
      if (!session) return refusal(unauthenticated());
      try {
        verifier.requireCurrent(session.token);
      } catch (error) {
        return refusal(error as AppError);
      }
      let document = validDocuments.get(payload.query);
      if (!document) {
        try {
          document = parse(payload.query, PARSE_OPTIONS);
        } catch (error) {
          return [requestError(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
        }
        const invalid = validate(schema, document, allValidationRules);
        if (invalid.length) return invalid.map((e) => requestError(e, 'GRAPHQL_VALIDATION_FAILED'));
        validDocuments.set(payload.query, document);
      }
      const operation = getOperationAST(document, payload.operationName);
      if (!operation) return [requestError(new GraphQLError('Unable to identify the operation'), 'BAD_REQUEST')];
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, {
        maxErrors: 50,
      });
      if (coerced.errors) return coerced.errors.map((e) => requestError(e, 'BAD_USER_INPUT'));

      const context: Context = createContext(
        contextDeps,
        session.token.viewer,
        (ctx.extra.request.headers['x-request-id'] as string | undefined) ?? crypto.randomUUID(),
        session.token,
      );
      try {
        context.cost = await gate.admit(session.token.viewer, document, operation, payload.variables);
      } catch (error) {
        if (error instanceof RefusedOperation) return [error];
        throw error;
      }
      if (!running.has(ctx)) running.set(ctx, new Map());
      running.get(ctx)!.set(id, {
        started: process.hrtime.bigint(),
        context,
        name: operation.name?.value,
        type: operation.operation,
      });
      return {
        schema,
        document,
        operationName: payload.operationName,
        variableValues: payload.variables,
        contextValue: context,
      } satisfies ExecutionArgs;
    },
    onOperation: (ctx, _id, _payload, _args, result) => {
      const session = sessions.get(ctx);
      if (!session || !isAsyncIterable(result)) return result;
      return endWith(result, session.ended.signal);
    },
    // WebSocket results bypass Apollo, so they get the same shape here: known codes kept,
    // internals hidden, unexpected errors logged, and the operation's cost in `extensions`.
    onNext: (_ctx, _id, _payload, args, result) => {
      const cost = (args.contextValue as Context | undefined)?.cost;
      const formatted = result.errors?.length ? { errors: result.errors.map(format) } : {};
      return { ...result, ...formatted, extensions: { ...result.extensions, ...(cost ? { cost } : {}) } };
    },
    onError: (_ctx, _id, _payload, failures) => failures.map(format),
  };
}

/** graphql-js's own errors carry no code; the error catalog reads these as the caller's. */
function requestError(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    originalError: error.originalError ?? error,
    extensions: { ...error.extensions, code },
  });
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * The source's events until `signal` aborts; then the source is closed and the next read throws
 * the abort reason, which graphql-ws sends as the operation's error message.
 */
function endWith<T>(source: AsyncIterable<T>, signal: AbortSignal): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  const close = () => iterator.return?.(undefined).catch(() => undefined);
  // One abort listener for the operation's life (not one per event): it fails the read under way.
  let failPending: ((reason: unknown) => void) | null = null;
  const onAbort = () => {
    void close();
    failPending?.(signal.reason);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  const wrapped: AsyncGenerator<T> = {
    next: () => {
      if (signal.aborted) {
        void close();
        return Promise.reject(signal.reason);
      }
      return new Promise<IteratorResult<T>>((resolve, reject) => {
        failPending = reject;
        iterator.next().then(
          (next) => {
            failPending = null;
            if (next.done) signal.removeEventListener('abort', onAbort);
            resolve(next);
          },
          (error) => {
            failPending = null;
            reject(error);
          },
        );
      });
    },
    return: async (value) => {
      signal.removeEventListener('abort', onAbort);
      await close();
      return { done: true, value };
    },
    throw: async (error) => {
      signal.removeEventListener('abort', onAbort);
      await close();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return wrapped;
    },
    async [Symbol.asyncDispose]() {
      signal.removeEventListener('abort', onAbort);
      await close();
    },
  };
  return wrapped;
}
