import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isScalarType,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { startTestServer, adminToken, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { platformSchema } from '../../server/src/platform';
import { toGlobalId } from '../../server/src/core/relay/global-id';

/**
 * Property: whatever input a mutation receives, it either succeeds (and is audited OK, and what
 * it returns is readable) or answers a clean error code, leaving every table as it was; never
 * INTERNAL_SERVER_ERROR. Generated from the schema, so every mutation of every module is covered,
 * new ones included. Inputs mix well-formed values (real ids of the right type, valid codes and
 * dates) with the hostile ones (control characters, wrong-type ids, overflowing numbers, blanks).
 */
let server: TestServer;
let schema: GraphQLSchema;
const idsByType = new Map<string, string[]>();

beforeAll(async () => {
  server = await startTestServer();
  schema = await platformSchema();
  // Real ids of every listed type, as an administrator sees them.
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    const connection = getNamedType(field.type);
    if (!isObjectType(connection) || !connection.name.endsWith('Connection')) continue;
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    const response = await server.gql(
      `{ ${field.name}(first: 30) { edges { node { __typename ... on Node { id } } } } }`,
    );
    for (const edge of response.data?.[field.name]?.edges ?? []) {
      if (!edge.node.id) continue;
      idsByType.set(edge.node.__typename, [...(idsByType.get(edge.node.__typename) ?? []), edge.node.id]);
    }
  }
});
afterAll(() => server.close());

const CLEAN_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'QUERY_TOO_COMPLEX']);
const HOSTILE_TEXT = [
  '',
  ' ',
  '\u0000',
  'a\u0007b',
  '\ud800',
  'x'.repeat(600),
  '村\u0000',
  "'; drop table region; --",
  '🌾',
];

/** Type names an id field probably refers to: `villageId` → Village, `teamId` → ResidentTeam. */
function idCandidates(field: string): string[] {
  const stem = field.replace(/Ids?$/, '').toLowerCase();
  const all = [...idsByType.keys()];
  const matching = all.filter(
    (type) => stem && (type.toLowerCase().endsWith(stem) || type.toLowerCase().includes(stem)),
  );
  const pick = matching.length ? matching : all;
  return pick.flatMap((type) => idsByType.get(type) ?? []);
}

function arbitraryOf(type: GraphQLInputType, field: string, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return arbitraryOf(type.ofType, field, depth);
  if (isListType(type)) return fc.array(arbitraryOf(type.ofType, field, depth + 1), { minLength: 0, maxLength: 3 });
  if (isEnumType(type)) return fc.oneof(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    for (const f of fields) shape[f.name] = arbitraryOf(f.type, f.name, depth + 1);
    const required = fields.filter((f) => isNonNullType(f.type)).map((f) => f.name);
    return fc.record(shape, { requiredKeys: required });
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID': {
        const real = idCandidates(field);
        const others = [...idsByType.values()].flat();
        return fc.oneof(
          { weight: 5, arbitrary: real.length ? fc.constantFrom(...real) : fc.constant('x') },
          { weight: 1, arbitrary: others.length ? fc.constantFrom(...others) : fc.constant('y') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(toGlobalId('Village', '5199\u0000'), toGlobalId('Nope', 'x'), 'not-an-id', ''),
          },
        );
      }
      case 'String':
        return fc.oneof(
          {
            weight: 3,
            arbitrary: fc.constantFrom('519902100201', '519902100299', '519902199000', '测试村', '99', '3504'),
          },
          { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_TEXT) },
          { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        );
      case 'Int':
        return fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(2021, 2025, 2026, 2147483647, -2147483648));
      case 'Float':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return fc.constantFrom('2026-11-02', '2026-01-01', '2021-02-29', '1999-12-31', '2099-01-01', '26-1-1');
      case 'DateTime':
        return fc.constantFrom('2026-11-02T08:00:00+08:00', 'yesterday');
      case 'Decimal':
        return fc.constantFrom('1', '0', '12.50', '-1', '1e3', '99999999999999999999.99', '0.001', 'abc');
      default:
        return fc.string({ maxLength: 8 });
    }
  }
  return fc.constant(null);
}

/**
 * Every table's row count and newest row version (xmin): any insert, update or delete changes one
 * of them, so a refused mutation must leave them all as they were. Cheaper than hashing rows.
 */
