import { serverAudits } from 'graphql-http';
import { startTestServer, adminToken, codesOf, type TestServer } from '../harness/server';
import { KEEP_ALIVE_TIMEOUT_MS } from '../../server/src/core/http/security-headers';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ corsOrigins: ['https://portal.example.cn'] });
});
afterAll(() => server.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}`, ...headers },
    body,
  });

async function expectJsonError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const text = await response.text();
  expect(text).not.toMatch(/<html|<pre|\bat \S+ \(|node_modules|\/work\//i);
  expect(JSON.parse(text).errors[0].extensions.code).toBe(code);
}

describe('HTTP errors are GraphQL JSON with a code, never HTML or a stack', () => {
  it('answers malformed JSON with 400 BAD_REQUEST', async () => {
    await expectJsonError(await post('{ "query": "{ viewer { role } }"'), 400, 'BAD_REQUEST');
  });

  it('answers a body over 2 MB with 413 PAYLOAD_TOO_LARGE, before authentication', async () => {
    const huge = JSON.stringify({ query: '{ viewer { role } }', variables: { pad: 'x'.repeat(3 * 1024 * 1024) } });
    await expectJsonError(await post(huge, { authorization: '' }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers a wrong content type with 415 BAD_REQUEST', async () => {
    await expectJsonError(await post('query=x', { 'content-type': 'text/plain' }), 415, 'BAD_REQUEST');
    await expectJsonError(await post('{}', { 'content-type': 'application/json; charset=latin1' }), 415, 'BAD_REQUEST');
  });

  it('answers unknown paths with a JSON 404', async () => {
    await expectJsonError(await fetch(server.url.replace('/graphql', '/nothing-here')), 404, 'NOT_FOUND');
  });
});

describe('HTTP hygiene', () => {
  it('keeps idle connections longer than load balancers do, and waits a little longer for headers', () => {
    expect(server.platform.httpServer.keepAliveTimeout).toBe(KEEP_ALIVE_TIMEOUT_MS);
    expect(KEEP_ALIVE_TIMEOUT_MS).toBeGreaterThan(60_000);
    expect(server.platform.httpServer.headersTimeout).toBeGreaterThan(KEEP_ALIVE_TIMEOUT_MS);
  });

  it('sends security headers with a same-origin content security policy', async () => {
    const response = await post(JSON.stringify({ query: '{ viewer { role } }' }));
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toMatch(/max-age/);
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('allows the configured portal origins by CORS, and no other', async () => {
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
    const allowed = await preflight('https://portal.example.cn');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.example.cn');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await preflight('https://evil.example.com');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves no Apollo landing page, and no introspection when it is turned off (production)', async () => {
    // A browser is sent to the platform's own offline IDE (test/operations/ide.test.ts), never to
    // Apollo's CDN-loaded page.
    const landing = await fetch(server.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(landing.status).toBe(302);
    expect(landing.headers.get('location')).toBe('ide/');
    const production = await startTestServer({ allowIntrospection: false, enableIde: false });
    try {
      const html = await fetch(production.url, { headers: { accept: 'text/html' }, redirect: 'manual' });
      expect(html.status).not.toBe(302);
      expect(html.headers.get('content-type') ?? '').not.toMatch(/html/);
      const response = await production.gql('{ __schema { types { name } } }');
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].message).toMatch(/introspection/i);
    } finally {
      await production.close();
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('passes every graphql-http server audit, with no error and no warning', async () => {
    const token = adminToken();
    const audits = serverAudits({
      url: server.url,
      fetchFn: (input: string | URL | Request, init: RequestInit = {}) =>
        fetch(input, {
          ...init,
          headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` },
        }),
    });
    const results = await Promise.all(audits.map((audit) => audit.fn()));
    // "notice" results are MAY items left out by choice (GET queries need Apollo's CSRF preflight header).
    const problems = results
      .filter((r) => r.status === 'error' || r.status === 'warn')
      .map((r) => `${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(results.length).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});
