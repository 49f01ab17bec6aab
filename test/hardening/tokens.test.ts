import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestServer, adminToken, codesOf, tokenFor, TEST_JWT_SECRET, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { signToken } from '../../server/src/core/auth/tokens';
import { seedId } from '../../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TEA_CO = seedId('provider', 'tea-co'); // an enterprise
const AGRI_DEPT = seedId('provider', 'sc-agri-dept'); // an assistance unit
const QUERY = '{ viewer { role } }';

/** A token signed with the right secret and issuer but claims of our choosing. */
function rawToken(claims: Record<string, unknown>, options: jwt.SignOptions = {}): string {
  return jwt.sign({ role: 'ADMIN', ...claims }, TEST_JWT_SECRET, {
    algorithm: 'HS256',
    issuer: 'assistance-platform',
    ...options,
  });
}

describe('strict token claims', () => {
  it('accepts a complete token', async () => {
    const token = rawToken({}, { subject: 'ops@platform', jwtid: crypto.randomUUID(), expiresIn: '1h' });
    expect((await server.gql(QUERY, undefined, token)).data).toEqual({ viewer: { role: 'ADMIN' } });
  });

  it.each([
    ['no exp', { subject: 'a', jwtid: crypto.randomUUID() }],
    ['a lifetime above 30 days', { subject: 'a', jwtid: crypto.randomUUID(), expiresIn: '31d' }],
    ['no sub', { jwtid: crypto.randomUUID(), expiresIn: '1h' }],
    ['no jti', { subject: 'a', expiresIn: '1h' }],
  ] as [string, jwt.SignOptions][])('refuses a token with %s', async (_label, options) => {
    const response = await server.gql(QUERY, undefined, rawToken({}, options));
    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });

  it('signs nothing longer than the maximum lifetime', () => {
    expect(() => signToken({ role: Role.ADMIN, sub: 'x' }, TEST_JWT_SECRET, '100y')).toThrow(/at most 30d/);
    expect(() => signToken({ role: Role.ADMIN, sub: 'x' }, TEST_JWT_SECRET, '30d')).not.toThrow();
  });

  it('refuses a partner token whose provider is of the other kind, or unknown; and an unknown region', async () => {
    expect(
      codesOf(await server.gql(QUERY, undefined, tokenFor({ role: Role.ENTERPRISE, provider: AGRI_DEPT }))),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codesOf(await server.gql(QUERY, undefined, tokenFor({ role: Role.ASSISTANCE_UNIT, provider: TEA_CO }))),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codesOf(await server.gql(QUERY, undefined, tokenFor({ role: Role.ENTERPRISE, provider: crypto.randomUUID() }))),
    ).toEqual(['UNAUTHENTICATED']);
    expect(
      codesOf(await server.gql(QUERY, undefined, tokenFor({ role: Role.REGION_OFFICIAL, region: '519998000000' }))),
    ).toEqual(['UNAUTHENTICATED']);
    expect((await server.gql(QUERY, undefined, tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }))).data).toEqual({
      viewer: { role: 'ENTERPRISE' },
    });
  });

  it('records the subject as the actor of a change', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000', sub: 'li.hua@519902' });
    const response = await server.gql(
      `mutation { createRegion(input: { code: "519902198000", name: "审计镇" }) { region { code } } }`,
      undefined,
      official,
    );
    expect(response.errors).toBeUndefined();
    const [row] = await server.sql(
      `SELECT actor, role, outcome FROM audit_log WHERE operation = 'createRegion' ORDER BY id DESC LIMIT 1`,
    );
    expect(row).toEqual({ actor: 'li.hua@519902', role: 'REGION_OFFICIAL', outcome: 'OK' });
  });
});

describe('revocation', () => {
  const REVOKE = `mutation($input: RevokeTokenInput!) { revokeToken(input: $input) { tokenId newlyRevoked } }`;
  const idOf = (token: string) => (jwt.decode(token) as jwt.JwtPayload).jti!;

  it('refuses a revoked token from the moment an administrator revokes it; only ADMIN revokes', async () => {
    const victim = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
    expect((await server.gql(QUERY, undefined, victim)).errors).toBeUndefined();
    expect(codesOf(await server.gql(REVOKE, { input: { tokenId: idOf(victim) } }, victim))).toEqual(['FORBIDDEN']);
    const revoked = await server.gql(REVOKE, { input: { tokenId: idOf(victim), reason: '人员调岗' } }, adminToken());
    expect(revoked.data).toEqual({ revokeToken: { tokenId: idOf(victim), newlyRevoked: true } });
    expect(codesOf(await server.gql(QUERY, undefined, victim))).toEqual(['UNAUTHENTICATED']);
    const again = await server.gql(REVOKE, { input: { tokenId: idOf(victim) } }, adminToken());
    expect(again.data!.revokeToken.newlyRevoked).toBe(false);
    expect(codesOf(await server.gql(REVOKE, { input: { tokenId: 'not-a-uuid' } }))).toEqual(['BAD_USER_INPUT']);
  });
});

