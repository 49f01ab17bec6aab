import { startTestServer, adminToken, codesOf, tokenFor, type TestServer } from '../harness/server';
import { subscribe } from '../harness/live-client';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { connectPlatformOrm, platformParts } from '../../server/src/platform';
import { createLogger } from '../../server/src/core/logger';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const health = () => fetch(server.url.replace('/graphql', '/healthz')).then((r) => r.status);

describe('operation limits, before any SQL', () => {
  const regionAliases = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `r${i}: region(code: "51") { summary { keyAssistedVillageCount } coverage { keyAssistedVillages } }`).join(' ')} }`;

  it('refuses 1,000 aliases of region { summary coverage } with a limit code, sending no statement', async () => {
    // 1,000 aliases are 16,000 tokens: the lexer stops at the token limit, before validation.
    const { result, statements } = await server.countStatements(() => server.gql(regionAliases(1000)));
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors![0].extensions).toMatchObject({ limit: 'tokens', maximum: 2000 });
    expect(statements).toBe(0);
    expect(await health()).toBe(200);
  });

  it('refuses more than 15 aliases with the alias limit, sending no statement', async () => {
    const { result, statements } = await server.countStatements(() => server.gql(regionAliases(16)));
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors![0].extensions).toMatchObject({ limit: 'aliases', maximum: 15 });
    expect(statements).toBe(0);
    expect((await server.gql(regionAliases(15))).errors).toBeUndefined();
  });

  it('refuses the 474 KB fan-out of 5,000 aliased purchase pages by its token count, and health answers meanwhile', async () => {
    const alias = (i: number) => `p${i}: purchases(first: 100) { edges { node { lines { product { name } } } } }`;
    const document = `{ ${Array.from({ length: 5000 }, (_, i) => alias(i)).join(' ')} }`;
    expect(document.length).toBeGreaterThan(390_000);
    const [{ result, sql }, status] = await Promise.all([server.countStatements(() => server.gql(document)), health()]);
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors![0].extensions).toMatchObject({ limit: 'tokens' });
    // Only the readiness check's own statements: the database answers and every migration is applied.
    const readiness =
      /^(SELECT 1|SELECT to_regclass\('mikro_orm_migrations'\) AS found|SELECT name, executed_at FROM "mikro_orm_migrations" ORDER BY id)$/;
    expect(sql.filter((statement) => !readiness.test(statement.trim()))).toEqual([]);
    expect(status).toBe(200);
  });

  it('refuses 500 introspections and too many directives', async () => {
    const schemas = await server.gql(
      `{ ${Array.from({ length: 500 }, (_, i) => `s${i}: __schema { types { name } }`).join(' ')} }`,
    );
    expect(codesOf(schemas)).toEqual(['QUERY_TOO_COMPLEX']);
    const directives = await server.gql(`{ viewer { ${'... @include(if: true) { role } '.repeat(25)} } }`);
    expect(codesOf(directives)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(directives.errors![0].extensions).toMatchObject({ limit: 'directives' });
  });

  it('prices pages by first, given as a literal or as a variable, and refuses above the ceiling', async () => {
    const page = (inner: string) => `(first: $n) { edges { node { ${inner} } } }`;
    const nested = `query($n: Int) { regions${page(`children${page(`children${page('name parent { name }')}`)}`)} }`;
    const small = await server.gql(nested, { n: 2 });
    expect(small.errors).toBeUndefined();
    // 1 + 2 × (1 + 2 × (1 + 2 × 1)) = 15: every page and every object field, each multiplied by the pages above it.
    expect((small as any).extensions.cost.requested).toBe(15);
    const { result, statements } = await server.countStatements(() => server.gql(nested, { n: 100 }));
    expect(codesOf(result)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(result.errors![0].extensions).toMatchObject({ limit: 'cost', maximum: 20000 });
    expect((result as any).extensions.cost).toMatchObject({
      requested: 1 + 100 * (1 + 100 * (1 + 100)),
      maximumPerOperation: 20000,
    });
    expect(statements).toBe(0);
  });

  it('reports extensions.cost on successes, on refusals and on documents that fail validation', async () => {
    const ok = (await server.gql('{ viewer { role } }')) as any;
    expect(ok.extensions.cost).toEqual({
      requested: 1,
      limit: 100_000_000,
      remaining: expect.any(Number),
      maximumPerOperation: 20000,
    });
    const invalid = (await server.gql('{ villages { nope } }')) as any;
    expect(codesOf(invalid)).toEqual(['BAD_USER_INPUT']);
    expect(invalid.extensions.cost).toMatchObject({ requested: 0 });
    const forbidden = (await server.gql(
      'mutation { createRegion(input: { code: "519902199000", name: "x" }) { region { code } } }',
      undefined,
      tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' }),
    )) as any;
    expect(codesOf(forbidden)).toEqual(['FORBIDDEN']);
    expect(forbidden.extensions.cost.requested).toBeGreaterThan(0);
  });

  it('applies the same limits over WebSocket, answering with an error message and keeping the socket', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: viewer { role }`).join(' ');
    const refused = subscribe(server.url, adminToken(), `{ ${aliases} }`);
    await expect(refused.waitFor(1, 3000)).rejects.toThrow(/QUERY_TOO_COMPLEX/);
    await refused.close();
    const fine = subscribe<{ viewer: { role: string } }>(server.url, adminToken(), '{ viewer { role } }');
    expect((await fine.waitFor(1))[0].viewer.role).toBe('ADMIN');
    await fine.close();
  });
});

