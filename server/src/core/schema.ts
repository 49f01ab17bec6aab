import 'reflect-metadata';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { printSchema, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { authChecker } from './auth/authorize';
import { DateTimeScalar } from './scalars';

const built = new WeakMap<readonly Function[], Promise<GraphQLSchema>>();

/** The executable schema of the given resolvers, built once per resolver list and process. */
export function buildPlatformSchema(resolvers: NonEmptyArray<Function>): Promise<GraphQLSchema> {
  let schema = built.get(resolvers);
  if (!schema) {
    schema = buildSchema({
      resolvers,
      authChecker,
      // A field typed `Date` without an explicit scalar is an instant: the platform's DateTime, not
      // type-graphql's default DateTimeISO, so the schema has one timestamp scalar.
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
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
    schema = schema.then(describeRootTypes);
    built.set(resolvers, schema);
  }
  return schema;
}

// type-graphql builds the root types itself and takes no description for them, so they are set
// here; graphql-js keeps `description` mutable and prints it with the type.
const ROOT_DESCRIPTIONS = {
  query:
    "Reads. Every field answers only within the caller's scope (数据范围): region roles see what lies " +
    'inside their region code prefix, enterprises and assistance units their own records and the ' +
    'public profile of the villages they are paired with, administrators everything. Objects outside ' +
    'the scope read as absent (null or left out), never as an error that would reveal them.',
  mutation:
    'Writes. Each runs in one transaction and is recorded in the audit log (审计日志). Bad input fails ' +
    'with extensions.code BAD_USER_INPUT and extensions.fields naming the fields; other codes are ' +
    'FORBIDDEN, NOT_FOUND, CONFLICT, RATE_LIMITED and TIMEOUT. A failed mutation writes nothing.',
  subscription:
    'Live updates (实时推送) over graphql-ws on the same path as HTTP. Events are delivered after their ' +
    'transaction commits, and each subscriber receives only events about objects it may read.',
};

function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const roots = {
    query: schema.getQueryType(),
    mutation: schema.getMutationType(),
    subscription: schema.getSubscriptionType(),
  };
  for (const [kind, type] of Object.entries(roots)) {
    if (type && !type.description) type.description = ROOT_DESCRIPTIONS[kind as keyof typeof ROOT_DESCRIPTIONS];
  }
  return schema;
}

/** The SDL committed as schema/schema.graphql, sorted so diffs stay readable. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
