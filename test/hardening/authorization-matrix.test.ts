import fs from 'node:fs';
import path from 'node:path';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { startTestServer, codesOf, tokenFor, type TestServer } from '../harness/server';
import { subscribe, settle } from '../harness/live-client';
import { ALL_ROLES, Role } from '../../server/src/core/auth/viewer';
import type { TokenClaims } from '../../server/src/core/auth/tokens';
import { platformParts, platformSchema } from '../../server/src/platform';
import { seedId } from '../../seeds/load';

/**
 * The authorization matrix, generated from the schema: every root query, mutation and
 * subscription for every role, and every Node type through node(id) with ids from two regions.
 * Expectations come from the resource policies: each root field's roles must be one policy
 * action's `roles` list (so a field added without a rule fails here), a role outside it must be
 * refused FORBIDDEN, a role inside it must pass the role gate, and node(id) must show a role
 * exactly what that role's own root list of the type shows.
 */
let server: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  server = await startTestServer();
  schema = await platformSchema();
});
afterAll(() => server.close());

const SERVER_SRC = path.resolve(__dirname, '..', '..', 'server', 'src');
const policyFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return policyFiles(full);
    return entry.name.endsWith('.policy.ts') ? [full] : [];
  });

/** Every action of every policy file, by the identity of its roles list. */
function policyRules(): Map<readonly Role[], string> {
  const rules = new Map<readonly Role[], string>([[ALL_ROLES, 'any signed-in account']]);
  for (const file of policyFiles(SERVER_SRC)) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- policy files are found on disk, so new ones count
    for (const exported of Object.values(require(file) as Record<string, unknown>)) {
      const policy = exported as { resource?: string; roles?: Record<string, readonly Role[]> };
      if (!policy?.resource || !policy.roles) continue;
      for (const [action, roles] of Object.entries(policy.roles)) rules.set(roles, `${policy.resource}.${action}`);
    }
  }
  return rules;
}

interface RootField {
  kind: 'query' | 'mutation' | 'subscription';
  name: string;
  roles: readonly Role[];
}

function rootFields(): RootField[] {
  const storage = getMetadataStorage();
  const rolesOf = (target: Function, name: string) =>
    storage.authorizedFields.find((a) => a.target === target && a.fieldName === name)?.roles as
      readonly Role[] | undefined;
  const kinds = [
    ['query', storage.queries],
    ['mutation', storage.mutations],
    ['subscription', storage.subscriptions],
  ] as const;
  const inSchema = {
    query: schema.getQueryType()!,
    mutation: schema.getMutationType()!,
    subscription: schema.getSubscriptionType()!,
  };
  return kinds.flatMap(([kind, fields]) =>
    fields
      .filter((f) => inSchema[kind].getFields()[f.schemaName])
      .map((f) => ({ kind, name: f.schemaName, roles: rolesOf(f.target, f.methodName) ?? [] })),
  );
}

/** One token per role and region: Sichuan (519902, 四川 district) and Sanming (3504, 福建). */
const REGION_A = {
  region: '519902000000',
  enterprise: seedId('provider', 'tea-co'),
  unit: seedId('provider', 'sc-agri-dept'),
};
const REGION_B = {
  region: '350400000000',
  enterprise: seedId('provider', 'sanming-food'),
  unit: seedId('provider', 'siming-partner'),
};
function claimsFor(role: Role, side: typeof REGION_A): TokenClaims {
  switch (role) {
    case Role.REGION_OFFICIAL:
    case Role.ORG_DEPARTMENT:
      return { role, region: side.region };
    case Role.ENTERPRISE:
      return { role, provider: side.enterprise };
    case Role.ASSISTANCE_UNIT:
      return { role, provider: side.unit };
    default:
      return { role };
  }
}
const viewers = ALL_ROLES.flatMap((role) =>
  (role === Role.ADMIN ? [REGION_A] : [REGION_A, REGION_B]).map((side) => ({
    label: `${role}@${side.region.slice(0, 4)}`,
    role,
    token: tokenFor(claimsFor(role, side)),
  })),
);

/** A literal of the argument's type that coerces (values need not exist: only the role gate is judged). */
function literalOf(type: GraphQLInputType, depth = 0): string {
  if (isNonNullType(type)) return literalOf(type.ofType, depth);
  if (isListType(type)) return `[${literalOf(type.ofType, depth)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    const required = Object.values(type.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${required.map((f) => `${f.name}: ${literalOf(f.type, depth + 1)}`).join(', ')} }`;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return '1';
      case 'Float':
        return '1.5';
      case 'Boolean':
        return 'false';
      case 'Date':
        return '"2026-11-09"';
      case 'DateTime':
        return '"2026-11-09T08:00:00+08:00"';
      case 'Decimal':
        return '"1"';
      case 'ID':
        return '"VmlsbGFnZTo1MTk5MDIxMDAyMDE"';
      default:
        return '"519902000000"';
    }
  }
  throw new Error(`no literal for ${String(type)}`);
}
const argsOf = (field: GraphQLField<unknown, unknown>) => {
  const required = field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  return required.length ? `(${required.map((a) => `${a.name}: ${literalOf(a.type)}`).join(', ')})` : '';
};
const selectionOf = (field: GraphQLField<unknown, unknown>) =>
  isObjectType(getNamedType(field.type)) || isInterfaceType(getNamedType(field.type)) ? '{ __typename }' : '';

