import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser';
import { startTestServer, tokenFor, type TestServer } from '../harness/server';
import { Role } from '../../server/src/core/auth/viewer';
import { toGlobalId } from '../../server/src/core/relay/global-id';
import { addDays, todayInShanghai } from '../../server/src/core/dates';
import { seedId } from '../../seeds/load';

/**
 * The county portal's monitoring section in a real Chromium on a 390 px wide screen: the counts
 * the API gives, the overdue items, a live change arriving without a reload, and no ID number
 * anywhere on the page.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const PORTAL = path.join(ROOT, 'client-sdk', 'examples', 'county-portal');
const ARTIFACTS = path.join(ROOT, 'test-artifacts');
const COUNTY = '519902000000';
const county = tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });
const caseId = (key: string) => toGlobalId('MonitoringCase', seedId('monitoring-case', key));

let server: TestServer;
let preview: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'county-portal-monitoring-'));

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

beforeAll(async () => {
  server = await startTestServer();
  // One notice ended yesterday, so the portal has an overdue notice to show whatever today is.
  const today = todayInShanghai();
  await server.sql(`UPDATE monitoring_case SET notice_starts_on = $2, notice_ends_on = $3 WHERE id = $1`, [
    seedId('monitoring-case', 'k4-zheng'),
    addDays(today, -7),
    addDays(today, -1),
  ]);
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
    { cwd: PORTAL, env: { ...process.env, PLATFORM_API: server.url }, stdio: 'ignore' },
  );
  const portalUrl = `http://127.0.0.1:${port}`;
  for (let deadline = Date.now() + 20_000; ;) {
    const up = await fetch(portalUrl).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) throw new Error('the portal preview did not answer');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  context = await launchBrowser(path.join(temp, 'profile'), {
    viewport: { width: 390, height: 844 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${portalUrl}/?token=${encodeURIComponent(county)}`);
  await page.waitForSelector('#monitoring[data-loaded="true"]', { timeout: 15_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  preview?.kill('SIGTERM');
  await server?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

const SUMMARY = `query($code: String!) { monitoringSummary(regionCode: $code) {
  cases byStatus { status count } byCategoryAndStatus { category status count } overdueNotices
  cadence { villagesBehind townshipsBehind } screeningGaps { edges { node { villageCode } } } } }`;

async function apiSummary() {
  const response = await server.gql(SUMMARY, { code: COUNTY }, county);
  expect(response.errors).toBeUndefined();
  return response.data!.monitoringSummary;
}

const cell = (status: string, selector: string) =>
  page.textContent(`#monitoring-matrix tr[data-status="${status}"] ${selector}`);

describe('the monitoring section of the county portal, 390 px wide', () => {
  it('shows the counts by category and status that the API gives, in Chinese', async () => {
    const s = await apiSummary();
    expect(await page.textContent('#monitoring-title')).toContain('防止返贫动态监测');
    expect(await page.textContent('#mon-card-cases .value')).toBe(`${s.cases} 户`);
    for (const { status, count } of s.byStatus) expect(await cell(status, 'td.total')).toBe(String(count));
    const sudden = s.byCategoryAndStatus.find(
      (c: { category: string; status: string }) => c.category === 'SUDDEN_HARDSHIP' && c.status === 'CONFIRMED',
    );
    expect(await cell('CONFIRMED', 'td[data-category="SUDDEN_HARDSHIP"]')).toBe(String(sudden.count));
    expect(await page.textContent('#monitoring-matrix tr[data-status="ASSISTING"] td')).toBe('帮扶中');
  });

  it('lists what is overdue: the notice past its end and the villages behind on screening', async () => {
    const s = await apiSummary();
    expect(s.overdueNotices).toBe(1);
    expect(
      await page.locator(`#monitoring-overdue li.notice[data-case-id="${caseId('k4-zheng')}"]`).textContent(),
    ).toContain('待乡镇审核');
    const villages = await page.$$eval('#monitoring-overdue li.screening', (items) =>
      items.map((li) => li.getAttribute('data-village')),
    );
    expect(villages).toEqual(s.screeningGaps.edges.map((e: { node: { villageCode: string } }) => e.node.villageCode));
    expect(villages.length).toBe(s.cadence.villagesBehind);
  });

  it('fits the screen and shows no ID number', async () => {
    const fit = await page.$eval('#monitoring', (section) => ({
      scroll: section.scrollWidth,
      client: section.clientWidth,
      right: section.getBoundingClientRect().right,
      table: section.querySelector('#monitoring-matrix')!.getBoundingClientRect().right,
    }));
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.right).toBeLessThanOrEqual(390);
    expect(fit.table).toBeLessThanOrEqual(fit.right);
    expect(await page.textContent('#monitoring')).not.toMatch(/\d{17}[\dX]|\*{10}/);
  });

  it('shows a change live and updates the counts without a reload', async () => {
    await page.waitForSelector('#monitoring-live-status[data-status="live"]');
    const before = await apiSummary();
    const reported = before.byStatus.find((x: { status: string }) => x.status === 'REPORTED').count;
    const review = await server.gql(
      `mutation($input: AdvanceMonitoringCaseInput!) { advanceMonitoringCase(input: $input) { case { status } } }`,
      { input: { caseId: caseId('k1-li'), action: 'VILLAGE_REVIEW' } },
      tokenFor({ role: Role.REGION_OFFICIAL, region: '519902100201' }),
    );
    expect(review.errors).toBeUndefined();
    const item = page.locator(`#monitoring-feed li.live[data-case-id="${caseId('k1-li')}"]`);
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toContain('村级评议：已上报 → 村级评议');
    expect(await item.textContent()).toContain('李树林（示例）');
    // The counts refresh shortly after the change, without a reload.
    for (const deadline = Date.now() + 5000; (await cell('REPORTED', 'td.total')) !== String(reported - 1);) {
      if (Date.now() > deadline) throw new Error('the counts did not refresh');
      await page.waitForTimeout(100);
    }
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#monitoring').screenshot({ path: path.join(ARTIFACTS, 'county-portal-monitoring-390.png') });
  });
});