describe('clean errors for bad input', () => {
  const CREATE = `mutation($input: CreateVillageInput!) { createVillage(input: $input) { village { id } } }`;

  it.each([
    ['NUL', '\u0000'],
    ['a bell', '\u0007'],
    ['DEL', '\u007f'],
    ['an unpaired surrogate', '\ud800'],
  ])('refuses %s in a text variable with BAD_USER_INPUT naming the field, writing nothing', async (_label, bad) => {
    const response = await server.gql(CREATE, { input: { code: '519902100299', name: `坏${bad}村` } });
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual(['name']);
    expect(await server.sql(`SELECT 1 FROM region WHERE code = '519902100299'`)).toEqual([]);
  });

  it('refuses control characters in inline literals, nested ones named by their path', async () => {
    const inline = await server.gql(
      `mutation { createVillage(input: { code: "519902100299", name: "坏\\u0000村" }) { village { id } } }`,
    );
    expect(codesOf(inline)).toEqual(['BAD_USER_INPUT']);
    expect(inline.errors![0].extensions!.fields).toEqual(['name']);
    const nested = await server.gql(
      `{ villages(filter: { designations: [KEY_ASSISTED], regionCode: "51\\u0000" }) { totalCount } }`,
    );
    expect(codesOf(nested)).toEqual(['BAD_USER_INPUT']);
    expect(nested.errors![0].extensions!.fields).toEqual(['regionCode']);
    const inId = await server.gql(`query($id: ID!) { node(id: $id) { id } }`, {
      id: toGlobalId('Village', '5199\u0000'),
    });
    expect(codesOf(inId)).toEqual(['BAD_USER_INPUT']);
  });

  it('answers a flood of bad variable values with BAD_USER_INPUT', async () => {
    const response = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, {
      ids: Array.from({ length: 60 }, (_, i) => ({ bad: i })),
    });
    // graphql-js reports the first 50 values, then gives up with one error naming no variable.
    expect(new Set(codesOf(response))).toEqual(new Set(['BAD_USER_INPUT']));
    expect(response.errors!.at(-1)!.extensions!.fields).toEqual(['variables']);
  });

  it('maps a cancelled statement (statement timeout) to TIMEOUT', async () => {
    const orm = await connectPlatformOrm(server.dbUrl, createLogger('silent'), 1, 100);
    try {
      const error = await orm.em
        .getConnection()
        .execute('SELECT pg_sleep(1)')
        .catch((e: unknown) => e);
      expect((error as { code?: string }).code).toBe('57014');
      expect(platformParts().errors.toClientError(error)?.code).toBe('TIMEOUT');
    } finally {
      await orm.close();
    }
  });
});

describe('request deadline', () => {
  it('starts no resolver after the deadline: the fields left answer TIMEOUT', async () => {
    const hurried = await startTestServer({ limits: { requestTimeoutMs: 1 } });
    try {
      const response = await hurried.gql(
        '{ villages(first: 100) { edges { node { name county { name } designations { kind } indicators { population } } } } }',
      );
      expect(codesOf(response)).toContain('TIMEOUT');
      expect(codesOf(response).every((code) => code === 'TIMEOUT')).toBe(true);
    } finally {
      await hurried.close();
    }
  });
});

describe('rate limits', () => {
  it('charges cost points per minute to the token subject, in Redis, and answers RATE_LIMITED with Retry-After', async () => {
    const limited = await startTestServer({
      redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      limits: { rateLimitPoints: 50 },
    });
    try {
      const query = '{ villages(first: 20) { edges { node { name county { name } } } } }'; // 1 + 20 × 1
      const post = (token: string) =>
        fetch(limited.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query }),
        });
      const token = tokenFor({ role: Role.ADMIN, sub: 'rate-test-admin' });
      const first = (await (await post(token)).json()) as any;
      expect(first.extensions.cost).toMatchObject({ requested: 21, limit: 50, remaining: 29 });
      const second = (await (await post(token)).json()) as any;
      expect(second.extensions.cost.remaining).toBe(8);
      const third = await post(token);
      expect(third.status).toBe(429);
      expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0);
      const body = (await third.json()) as any;
      expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: expect.any(Number) });
      expect(body.data).toBeUndefined();
      // Another subject has its own budget.
      const other = (await (await post(tokenFor({ role: Role.ADMIN, sub: 'another-admin' }))).json()) as any;
      expect(other.errors).toBeUndefined();
    } finally {
      await limited.close();
    }
  });

  it('counts requests without a valid token per address', async () => {
    const limited = await startTestServer({ limits: { rateLimitAnonymousPoints: 3 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(limited.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer guess' },
          body: JSON.stringify({ query: '{ viewer { role } }' }),
        });
        statuses.push(response.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
