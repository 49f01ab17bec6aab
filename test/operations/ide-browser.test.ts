import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createPlatformClient, type PlatformClient } from '@xiangcun/assistance-sdk';
import { adminToken, startTestServer, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { launchBrowser } from '../sdk/browser';
import { todayInShanghai } from '../../server/src/core/dates';

/**
 * The offline IDE in a real Chromium (Debian's, or the one inside @sparticuz/chromium: see
 * test/sdk/browser.ts) with the network cut off: every request to a host other than the test
 * server is aborted and recorded, and none may be attempted (no CDN, no web fonts). A token is
 * pasted into the token bar, a query runs in GraphiQL over HTTP and a subscription over
 * graphql-ws, each answering with the seeded server's data. Needs `npm run build` first.
 */
const TEA_CO = seedId('provider', 'tea-co');

let server: TestServer;
let context: BrowserContext | undefined;
let page: Page;
let tea: PlatformClient;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'ide-browser-'));
/** Requests to anywhere but the test server: aborted, and listed here for the assertion. */
const elsewhere: string[] = [];
/** What the page reported as errors, Content-Security-Policy violations among them. */
const pageErrors: string[] = [];
/** The statuses of the page's GraphQL requests over HTTP. */
const apiStatuses: number[] = [];
/** graphql-ws messages the page sent and received, in order. */
const frames: { sent: boolean; payload: string }[] = [];
const token = adminToken();

beforeAll(async () => {
  server = await startTestServer();
  tea = createPlatformClient({ url: server.url, token: tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }) });
  const host = new URL(server.url).host;
  context = await launchBrowser(path.join(temp, 'profile'), {
    viewport: { width: 1360, height: 900 },
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === host) return route.continue();
    elsewhere.push(url.href);
    return route.abort('internetdisconnected');
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('websocket', (socket) => {
    if (new URL(socket.url()).host !== host) elsewhere.push(socket.url());
    socket.on('framesent', ({ payload }) => frames.push({ sent: true, payload: String(payload) }));
    socket.on('framereceived', ({ payload }) => frames.push({ sent: false, payload: String(payload) }));
  });
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('response', (response) => {
    // GraphQL requests, not the page's own redirect from /graphql.
    if (new URL(response.url()).pathname === '/graphql' && response.request().method() === 'POST')
      apiStatuses.push(response.status());
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await tea?.close();
  await server?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

/**
 * GraphiQL 4's editors are CodeMirror 5 instances, reachable from their wrapper element. GraphiQL
 * takes in an edit (the operation to run among them) 100 ms after the last change, as after a
 * keystroke, and stores the text when it does: the run waits for that, as a typing user would.
 */
async function setQuery(text: string): Promise<void> {
  await page.$eval(
    '.graphiql-query-editor .CodeMirror',
    (element, value) =>
      (element as unknown as { CodeMirror: { setValue(v: string): void } }).CodeMirror.setValue(value),
    text,
  );
  await page.waitForFunction((value) => localStorage.getItem('graphiql:query') === value, text);
}
const responseText = () =>
  page.$eval('.graphiql-response .CodeMirror', (element) =>
    (element as unknown as { CodeMirror: { getValue(): string } }).CodeMirror.getValue(),
  );
async function waitForResponse(contains: string): Promise<string> {
  let text = '';
  await waitFor(async () => (text = await responseText()).includes(contains));
  return text;
}

describe('the IDE in a browser, offline', () => {
  it('opens from /graphql, with no token yet and nothing loaded from elsewhere', async () => {
    await page.goto(server.url);
    expect(new URL(page.url()).pathname).toBe('/ide/');
    await page.waitForSelector('.graphiql-container .graphiql-query-editor .CodeMirror', { timeout: 30_000 });
    expect(await page.textContent('#token-state')).toContain('未设置令牌');
    // The default query is there to run.
    expect(await page.textContent('.graphiql-query-editor')).toContain('viewer');
    // Without a token GraphiQL does not ask for the schema, which could only be refused.
    await page.waitForLoadState('networkidle');
    expect(apiStatuses).toEqual([]);
  });

  it('takes a pasted token, kept in sessionStorage only, and runs a query with it', async () => {
    // A new token makes GraphiQL load the schema again, now allowed; run the query after that.
    const schemaLoaded = page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/graphql' &&
        response.status() === 200 &&
        (response.request().postData() ?? '').includes('IntrospectionQuery'),
    );
    await page.fill('#token', `Bearer ${token}`); // a pasted header value works as well as the token
    await page.click('#token-form button[type=submit]');
    await page.waitForSelector('#token-state[data-token="set"]');
    await schemaLoaded;
    const stored = await page.evaluate(() => ({
      session: sessionStorage.getItem('platform-ide-token'),
      local: JSON.stringify({ ...localStorage }),
    }));
    expect(stored.session).toBe(token);
    expect(stored.local).not.toContain(token.slice(-20));

    const query = '{ viewer { role } region(code: "510000000000") { code name } }';
    await setQuery(query);
    await page.click('.graphiql-execute-button');
    const shown = JSON.parse(await waitForResponse('"role"')) as { data: unknown };
    const expected = await server.gql(query);
    expect(expected.data?.region?.name).toBeTruthy();
    expect(shown.data).toEqual(expected.data);
  });

  it('runs a subscription over graphql-ws with the token, and shows its first event', async () => {
    await setQuery('subscription Purchases { purchaseRecorded { cursor purchase { id } } }');
    await page.click('.graphiql-execute-button');
    // The server acknowledges a connection only for a valid token in connectionParams.authorization.
    await waitFor(() => frames.some((f) => !f.sent && f.payload.includes('"connection_ack"')));
    const init = JSON.parse(frames.find((f) => f.sent && f.payload.includes('"connection_init"'))!.payload) as {
      payload: { authorization: string };
    };
    expect(init.payload.authorization).toBe(`Bearer ${token}`);
    await waitFor(() => subscribedOnServer());

    const { purchase } = await tea.recordPurchase({
      buyerId: toGlobalId('Enterprise', TEA_CO),
      clientReference: 'ide-browser-1',
      channel: 'LIVE_STREAM',
      purchasedOn: todayInShanghai(),
      lines: [
        {
          productId: toGlobalId('Product', seedId('product', 'green-pepper')),
          quantity: '1',
          unit: '公斤',
          amount: '12.50',
        },
      ],
    });
    const shown = await waitForResponse(purchase.id);
    expect(shown).toContain('"purchaseRecorded"');
  });

  it('attempted no request beyond the platform, and the page broke no CSP rule', async () => {
    expect(elsewhere).toEqual([]);
    expect(pageErrors.filter((text) => /Content Security Policy|Refused to/i.test(text))).toEqual([]);
    // The cut is real: a page without the platform's CSP that asks for a web font is recorded.
    const probe = await context!.newPage();
    const font = 'https://fonts.googleapis.com/css2?family=Roboto';
    const outcome = await probe.evaluate(
      (url) =>
        fetch(url).then(
          () => 'loaded',
          () => 'failed',
        ),
      font,
    );
    await probe.close();
    expect(outcome).toBe('failed');
    expect(elsewhere).toEqual([font]);
  });
});

/** Whether the server holds the live purchase subscription yet (its gauge), so the next purchase reaches it. */
async function subscribedOnServer(): Promise<boolean> {
  const text = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
  return /^platform_subscriptions\{topic="purchaseRecorded"\} [1-9]/m.test(text);
}

async function waitFor<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
