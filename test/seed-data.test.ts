import fs from 'node:fs';
import path from 'node:path';

/**
 * The demo data files against their README (counts, provenance rules), without a database: the
 * README is what a reader trusts about the demo data, so it must not drift from the files.
 */
const DATA = path.resolve(__dirname, '..', 'seeds', 'data');
const read = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(DATA, file), 'utf8')) as T;
const readme = fs.readFileSync(path.join(DATA, 'README.md'), 'utf8');

interface Sourced {
  source: string;
}
interface Region extends Sourced {
  code: string;
  name: string;
  level: string;
}
interface Village extends Sourced {
  code: string;
  name: string;
  indicators: Sourced[];
  designations: Sourced[];
  datedIndustries: Sourced[];
}
interface Provider extends Sourced {
  name: string;
}
interface Pairing extends Sourced {
  status: string;
  contributions: Sourced[];
}
interface Target extends Sourced {
  appliesTo: string;
  measures: string;
}

const regions = read<Region[]>('regions.json');
const villages = read<Village[]>('villages.json');
const targets = read<Target[]>('policy-targets.json');
const providers = read<{ assistanceUnits: Provider[]; enterprises: Provider[] }>('providers.json');
const pairings = read<{ pairings: Pairing[] }>('pairings.json').pairings;

