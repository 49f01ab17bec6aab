import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import { printSchema, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { resolvers } from '../modules/resolvers';
import { authChecker } from './auth/authorize';

let cached: Promise<GraphQLSchema> | undefined;

/** The executable schema, built once per process from the resolvers' metadata. */
export function buildPlatformSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    // Inputs are validated at the edge with class-validator; business rules live in services.
    validate: { forbidUnknownValues: false },
    // Every subscription supplies its own `subscribe` (the durable event hub); type-graphql still
    // demands a PubSub, so it gets one that refuses to be used.
    pubSub: {
      publish: () => {
        throw new Error('publish through the event outbox (appendEvent), not type-graphql PubSub');
      },
      subscribe: () => {
        throw new Error('subscriptions read from the event hub');
      },
    },
  });
  return cached;
}

/** The SDL committed as schema/schema.graphql, sorted so diffs stay readable. */
export async function printPlatformSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildPlatformSchema()))}\n`;
}