const roleGate = (errors: { message: string; extensions?: { code?: string } }[] | undefined) =>
  (errors ?? []).some((e) => e.extensions?.code === 'FORBIDDEN' && /^Role \w+ may not/.test(e.message));

describe('authorization matrix', () => {
  it('gives every root field the roles of one policy action: a field without a rule fails here', () => {
    const rules = policyRules();
    const fields = rootFields();
    expect(fields.length).toBeGreaterThan(40);
    const unruled = fields.filter((f) => !rules.has(f.roles)).map((f) => `${f.kind} ${f.name}`);
    expect(unruled).toEqual([]);
  });

  it('refuses every query and mutation to the roles outside its rule, and lets the others past the role gate', async () => {
    const failures: string[] = [];
    for (const field of rootFields().filter((f) => f.kind !== 'subscription')) {
      const type = field.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      const definition = type.getFields()[field.name];
      const document = `${field.kind} { ${field.name}${argsOf(definition)} ${selectionOf(definition)} }`;
      await Promise.all(
        viewers.map(async (viewer) => {
          const response = await server.gql(document, undefined, viewer.token);
          const allowed = field.roles.includes(viewer.role);
          if (codesOf(response).includes('INTERNAL_SERVER_ERROR'))
            failures.push(`${field.name} as ${viewer.label}: INTERNAL_SERVER_ERROR`);
          if (!allowed && !roleGate(response.errors)) failures.push(`${field.name} as ${viewer.label}: not refused`);
          if (allowed && roleGate(response.errors)) failures.push(`${field.name} as ${viewer.label}: refused by role`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses every subscription to the roles outside its rule', async () => {
    const failures: string[] = [];
    const subscriptionType = schema.getSubscriptionType()!;
    await Promise.all(
      rootFields()
        .filter((f) => f.kind === 'subscription')
        .flatMap((field) =>
          viewers.map(async (viewer) => {
            const definition = subscriptionType.getFields()[field.name];
            const live = subscribe(
              server.url,
              viewer.token,
              `subscription { ${field.name}${argsOf(definition)} { __typename } }`,
            );
            // A refusal may take a while on a loaded machine: wait for it up to 5 s where one is due.
            const isRefused = () => live.errors.some((e) => JSON.stringify(e).match(/"code":"FORBIDDEN"/));
            const due = !field.roles.includes(viewer.role);
            for (let waited = 0; waited < (due ? 5000 : 500) && !isRefused(); waited += 100) await settle(100);
            const refused = isRefused();
            if (field.roles.includes(viewer.role) === refused)
              failures.push(`${field.name} as ${viewer.label}: ${refused ? 'refused' : 'not refused'}`);
            await live.close();
          }),
        ),
    );
    expect(failures).toEqual([]);
  });

  it('shows every Node type through node(id) exactly as the role’s own root list does, with ids from two regions', async () => {
    const nodeTypes = Object.values(schema.getTypeMap()).filter(
      (t): t is GraphQLObjectType => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node'),
    );
    // Every Node type has a scoped loader: a new one without it is unreachable by design and fails here.
    expect(nodeTypes.map((t) => t.name).sort()).toEqual([...platformParts().nodes.typeNames].sort());

    /** Root connection fields without required arguments, by the node type they list. */
    const lists = new Map<string, string[]>();
    for (const field of Object.values(schema.getQueryType()!.getFields())) {
      const connection = getNamedType(field.type);
      if (!isObjectType(connection) || !connection.name.endsWith('Connection')) continue;
      if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
      const edge = getNamedType(connection.getFields().edges.type) as GraphQLObjectType;
      const node = getNamedType(edge.getFields().node.type);
      const names = isInterfaceType(node) ? schema.getPossibleTypes(node).map((t) => t.name) : [node.name];
      for (const name of names) lists.set(name, [...(lists.get(name) ?? []), field.name]);
    }
    const listed = async (token: string, typeName: string): Promise<Set<string>> => {
      const ids = new Set<string>();
      for (const field of lists.get(typeName) ?? []) {
        const response = await server.gql(
          `{ ${field}(first: 100) { edges { node { __typename ... on Node { id } } } } }`,
          undefined,
          token,
        );
        for (const edge of response.data?.[field]?.edges ?? [])
          if (edge.node.__typename === typeName) ids.add(edge.node.id);
      }
      return ids;
    };
    const admin = viewers.find((v) => v.role === Role.ADMIN)!;
    const failures: string[] = [];
    let checked = 0;
    for (const type of nodeTypes) {
      const all = [...(await listed(admin.token, type.name))];
      if (all.length === 0) continue; // no root list of its own: reached through its parents only
      const sample = all.slice(0, 40);
      for (const viewer of viewers) {
        const own = await listed(viewer.token, type.name);
        const response = await server.gql(
          `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
          { ids: sample },
          viewer.token,
        );
        expect(response.errors).toBeUndefined();
        response.data!.nodes.forEach((node: { id: string } | null, i: number) => {
          checked++;
          if (Boolean(node) !== own.has(sample[i]))
            failures.push(
              `${type.name} ${sample[i]} as ${viewer.label}: node ${node ? 'shown' : 'hidden'}, list ${own.has(sample[i]) ? 'shows' : 'hides'}`,
            );
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  });
});
