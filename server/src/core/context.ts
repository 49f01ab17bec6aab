import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { Logger } from './logger';
import type { Viewer } from './auth/viewer';
import type { EventHub } from './events/event-hub';
import type { NodeRegistry } from './relay/node';

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
}

export interface ContextDeps {
  em: EntityManager;
  logger: Logger;
  events: EventHub;
  nodes: NodeRegistry;
}

export function createContext(deps: ContextDeps, viewer: Viewer, requestId: string = crypto.randomUUID()): Context {
  return {
    // A fork per request: its identity map and unit of work never leak between callers.
    em: deps.em.fork({ clear: true, useContext: false }) as EntityManager,
    viewer,
    loaders: new Loaders(),
    requestId,
    logger: deps.logger.child({ requestId }),
    events: deps.events,
    nodes: deps.nodes,
  };
}

/**
 * A subscription's context lives as long as the subscription; before each event is resolved it
 * gets a fresh EntityManager and fresh loaders so no event sees data cached for an earlier one.
 */
export function refreshForEvent(ctx: Context): void {
  ctx.em = ctx.em.fork({ clear: true, useContext: false }) as EntityManager;
  ctx.loaders = new Loaders();
}
