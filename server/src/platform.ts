import 'reflect-metadata';
import type { NonEmptyArray } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import type { Logger } from './core/logger';
import { connectOrm, type Orm, type OrmParts } from './core/db/orm';
import { buildPlatformSchema, printSortedSchema } from './core/schema';
import { NodeRegistry } from './core/relay/node';
import { NodeResolver } from './core/relay/node.resolver';
import { ErrorCatalog } from './core/errors';
import { TopicRegistry } from './core/events/topics';
import { coreMigrations } from './core/events/migrations';
import { authMigrations } from './core/auth/migrations';
import { TokenResolver } from './core/auth/token.resolver';
import type { TokenScopeDefinition } from './core/auth/token-scopes';
import { observeMutations, type MutationObserver } from './core/mutation-observers';
import { LedgerRegistry } from './core/exports/ledger';
import { enforceDeadline } from './core/limits/deadline';
import { schemaHistory } from './migrations';
import { featureModules } from './modules';
import { targetService } from './modules/targets/target.service';

/**
 * The composition root: the only place that knows every module. It collects the modules'
 * descriptors and hands their parts to core, which imports no module itself.
 */
export interface AssembledPlatform {
  resolvers: NonEmptyArray<Function>;
  orm: OrmParts;
  nodes: NodeRegistry;
  topics: TopicRegistry;
  errors: ErrorCatalog;
  tokenScopes: TokenScopeDefinition[];
  mutationObservers: MutationObserver[];
  ledgers: LedgerRegistry;
}

function assemble(): AssembledPlatform {
  const modules = featureModules;
  targetService.useMetrics(
    modules.flatMap((m) => m.targetMetrics ?? []),
    modules.flatMap((m) => m.regionMetrics ?? []),
  );
  return {
    resolvers: [NodeResolver, TokenResolver, ...modules.flatMap((m) => m.resolvers ?? [])],
    orm: {
      entities: modules.flatMap((m) => m.entities ?? []),
      // One schema history: the platform's migrations so far, then any a module brings, in name order.
      migrations: [
        ...schemaHistory,
        ...coreMigrations,
        ...authMigrations,
        ...modules.flatMap((m) => m.migrations ?? []),
      ].sort((a, b) => a.name.localeCompare(b.name)),
    },
    nodes: new NodeRegistry(modules.flatMap((m) => m.nodeTypes ?? [])),
    topics: new TopicRegistry(modules.flatMap((m) => m.topics ?? [])),
    errors: new ErrorCatalog(modules.flatMap((m) => m.constraints ?? [])),
    tokenScopes: modules.flatMap((m) => m.tokenScopes ?? []),
    mutationObservers: modules.flatMap((m) => m.mutationObservers ?? []),
    ledgers: new LedgerRegistry(modules.flatMap((m) => m.ledgers ?? [])),
  };
}

let assembled: AssembledPlatform | undefined;

/** The platform's parts, assembled once per process. */
export function platformParts(): AssembledPlatform {
  assembled ??= assemble();
  return assembled;
}

/** MikroORM over the platform's entities and migrations. */
export function connectPlatformOrm(
  clientUrl: string,
  logger?: Logger,
  poolMax?: number,
  statementTimeoutMs?: number,
): Promise<Orm> {
  return connectOrm(clientUrl, platformParts().orm, logger, poolMax, statementTimeoutMs);
}

let executable: Promise<GraphQLSchema> | undefined;

/**
 * The executable schema of every module, with the hooks that wrap its resolvers once: the
 * mutation observers (the audit log) and the request deadline.
 */
export function platformSchema(): Promise<GraphQLSchema> {
  executable ??= buildPlatformSchema(platformParts().resolvers).then((schema) => {
    observeMutations(schema, platformParts().mutationObservers);
    enforceDeadline(schema);
    return schema;
  });
  return executable;
}

/** The SDL committed as schema/schema.graphql. */
export async function printPlatformSchema(): Promise<string> {
  return printSortedSchema(await platformSchema());
}
