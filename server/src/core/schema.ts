import 'reflect-metadata';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { printSchema, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { authChecker } from './auth/authorize';

const built = new WeakMap<readonly Function[], Promise<GraphQLSchema>>();

/** The executable schema of the given resolvers, built once per resolver list and process. */
export function buildPlatformSchema(resolvers: NonEmptyArray<Function>): Promise<GraphQLSchema> {
  let schema = built.get(resolvers);
  if (!schema) {
    schema = buildSchema({
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
    built.set(resolvers, schema);
  }
  return schema;
}

/** The SDL committed as schema/schema.graphql, sorted so diffs stay readable. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
