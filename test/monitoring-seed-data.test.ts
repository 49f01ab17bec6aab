import fs from 'node:fs';
import path from 'node:path';
import { idNumberProblem } from '../server/src/modules/monitoring/id-number';

/**
 * The monitoring demo file against its README section and the provenance rules, without a
 * database: counts as the README states them, a source on every record, every person marked
 * （示例） and every ID number synthetic (area code 999999) yet valid.
 */
const DATA = path.resolve(__dirname, '..', 'seeds', 'data');
const readme = fs.readFileSync(path.join(DATA, 'README.md'), 'utf8');
const file = JSON.parse(fs.readFileSync(path.join(DATA, 'monitoring.json'), 'utf8'));

interface Household {
  source: string;
  members: { name: string; idNumber: string }[];
  case: object | null;
}
const households: Household[] = file.households;

function section(): string {
  const start = readme.indexOf('### `monitoring.json`');
  expect(start).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n##', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

const monthsOf = (from: string, to: string, missing: string[]) => {
  const months: string[] = [];
  for (
    let [y, m] = from.split('-').map(Number);
    `${y}-${String(m).padStart(2, '0')}` <= to;
    m === 12 ? (y++, (m = 1)) : m++
  )
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  return months.filter((month) => !missing.includes(month));
};

describe('monitoring.json', () => {
  it('has the counts its README section gives', () => {
    expect(Number(/\((\d+) records\)/.exec(section())![1])).toBe(households.length);
    const line = /Counts: ([^\n]+)/.exec(section())![1];
    const counts = Object.fromEntries([...line.matchAll(/(\d+) (\w+)/g)].map((m) => [m[2], Number(m[1])]));
    expect(counts).toEqual({
      lines: file.lines.length,
      noticePeriods: file.noticePeriods.length,
      members: households.flatMap((h) => h.members).length,
      cases: households.filter((h) => h.case).length,
      screenings: file.screenings.reduce(
        (n: number, s: { from: string; to: string; missing: string[] }) => n + monthsOf(s.from, s.to, s.missing).length,
        0,
      ),
      reviews: file.townshipReviews.reduce((n: number, r: { quarters: number[] }) => n + r.quarters.length, 0),
    });
  });

  it('cites a document for the lines and marks everything else DEMO', () => {
    expect(file.lines.map((l: { source: string }) => l.source)).toEqual([
      '000_ed3d1c40eab019cc.txt 二、(一)2',
      '002_d5d8c2fb670d631c.txt 二、(一)',
    ]);
    const invented = [...file.noticePeriods, ...households, ...file.screenings, ...file.townshipReviews];
    expect(invented.filter((record: { source: string }) => record.source !== 'DEMO')).toEqual([]);
  });

  it('names no real person: every name marked （示例）, every ID number synthetic and valid', () => {
    const members = households.flatMap((h) => h.members);
    expect(members.filter((m) => !m.name.endsWith('（示例）')).map((m) => m.name)).toEqual([]);
    expect(members.filter((m) => !m.idNumber.startsWith('999999')).map((m) => m.idNumber)).toEqual([]);
    expect(members.filter((m) => idNumberProblem(m.idNumber, '2026-11-30') !== null).map((m) => m.idNumber)).toEqual(
      [],
    );
    expect(new Set(members.map((m) => m.idNumber)).size).toBe(members.length);
  });
});
