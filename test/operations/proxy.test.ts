import { startTestServer, codesOf, type GraphQLResponse, type TestServer } from '../harness/server';

/**
 * Behind a reverse proxy (TRUST_PROXY=1) the anonymous rate limit counts per client address from
 * X-Forwarded-For; without it the header is ignored, so a client cannot pick its own address.
 */
const anonymous = (server: TestServer, forwardedFor: string) =>
  fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  }).then(async (r) => ({ status: r.status, codes: codesOf((await r.json()) as GraphQLResponse) }));

describe('TRUST_PROXY', () => {
  it('counts anonymous requests per forwarded client address behind a trusted proxy', async () => {
    const server = await startTestServer({ trustProxy: 1, limits: { rateLimitAnonymousPoints: 2 } });
    try {
      expect((await anonymous(server, '203.0.113.7')).status).toBe(401);
      expect((await anonymous(server, '203.0.113.7')).status).toBe(401);
      expect(await anonymous(server, '203.0.113.7')).toEqual({ status: 429, codes: ['RATE_LIMITED'] });
      // Another county office behind the same proxy keeps its own budget.
      expect((await anonymous(server, '198.51.100.20')).status).toBe(401);
    } finally {
      await server.close();
    }
  });

  it('ignores X-Forwarded-For when no proxy is trusted', async () => {
    const server = await startTestServer({ limits: { rateLimitAnonymousPoints: 2 } });
    try {
      await anonymous(server, '203.0.113.7');
      await anonymous(server, '203.0.113.8');
      expect((await anonymous(server, '203.0.113.9')).status).toBe(429);
    } finally {
      await server.close();
    }
  });
});
