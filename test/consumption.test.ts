import { startTestServer, tokenFor, adminToken, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const TEA_CO = seedId('provider', 'tea-co');
const CITRUS_CO = seedId('provider', 'citrus-co');
const enterprise = (key: string) => toGlobalId('Enterprise', key);
const product = (key: string) => toGlobalId('Product', seedId('product', key));

const RECORD = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  created purchase { id status totalAmount lineCount originVillage { code } lines { lineNo amount product { name } } } } }`;

/** Sums in integer fen, computed here from raw rows, independent of the SQL under test. */
function sumFen(amounts: string[]): string {
  const fen = amounts.reduce((total, a) => {
    const [whole, frac = ''] = a.split('.');
    return total + BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  }, 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

describe('recording purchases', () => {
  it('records a purchase for oneself, exactly, with the origin village taken from the products', async () => {
    const token = tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO });
    const response = await server.gql(
      RECORD,
      {
        input: {
          buyerId: enterprise(TEA_CO),
          clientReference: 'order-1',
          channel: 'CANTEEN',
          purchasedOn: '2026-03-02',
          lines: [
            { productId: product('green-pepper'), quantity: '3', unit: '公斤', amount: '265.50' },
            { productId: product('rapeseed-oil'), quantity: '2', unit: '桶', amount: '159.80' },
          ],
        },
      },
      token,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordPurchase).toMatchObject({
      created: true,
      purchase: {
        status: 'RECORDED',
        totalAmount: '425.30',
        lineCount: 2,
        lines: [
          { lineNo: 1, amount: '265.50' },
          { lineNo: 2, amount: '159.80' },
        ],
      },
    });
  });

  it('keeps one purchase when twenty identical requests race on one clientReference', async () => {
    const token = tokenFor({ role: Role.ENTERPRISE, provider: CITRUS_CO });
    const input = {
      buyerId: enterprise(CITRUS_CO),
      clientReference: 'race-1',
      channel: 'LIVE_STREAM',
      purchasedOn: '2026-04-01',
      lines: [{ productId: product('citrus'), quantity: '10', unit: '箱', amount: '750.00' }],
    };
    const responses = await Promise.all(Array.from({ length: 20 }, () => server.gql(RECORD, { input }, token)));
    expect(responses.every((r) => r.errors === undefined)).toBe(true);
    const ids = new Set(responses.map((r) => r.data!.recordPurchase.purchase.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.data!.recordPurchase.created)).toHaveLength(1);
    const rows = await server.sql(
      `SELECT count(*)::int AS n FROM purchase WHERE buyer_id = $1 AND client_reference = 'race-1'`,
      [CITRUS_CO],
    );
    expect(rows[0].n).toBe(1);
    const lines = await server.sql(
      `SELECT count(*)::int AS n FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id WHERE p.client_reference = 'race-1'`,
    );
    expect(lines[0].n).toBe(1);
  });

  it.each([
    ['a future date', { purchasedOn: '2099-01-01' }, 'purchasedOn'],
    ['no lines', { lines: [] }, 'lines'],
    [
      'a zero quantity',
      { lines: [{ productId: product('citrus'), quantity: '0', unit: '箱', amount: '1.00' }] },
      'lines.0.quantity',
    ],
    [
      'three decimals of money',
      { lines: [{ productId: product('citrus'), quantity: '1', unit: '箱', amount: '1.005' }] },
      'lines.0.amount',
    ],
    [
      'products from two villages',
      {
        lines: [
          { productId: product('citrus'), quantity: '1', unit: '箱', amount: '1' },
          { productId: product('eco-fish'), quantity: '1', unit: '公斤', amount: '1' },
        ],
      },
      'lines',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the field and writes nothing', async (_label, change, field) => {
    const [{ n: before }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase');
    const input = {
      buyerId: enterprise(CITRUS_CO),
      clientReference: `bad-${field}`,
      channel: 'DIRECT',
      purchasedOn: '2026-04-01',
      lines: [{ productId: product('citrus'), quantity: '1', unit: '箱', amount: '75' }],
      ...change,
    };
    const response = await server.gql(RECORD, { input }, adminToken());
    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0].extensions!.fields).toEqual([field]);
    const [{ n: after }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase');
    expect(after).toBe(before);
  });

  it('lets a partner record for itself only and see its own purchases only', async () => {
    const token = tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO });
    const forOther = await server.gql(
      RECORD,
      {
        input: {
          buyerId: enterprise(CITRUS_CO),
          clientReference: 'x',
          channel: 'DIRECT',
          purchasedOn: '2026-04-01',
          lines: [{ productId: product('citrus'), quantity: '1', unit: '箱', amount: '75' }],
        },
      },
      token,
    );
    expect(codesOf(forOther)).toEqual(['FORBIDDEN']);
    const listed = await server.gql('{ purchases(first: 100) { totalCount edges { node { id } } } }', undefined, token);
    const [{ n }] = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase WHERE buyer_id = $1', [
      TEA_CO,
    ]);
    expect(listed.data!.purchases.totalCount).toBe(n);
    const [other] = await server.sql<{ id: string }>('SELECT id FROM purchase WHERE buyer_id <> $1 LIMIT 1', [TEA_CO]);
    const byNode = await server.gql(
      'query($id: ID!) { node(id: $id) { id } }',
      { id: toGlobalId('Purchase', other.id) },
      token,
    );
    expect(byNode.data!.node).toBeNull();
  });
});

describe('consumption statistics', () => {
  const STATS = `query($filter: ConsumptionStatsFilter, $groupBy: [StatsDimension!]) {
    consumptionStats(filter: $filter, groupBy: $groupBy) { amount purchaseCount lineCount period village { code } county { code } category channel } }`;

  it('equals sums computed independently, to the fen, per month and county', async () => {
    const response = await server.gql(STATS, {
      groupBy: ['MONTH', 'COUNTY'],
      filter: { from: '2025-11-01', to: '2026-10-31' },
    });
    expect(response.errors).toBeUndefined();
    const raw = await server.sql<{ total_amount: string; month: string; county_code: string; line_count: number }>(
      `SELECT total_amount::text, to_char(purchased_on, 'YYYY-MM') AS month, county_code, line_count FROM purchase
       WHERE status <> 'VOIDED' AND purchased_on BETWEEN '2025-11-01' AND '2026-10-31'`,
    );
    const expected = new Map<string, { amounts: string[]; lines: number }>();
    for (const row of raw) {
      const key = `${row.month}|${row.county_code}`;
      const group = expected.get(key) ?? { amounts: [], lines: 0 };
      group.amounts.push(row.total_amount);
      group.lines += row.line_count;
      expected.set(key, group);
    }
    const rows = response.data!.consumptionStats;
    expect(rows).toHaveLength(expected.size);
    for (const row of rows) {
      const group = expected.get(`${row.period}|${row.county.code}`)!;
      expect(row.amount).toBe(sumFen(group.amounts));
      expect(row.purchaseCount).toBe(group.amounts.length);
      expect(row.lineCount).toBe(group.lines);
    }
  });

  it('groups by category from line amounts and gives one row of totals without groupBy', async () => {
    const byCategory = await server.gql(STATS, { groupBy: ['CATEGORY'] });
    const lines = await server.sql<{ category: string; amount: string }>(
      `SELECT l.category, l.amount::text FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id WHERE p.status <> 'VOIDED'`,
    );
    for (const row of byCategory.data!.consumptionStats) {
      expect(row.amount).toBe(sumFen(lines.filter((l) => l.category === row.category).map((l) => l.amount)));
    }
    const totals = await server.gql(STATS, { groupBy: [] });
    expect(totals.data!.consumptionStats).toHaveLength(1);
    expect(totals.data!.consumptionStats[0].amount).toBe(sumFen(lines.map((l) => l.amount)));
  });

  it('drops a voided purchase out of the statistics; the purchase stays, with its reason', async () => {
    const token = tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO });
    const before = (await server.gql(STATS, { groupBy: [] }, token)).data!.consumptionStats[0];
    const recorded = await server.gql(
      RECORD,
      {
        input: {
          buyerId: enterprise(TEA_CO),
          clientReference: 'to-void',
          channel: 'EXPO',
          purchasedOn: '2026-05-05',
          lines: [{ productId: product('eco-fish'), quantity: '2', unit: '公斤', amount: '72.01' }],
        },
      },
      token,
    );
    const id = recorded.data!.recordPurchase.purchase.id;
    const during = (await server.gql(STATS, { groupBy: [] }, token)).data!.consumptionStats[0];
    expect(during.amount).toBe(sumFen([before.amount, '72.01']));
    const voided = await server.gql(
      `mutation($input: VoidPurchaseInput!) { voidPurchase(input: $input) { purchase { status voidReason } } }`,
      { input: { purchaseId: id, reason: '录入错误' } },
      token,
    );
    expect(voided.data!.voidPurchase.purchase).toEqual({ status: 'VOIDED', voidReason: '录入错误' });
    const after = (await server.gql(STATS, { groupBy: [] }, token)).data!.consumptionStats[0];
    expect(after).toEqual(before);
    const again = await server.gql(
      `mutation($input: VoidPurchaseInput!) { voidPurchase(input: $input) { purchase { status } } }`,
      { input: { purchaseId: id, reason: '再次作废' } },
      token,
    );
    expect(codesOf(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows organisation departments no purchases and zero totals', async () => {
    const orgDepartment = tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' });
    const response = await server.gql(
      `{ purchases { totalCount } consumptionStats { amount purchaseCount } }`,
      undefined,
      orgDepartment,
    );
    expect(response.data).toEqual({
      purchases: { totalCount: 0 },
      consumptionStats: [{ amount: '0.00', purchaseCount: 0 }],
    });
  });

  it('limits statistics to the caller scope', async () => {
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: '350423000000' });
    const response = await server.gql(STATS, { groupBy: ['VILLAGE'] }, official);
    expect(response.data!.consumptionStats.every((r: any) => r.village.code.startsWith('350423'))).toBe(true);
    const raw = await server.sql<{ total_amount: string }>(
      `SELECT total_amount::text FROM purchase WHERE status <> 'VOIDED' AND origin_village_code LIKE '350423%'`,
    );
    expect(sumFen(response.data!.consumptionStats.map((r: any) => r.amount))).toBe(
      sumFen(raw.map((r) => r.total_amount)),
    );
  });
});