/** The README section of one file: from its heading to the next. */
function section(file: string): string {
  const start = readme.indexOf(`### \`${file}\``);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n##', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}
const recordsIn = (file: string) => Number(/\((\d+) records/.exec(section(file))![1]);
/** The numbers the section's "Counts:" line gives, by the word after each. */
function counts(file: string): Record<string, number> {
  const line = /Counts: ([^\n]+)/.exec(section(file))![1];
  return Object.fromEntries(
    [...line.matchAll(/(\d+) ([A-Za-z`]+)/g)].map((m) => [m[2].replace(/`/g, ''), Number(m[1])]),
  );
}
const tally = <T>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

const DOCUMENT = /^(00[0-4]_[0-9a-f]{16}\.txt)( 第[一二三四五]篇)?( [^ ].*)?$/;
const SOURCES_OK = (source: string) => source === 'DEMO' || source === 'GB/T 2260' || DOCUMENT.test(source);

describe('seed README counts match the files', () => {
  it('regions.json', () => {
    expect(recordsIn('regions.json')).toBe(regions.length);
    const levels = tally(regions, (r) => r.level);
    expect(counts('regions.json')).toMatchObject({
      provinces: levels.PROVINCE,
      cities: levels.CITY,
      counties: levels.COUNTY,
      townships: levels.TOWNSHIP,
      villages: levels.VILLAGE,
    });
    const sources = /Sources: (\d+) from the documents, (\d+) from GB\/T 2260, (\d+) `DEMO`/.exec(
      section('regions.json'),
    )!;
    expect(sources.slice(1).map(Number)).toEqual([
      regions.filter((r) => DOCUMENT.test(r.source)).length,
      regions.filter((r) => r.source === 'GB/T 2260').length,
      regions.filter((r) => r.source === 'DEMO').length,
    ]);
  });

  it('villages.json', () => {
    expect(recordsIn('villages.json')).toBe(villages.length);
    const indicators = villages.flatMap((v) => v.indicators);
    const line = /Counts: (\d+) indicator years \((\d+) `DEMO`\), (\d+) designations, (\d+) dated industries/.exec(
      section('villages.json'),
    )!;
    expect(line.slice(1).map(Number)).toEqual([
      indicators.length,
      indicators.filter((i) => i.source === 'DEMO').length,
      villages.flatMap((v) => v.designations).length,
      villages.flatMap((v) => v.datedIndustries).length,
    ]);
  });

  it('policy-targets.json', () => {
    expect(recordsIn('policy-targets.json')).toBe(targets.length);
    const applies = tally(targets, (t) => t.appliesTo);
    const line = /Counts: (\d+) for key-assisted villages, (\d+) for demonstration villages, (\d+) for counties/.exec(
      section('policy-targets.json'),
    )!;
    expect(line.slice(1).map(Number)).toEqual([
      applies.KEY_ASSISTED,
      applies.DEMONSTRATION_PROVINCIAL_OR_MUNICIPAL,
      applies.COUNTY,
    ]);
    expect(targets.every((t) => t.measures?.length > 10)).toBe(true);
  });

  it('providers.json', () => {
    expect(recordsIn('providers.json')).toBe(providers.assistanceUnits.length + providers.enterprises.length);
    expect(counts('providers.json')).toMatchObject({
      assistance: providers.assistanceUnits.length,
      enterprises: providers.enterprises.length,
    });
  });

  it('pairings.json', () => {
    expect(recordsIn('pairings.json')).toBe(pairings.length);
    const statuses = tally(pairings, (p) => p.status);
    expect(counts('pairings.json')).toEqual({
      contributions: pairings.flatMap((p) => p.contributions).length,
      ACTIVE: statuses.ACTIVE,
      PROPOSED: statuses.PROPOSED,
      SUSPENDED: statuses.SUSPENDED,
      ENDED: statuses.ENDED,
    });
  });
});

describe('funds.json against its README', () => {
  interface Funds {
    allocations: Sourced[];
    projects: (Sourced & { payments: unknown[]; name: string })[];
    assets: (Sourced & { incomes: unknown[]; disposals: unknown[]; name: string })[];
    posts: (Sourced & { agreements: { checks: unknown[] }[]; title: string })[];
  }
  const funds = read<Funds>('funds.json');

  it('counts what the file holds, every record DEMO and every name marked', () => {
    const records = [...funds.allocations, ...funds.projects, ...funds.assets, ...funds.posts];
    expect(recordsIn('funds.json')).toBe(records.length);
    expect(records.every((r) => r.source === 'DEMO')).toBe(true);
    const agreements = funds.posts.flatMap((p) => p.agreements);
    expect(counts('funds.json')).toEqual({
      allocations: funds.allocations.length,
      projects: funds.projects.length,
      payments: funds.projects.flatMap((p) => p.payments).length,
      assets: funds.assets.length,
      incomes: funds.assets.flatMap((a) => a.incomes).length,
      disposals: funds.assets.flatMap((a) => a.disposals).length,
      posts: funds.posts.length,
      agreements: agreements.length,
      checks: agreements.flatMap((a) => a.checks).length,
    });
    const names = [
      ...funds.projects.map((p) => p.name),
      ...funds.assets.map((a) => a.name),
      ...funds.posts.map((p) => p.title),
    ];
    expect(names.filter((n) => !n.endsWith('（示例）'))).toEqual([]);
  });
});

describe('provenance', () => {
  const all: [string, Sourced][] = [
    ...regions.map((r) => [`region ${r.code}`, r] as [string, Sourced]),
    ...villages.flatMap((v) => [
      [`village ${v.code}`, v] as [string, Sourced],
      ...v.indicators.map((i, n) => [`village ${v.code} indicators ${n}`, i] as [string, Sourced]),
      ...v.designations.map((d, n) => [`village ${v.code} designation ${n}`, d] as [string, Sourced]),
      ...v.datedIndustries.map((d, n) => [`village ${v.code} industry ${n}`, d] as [string, Sourced]),
    ]),
    ...targets.map((t) => [`target ${t.source}`, t] as [string, Sourced]),
    ...[...providers.assistanceUnits, ...providers.enterprises].map(
      (p) => [`provider ${p.name}`, p] as [string, Sourced],
    ),
    ...pairings.flatMap((p) => [
      [`pairing ${p.source}`, p] as [string, Sourced],
      ...p.contributions.map((c, n) => [`contribution ${n}`, c] as [string, Sourced]),
    ]),
  ];

  it('gives every record a source: DEMO, GB/T 2260, or a policy document and section', () => {
    expect(all.length).toBeGreaterThan(150);
    expect(all.filter(([, record]) => !SOURCES_OK(record.source ?? '')).map(([what]) => what)).toEqual([]);
  });

  it('marks every invented name with （示例）', () => {
    const named = [...regions, ...villages, ...providers.assistanceUnits, ...providers.enterprises];
    const unmarked = named.filter((r) => r.source === 'DEMO' && !r.name.endsWith('示例）')).map((r) => r.name);
    expect(unmarked).toEqual([]);
    // The placeholder names of the key villages of 003 第四篇 are marked too, though the village is real.
    const keyVillages = villages.filter((v) => v.source.startsWith('003_6038825323505164.txt 第四篇'));
    expect(keyVillages.map((v) => v.name)).toEqual([
      '重点一村（示例）',
      '合圣村',
      '重点三村（示例）',
      '重点四村（示例）',
      '重点五村（示例）',
      '重点六村（示例）',
    ]);
  });

  it('keeps each village named as its region record', () => {
    const names = new Map(regions.map((r) => [r.code, r.name]));
    expect(villages.filter((v) => names.get(v.code) !== v.name).map((v) => v.code)).toEqual([]);
  });
});
