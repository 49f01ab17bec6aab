import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The Chromium the browser tests drive: Debian's `/usr/bin/chromium` where it is installed, else
 * the Chromium shipped inside the `@sparticuz/chromium` npm package, so `npm ci && npm test` needs
 * no apt. `PORTAL_TEST_BROWSER=bundled` skips the system browser (to prove the fallback works),
 * `PORTAL_TEST_BROWSER=/path/to/chrome` names another one.
 */
export interface BrowserChoice {
  source: 'system' | 'bundled';
  executablePath: string;
  args: string[];
  env: Record<string, string>;
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');

export function chooseChromium(): BrowserChoice {
  const wanted = process.env.PORTAL_TEST_BROWSER;
  if (wanted && wanted !== 'bundled' && wanted !== 'system')
    return { source: 'system', executablePath: wanted, args: [], env: {} };
  if (wanted !== 'bundled' && fs.existsSync(SYSTEM_CHROMIUM))
    return { source: 'system', executablePath: SYSTEM_CHROMIUM, args: [], env: {} };
  if (wanted === 'system') throw new Error(`PORTAL_TEST_BROWSER=system but ${SYSTEM_CHROMIUM} does not exist`);
  return bundledChromium();
}

/**
 * @sparticuz/chromium is an ES module (jest runs these tests as CommonJS), so a child process asks
 * it to unpack its browser and report the path. Its unpacked libraries (NSS and friends, built
 * for Amazon Linux) are used only where the system lacks them.
 */
function bundledChromium(): BrowserChoice {
  // An earlier unpack without the libraries would be reused as it is: start that one afresh.
  const script = `import chromium from '@sparticuz/chromium';
    import fs from 'node:fs';
    import os from 'node:os';
    import path from 'node:path';
    if (!fs.existsSync(path.join(os.tmpdir(), 'al2023', 'lib'))) fs.rmSync(path.join(os.tmpdir(), 'chromium'), { force: true });
    const executablePath = await chromium.executablePath();
    console.log(JSON.stringify({ executablePath, args: chromium.args }));`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    // Makes the package unpack its shared libraries too (it does so on AWS Lambda's Node runtimes).
    env: { ...process.env, AWS_LAMBDA_JS_RUNTIME: 'nodejs22.x' },
  });
  const { executablePath, args } = JSON.parse(output.trim().split('\n').pop()!) as {
    executablePath: string;
    args: string[];
  };
  const missing = execFileSync('ldd', [executablePath], { encoding: 'utf8' }).includes('not found');
  const libraries = path.join(path.dirname(executablePath), 'al2023', 'lib');
  return {
    source: 'bundled',
    executablePath,
    // Its own flags minus the ones that would change what the page may do, plus ours below.
    args: args.filter((a) => !/^--(disable-web-security|allow-running-insecure-content|single-process)/.test(a)),
    env: missing
      ? { LD_LIBRARY_PATH: libraries, FONTCONFIG_PATH: path.join(path.dirname(executablePath), 'fonts') }
      : {},
  };
}

/** Flags for every run: headless, and no network traffic of the browser's own. */
export const QUIET_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-pings',
];

type ContextOptions = NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>;

/**
 * The chosen Chromium, headless and quiet, with its profile in `profileDir`, as the county's
 * users run it: Chinese locale and Beijing time. `options` sets the rest (viewport, touch).
 */
export function launchBrowser(profileDir: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const browser = chooseChromium();
  return chromium.launchPersistentContext(profileDir, {
    executablePath: browser.executablePath,
    headless: true,
    args: [...browser.args, ...QUIET_FLAGS],
    env: { ...process.env, ...browser.env } as Record<string, string>,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...options,
  });
}
