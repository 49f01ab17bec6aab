import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../sdk/browser';
import { startTestServer, type TestServer } from '../harness/server';
import { COUNTY, HESHENG, PROPOSE, countyOfficial, villageId } from './helpers';

/**
 * The funds section of the county portal in a real Chromium at phone width (390 px): the 12%
 * gauge per year, projects by status, the April deadlines at risk, redrawn live when a project
 * of the county changes.
 */
const PORTAL = path.resolve(__dirname, '..', '..', 'client-sdk', 'examples', 'county-portal');
const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

let server: TestServer;
let preview: ChildProcess | undefined;
let context: BrowserContext | undefined;
let page: Page;
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'funds-portal-'));

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
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      if (tries > 200) throw new Error('vite preview did not start');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  context = await launchBrowser(path.join(temp, 'profile'), {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
  });
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${url}/?token=${encodeURIComponent(countyOfficial())}&week=2026-11-09`);
  await page.waitForSelector('#funds[data-loaded="true"]', { timeout: 20_000 });
}, 180_000);

afterAll(async () => {
  await context?.close();
  preview?.kill('SIGTERM');
  await server?.close();
  fs.rmSync(temp, { recursive: true, force: true });
});

describe('the funds section of the county portal at 390 px', () => {
  it('opens on the latest year with funds, 2025, which misses the 12% rule and two April deadlines', async () => {
    const gauge = page.locator('#funds .funds-gauge');
    expect(await gauge.getAttribute('data-year')).toBe('2025');
    expect(await gauge.getAttribute('data-met')).toBe('false');
    expect(await page.textContent('#funds .funds-share')).toBe('8.00%');
    expect(await page.textContent('#funds .funds-gauge .chip')).toBe('未达标');
    expect(
      await page.$$eval('#funds .funds-years button', (b) => b.map((x) => x.textContent!.replace(/\s+/g, ''))),
    ).toEqual(['2021—', '2022—', '2023' + '0.00%', '2024' + '13.00%', '2025' + '8.00%']);
    expect(await page.getAttribute('#funds-late-money', 'data-count')).toBe('2');
    expect(await page.getAttribute('#funds-late-projects', 'data-count')).toBe('2');
    expect(await page.getAttribute('#funds-city', 'data-ok')).toBe('false');
    expect(await page.textContent('#funds-late-projects')).toContain('重点六村柑橘冷链仓储（示例）');

    // Projects by status, as the tables count them.
    const expected = await server.sql<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM project WHERE county_code = $1 AND year = 2025 GROUP BY status`,
      [COUNTY],
    );
    for (const { status, n } of expected)
      expect(await page.textContent(`#funds .funds-status [data-status="${status}"] .count`)).toBe(`${n} 个`);

    // Nothing of the section is wider than the phone.
    const widths = await page.$eval('#funds', (el) => ({
      scroll: el.scrollWidth,
      client: el.clientWidth,
      right: el.getBoundingClientRect().right,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    expect(widths.right).toBeLessThanOrEqual(390);
  });

  it('switches years, and redraws live when a project of the county changes', async () => {
    await page.click('#funds .funds-years button[data-year="2024"]');
    await page.waitForSelector('#funds .funds-gauge[data-year="2024"]');
    expect(await page.textContent('#funds .funds-share')).toBe('13.00%');
    expect(await page.textContent('#funds .funds-gauge .chip')).toBe('达标');
    expect(await page.getAttribute('#funds-late-money', 'data-count')).toBe('0');

    const proposedBefore = await page.textContent('#funds .funds-status [data-status="PROPOSED"] .count');
    expect(proposedBefore).toBe('0 个');
    const proposed = await server.gql(
      PROPOSE,
      {
        input: {
          name: '实时项目（示例）',
          year: 2024,
          category: 'INDUSTRY',
          villageIds: [villageId(HESHENG)],
          budget: [{ source: 'COUNTY_TRANSITION', amount: '1000.00' }],
          plannedStart: '2024-05-01',
          proposedOn: '2024-01-02',
        },
      },
      countyOfficial(),
    );
    expect(proposed.errors).toBeUndefined();
    await page
      .locator('#funds .funds-status [data-status="PROPOSED"] .count', { hasText: '1 个' })
      .waitFor({ timeout: 10_000 });
    expect(await page.getAttribute('#funds .funds-gauge', 'data-year')).toBe('2024'); // the chosen year stays
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    // The artifact shows the section alone, at the phone's width.
    await page.addStyleTag({ content: 'header.top, main > :not(#funds) { display: none !important; }' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'county-portal-funds-390.png'), fullPage: true });
  });
});
