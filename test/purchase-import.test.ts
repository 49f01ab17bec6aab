import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { startTestServer, type TestServer } from './harness/server';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

const run = promisify(execFile);
// Each test starts the real CLI (a Node process that connects and migrates) once or twice; on a
// machine shared with other suites that alone can take tens of seconds.
jest.setTimeout(240_000);
const CLI = path.resolve(__dirname, '..', 'dist', 'server', 'src', 'cli', 'import-purchases.js');

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Runs the real `npm run import:purchases` entry point against this test's database. */
async function importFile(
  file: string,
  ...options: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, file, ...options], {
      env: { ...process.env, DATABASE_URL: server.dbUrl, LOG_LEVEL: 'warn' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The exit code, with the CLI's stderr in the failure message when it is not the one expected. */
function expectExit(result: { code: number; stderr: string }, code: number): void {
  expect({ code: result.code, stderr: result.code === code ? '' : result.stderr }).toEqual({ code, stderr: '' });
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
    expectExit(first, 1); // rows were rejected
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
    expectExit(result, 1);
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
    expectExit(result, 2);
    expect(result.stderr).toContain('header lacks');
  });

  /** The purchases whose client reference starts with `prefix`, as the import stored them. */
  const importedPurchases = (prefix: string) =>
    server.sql<{ client_reference: string; channel: string; purchased_on: string; total_amount: string }>(
      `SELECT client_reference, channel, purchased_on::text, total_amount::text FROM purchase
       WHERE client_reference LIKE $1 ORDER BY 1`,
      [`${prefix}%`],
    );
  const tempFile = (name: string) => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'import-')), name);
  const count = async (pattern: string) =>
    (
      await server.sql<{ n: number }>(`SELECT count(*)::int AS n FROM purchase WHERE client_reference LIKE $1`, [
        pattern,
      ])
    )[0].n;

  it('imports an .xlsx workbook with Chinese headers, date cells and number cells, reporting Excel row numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('采购明细');
    sheet.addRow(['采购单号', '采购方ID', '采购渠道', '采购日期', '产品ID', '数量', '单位', '金额（元）', '备注']);
    sheet.addRow(['xl-1', buyer, '食堂采购', new Date(Date.UTC(2026, 4, 6)), pepper, 2, '公斤', 177, '']); // row 2
    sheet.addRow(['xl-1', buyer, '食堂采购', new Date(Date.UTC(2026, 4, 6)), oil, 1, '桶', 79.9, '']); // row 3
    // row 4 left empty: Excel users leave gaps; it holds nothing and is skipped
    sheet.getRow(5).values = [
      'xl-2',
      buyer,
      'EXPO',
      '2026-05-07',
      pepper,
      1.5,
      '公斤',
      { formula: 'G2*0.75', result: 132.75 },
    ];
    sheet.getRow(6).values = ['xl-3', buyer, '直播带货', new Date(Date.UTC(2026, 4, 8)), pepper, 1, '公斤', 88.123]; // 3 decimals
    sheet.getRow(7).values = [
      'xl-4',
      buyer,
      'DIRECT',
      new Date(Date.UTC(2026, 4, 8)),
      pepper,
      1,
      '公斤',
      { error: '#DIV/0!' },
    ];
    const file = tempFile('采购.xlsx');
    await workbook.xlsx.writeFile(file);

    const result = await importFile(file);
    expectExit(result, 1);
    expect(result.stdout).toContain('5 rows, 4 purchases: 2 imported, 0 already present, 2 rows rejected');
    const rejected = result.stdout.split('\n').filter((l) => l.startsWith('line '));
    expect(rejected).toEqual([
      expect.stringMatching(/^line 6: amount must be greater than 0 yuan with at most 2 decimals$/),
      expect.stringMatching(/^line 7: cell H7 holds the Excel error #DIV\/0!; amount must be/),
    ]);
    expect(await importedPurchases('xl-')).toEqual([
      { client_reference: 'xl-1', channel: 'CANTEEN', purchased_on: '2026-05-06', total_amount: '256.90' },
      { client_reference: 'xl-2', channel: 'EXPO', purchased_on: '2026-05-07', total_amount: '132.75' },
    ]);
  });

  it('detects a GBK CSV as Excel in China saves it, with Chinese headers and 2026/5/1 dates', async () => {
    const text = [
      '采购单号,采购方ID,采购渠道,采购日期,产品ID,数量,单位,金额',
      `gbk-1,${buyer},展销会,2026/5/9,${pepper},2,公斤,177.00`,
      `gbk-1,${buyer},展销会,2026/5/9,${oil},1,桶,79.90`,
      `gbk-2,${buyer},工会福利,2026年5月10日,${pepper},1,公斤,"88.50"`,
      ',,,,,,,', // Excel writes rows it once formatted like this
      `gbk-3,${buyer},工会福利,2026/5/10,${pepper},1,公斤,88.50,多出的一列`, // shifted by an unquoted comma
      `gbk-3,${buyer},工会福利,2026/5/10,${oil},1,桶,79.90`,
    ].join('\r\n');
    const file = tempFile('gbk.csv');
    fs.writeFileSync(file, iconv.encode(text + '\r\n', 'gbk'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(fs.readFileSync(file))).toThrow(); // really not UTF-8

    const result = await importFile(file);
    expect(result.stdout).toContain('5 rows, 3 purchases: 2 imported, 0 already present, 2 rows rejected');
    expect(result.stdout).toMatch(/^line 6: has a value in column 9, which the header does not name/m);
    expect(result.stdout).toMatch(/^line 7: not imported: line 6 of the same purchase \(gbk-3\) is invalid/m);
    expect(await importedPurchases('gbk-')).toEqual([
      { client_reference: 'gbk-1', channel: 'EXPO', purchased_on: '2026-05-09', total_amount: '256.90' },
      { client_reference: 'gbk-2', channel: 'TRADE_UNION', purchased_on: '2026-05-10', total_amount: '88.50' },
    ]);

    // Forcing the wrong encoding stops at the first line that does not decode, importing nothing.
    const forced = await importFile(file, '--encoding', 'utf-8');
    expectExit(forced, 2);
    expect(forced.stderr).toMatch(/^line 1: the file is not valid UTF-8.*; nothing imported/m);
    const unknown = await importFile(file, '--encoding=latin1');
    expectExit(unknown, 2);
    expect(unknown.stderr).toContain('--encoding must be one of utf-8, gbk, gb18030');
  });

  it('imports a UTF-8 CSV with a BOM, as Excel saves "CSV UTF-8"', async () => {
    const file = tempFile('bom.csv');
    const text = `采购单号,采购方ID,渠道,日期,产品ID,数量,单位,金额\r\nbom-1,${buyer},DIRECT,2026-05-11,${pepper},1,公斤,88.50\r\n`;
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    const result = await importFile(file);
    expectExit(result, 0);
    expect(await count('bom-%')).toBe(1);
  });

  it.each([
    [
      'a closing quote followed by text',
      `"q-2"x,${buyer},DIRECT,2026-05-12,${pepper},1,公斤,1.00`,
      /line 4: malformed quoting: a closing quote is followed by "x"/,
    ],
    [
      'an unterminated quote',
      `"q-2,${buyer},DIRECT,2026-05-12,${pepper},1,公斤,1.00`,
      /line 4: malformed quoting: a quoted field that starts in this record is never closed/,
    ],
  ])(
    'refuses the whole file on %s, naming its line, and imports none of the good rows before it',
    async (_, bad, message) => {
      const text = [
        'client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount',
        `q-1,${buyer},DIRECT,2026-05-12,${pepper},1,公斤,88.50`,
        `"q-3","${buyer}",DIRECT,2026-05-12,${pepper},1,公斤,"with ""quotes"" is fine"`,
        bad,
        `q-4,${buyer},DIRECT,2026-05-12,${pepper},1,公斤,88.50`,
      ].join('\n');
      const file = tempFile('quotes.csv');
      fs.writeFileSync(file, text + '\n');
      const result = await importFile(file);
      expectExit(result, 2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).toContain('nothing imported');
      expect(await count('q-%')).toBe(0);
    },
  );
});
