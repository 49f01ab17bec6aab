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
}

function assemble(): AssembledPlatform {
  const modules = featureModules;
  targetService.useMetrics(modules.flatMap((m) => m.targetMetrics ?? []));
  return {
    resolvers: [NodeResolver, ...modules.flatMap((m) => m.resolvers ?? [])],
    orm: {
      entities: modules.flatMap((m) => m.entities ?? []),
      // One schema history: the platform's migrations so far, then any a module brings, in name order.
      migrations: [...schemaHistory, ...coreMigrations, ...modules.flatMap((m) => m.migrations ?? [])].sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    },
    nodes: new NodeRegistry(modules.flatMap((m) => m.nodeTypes ?? [])),
    topics: new TopicRegistry(modules.flatMap((m) => m.topics ?? [])),
    errors: new ErrorCatalog(modules.flatMap((m) => m.constraints ?? [])),
  };
}

let assembled: AssembledPlatform | undefined;

/** The platform's parts, assembled once per process. */
export function platformParts(): AssembledPlatform {
  assembled ??= assemble();
  return assembled;
}

/** MikroORM over the platform's entities and migrations. */
export function connectPlatformOrm(clientUrl: string, logger?: Logger, poolMax?: number): Promise<Orm> {
  return connectOrm(clientUrl, platformParts().orm, logger, poolMax);
}

/** The executable schema of every module. */
export function platformSchema(): Promise<GraphQLSchema> {
  return buildPlatformSchema(platformParts().resolvers);
}

/** The SDL committed as schema/schema.graphql. */
export async function printPlatformSchema(): Promise<string> {
  return printSortedSchema(await platformSchema());
}
