import type { EntityClass, EntitySchema } from '@mikro-orm/core';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { NodeTypeDefinition } from './relay/node';
import type { ConstraintMessage } from './errors';
import type { TopicDefinition } from './events/topics';
import type { TokenScopeDefinition } from './auth/token-scopes';
import type { MutationObserver } from './mutation-observers';
import type { Ledger } from './exports/ledger';

/**
 * What a domain module contributes to the platform. Core never imports a module: the composition
 * root (`server/src/platform.ts`) collects these descriptors and hands their parts to core
 * (schema, ORM, event hub, node registry, error catalog). Nothing registers itself on import.
 */
export interface PlatformModule {
  /** Folder name under `server/src/modules`, for logs and errors. */
  name: string;
  /** type-graphql resolver classes. */
  resolvers?: Function[];
  /** MikroORM entities (read/write models the module manages through the ORM). */
  entities?: (EntityClass<object> | EntitySchema)[];
  /** Migrations the module owns; all modules' migrations run in name order. */
  migrations?: MigrationDefinition[];
  /** Live-event topics and who receives each event. */
  topics?: TopicDefinition[];
  /** Types reachable through `node(id)`, each with a scoped loader. */
  nodeTypes?: NodeTypeDefinition[];
  /** Messages for the module's database constraints, shown instead of a generic conflict. */
  constraints?: ConstraintMessage[];
  /** Which scopes (regions, providers) tokens of a role may name; checked per token, cached. */
  tokenScopes?: TokenScopeDefinition[];
  /** Told of every executed root mutation field (the audit log). */
  mutationObservers?: MutationObserver[];
  /** 台账 the module offers as `GET /exports/<name>.xlsx`, read through its own services. */
  ledgers?: Ledger<any>[];
}

export interface MigrationDefinition {
  name: string;
  class: Constructor<Migration>;
}
