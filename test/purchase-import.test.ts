import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './harness/server';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', 'dist', 'server', 'src', 'cli', 'import-purchases.js');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Runs the real `npm run import:purchases` entry point against this test's database. */
async function importFile(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, file], {
      env: { ...process.env, DATABASE_URL: server.dbUrl, LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const buyer = toGlobalId('Enterprise', seedId('provider', 'tea-co'));
const pepper = toGlobalId('Product', seedId('product', 'green-pepper'));
const oil = seedId('product', 'rapeseed-oil'); // a bare uuid is accepted too
const fish = toGlobalId('Product', seedId('product', 'eco-fish'));

describe('npm run import:purchases', () => {
  it('imports the good rows, reports each bad row by line, and adds nothing the second time', async () => {
    const csv = [
      'client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount',
      `imp-1,${buyer},CANTEEN,2026-05-01,${pepper},2,公斤,177.00`, // line 2: purchase imp-1, line 1
      `imp-1,${buyer},CANTEEN,2026-05-01,${oil},1,桶,79.90`, // line 3: purchase imp-1, line 2
      `imp-2,${buyer},EXPO,2026-05-02,${pepper},1.5,公斤,"132.75"`, // line 4: good
      `imp-3,${buyer},NOWHERE,2026-05-03,${pepper},1,公斤,88.50`, // line 5: bad channel
      `imp-4,${buyer},DIRECT,2026-05-04,${pepper},1,公斤,-1`, // line 6: negative amount
      `imp-5,${buyer},DIRECT,2026-05-05,${pepper},1,公斤,10.00`, // line 7: good row of a purchase …
      `imp-5,${buyer},DIRECT,2026-05-05,${fish},1,公斤,10.00`, // line 8: … whose second line is from another village
      `imp-6,not-an-id,DIRECT,2099-01-01,${pepper},0,公斤,1`, // line 9: several problems
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'purchases.csv');
    fs.writeFileSync(file, csv + '\n');
    const before = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM purchase WHERE client_reference LIKE 'imp-%'`,
    );
    expect(before[0].n).toBe(0);

    const first = await importFile(file);
    expect(first.code).toBe(1); // rows were rejected
    expect(first.stdout).toContain('8 rows, 6 purchases: 2 imported, 0 already present, 5 rows rejected');
    const rejected = first.stdout.split('\n').filter((l) => l.startsWith('line '));
    expect(rejected.map((l) => Number(/^line (\d+)/.exec(l)![1]))).toEqual([5, 6, 7, 8, 9]);
    expect(rejected[0]).toMatch(/channel must be one of/);
    expect(rejected[1]).toMatch(/amount must be greater than 0/);
    expect(rejected[2]).toMatch(/line 8 of the same purchase/);
    expect(rejected[3]).toMatch(/another village/);
    expect(rejected[4]).toMatch(/buyer_id.*purchased_on.*quantity/);

    const rows = await server.sql<{ client_reference: string; total_amount: string; line_count: number }>(
      `SELECT client_reference, total_amount::text, line_count FROM purchase WHERE client_reference LIKE 'imp-%' ORDER BY client_reference`,
    );
    expect(rows).toEqual([
      { client_reference: 'imp-1', total_amount: '256.90', line_count: 2 },
      { client_reference: 'imp-2', total_amount: '132.75', line_count: 1 },
    ]);
    const events = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM domain_event WHERE topic = 'purchaseRecorded' AND payload->>'purchaseId' IN (SELECT id::text FROM purchase WHERE client_reference LIKE 'imp-%')`,
    );
    expect(events[0].n).toBe(2);

    const second = await importFile(file);
    expect(second.stdout).toContain('0 imported, 2 already present, 5 rows rejected');
    const after = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM purchase WHERE client_reference LIKE 'imp-%'`,
    );
    expect(after[0].n).toBe(2);
  });

  it('refuses what recordPurchase refuses, by the same rules, at both edges of each', async () => {
    const citrus = toGlobalId('Product', seedId('product', 'citrus')); // certified to 2026-09-30, renewed from 2026-10-15
    const pork = toGlobalId('Product', seedId('product', 'pork')); // certified from 2026-03-01
    const rows: [string, string, string, string, string, string, string][] = [
      // reference, date, product, quantity, unit, amount, expected: '' (imported) or the reason
      ['edge-1', '1999-12-31', pepper, '1', '公斤', '88.50', 'purchased_on must be 2000-01-01 or later'],
      ['edge-2', '2026-05-01', pepper, '1', '公斤', '0.00', 'amount must be greater than 0'],
      ['edge-3', '2026-05-01', pepper, '1', ' ', '88.50', 'unit must hold 1 to 20 characters'],
      [' ', '2026-05-01', pepper, '1', '公斤', '88.50', 'client_reference must hold 1 to 100 characters'],
      ['edge-5', '2026-09-30', citrus, '1', '箱', '75.00', ''],
      ['edge-6', '2026-10-01', citrus, '1', '箱', '75.00', 'is not certified for consumption support on 2026-10-01'],
      ['edge-7', '2026-10-14', citrus, '1', '箱', '75.00', 'is not certified for consumption support on 2026-10-14'],
      ['edge-8', '2026-10-15', citrus, '1', '箱', '75.00', ''],
      ['edge-9', '2026-02-28', pork, '1', '公斤', '42.60', 'is not certified for consumption support on 2026-02-28'],
      ['edge-10', '2026-03-01', pork, '1', '公斤', '42.60', ''],
      ['edge-11', '2026-05-31', oil, '1', '桶', '79.90', ''], // revoked from 2026-06-01
      ['edge-12', '2026-06-01', oil, '1', '桶', '79.90', 'revoked from 2026-06-01'],
    ];
    const csv = [
      'client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount',
      ...rows.map(([reference, date, product, quantity, unit, amount]) =>
        [reference, buyer, 'DIRECT', date, product, quantity, `"${unit}"`, amount].join(','),
      ),
    ].join('\n');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'edges.csv');
    fs.writeFileSync(file, csv + '\n');
    const result = await importFile(file);
    expect(result.code).toBe(1);
    const reasons = new Map(
      result.stdout
        .split('\n')
        .filter((l) => l.startsWith('line '))
        .map((l) => [Number(/^line (\d+)/.exec(l)![1]), l]),
    );
    rows.forEach(([, , , , , , expected], i) => {
      const reason = reasons.get(i + 2);
      if (expected) expect(reason).toContain(expected);
      else expect(reason).toBeUndefined();
    });
    const imported = await server.sql<{ client_reference: string }>(
      `SELECT client_reference FROM purchase WHERE client_reference LIKE 'edge-%' ORDER BY purchased_on`,
    );
    expect(imported.map((r) => r.client_reference)).toEqual(['edge-10', 'edge-11', 'edge-5', 'edge-8']);
  });

  it('refuses a file without the documented header', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), 'bad.csv');
    fs.writeFileSync(file, 'reference,buyer\nx,y\n');
    const result = await importFile(file);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('header lacks');
  });
});
