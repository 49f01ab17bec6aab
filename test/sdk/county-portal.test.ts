import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { createPlatformClient, type PlatformClient } from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { seedId } from '../../seeds/load';
import { liveSockets } from './helpers';
import { launchBrowser } from './browser';
import { todayInShanghai } from '../../server/src/core/dates';

/**
 * The county portal example in a real Chromium (Debian's, or the one inside @sparticuz/chromium:
 * see browser.ts): built with Vite, served by `vite preview` (which forwards /graphql to the test
 * server), showing the seeded county, a live purchase feed that loses nothing when its connection
 * is cut (also before its first event), a phone-width layout, and its error and retry states.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const PORTAL = path.join(ROOT, 'client-sdk', 'examples', 'county-portal');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const COUNTY = '519902000000';
const TEA_CO = seedId('provider', 'tea-co');

let server: TestServer;
let sockets: ReturnType<typeof liveSockets>;
let preview: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
let portalUrl: string;
let tea: PlatformClient;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'county-portal-'));
const countyToken = () => tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });

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

async function recordPurchase(reference: string, amount: string): Promise<string> {
  const { purchase } = await tea.recordPurchase({
    buyerId: toGlobalId('Enterprise', TEA_CO),
    clientReference: reference,
    channel: 'LIVE_STREAM',
    purchasedOn: todayInShanghai(),
    lines: [
      { productId: toGlobalId('Product', seedId('product', 'green-pepper')), quantity: '1', unit: '公斤', amount },
    ],
  });
  return purchase.id;
}

const liveIds = () => page.$$eval('#feed li.live', (items) => items.map((li) => li.getAttribute('data-purchase-id')!));

async function openPortal(query: string, viewport = { width: 1360, height: 900 }): Promise<Page> {
  const opened = await context!.newPage();
  await opened.setViewportSize(viewport);
  await opened.goto(`${portalUrl}/?token=${encodeURIComponent(countyToken())}${query}`);
  return opened;
}

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
  portalUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(portalUrl);

  context = await launchBrowser(path.join(temp, 'profile'), {
    viewport: { width: 1360, height: 900 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${portalUrl}/?token=${encodeURIComponent(countyToken())}&week=2026-11-09`);
  await page.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
}, 180_000);

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
      trs.map((tr) => ({
        code: tr.getAttribute('data-code'),
        name: tr.querySelector('.name .village-name')!.textContent,
      })),
    );
    expect(rows).toEqual(expected);
    expect(await page.locator('#villages .chip').count()).toBeGreaterThan(6);
    // Chips follow `status`: ✗ only for a target that is due and missed, never for one not yet due
    // or without data, and every status drawn is one the API gives.
    const chips = await page.$$eval('#villages .chip[data-status]', (els) =>
      els.map((el) => ({ status: el.getAttribute('data-status')!, mark: el.textContent!.trim().slice(0, 1) })),
    );
    expect(chips.length).toBeGreaterThan(6);
    const marks: Record<string, string> = { MET: '✓', ON_TRACK: '✓', MISSED: '✗', NOT_DUE: '○', NO_DATA: '—' };
    for (const chip of chips) expect(chip.mark).toBe(marks[chip.status]);
    const demoRows = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM region r JOIN village_designation d ON d.village_code = r.code
       WHERE d.kind = 'KEY_ASSISTED' AND r.code LIKE '519902%'
         AND (SELECT i.source FROM village_indicators i WHERE i.village_code = r.code ORDER BY i.year DESC LIMIT 1) = 'DEMO'`,
    );
    expect(await page.locator('#villages .chip.demo').count()).toBe(demoRows[0].n);
    expect(await page.locator('.skeleton').count()).toBe(0); // the loading skeleton is gone
    expect(await page.textContent('#card-key .value')).toBe('6 个');
    expect(await page.textContent('#card-paired .value')).toMatch(/^\d+ \/ 6$/);
    expect(await page.textContent('#card-teams .value')).toMatch(/^\d+ \/ 6$/);
    expect(await page.textContent('#card-compliance .value')).toMatch(/^\d+\.\d%$/);
    expect(await page.textContent('#teams-week-header')).toBe('11月9日–11月15日 达标');
    expect(await page.locator('#teams tbody tr').count()).toBeGreaterThan(0);

    // Large amounts in 万元, the exact yuan on hover.
    const collective = await server.sql<{ fen: string }>(
      `SELECT (i.collective_income * 100)::bigint::text AS fen FROM village_indicators i
       WHERE i.village_code = $1 ORDER BY i.year DESC LIMIT 1`,
      [expected[0].code],
    );
    const cell = page.locator(`#villages tr[data-code="${expected[0].code}"] td:nth-child(6) .money`);
    if (collective.length && BigInt(collective[0].fen) >= 1_000_000n) {
      expect(await cell.textContent()).toMatch(/^[\d,]+\.\d\d 万元$/);
      expect(await cell.getAttribute('title')).toMatch(/^[\d,]+\.\d\d 元$/);
      expect(await cell.getAttribute('data-fen')).toBe(collective[0].fen);
    }

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
    expect(await page.textContent('#chart svg')).toContain('单位：万元');

    // The feed shows record times, newest first.
    const times = await page.$$eval('#feed li', (items) => items.map((li) => li.getAttribute('data-recorded-at')!));
    expect(times.length).toBeGreaterThan(1);
    expect([...times].sort((a, b) => Date.parse(b) - Date.parse(a))).toEqual(times);
  });

  it('receives a purchase recorded while the connection was down, before any live event had arrived', async () => {
    await page.waitForSelector('#live-status[data-status="live"]');
    expect(await liveIds()).toEqual([]);
    await context!.setOffline(true);
    expect(sockets.cut()).toBeGreaterThan(0);
    await page.waitForSelector('#live-status[data-status="reconnecting"]', { timeout: 10_000 });
    const id = await recordPurchase('portal-no-cursor-1', '777.77');
    await page.waitForTimeout(300);
    expect(await liveIds()).toEqual([]);
    await context!.setOffline(false);
    await page.waitForSelector(`#feed li.live[data-purchase-id="${id}"]`, { timeout: 20_000 });
    await page.waitForSelector('#live-status[data-status="live"]', { timeout: 10_000 });
    expect(await page.textContent(`#feed li[data-purchase-id="${id}"] .amount`)).toBe('777.77 元');
  });

  it('updates the live feed and the chart without a reload, and loses no purchase across a cut connection', async () => {
    await page.waitForSelector('#live-status[data-status="live"]');
    const month = todayInShanghai().slice(0, 7);
    // Page code as strings: the tests compile without the DOM library.
    const waitForBar = (fen: bigint) =>
      page.waitForFunction(
        `document.querySelector('#chart rect.bar[data-month="${month}"]')?.getAttribute('data-fen') === '${fen}'`,
        undefined,
        { timeout: 5000 },
      );
    // The platform's sum for the month, not the page's: a refresh after the previous test may still be on its way.
    const [{ fen: sum }] = await server.sql<{ fen: string }>(
      `SELECT coalesce(sum(total_amount * 100), 0)::bigint::text AS fen FROM purchase
       WHERE status <> 'VOIDED' AND county_code = $1 AND to_char(purchased_on, 'YYYY-MM') = $2`,
      [COUNTY, month],
    );
    const before = BigInt(sum);
    await waitForBar(before);
    const ids = [...(await liveIds())].reverse();

    ids.push(await recordPurchase('portal-live-1', '100.01'));
    await page.waitForSelector(`#feed li.live[data-purchase-id="${ids.at(-1)}"]`, { timeout: 5000 });
    await waitForBar(before + 10001n);

    // Cut: the browser goes offline and the server drops every live socket; purchases go on.
    await context!.setOffline(true);
    expect(sockets.cut()).toBeGreaterThan(0);
    await page.waitForSelector('#live-status[data-status="reconnecting"]', { timeout: 10_000 });
    for (const n of [2, 3, 4]) ids.push(await recordPurchase(`portal-missed-${n}`, `${n}.00`));
    await page.waitForTimeout(500);
    expect(await liveIds()).toEqual([...ids.slice(0, -3)].reverse()); // nothing arrives while cut off

    await context!.setOffline(false);
    await page
      .locator('#feed li.live')
      .nth(ids.length - 1)
      .waitFor({ timeout: 20_000 });
    ids.push(await recordPurchase('portal-live-5', '5.55'));
    await page
      .locator('#feed li.live')
      .nth(ids.length - 1)
      .waitFor({ timeout: 5000 });
    await page.waitForTimeout(300);

    // Newest first in the feed: exactly these purchases, each once, in the order recorded.
    expect(await liveIds()).toEqual([...ids].reverse());
    const cursors = await page.$$eval('#feed li.live', (items) =>
      items.map((li) => BigInt(li.getAttribute('data-cursor')!)),
    );
    expect(cursors.every((c, i) => i === 0 || c < cursors[i - 1])).toBe(true);
    expect(await page.getAttribute('#live-status', 'data-status')).toBe('live');
    await waitForBar(before + 10001n + 200n + 300n + 400n + 555n);

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'county-portal.png'), fullPage: true });
  });

  it('fits a 390 px phone: no horizontal scroll, cards two by two, tables as lists, the chart inside', async () => {
    const phone = await openPortal('', { width: 390, height: 844 });
    await phone.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    const layout = await phone.evaluate<{
      scrollWidth: number;
      cards: number[];
      cardWidth: number;
      rowDisplay: string;
      headerDisplay: string;
      chartRight: number;
      feedRight: number;
    }>(`(() => {
      const box = (selector) => document.querySelector(selector).getBoundingClientRect();
      return {
        scrollWidth: document.documentElement.scrollWidth,
        cards: [...document.querySelectorAll('#cards .card')].map((c) => c.getBoundingClientRect().right),
        cardWidth: box('#card-key').width,
        rowDisplay: getComputedStyle(document.querySelector('#villages tbody tr')).display,
        headerDisplay: getComputedStyle(document.querySelector('#villages thead')).display,
        chartRight: box('#chart svg').right,
        feedRight: Math.max(...[...document.querySelectorAll('#feed li')].map((li) => li.getBoundingClientRect().right)),
      };
    })()`);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(Math.max(...layout.cards)).toBeLessThanOrEqual(390);
    expect(layout.cardWidth).toBeLessThan(390 / 2);
    expect(layout.rowDisplay).toBe('block');
    expect(layout.headerDisplay).toBe('none');
    expect(layout.chartRight).toBeLessThanOrEqual(390);
    expect(layout.feedRight).toBeLessThanOrEqual(390);

    // Without `?week`, 五天四夜 is shown for the last complete week that has attendance, or "暂无考勤".
    const [{ latest }] = await server.sql<{ latest: string | null }>(
      `SELECT to_char(max(a.date), 'YYYY-MM-DD') AS latest FROM attendance_day a
       JOIN team_member m ON m.id = a.member_id AND m.status = 'ON_DUTY'
       JOIN resident_team t ON t.id = m.team_id AND t.status = 'ACTIVE' AND t.village_code LIKE '519902%'
       WHERE a.date >= date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai')::date) - interval '13 weeks'
         AND a.date < date_trunc('week', (now() AT TIME ZONE 'Asia/Shanghai')::date)`,
    );
    const compliance = (await phone.textContent('#card-compliance .value'))!;
    if (latest) {
      expect(compliance).toMatch(/^\d+\.\d%$/);
      const monday = new Date(`${latest}T00:00:00Z`);
      monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
      const label = `${monday.getUTCMonth() + 1}月${monday.getUTCDate()}日`;
      expect(await phone.textContent('#teams-week-header')).toContain(label);
    } else {
      expect(compliance).toBe('暂无考勤');
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await phone.screenshot({ path: path.join(ARTIFACTS, 'county-portal-390.png'), fullPage: true });
    await phone.close();
  });

  it('shows a skeleton while loading, every error in Chinese with a retry button, and recovers on retry', async () => {
    const failing = await context!.newPage();
    let failures = 0;
    await failing.route('**/graphql', async (route) => {
      failures += 1;
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>502 Bad Gateway</h1>' });
    });
    await failing.goto(`${portalUrl}/?token=${encodeURIComponent(countyToken())}&week=2026-11-09`);
    expect(await failing.locator('#cards .skeleton').count()).toBeGreaterThan(0);
    await failing.waitForSelector('#error:not([hidden])', { timeout: 10_000 });
    const message = (await failing.textContent('#error-message'))!;
    expect(message).toBe('平台服务暂时不可用，请稍后重试。');
    expect(await failing.getAttribute('#error', 'data-code')).toBe('NETWORK_ERROR');
    expect(await failing.textContent('#retry')).toBe('重试');
    expect(failures).toBeGreaterThan(0);

    await failing.unroute('**/graphql');
    await failing.click('#retry');
    await failing.waitForSelector('body[data-loaded="true"]', { timeout: 15_000 });
    expect(await failing.isHidden('#error')).toBe(true);
    expect(await failing.locator('#villages tbody tr[data-code]').count()).toBe(6);
    await failing.close();

    // A refused token: Chinese text, no English from the server, and the retry button.
    const refused = await context!.newPage();
    await refused.goto(`${portalUrl}/?token=not-a-token`);
    await refused.waitForSelector('#error:not([hidden])', { timeout: 10_000 });
    const refusedText = (await refused.textContent('#error-message'))!;
    expect(refusedText).toContain('登录凭证无效或已过期');
    expect(refusedText).not.toMatch(/[A-Za-z]/);
    expect(await refused.isVisible('#retry')).toBe(true);
    expect(await refused.textContent('#subtitle')).not.toContain('正在加载');
    await refused.close();
  });
});
