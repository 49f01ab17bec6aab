import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createPlatformClient, type PlatformClient } from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { liveSockets } from './helpers';

/**
 * The county portal example in a real Chromium: built with Vite, served by `vite preview` (which
 * forwards /graphql to the test server), showing the seeded county and a live purchase feed
 * that loses nothing when its connection is cut and restored.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const PORTAL = path.join(ROOT, 'client-sdk', 'examples', 'county-portal');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const CHROMIUM = '/usr/bin/chromium';
const COUNTY = '519902000000';
const TEA_CO = seedId('provider', 'tea-co');

let server: TestServer;
let sockets: ReturnType<typeof liveSockets>;
let preview: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
let tea: PlatformClient;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'county-portal-'));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHttp(url: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const shanghaiToday = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

async function recordPurchase(reference: string, amount: string): Promise<string> {
  const { purchase } = await tea.recordPurchase({
    buyerId: toGlobalId('Enterprise', TEA_CO),
    clientReference: reference,
    channel: 'LIVE_STREAM',
    purchasedOn: shanghaiToday(),
    lines: [
      { productId: toGlobalId('Product', seedId('product', 'green-pepper')), quantity: '1', unit: '公斤', amount },
    ],
  });
  return purchase.id;
}

const liveIds = () => page.$$eval('#feed li.live', (items) => items.map((li) => li.getAttribute('data-purchase-id')!));

beforeAll(async () => {
  server = await startTestServer();
  sockets = liveSockets(server);
  tea = createPlatformClient({ url: server.url, token: tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }) });

  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const outDir = path.join(temp, 'dist');
  execFileSync(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: PORTAL,
    stdio: 'pipe',
  });
  const port = await freePort();
  preview = spawn(
    process.execPath,
    [vite, 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    {
      cwd: PORTAL,
      env: { ...process.env, PLATFORM_API: server.url },
      stdio: 'ignore',
    },
  );
  const portalUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(portalUrl);

  context = await chromium.launchPersistentContext(path.join(temp, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1360, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  page = context.pages()[0] ?? (await context.newPage());
  const token = tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });
  await page.goto(`${portalUrl}/?token=${encodeURIComponent(token)}&week=2026-11-09`);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  preview?.kill('SIGTERM');
  await tea?.close();
  await server?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('the county portal in Chromium', () => {
  it("shows the county's six key villages with target progress, coverage, team compliance and a monthly chart", async () => {
    expect(await page.title()).toContain('县级乡村振兴帮扶协同门户');
    expect(page.url()).not.toContain('token='); // the token leaves the address bar

    const expected = await server.sql<{ code: string; name: string }>(
      `SELECT r.code, r.name FROM region r JOIN village_designation d ON d.village_code = r.code
       WHERE d.kind = 'KEY_ASSISTED' AND r.code LIKE '519902%' ORDER BY r.code`,
    );
    expect(expected).toHaveLength(6);
    const rows = await page.$$eval('#villages tbody tr', (trs) =>
      trs.map((tr) => ({ code: tr.getAttribute('data-code'), name: tr.querySelector('.name')!.textContent })),
    );
    expect(rows).toEqual(expected);
    expect(await page.locator('#villages .chip').count()).toBeGreaterThan(6);
    expect(await page.textContent('#card-key .value')).toBe('6 个');
    expect(await page.textContent('#card-paired .value')).toMatch(/^\d+ \/ 6$/);
    expect(await page.textContent('#card-teams .value')).toMatch(/^\d+ \/ 6$/);
    expect(await page.textContent('#card-compliance .value')).toMatch(/^\d+\.\d%$/);
    expect(await page.locator('#teams tbody tr').count()).toBeGreaterThan(0);

    const bars = await page.$$eval('#chart svg rect.bar', (rects) =>
      rects.map((r) => ({ month: r.getAttribute('data-month')!, fen: BigInt(r.getAttribute('data-fen')!) })),
    );
    expect(bars).toHaveLength(12);
    const [{ fen }] = await server.sql<{ fen: string }>(
      `SELECT coalesce(sum(total_amount * 100), 0)::bigint::text AS fen FROM purchase
       WHERE status <> 'VOIDED' AND county_code = $1 AND to_char(purchased_on, 'YYYY-MM') BETWEEN $2 AND $3`,
      [COUNTY, bars[0].month, bars[11].month],
    );
    expect(bars.reduce((sum, b) => sum + b.fen, 0n)).toBe(BigInt(fen));
    expect(BigInt(fen)).toBeGreaterThan(0n);
  });

  it('updates the live feed and the chart without a reload, and loses no purchase across a cut connection', async () => {
    await page.waitForSelector('#live-status[data-status="live"]');
    const month = shanghaiToday().slice(0, 7);
    const barFen = async () => BigInt((await page.getAttribute(`#chart rect.bar[data-month="${month}"]`, 'data-fen'))!);
    const before = await barFen();

    const ids = [await recordPurchase('portal-live-1', '100.01')];
    await page.waitForSelector(`#feed li.live[data-purchase-id="${ids[0]}"]`, { timeout: 5000 });
    expect(await barFen()).toBe(before + 10001n);

    // Cut: the browser goes offline and the server drops every live socket; purchases go on.
    await context!.setOffline(true);
    expect(sockets.cut()).toBeGreaterThan(0);
    await page.waitForSelector('#live-status[data-status="reconnecting"]', { timeout: 10_000 });
    for (const n of [2, 3, 4]) ids.push(await recordPurchase(`portal-missed-${n}`, `${n}.00`));
    await page.waitForTimeout(500);
    expect(await liveIds()).toEqual([ids[0]]); // nothing arrives while cut off

    await context!.setOffline(false);
    await page.locator('#feed li.live').nth(3).waitFor({ timeout: 20_000 });
    ids.push(await recordPurchase('portal-live-5', '5.55'));
    await page.locator('#feed li.live').nth(4).waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);

    // Newest first in the feed: exactly the five purchases, each once, in the order recorded.
    expect(await liveIds()).toEqual([...ids].reverse());
    const cursors = await page.$$eval('#feed li.live', (items) =>
      items.map((li) => BigInt(li.getAttribute('data-cursor')!)),
    );
    expect(cursors.every((c, i) => i === 0 || c < cursors[i - 1])).toBe(true);
    expect(await page.getAttribute('#live-status', 'data-status')).toBe('live');
    expect(await barFen()).toBe(before + 10001n + 200n + 300n + 400n + 555n);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'county-portal.png'), fullPage: true });
  });
});