async function fingerprint(): Promise<string> {
  const tables = await server.sql<{ name: string }>(
    `SELECT quote_ident(table_name) AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
        AND table_name NOT IN ('audit_log', 'mikro_orm_migrations') ORDER BY 1`,
  );
  const parts = tables.map(
    (t) => `SELECT '${t.name}' AS t, count(*) || '/' || coalesce(max(x.xmin::text::bigint), 0) AS h FROM ${t.name} x`,
  );
  const rows = await server.sql<{ t: string; h: string }>(parts.join(' UNION ALL '));
  return rows.map((r) => `${r.t}:${r.h}`).join(',');
}

const tokens = () => [
  adminToken(),
  tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' }),
  tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' }),
];

function mutationDocument(name: string): string {
  const field = schema.getMutationType()!.getFields()[name];
  const payload = getNamedType(field.type) as GraphQLObjectType;
  const selections = Object.values(payload.getFields()).map((f) => {
    const named = getNamedType(f.type);
    if (isInterfaceType(named) || (isObjectType(named) && named.getInterfaces().some((i) => i.name === 'Node')))
      return `${f.name} { __typename ... on Node { id } }`;
    if (isObjectType(named)) return `${f.name} { __typename }`;
    return f.name;
  });
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const params = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  return `mutation Fuzz(${params}) { ${name}(${args}) { ${selections.join(' ')} } }`;
}

describe('every mutation, fuzzed', () => {
  it('succeeds with its invariants or answers a clean code, changing nothing when refused', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThan(20);
    const outcomes = new Map<string, number>();
    const problems = new Set<string>();
    let requestNo = 0;
    let last: string | undefined;
    for (const mutation of mutations) {
      const argsArbitrary = fc.record(
        Object.fromEntries(mutation.args.map((a) => [a.name, arbitraryOf(a.type, a.name)])),
      ) as fc.Arbitrary<Record<string, unknown>>;
      await fc.assert(
        fc.asyncProperty(argsArbitrary, fc.nat({ max: 2 }), async (variables, who) => {
          // The state after the previous attempt: only successes change it.
          const before = (last ??= await fingerprint());
          const requestId = `fuzz-${++requestNo}`;
          const response = await fetch(server.url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${tokens()[who]}`,
              'x-request-id': requestId,
            },
            body: JSON.stringify({ query: mutationDocument(mutation.name), variables }),
          });
          const body = (await response.json()) as { data?: any; errors?: { message: string; extensions?: any }[] };
          const codes = (body.errors ?? []).map((e) => e.extensions?.code as string);
          const key = `${mutation.name}:${codes[0] ?? 'OK'}`;
          outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
          const problem = (what: string) =>
            problems.add(`${mutation.name}: ${what} (${JSON.stringify(variables).slice(0, 300)})`);
          for (const error of body.errors ?? []) {
            if (!CLEAN_CODES.has(error.extensions?.code)) problem(`${error.extensions?.code}: ${error.message}`);
            else if (error.extensions?.code === 'BAD_USER_INPUT' && !error.extensions.fields?.length)
              problem(`BAD_USER_INPUT without fields: ${error.message}`);
          }
          if (body.errors?.length) {
            if ((await fingerprint()) !== before) problem('refused, but the database changed');
            return;
          }
          last = undefined;
          // Success: audited as OK, and every object it returns is readable by its id.
          const [audit] = await server.sql(`SELECT outcome, operation FROM audit_log WHERE request_id = $1`, [
            requestId,
          ]);
          expect(audit).toEqual({ outcome: 'OK', operation: mutation.name });
          const ids = Object.values(body.data[mutation.name] ?? {})
            .map((v) => (v && typeof v === 'object' ? (v as { id?: string }).id : undefined))
            .filter((id): id is string => typeof id === 'string');
          if (ids.length) {
            const read = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids });
            expect(read.data!.nodes.map((n: { id: string } | null) => n?.id)).toEqual(ids);
          }
        }),
        { numRuns: 8, seed: 20261130, endOnFailure: true },
      );
    }
    expect([...problems]).toEqual([]);
    // The generator reaches past validation: some attempts of the suite succeed.
    expect([...outcomes.keys()].some((k) => k.endsWith(':OK'))).toBe(true);
    // Its work grows with every mutation a module adds (8 attempts each, a table fingerprint per
    // attempt), so it gets a budget of its own instead of the suite's 60 s.
  }, 240_000);
});
