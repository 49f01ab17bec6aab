import ExcelJS from 'exceljs';
import { createPlatformClient, isPlatformError, LEDGER_NAMES } from '@xiangcun/assistance-sdk';
import { startTestServer, tokenFor, adminToken, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { seedId } from '../seeds/load';

/**
 * Ledger exports (台账): each file opened with exceljs, its headers, its totals to the fen
 * against the GraphQL reads it mirrors, and its scope for each kind of caller.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const COUNTY = '519902000000';
const official = () => tokenFor({ role: Role.REGION_OFFICIAL, region: COUNTY });
const TEA_CO = seedId('provider', 'tea-co');
const CITRUS_CO = seedId('provider', 'citrus-co');
const enterprise = (provider = CITRUS_CO) => tokenFor({ role: Role.ENTERPRISE, provider });

async function download(path: string, token?: string | null): Promise<Response> {
  return fetch(`${server.url.replace(/\/graphql$/, '')}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

interface Sheet {
  title: string;
  headers: string[];
  rows: ExcelJS.CellValue[][];
  total: ExcelJS.CellValue[] | null;
  about: Map<string, string>;
}

/** Downloads a ledger and reads it back with exceljs: header row, data rows, the 合计 row. */
async function ledger(path: string, token: string): Promise<Sheet> {
  const response = await download(path, token);
  if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  expect(response.headers.get('content-type')).toBe(
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const [sheet, about] = workbook.worksheets;
  const values: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => values.push((row.values as ExcelJS.CellValue[]).slice(1)));
  const [headers, ...rest] = values;
  const hasTotal = rest.length > 0 && rest[rest.length - 1][0] === '合计';
  const aboutRows = new Map<string, string>();
  about.eachRow((row) => aboutRows.set(String(row.getCell(1).value), String(row.getCell(2).value)));
  return {
    title: sheet.name,
    headers: headers as string[],
    rows: hasTotal ? rest.slice(0, -1) : rest,
    total: hasTotal ? rest[rest.length - 1] : null,
    about: aboutRows,
  };
}

/** The first error of the platform's JSON error body. */
async function errorOf(response: Response): Promise<{ message: string; extensions: Record<string, unknown> }> {
  const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  return body.errors[0];
}

/** A money cell back to its decimal string: a number cell (exact by construction) or the text. */
const yuan = (cell: ExcelJS.CellValue) => (typeof cell === 'number' ? cell.toFixed(2) : String(cell));
/** A decimal string in fen, whatever its number of decimals (at most two). */
const fen = (amount: string) => {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
};
const column = (sheet: Sheet, header: string) => {
  const index = sheet.headers.indexOf(header);
  expect(index).toBeGreaterThanOrEqual(0);
  return index;
};
const sumFen = (sheet: Sheet, header: string) =>
  sheet.rows.reduce((sum, row) => sum + fen(yuan(row[column(sheet, header)] ?? 0)), 0n);

describe('GET /exports/pairings.xlsx (结对帮扶台账)', () => {
  const PAIRINGS = `{ pairings(first: 100) { totalCount edges { node { targetRegion { code } provider { name } pledgedAmount deliveredAmount } } } }`;

  it.each([
    ['an administrator', adminToken],
    ['a county official', official],
    ['an enterprise', () => enterprise()],
  ])('holds for %s exactly the pairings and sums of the pairings query', async (_, token) => {
    const sheet = await ledger('/exports/pairings.xlsx', token());
    expect(sheet.title).toBe('结对帮扶台账');
    expect(sheet.headers).toEqual([
      '帮扶主体',
      '帮扶机制',
      '帮扶对象',
      '对象区划代码',
      '结对状态',
      '开始日期',
      '结束日期',
      '承诺金额（元）',
      '落实金额（元）',
    ]);
    const answer = await server.gql(PAIRINGS, undefined, token());
    const nodes = answer.data!.pairings.edges.map((e: any) => e.node);
    expect(sheet.rows).toHaveLength(answer.data!.pairings.totalCount);
    expect(sheet.rows.map((r) => r[3]).sort()).toEqual(nodes.map((n: any) => n.targetRegion.code).sort());
    const pledged = nodes.reduce((s: bigint, n: any) => s + fen(n.pledgedAmount), 0n);
    const delivered = nodes.reduce((s: bigint, n: any) => s + fen(n.deliveredAmount), 0n);
    expect(sumFen(sheet, '承诺金额（元）')).toBe(pledged);
    expect(fen(yuan(sheet.total![column(sheet, '承诺金额（元）')]))).toBe(pledged);
    expect(fen(yuan(sheet.total![column(sheet, '落实金额（元）')]))).toBe(delivered);
    expect(pledged).toBeGreaterThan(0n); // the seeds hold contributions: the comparison means something
  });

  it('shows a county official only pairings in or covering its county, and a partner only its own', async () => {
    const county = await ledger('/exports/pairings.xlsx', official());
    expect(county.rows.length).toBeGreaterThan(0);
    for (const row of county.rows) expect(String(row[3])).toMatch(/^519902/);

    const partner = await ledger('/exports/pairings.xlsx', enterprise());
    const names = await server.sql<{ name: string }>('SELECT name FROM provider WHERE id = $1', [CITRUS_CO]);
    expect(partner.rows.length).toBe(2);
    for (const row of partner.rows) expect(row[0]).toBe(names[0].name);
    const sums = await server.sql<{ pledged: string }>(
      `SELECT coalesce(sum(c.amount) FILTER (WHERE c.stage = 'PLEDGED'), 0)::numeric(18,2)::text AS pledged
       FROM contribution c JOIN pairing p ON p.id = c.pairing_id WHERE p.provider_id = $1`,
      [CITRUS_CO],
    );
    expect(yuan(partner.total![7])).toBe(sums[0].pledged);
  });

  it('exports 万企兴万村 as its own ledger: the ENTERPRISE_VILLAGE pairings with credit codes', async () => {
    const sheet = await ledger('/exports/enterprise-villages.xlsx?regionCode=519902', adminToken());
    expect(sheet.title).toBe('万企兴万村台账');
    expect(sheet.headers.slice(0, 3)).toEqual(['民营企业', '统一社会信用代码', '结对村（县）']);
    const expected = await server.sql<{ credit_code: string }>(
      `SELECT e.credit_code FROM pairing p JOIN provider e ON e.id = p.provider_id
       WHERE p.mechanism = 'ENTERPRISE_VILLAGE' AND p.target_code LIKE '519902%' ORDER BY 1`,
    );
    expect(sheet.rows.map((r) => r[1]).sort()).toEqual(expected.map((r) => r.credit_code));
    expect(sheet.rows.length).toBe(3);
  });
});

describe('GET /exports/consumption.xlsx (消费帮扶台账)', () => {
  it.each([
    ['an administrator', adminToken],
    ['a county official', official],
    ['an enterprise', () => enterprise(TEA_CO)],
  ])('totals to the fen what consumptionStats answers %s', async (_, token) => {
    const sheet = await ledger('/exports/consumption.xlsx?from=2026-01-01&to=2026-12-31', token());
    expect(sheet.headers).toEqual([
      '月份',
      '采购方',
      '产品来源村',
      '村区划代码',
      '采购笔数',
      '产品明细行数',
      '采购金额（元）',
    ]);
    const answer = await server.gql(
      `{ all: consumptionStats(filter: { from: "2026-01-01", to: "2026-12-31" }) { amount purchaseCount }
         rows: consumptionStats(filter: { from: "2026-01-01", to: "2026-12-31" }, groupBy: [MONTH, BUYER, VILLAGE]) { amount } }`,
      undefined,
      token(),
    );
    const [all] = answer.data!.all;
    expect(sheet.rows).toHaveLength(answer.data!.rows.length);
    expect(sumFen(sheet, '采购金额（元）')).toBe(fen(all.amount));
    expect(yuan(sheet.total![column(sheet, '采购金额（元）')])).toBe(all.amount);
    expect(sheet.total![column(sheet, '采购笔数')]).toBe(all.purchaseCount);
    expect(all.purchaseCount).toBeGreaterThan(0);
  });

  it('lists a county official only villages of its county, and a buyer only its own purchases', async () => {
    const county = await ledger('/exports/consumption.xlsx', official());
    for (const row of county.rows) expect(String(row[3])).toMatch(/^519902/);
    const buyer = await ledger('/exports/consumption.xlsx', enterprise(TEA_CO));
    const [name] = await server.sql<{ name: string }>('SELECT name FROM provider WHERE id = $1', [TEA_CO]);
    expect(buyer.rows.length).toBeGreaterThan(0);
    for (const row of buyer.rows) expect(row[1]).toBe(name.name);
  });
});

describe('GET /exports/attendance.xlsx (驻村考勤台账)', () => {
  it('holds each assessed member-week of weeklyCompliance, for the weeks asked', async () => {
    const sheet = await ledger('/exports/attendance.xlsx?from=2026-10-12&to=2026-10-25&regionCode=519902', official());
    expect(sheet.headers.slice(0, 6)).toEqual(['周一', '周日', '驻村村', '村区划代码', '姓名', '职务']);
    const answer = await server.gql(
      `{ a: weeklyCompliance(filter: { weekOf: "2026-10-12", regionCode: "519902" }, first: 100) { totalCount edges { node { daysInVillage } } }
         b: weeklyCompliance(filter: { weekOf: "2026-10-19", regionCode: "519902" }, first: 100) { totalCount edges { node { daysInVillage } } } }`,
      undefined,
      official(),
    );
    const a = answer.data!.a;
    const b = answer.data!.b;
    expect(sheet.rows).toHaveLength(a.totalCount + b.totalCount);
    expect(sheet.rows.length).toBeGreaterThan(0);
    const days = [...a.edges, ...b.edges].reduce((s: number, e: any) => s + e.node.daysInVillage, 0);
    expect(sheet.total![column(sheet, '在村天数')]).toBe(days);
    expect(new Set(sheet.rows.map((r) => r[0]))).toEqual(new Set(['2026-10-12', '2026-10-19']));
  });

  it('refuses an enterprise, as the weeklyCompliance query does', async () => {
    const response = await download('/exports/attendance.xlsx', enterprise());
    expect(response.status).toBe(403);
    expect((await errorOf(response)).extensions.code).toBe('FORBIDDEN');
  });
});

describe('GET /exports/key-villages.xlsx (重点帮扶村指标台账)', () => {
  it('holds the key-assisted villages the caller may see, with indicators and target progress', async () => {
    for (const token of [adminToken(), official(), enterprise()]) {
      const sheet = await ledger('/exports/key-villages.xlsx', token);
      expect(sheet.headers.slice(0, 3)).toEqual(['村区划代码', '村名', '指标年份']);
      const answer = await server.gql(
        `{ villages(filter: { designations: [KEY_ASSISTED] }, first: 100) { totalCount edges { node { code indicators { collectiveIncome } targetProgress { status } } } } }`,
        undefined,
        token,
      );
      const nodes = answer.data!.villages.edges.map((e: any) => e.node);
      expect(sheet.rows.map((r) => r[0]).sort()).toEqual(nodes.map((n: any) => n.code).sort());
      const income = nodes.reduce((s: bigint, n: any) => s + fen(n.indicators?.collectiveIncome ?? '0.00'), 0n);
      if (sheet.total) expect(fen(yuan(sheet.total[column(sheet, '村集体经济收入（元）')] ?? 0))).toBe(income);
      const targets = nodes.reduce((s: number, n: any) => s + n.targetProgress.length, 0);
      if (sheet.total) expect(sheet.total[column(sheet, '目标数')]).toBe(targets);
    }
    const partner = await ledger('/exports/key-villages.xlsx', enterprise());
    expect(partner.rows.map((r) => r[0]).sort()).toEqual(['519902102201', '519902102202']);
  });
});

describe('refusals, as JSON errors with extensions.code', () => {
  it('answers UNAUTHENTICATED without a token, NOT_FOUND for an unknown ledger, BAD_USER_INPUT for bad filters', async () => {
    const none = await download('/exports/pairings.xlsx');
    expect(none.status).toBe(401);
    expect((await errorOf(none)).extensions.code).toBe('UNAUTHENTICATED');

    const unknown = await download('/exports/secrets.xlsx', adminToken());
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).extensions.code).toBe('NOT_FOUND');

    const badDate = await download('/exports/consumption.xlsx?from=2026-13-01', adminToken());
    expect(badDate.status).toBe(400);
    const bad = await errorOf(badDate);
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: ['from'] });

    const extra = await download('/exports/consumption.xlsx?year=2026', adminToken());
    expect((await errorOf(extra)).message).toMatch(/takes no parameter year; it takes regionCode, from, to/);

    const outside = await download('/exports/consumption.xlsx?regionCode=350423', official());
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']).toContain((await errorOf(outside)).extensions.code);
  });

  it('refuses an export over the row limit, and charges exports against the rate limit', async () => {
    const small = await startTestServer({ limits: { exportMaxRows: 2, rateLimitPoints: 2500 } });
    try {
      const url = `${small.url.replace(/\/graphql$/, '')}/exports/pairings.xlsx`;
      const get = () => fetch(url, { headers: { authorization: `Bearer ${adminToken()}` } });
      const tooMany = await get();
      expect(tooMany.status).toBe(413);
      const error = await errorOf(tooMany);
      expect(error.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'exportRows', maximum: 2 });
      expect(error.message).toMatch(/more than 2 rows/);
      // Each attempt cost 1000 points of 2500: the third is refused before it runs.
      expect((await get()).status).toBe(413);
      const limited = await get();
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await errorOf(limited)).extensions.code).toBe('RATE_LIMITED');
    } finally {
      await small.close();
    }
  });
});

describe('the SDK', () => {
  it('downloads each ledger by its typed name as an .xlsx Blob, and throws PlatformError on refusal', async () => {
    const county = createPlatformClient({ url: server.url, token: official() });
    try {
      expect([...LEDGER_NAMES].sort()).toEqual([
        'attendance',
        'consumption',
        'enterprise-villages',
        'key-villages',
        'pairings',
      ]);
      const blob = await county.downloadLedger('consumption', { regionCode: '519902', from: '2026-01-01' });
      expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(await blob.arrayBuffer());
      expect(workbook.worksheets[0].name).toBe('消费帮扶台账');
      expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('月份');

      const partner = createPlatformClient({ url: server.url, token: enterprise() });
      const refused = await partner.downloadLedger('attendance').catch((e: unknown) => e);
      expect(isPlatformError(refused) && refused.code).toBe('FORBIDDEN');
      expect(isPlatformError(refused) && refused.status).toBe(403);
      await partner.close();
    } finally {
      await county.close();
    }
  });
});
