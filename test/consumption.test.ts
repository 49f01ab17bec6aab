import { startTestServer, tokenFor, adminToken, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { seedId } from '../seeds/load';
import { addDays, todayInShanghai } from '../server/src/core/dates';
import { certificateCovers } from '../server/src/modules/consumption/purchase.rules';

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
    ['a date before 2000-01-01', { purchasedOn: '1999-12-31' }, 'purchasedOn'],
    [
      'a zero amount',
      { lines: [{ productId: product('citrus'), quantity: '1', unit: '箱', amount: '0.00' }] },
      'lines.0.amount',
    ],
    [
      'a negative amount',
      { lines: [{ productId: product('citrus'), quantity: '1', unit: '箱', amount: '-75' }] },
      'lines.0.amount',
    ],
    ['a blank clientReference', { clientReference: ' ' }, 'clientReference'],
    [
      'a blank unit',
      { lines: [{ productId: product('citrus'), quantity: '1', unit: ' ', amount: '75' }] },
      'lines.0.unit',
    ],
    [
      'a product not certified on the purchase date',
      {
        purchasedOn: '2026-02-28',
        lines: [{ productId: product('pork'), quantity: '1', unit: '公斤', amount: '42.60' }],
      },
      'lines.0.productId',
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

describe('certification counts (消费帮扶产品认定)', () => {
  const token = tokenFor({ role: Role.ENTERPRISE, provider: CITRUS_CO });
  const record = (key: string, day: string, reference: string) =>
    server.gql(
      RECORD,
      {
        input: {
          buyerId: enterprise(CITRUS_CO),
          clientReference: reference,
          channel: 'DIRECT',
          purchasedOn: day,
          lines: [{ productId: product(key), quantity: '1', unit: '件', amount: '10.00' }],
        },
      },
      token,
    );

  it.each([
    ['citrus', '2026-09-30', true], // last day of XFBF-2023-0040
    ['citrus', '2026-10-01', false], // the gap before the renewal
    ['citrus', '2026-10-14', false],
    ['citrus', '2026-10-15', true], // first day of the renewal XFBF-2026-0041
    ['pork', '2026-02-28', false], // never certified before
    ['pork', '2026-03-01', true],
    ['rapeseed-oil', '2026-05-31', true], // revoked from 2026-06-01
    ['rapeseed-oil', '2026-06-01', false],
  ])('records %s on %s only when certified that day (%s)', async (key, day, accepted) => {
    const before = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase');
    const response = await record(key, day, `cert-${key}-${day}`);
    if (accepted) {
      expect(response.errors).toBeUndefined();
      expect(response.data!.recordPurchase.created).toBe(true);
    } else {
      expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors![0].extensions!.fields).toEqual(['lines.0.productId']);
      expect(response.errors![0].message).toContain(`not certified for consumption support on ${day}`);
      expect((await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase'))[0].n).toBe(before[0].n);
    }
  });

  it('seeds a ledger whose every line is certified on its purchase date', async () => {
    const [{ lines, uncertified }] = await server.sql<{ lines: number; uncertified: number }>(
      `SELECT count(*)::int AS lines, count(*) FILTER (WHERE NOT EXISTS (
         SELECT 1 FROM product_certification c WHERE c.product_id = l.product_id AND c.valid_from <= p.purchased_on
           AND (c.valid_until IS NULL OR c.valid_until >= p.purchased_on) AND (c.revoked_from IS NULL OR c.revoked_from > p.purchased_on)
       ))::int AS uncertified
       FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id WHERE p.source = 'DEMO'`,
    );
    expect(lines).toBeGreaterThan(1200);
    expect(uncertified).toBe(0);
  });

  it('answers products(filter: { certified }) by the same rule the recording applies', async () => {
    const certificates = await server.sql<{
      product_id: string;
      certificateNumber: string;
      validFrom: string;
      validUntil: string | null;
      revokedFrom: string | null;
    }>(
      `SELECT product_id, certificate_number AS "certificateNumber", valid_from::text AS "validFrom",
         valid_until::text AS "validUntil", revoked_from::text AS "revokedFrom" FROM product_certification`,
    );
    const response = await server.gql(
      '{ yes: products(first: 100, filter: { certified: true }) { edges { node { id } } } all: products(first: 100) { edges { node { id certified } } } }',
    );
    const today = todayInShanghai();
    const expected = new Set(
      certificates.filter((c) => certificateCovers(c, today)).map((c) => toGlobalId('Product', c.product_id)),
    );
    expect(new Set(response.data!.yes.edges.map((e: any) => e.node.id))).toEqual(expected);
    for (const edge of response.data!.all.edges) expect(edge.node.certified).toBe(expected.has(edge.node.id));
  });
});

describe('officials record for buyers paired with their region only', () => {
  const qingliuOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '350423000000' });
  const sichuanOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
  const SANMING_FOOD = seedId('provider', 'sanming-food');
  const input = (buyer: string, reference: string, productKey = 'qingliu-tea') => ({
    input: {
      buyerId: enterprise(buyer),
      clientReference: reference,
      channel: 'EXPO',
      purchasedOn: '2026-06-01',
      lines: [{ productId: product(productKey), quantity: '1', unit: '盒', amount: '158.00' }],
    },
  });

  it('refuses a buyer not paired with the region alike for used and unused references, writing nothing', async () => {
    const [used] = await server.sql<{ client_reference: string }>(
      'SELECT client_reference FROM purchase WHERE buyer_id = $1 LIMIT 1',
      [TEA_CO],
    );
    const before = await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase');
    const withUsed = await server.gql(RECORD, input(TEA_CO, used.client_reference), qingliuOfficial);
    const withUnused = await server.gql(RECORD, input(TEA_CO, 'never-used-reference'), qingliuOfficial);
    expect(codesOf(withUsed)).toEqual(['FORBIDDEN']);
    expect(codesOf(withUnused)).toEqual(['FORBIDDEN']);
    expect(withUsed.errors![0].message).toBe(withUnused.errors![0].message);
    const unknown = await server.gql(RECORD, input('00000000-0000-4000-8000-000000000009', 'x'), qingliuOfficial);
    expect(codesOf(unknown)).toEqual(['FORBIDDEN']);
    expect((await server.sql<{ n: number }>('SELECT count(*)::int AS n FROM purchase'))[0].n).toBe(before[0].n);
  });

  it('records for a paired buyer, produce of the region only', async () => {
    const own = await server.gql(RECORD, input(SANMING_FOOD, 'expo-qingliu-1'), qingliuOfficial);
    expect(own.errors).toBeUndefined();
    expect(own.data!.recordPurchase.purchase.originVillage.code).toBe('350423100201');
    // 川茶 is paired with a Sichuan village, but the tea comes from 清流县.
    const elsewhere = await server.gql(RECORD, input(TEA_CO, 'expo-qingliu-2'), sichuanOfficial);
    expect(codesOf(elsewhere)).toEqual(['FORBIDDEN']);
    const inside = await server.gql(RECORD, input(TEA_CO, 'expo-sichuan-1', 'green-pepper'), sichuanOfficial);
    expect(inside.errors).toBeUndefined();
  });
});

describe('the catalogue: suppliers, products, certification', () => {
  const sichuanOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '519902000000' });
  const qingliuOfficial = tokenFor({ role: Role.REGION_OFFICIAL, region: '350423000000' });
  const orgDepartment = tokenFor({ role: Role.ORG_DEPARTMENT, region: '519902000000' });
  const village = toGlobalId('Village', '519902100201');
  const CREATE_SUPPLIER = `mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { supplier { id name source village { code } } } }`;
  const CREATE_PRODUCT = `mutation($input: CreateProductInput!) { createProduct(input: $input) { product { id name source originVillage { code } certified certifications { id } } } }`;
  const CERTIFY = `mutation($input: CertifyProductInput!) { certifyProduct(input: $input) { certification { id certificateNumber validFrom validUntil } product { certified(on: "2026-06-30") } } }`;
  const REVOKE = `mutation($input: RevokeProductCertificationInput!) { revokeProductCertification(input: $input) { certification { revokedFrom revokeReason } } }`;

  it('lets officials of the village region manage suppliers and products, nobody else', async () => {
    const supplier = { villageId: village, name: '重点一村莲藕合作社（测试）', kind: 'COOPERATIVE' };
    expect(codesOf(await server.gql(CREATE_SUPPLIER, { input: supplier }, qingliuOfficial))).toEqual(['FORBIDDEN']);
    expect(codesOf(await server.gql(CREATE_SUPPLIER, { input: supplier }, orgDepartment))).toEqual(['FORBIDDEN']);
    const badCode = await server.gql(
      CREATE_SUPPLIER,
      { input: { ...supplier, creditCode: '91519902MA7K3N5P25' } },
      sichuanOfficial,
    );
    expect(codesOf(badCode)).toEqual(['BAD_USER_INPUT']);
    expect(badCode.errors![0].extensions!.fields).toEqual(['creditCode']);
    const created = await server.gql(CREATE_SUPPLIER, { input: supplier }, sichuanOfficial);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createSupplier.supplier).toMatchObject({ source: null, village: { code: '519902100201' } });

    const productInput = {
      supplierId: created.data!.createSupplier.supplier.id,
      name: '莲藕',
      category: 'FRUIT_VEGETABLE',
    };
    expect(codesOf(await server.gql(CREATE_PRODUCT, { input: productInput }, qingliuOfficial))).toEqual(['FORBIDDEN']);
    const productCreated = await server.gql(CREATE_PRODUCT, { input: productInput }, sichuanOfficial);
    expect(productCreated.data!.createProduct.product).toMatchObject({
      name: '莲藕',
      source: null,
      originVillage: { code: '519902100201' },
      certified: false,
      certifications: [],
    });
    const renamed = await server.gql(
      `mutation($input: UpdateProductInput!) { updateProduct(input: $input) { product { name category } } }`,
      { input: { productId: productCreated.data!.createProduct.product.id, name: '白莲藕', category: 'OTHER' } },
      sichuanOfficial,
    );
    expect(renamed.data!.updateProduct.product).toEqual({ name: '白莲藕', category: 'OTHER' });
  });

  it('certifies, refuses overlaps, renews, and revokes from today on without touching the past', async () => {
    const [{ id: supplierKey }] = await server.sql<{ id: string }>(`SELECT id FROM supplier LIMIT 1`);
    const created = await server.gql(
      CREATE_PRODUCT,
      { input: { supplierId: toGlobalId('Supplier', supplierKey), name: '腊肉', category: 'PROCESSED_FOOD' } },
      sichuanOfficial,
    );
    const productId = created.data!.createProduct.product.id;
    const [{ origin_village_code: origin }] = await server.sql<{ origin_village_code: string }>(
      'SELECT origin_village_code FROM product WHERE id = $1',
      [Buffer.from(productId, 'base64url').toString().split(':')[1]],
    );
    const official = tokenFor({ role: Role.REGION_OFFICIAL, region: origin.slice(0, 6).padEnd(12, '0') });
    const buy = (day: string, reference: string) =>
      server.gql(
        RECORD,
        {
          input: {
            buyerId: enterprise(CITRUS_CO),
            clientReference: reference,
            channel: 'CANTEEN',
            purchasedOn: day,
            lines: [{ productId, quantity: '2', unit: '公斤', amount: '96.00' }],
          },
        },
        tokenFor({ role: Role.ENTERPRISE, provider: CITRUS_CO }),
      );
    expect(codesOf(await buy('2026-03-01', 'larou-0'))).toEqual(['BAD_USER_INPUT']);

    const first = await server.gql(
      CERTIFY,
      {
        input: {
          productId,
          certificateNumber: 'TEST-0001',
          issuingBody: '区农业农村局（测试）',
          validFrom: '2026-01-01',
          validUntil: '2026-06-30',
        },
      },
      official,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.certifyProduct.product.certified).toBe(true);
    expect((await buy('2026-06-30', 'larou-1')).errors).toBeUndefined();
    expect(codesOf(await buy('2026-07-01', 'larou-2'))).toEqual(['BAD_USER_INPUT']);

    const overlapping = await server.gql(
      CERTIFY,
      {
        input: {
          productId,
          certificateNumber: 'TEST-0002',
          issuingBody: '区农业农村局（测试）',
          validFrom: '2026-06-30',
        },
      },
      official,
    );
    expect(codesOf(overlapping)).toEqual(['CONFLICT']);
    expect(overlapping.errors![0].extensions!.fields).toEqual(['validFrom', 'validUntil']);
    const backwards = await server.gql(
      CERTIFY,
      {
        input: {
          productId,
          certificateNumber: 'TEST-0003',
          issuingBody: '区农业农村局（测试）',
          validFrom: '2027-01-02',
          validUntil: '2027-01-01',
        },
      },
      official,
    );
    expect(backwards.errors![0].extensions!.fields).toEqual(['validUntil']);
    const sameNumber = await server.gql(
      CERTIFY,
      {
        input: {
          productId,
          certificateNumber: 'TEST-0001',
          issuingBody: '区农业农村局（测试）',
          validFrom: '2026-07-01',
        },
      },
      official,
    );
    expect(codesOf(sameNumber)).toEqual(['CONFLICT']);
    expect(sameNumber.errors![0].extensions!.fields).toEqual(['certificateNumber']);

    const renewal = await server.gql(
      CERTIFY,
      {
        input: {
          productId,
          certificateNumber: 'TEST-0004',
          issuingBody: '区农业农村局（测试）',
          validFrom: '2026-07-01',
        },
      },
      official,
    );
    expect(renewal.errors).toBeUndefined();
    expect((await buy('2026-07-01', 'larou-3')).errors).toBeUndefined();

    const today = todayInShanghai();
    const certificationId = renewal.data!.certifyProduct.certification.id;
    const retroactive = await server.gql(
      REVOKE,
      { input: { certificationId, reason: '抽检不合格', effectiveFrom: addDays(today, -1) } },
      official,
    );
    expect(retroactive.errors![0].extensions!.fields).toEqual(['effectiveFrom']);
    expect(codesOf(await server.gql(REVOKE, { input: { certificationId, reason: '越权' } }, qingliuOfficial))).toEqual([
      'FORBIDDEN',
    ]);
    const revoked = await server.gql(REVOKE, { input: { certificationId, reason: '抽检不合格' } }, official);
    expect(revoked.data!.revokeProductCertification.certification).toEqual({
      revokedFrom: today,
      revokeReason: '抽检不合格',
    });
    expect((await buy(addDays(today, -1), 'larou-4')).errors).toBeUndefined();
    expect(codesOf(await buy(today, 'larou-5'))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await server.gql(REVOKE, { input: { certificationId, reason: '再次' } }, official))).toEqual([
      'CONFLICT',
    ]);

    const read = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Product { certifications { certificateNumber revokedFrom } certification(on: "2026-06-30") { certificateNumber } } } }`,
      { id: productId },
      tokenFor({ role: Role.ENTERPRISE, provider: TEA_CO }),
    );
    expect(read.data!.node).toEqual({
      certifications: [
        { certificateNumber: 'TEST-0004', revokedFrom: today },
        { certificateNumber: 'TEST-0001', revokedFrom: null },
      ],
      certification: { certificateNumber: 'TEST-0001' },
    });
  });

  it('marks seeded rows as demonstration data', async () => {
    const response = await server.gql(
      `query($id: ID!) { node(id: $id) { ... on Product { source supplier { source } certifications { source } } } purchases(first: 1, filter: { to: "2026-10-31" }) { edges { node { source } } } }`,
      { id: product('citrus') },
    );
    expect(response.data!.node).toEqual({
      source: 'DEMO',
      supplier: { source: 'DEMO' },
      certifications: [{ source: 'DEMO' }, { source: 'DEMO' }],
    });
    expect(response.data!.purchases.edges[0].node.source).toBe('DEMO');
  });
});

describe('nested consumption queries stay N+1-free', () => {
  const NESTED = `query($first: Int!) {
    purchases(first: $first) { edges { node { source buyer { name } originVillage { name } lines { product { name certified certification { certificateNumber } supplier { name source } } } } } }
    products(first: $first) { edges { node { certified(on: "2026-01-01") certifications { certificateNumber validFrom } supplier { village { name } } } } }
  }`;

  it('sends the same number of statements whatever the page size', async () => {
    const run = (first: number) =>
      server.countStatements(async () => {
        const response = await server.gql(NESTED, { first });
        expect(response.errors).toBeUndefined();
        return response.data!.purchases.edges.length + response.data!.products.edges.length;
      });
    const small = await run(2);
    const large = await run(50);
    expect(large.result).toBeGreaterThan(small.result);
    // One statement per loader and level it appears at: two pages, buyers, villages, lines, and
    // products with their certificates and suppliers at two levels (the product list, and the
    // lines' products). The larger page can need fewer, when the product list already loaded the
    // lines' products; it never needs more.
    expect(large.statements).toBeLessThanOrEqual(small.statements);
    expect(small.statements).toBeLessThanOrEqual(11);
  });
});
