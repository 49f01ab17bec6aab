import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Logger } from './logger';
import type { Viewer } from './auth/viewer';
import type { EventHub } from './events/event-hub';
import type { NodeRegistry } from './relay/node';
import type { OperationCost } from './limits/operation-gate';
import type { RevocationList } from './auth/revocations';
import type { DecodedToken } from './auth/tokens';

/**
 * Per-request DataLoaders, created on first use. A loader's name includes any argument that
 * changes its result (for example the indicator year), so one request can hold several.
 */
export class Loaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V, C = K>(
    name: string,
    batch: DataLoader.BatchLoadFn<K, V>,
    options?: DataLoader.Options<K, V, C>,
  ): DataLoader<K, V, C> {
    let loader = this.loaders.get(name) as DataLoader<K, V, C> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V, C>(batch, options);
      this.loaders.set(name, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** What every resolver and service receives; built only by `createContext`, for HTTP and WebSocket alike. */
export interface Context {
  em: EntityManager;
  viewer: Viewer;
  loaders: Loaders;
  requestId: string;
  logger: Logger;
  /** Live events: services announce committed events; subscriptions read from it. */
  events: EventHub;
  /** The node types `node(id)` can reach. */
  nodes: NodeRegistry;
  /** The operation's cost once priced (reported in `extensions.cost`, and for the request log). */
  cost?: OperationCost;
  /**
   * What the request log line reports. Apollo runs each operation on a shallow copy of the
   * context, so fields set on the copy (cost) never reach the object the HTTP layer holds; this
   * object is shared by reference between the two.
   */
  requestLog: RequestLog;
  /** Epoch ms after which no further resolver starts (see core/limits/deadline.ts). */
  deadline?: number;
  /** The time each request (or subscription event) is given; `deadline` is set from it. */
  deadlineBudgetMs?: number;
  /** The verified token: its id and expiry (live operations end with it). */
  token?: DecodedToken;
  /** The token deny list, for revoking. */
  revocations?: RevocationList;
}

export interface RequestLog {
  operationName?: string;
  operationType?: string;
  cost?: number;
}

export interface ContextDeps {
  em: EntityManager;
  logger: Logger;
  events: EventHub;
  nodes: NodeRegistry;
  revocations?: RevocationList;
  /** How long one operation (or one event of a subscription) may run. */
  requestTimeoutMs?: number;
}

export function createContext(
  deps: ContextDeps,
  viewer: Viewer,
  requestId: string = crypto.randomUUID(),
  token?: DecodedToken,
): Context {
  return {
    deadline: deps.requestTimeoutMs ? Date.now() + deps.requestTimeoutMs : undefined,
    deadlineBudgetMs: deps.requestTimeoutMs,
    token,
    revocations: deps.revocations,
    // A fork per request: its identity map and unit of work never leak between callers.
    em: deps.em.fork({ clear: true, useContext: false }) as EntityManager,
    viewer,
    loaders: new Loaders(),
    requestId,
    requestLog: {},
    logger: deps.logger.child({ requestId }),
    events: deps.events,
    nodes: deps.nodes,
  };
}

/**
 * A subscription's context lives as long as the subscription; each event is resolved with a copy
 * that has a fresh EntityManager and fresh loaders, so no event sees data cached for an earlier one
 * (see core/events/fanout.ts).
 */
export function contextForEvent(ctx: Context): Context {
  return {
    ...ctx,
    em: ctx.em.fork({ clear: true, useContext: false }) as EntityManager,
    loaders: new Loaders(),
    // Each event gets the time one request gets.
    ...(ctx.deadlineBudgetMs ? { deadline: Date.now() + ctx.deadlineBudgetMs } : {}),
  };
}
