import 'reflect-metadata';
import { buildSchema, Extensions, getMetadataStorage, type NonEmptyArray } from 'type-graphql';
import { isObjectType, printSchema, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
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
    schema = schema.then(describeRootTypes).then(dropPropertyResolvers);
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

/**
 * Marks a `@Field` whose property may hold a promise (a getter that queries on first read, as a
 * connection's totalCount): it keeps its resolver, which awaits it. graphql-js would await a bare
 * property too, but compiled execution (core/execution) reads bare properties as plain values.
 */
export const ReadsAsPromise = () => Extensions({ readsAsPromise: true });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/** A class and every class it extends, nearest first. */
function classChain(target: Function): Function[] {
  const chain: Function[] = [];
  for (let c: Function | null = target; c && c !== Function.prototype; c = Object.getPrototypeOf(c) as Function | null)
    chain.push(c);
  return chain;
}

/**
 * type-graphql gives every plain `@Field` property a resolver of its own, which builds a
 * middleware context and then reads the property: on a dashboard page of a thousand fields that
 * is about a tenth of the request's CPU, and each such field would also pass the deadline check.
 * A property with no roles and no middlewares needs no resolver, since graphql-js reads it itself,
 * so those resolvers are removed here. Kept: fields with `@Authorized` or `@UseMiddleware` (their
 * checks live in that resolver), fields answered by a `@FieldResolver` (of the class, a class it
 * extends or an interface it implements), fields whose property name differs from their schema
 * name, and anything whose metadata is not found.
 */
function dropPropertyResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const classOfType = new Map(storage.objectTypes.map((o) => [o.name, o]));
  // Looked up by schema name: a scan of all metadata per field would be a million comparisons.
  const propertiesNamed = groupBy(storage.fields, (f) => f.schemaName);
  const resolversNamed = groupBy(storage.fieldResolvers, (r) => r.schemaName);
  const interfaceClassOfType = new Map(storage.interfaceTypes.map((i) => [i.name, i.target]));
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const meta = classOfType.get(type.name);
    if (!meta) continue;
    const owners = new Set<Function>(classChain(meta.target));
    for (const iface of type.getInterfaces()) {
      const target = interfaceClassOfType.get(iface.name);
      if (target) for (const c of classChain(target)) owners.add(c);
    }
    for (const field of Object.values(type.getFields())) {
      if (!field.resolve || field.extensions.readsAsPromise) continue;
      const property = propertiesNamed.get(field.name)?.find((f) => owners.has(f.target));
      const answeredByResolver = (resolversNamed.get(field.name) ?? []).some((r) =>
        owners.has(r.getObjectType?.() as Function),
      );
      const plain =
        property &&
        property.name === property.schemaName &&
        !property.params?.length &&
        !property.roles?.length &&
        !property.middlewares?.length;
      if (plain && !answeredByResolver) field.resolve = undefined;
    }
  }
  return schema;
}

/** The SDL committed as schema/schema.graphql, sorted so diffs stay readable. */
export function printSortedSchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
