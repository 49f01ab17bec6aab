import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { adminToken, startTestServer, type TestServer } from '../harness/server';
import { loadConfig } from '../../server/src/core/config';
import { defaultIdeDir } from '../../server/src/core/http/ide';

/**
 * `GET /`, and the offline IDE as HTTP sees it: where it is served, where it is not, and that its
 * page names nothing but this origin. The browser run is in ide-browser.test.ts. Needs
 * `npm run build` first (as every run of the suite does), which bundles the IDE into dist/ide.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const origin = (s: TestServer = server) => new URL(s.url).origin;
const get = (path: string, accept = 'application/json', s: TestServer = server) =>
  fetch(`${origin(s)}${path}`, { headers: { accept }, redirect: 'manual' });
/** What Chromium sends when a page is opened. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8';

describe('GET /', () => {
  it('names the endpoints as JSON', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { endpoints: Record<string, unknown> };
    expect(body.endpoints).toMatchObject({
      graphql: { http: '/graphql', websocket: '/graphql', websocketProtocol: 'graphql-transport-ws' },
      ide: '/ide/',
      livez: '/livez',
      readyz: '/readyz',
      metrics: '/metrics',
    });
    const exports = body.endpoints.exports as string[];
    expect(exports.length).toBeGreaterThan(0);
    for (const file of exports) expect(file).toMatch(/^\/exports\/[a-z-]+\.xlsx$/);
    // Every path it names answers (exports want a token, so they answer 401, not 404).
    expect((await get('/livez')).status).toBe(200);
    expect((await get('/ide/', 'text/html')).status).toBe(200);
    expect((await get(exports[0])).status).toBe(401);
  });

  it('answers a browser with a small page of the same links, under the strict CSP', async () => {
    const response = await get('/', BROWSER_ACCEPT);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('href="/ide/"');
    expect(html).toContain('href="/graphql"');
    expect(html).not.toMatch(/<script/i);
  });
});

describe('the IDE (enabled outside production)', () => {
  it('is where a browser opening /graphql is sent; API clients and GET queries are not', async () => {
    const browser = await get('/graphql', BROWSER_ACCEPT);
    expect(browser.status).toBe(302);
    // Relative, so a proxy serving the platform under a prefix keeps it (/prefix/graphql → /prefix/ide/).
    expect(browser.headers.get('location')).toBe('ide/');
    for (const accept of ['application/json', '*/*', 'application/graphql-response+json'])
      expect((await get('/graphql', accept)).status).not.toBe(302);
    const query = await get(`/graphql?query=${encodeURIComponent('{ __typename }')}`, BROWSER_ACCEPT);
    expect(query.status).not.toBe(302);
  });

  it('serves a page that loads only same-origin bundles, cached for a year', async () => {
    const bare = await get('/ide', BROWSER_ACCEPT);
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('ide/');
    const page = await get('/ide/', BROWSER_ACCEPT);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i); // no inline script: CSP allows none
    const references = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
    expect(references.length).toBeGreaterThanOrEqual(2);
    for (const reference of references) {
      // Relative to the page, for the same reason.
      expect(reference).toMatch(/^assets\/[\w.-]+$/);
      const asset = await get(`/ide/${reference}`, '*/*');
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const text = await asset.text();
      // No fonts or styles from elsewhere: GraphiQL's fonts are inlined by the bundle.
      expect(text).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(text).not.toMatch(/fonts\.(googleapis|gstatic)\.com|unpkg\.com|jsdelivr\.net|cdnjs/);
    }
    expect((await get('/ide/assets/missing-0000.js', '*/*')).status).toBe(404);
  });
});

describe('behind a proxy that serves the platform under a path prefix', () => {
  it('leads from /prefix/graphql to the page, its bundles and the API, all under the prefix', async () => {
    // The proxy strips /xczx and forwards everything else unchanged, as an nginx location would.
    const target = new URL(server.url);
    const proxy = http.createServer((req, res) => {
      if (!req.url?.startsWith('/xczx/')) return void res.writeHead(404).end();
      const upstream = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: req.method,
          path: req.url.slice('/xczx'.length),
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
    const follow = async (url: string) => {
      const response = await fetch(url, { headers: { accept: BROWSER_ACCEPT }, redirect: 'manual' });
      const location = response.headers.get('location');
      return location ? new URL(location, url).href : url;
    };
    try {
      const pageUrl = await follow(`${base}/xczx/graphql`);
      expect(pageUrl).toBe(`${base}/xczx/ide/`);
      expect(await follow(`${base}/xczx/ide`)).toBe(`${base}/xczx/ide/`);
      const html = await (await fetch(pageUrl)).text();
      const references = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => new URL(m[1], pageUrl).href);
      for (const reference of references) {
        expect(reference.startsWith(`${base}/xczx/ide/assets/`)).toBe(true);
        expect((await fetch(reference)).status).toBe(200);
      }
      // The page's fetcher asks `../graphql` of its own address (server/ide/main.tsx).
      const api = new URL('../graphql', pageUrl).href;
      expect(api).toBe(`${base}/xczx/graphql`);
      const answer = await fetch(api, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken()}` },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
      expect(await answer.json()).toMatchObject({ data: { viewer: { role: 'ADMIN' } } });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('production', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-length' };

  it('turns the IDE on only with ENABLE_IDE=true', () => {
    expect(loadConfig({}).enableIde).toBe(true);
    expect(loadConfig(production).enableIde).toBe(false);
    expect(loadConfig({ ...production, ENABLE_IDE: 'false' }).enableIde).toBe(false);
    expect(loadConfig({ ...production, ENABLE_IDE: 'true' }).enableIde).toBe(true);
    expect(() => loadConfig({ ...production, ENABLE_IDE: 'yes' })).toThrow(/ENABLE_IDE/);
  });

  it('without ENABLE_IDE serves no IDE, and / does not name it (nor /metrics, kept off the API port)', async () => {
    const off = await startTestServer({ enableIde: false, metrics: { onApiPort: false } });
    try {
      const page = await get('/ide', BROWSER_ACCEPT, off);
      expect(page.status).toBe(404);
      expect(((await page.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
        'NOT_FOUND',
      );
      expect((await get('/graphql', BROWSER_ACCEPT, off)).status).not.toBe(302);
      const index = (await (await get('/', 'application/json', off)).json()) as { endpoints: Record<string, unknown> };
      expect(index.endpoints).not.toHaveProperty('ide');
      expect(index.endpoints).not.toHaveProperty('metrics');
      expect(index.endpoints).toHaveProperty('graphql');
    } finally {
      await off.close();
    }
  });

  it('answers a clear JSON error where the IDE is enabled but was never built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'ide-unbuilt-'));
    const unbuilt = await startTestServer({ ideDir: path.join(empty, 'ide') });
    try {
      const page = await get('/ide/', BROWSER_ACCEPT, unbuilt);
      expect(page.status).toBe(404);
      const body = (await page.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(body.errors[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      expect(body.errors[0].message).toMatch(/not built.*npm run build/);
      // The API itself is unaffected.
      expect((await unbuilt.gql('{ viewer { role } }')).data).toEqual({ viewer: { role: 'ADMIN' } });
    } finally {
      await unbuilt.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds dist/ide from the source tree and from the compiled one alike', () => {
    const root = path.resolve(__dirname, '..', '..');
    expect(defaultIdeDir(path.join(root, 'server', 'src', 'core', 'http'))).toBe(path.join(root, 'dist', 'ide'));
    expect(defaultIdeDir(path.join(root, 'dist', 'server', 'src', 'core', 'http'))).toBe(
      path.join(root, 'dist', 'ide'),
    );
  });
});
