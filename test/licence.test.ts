import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const packageJson = (dir: string) => JSON.parse(read(path.join(dir, 'package.json'))) as Record<string, unknown>;

describe('licence', () => {
  it('is Apache-2.0 at the root and inside the SDK package, in every package.json', () => {
    const licence = read('LICENSE');
    expect(licence).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(licence).toContain('3. Grant of Patent License.');
    // The SDK tarball is packed from client-sdk/, so it needs its own copy of the same text.
    expect(read('client-sdk/LICENSE')).toBe(licence);
    for (const dir of ['.', 'client-sdk', 'client-sdk/examples/county-portal'])
      expect({ dir, license: packageJson(dir).license }).toEqual({ dir, license: 'Apache-2.0' });
  });

  it('takes in no runtime dependency under a licence that would bind adopters further', () => {
    // What ships with the server and the SDK (devDependencies excluded) must be permissive, so
    // adopting the platform under Apache-2.0 asks nothing more of a government or an enterprise.
    const permissive = new Set([
      'MIT',
      'MIT/X11',
      'ISC',
      'BSD-2-Clause',
      'BSD-3-Clause',
      'Apache-2.0',
      '0BSD',
      'BlueOak-1.0.0',
      'Unlicense',
      'Zlib',
      'CC0-1.0',
      'PostgreSQL',
    ]);
    // Known exceptions, each named with why it is tolerated; the README's licence section lists
    // them too. buffers@0.1.1 (exceljs → unzipper → binary → buffers, used to read .xlsx uploads)
    // declares no licence in its package.json or README: an open question, not a permissive grant.
    const tolerated = new Set(['buffers']);
    // An SPDX expression is acceptable when an OR offers a permissive choice and every AND part is permissive.
    const acceptable = (expression: string): boolean => {
      const bare = expression.replace(/^\((.*)\)$/, '$1').trim();
      if (bare.includes(' OR ')) return bare.split(' OR ').some((part) => acceptable(part));
      if (bare.includes(' AND ')) return bare.split(' AND ').every((part) => acceptable(part));
      return permissive.has(bare);
    };
    const lock = JSON.parse(read('package-lock.json')) as {
      packages: Record<string, { dev?: boolean; link?: boolean; license?: string }>;
    };
    const other = Object.entries(lock.packages)
      .filter(([name, entry]) => name.startsWith('node_modules/') && !entry.dev && !entry.link)
      .map(([name, entry]) => [name.slice(name.lastIndexOf('node_modules/') + 'node_modules/'.length), entry.license])
      .filter(([name, license]) => !tolerated.has(name!) && !acceptable(license ?? ''))
      .map(([name, license]) => `${name}: ${license ?? 'none declared'}`);
    expect(acceptable('(MIT OR GPL-3.0-or-later)')).toBe(true);
    expect(acceptable('(MIT AND GPL-3.0-only)')).toBe(false);
    expect(other).toEqual([]);
  });
});

describe('CHANGELOG.md', () => {
  const changelog = read('CHANGELOG.md');
  const headings = [...changelog.matchAll(/^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?$/gm)].map((m) => ({
    version: m[1],
    date: m[2],
  }));

  it('keeps an Unreleased section first, then releases newest first, each dated', () => {
    expect(headings[0]).toEqual({ version: 'Unreleased', date: undefined });
    const releases = headings.slice(1);
    expect(releases.length).toBeGreaterThan(0);
    for (const { version, date } of releases) {
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const numeric = (v: string) => v.split('.').map(Number);
    for (let i = 1; i < releases.length; i++) {
      const [a, b] = [numeric(releases[i - 1].version), numeric(releases[i].version)];
      const newer = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      expect({ order: `${releases[i - 1].version} before ${releases[i].version}`, newer: newer > 0 }).toEqual({
        order: `${releases[i - 1].version} before ${releases[i].version}`,
        newer: true,
      });
      expect(releases[i - 1].date! >= releases[i].date!).toBe(true);
    }
  });

  it('names the SDK version as its newest release', () => {
    expect(packageJson('client-sdk').version).toBe(headings[1].version);
  });
});