/** A raw graphql-ws client that records every message and the close code. */
function liveClient(token: string) {
  const events: { id: string; kind: 'next' | 'error' | 'complete'; payload?: unknown }[] = [];
  let closedWith: number | undefined;
  const client = createClient({
    url: server.url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: false,
    on: { closed: (event) => void (closedWith = (event as { code: number }).code) },
    onNonLazyError: () => undefined,
  });
  const run = (id: string, query: string) =>
    client.subscribe(
      { query },
      {
        next: (payload) => events.push({ id, kind: 'next', payload }),
        error: (payload) => events.push({ id, kind: 'error', payload }),
        complete: () => events.push({ id, kind: 'complete' }),
      },
    );
  return { client, events, run, closedWith: () => closedWith };
}

const waitUntil = async (check: () => boolean, ms = 8000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};
const codeOfError = (payload: unknown) => (payload as { extensions?: { code?: string } }[])[0]?.extensions?.code;

describe('subscriptions end with their token', () => {
  it('ends every live operation of the socket with UNAUTHENTICATED at exp, refuses later ones, never closes with 4500', async () => {
    const token = tokenFor({ role: Role.ADMIN, sub: 'short-lived' }, 2);
    const live = liveClient(token);
    live.run('a', 'subscription { purchaseRecorded { cursor } }');
    live.run('b', 'subscription { pairingChanged { cursor } }');
    await waitUntil(() => live.events.filter((e) => e.kind === 'error').length === 2);
    for (const id of ['a', 'b']) {
      const ended = live.events.find((e) => e.id === id && e.kind === 'error');
      expect(codeOfError(ended!.payload)).toBe('UNAUTHENTICATED');
    }
    live.run('c', QUERY);
    await waitUntil(() => live.events.some((e) => e.id === 'c'));
    expect(codeOfError(live.events.find((e) => e.id === 'c')!.payload)).toBe('UNAUTHENTICATED');
    expect(live.closedWith()).toBeUndefined(); // the socket stays; the client reconnects with a new token
    await live.client.dispose();
    expect(live.closedWith()).not.toBe(4500);
  });

  it('ends the subscriptions of a revoked token at once', async () => {
    const token = tokenFor({ role: Role.ADMIN, sub: 'to-be-revoked' });
    const live = liveClient(token);
    live.run('a', 'subscription { purchaseRecorded { cursor } }');
    await new Promise((r) => setTimeout(r, 300));
    const tokenId = (jwt.decode(token) as jwt.JwtPayload).jti;
    await server.gql(`mutation { revokeToken(input: { tokenId: "${tokenId}" }) { newlyRevoked } }`);
    await waitUntil(() => live.events.some((e) => e.kind === 'error'));
    expect(codeOfError(live.events.find((e) => e.kind === 'error')!.payload)).toBe('UNAUTHENTICATED');
    await live.client.dispose();
  });

  it('closes a connection whose token is invalid with 4403 Forbidden', async () => {
    const live = liveClient(tokenFor({ role: Role.ENTERPRISE, provider: AGRI_DEPT }));
    live.run('a', QUERY);
    await waitUntil(() => live.closedWith() !== undefined);
    expect(live.closedWith()).toBe(4403);
  });
});

describe('token CLI', () => {
  const run = promisify(execFile);
  const cli = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'cli', 'token.js');
  const env = () => ({ ...process.env, DATABASE_URL: server.dbUrl, JWT_SECRET: TEST_JWT_SECRET, LOG_LEVEL: 'silent' });
  const fails = async (args: string[]) => {
    const error = (await run(process.execPath, [cli, ...args], { env: env() }).catch((e: unknown) => e)) as {
      code?: number;
      stderr?: string;
    };
    expect(error.code).toBe(2);
    return error.stderr ?? '';
  };

  it('signs for existing scopes only, within the maximum lifetime, with a subject', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      [cli, '--role', 'ENTERPRISE', '--enterprise', TEA_CO, '--subject', 'wang@tea', '--expires', '12h'],
      { env: env() },
    );
    const claims = jwt.verify(stdout.trim(), TEST_JWT_SECRET) as jwt.JwtPayload;
    expect(claims).toMatchObject({ role: 'ENTERPRISE', provider: TEA_CO, sub: 'wang@tea' });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    expect(stderr).toContain(claims.jti!);
    expect(await fails(['--role', 'ENTERPRISE', '--enterprise', AGRI_DEPT, '--subject', 'x'])).toMatch(/no enterprise/);
    expect(await fails(['--role', 'REGION_OFFICIAL', '--region', '519998', '--subject', 'x'])).toMatch(
      /does not exist/,
    );
    expect(await fails(['--role', 'ADMIN', '--subject', 'x', '--expires', '100d'])).toMatch(/longer than/);
    expect(await fails(['--role', 'ADMIN'])).toMatch(/--subject is required/);
  });

  it('revokes a token by its id', async () => {
    const token = tokenFor({ role: Role.ADMIN, sub: 'cli-revoked' });
    const tokenId = (jwt.decode(token) as jwt.JwtPayload).jti!;
    await run(process.execPath, [cli, '--revoke', tokenId, '--reason', 'lost laptop'], { env: env() });
    const [row] = await server.sql('SELECT reason FROM revoked_token WHERE jti = $1', [tokenId]);
    expect(row).toEqual({ reason: 'lost laptop' });
  });
});
