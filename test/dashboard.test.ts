import { startTestServer, tokenFor, codesOf, type TestServer } from './harness/server';
import { Role } from '../server/src/core/auth/viewer';

/**
 * The county dashboard: one page of villages with their latest indicators, their active pairings
 * with provider names, and the consumption total of a period, asked in one document. Expected
 * values come from the raw rows, summed here in integer fen, independent of the SQL under test.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const DASHBOARD = `query Dashboard($regionCode: String!, $first: Int!, $pairings: Int, $status: PairingStatus, $from: Date, $to: Date) {
  villages(first: $first, filter: { regionCode: $regionCode }, orderBy: { field: NAME }) {
    totalCount
    edges { node { code name
      indicators { year population }
      pairings(status: $status, first: $pairings) { id status startDate provider { name } }
      consumption(from: $from, to: $to) { totalAmount purchaseCount lineCount }
    } }
  }
}`;

const FROM = '2026-01-01';
const TO = '2026-06-30';

/** Sums in integer fen. */
function sumFen(amounts: string[]): string {
  const fen = amounts.reduce((total, a) => {
    const [whole, frac = ''] = a.split('.');
    return total + BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2));
  }, 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

interface PurchaseRow {
  origin_village_code: string;
  buyer_id: string;
  status: string;
  purchased_on: string;
  total_amount: string;
  line_count: number;
}

let county: string;
let purchases: PurchaseRow[];

beforeAll(async () => {
  // The county whose villages sold the most in the period: the dashboard has something to add up.
  [{ county_code: county }] = await server.sql<{ county_code: string }>(
    `SELECT county_code FROM purchase WHERE purchased_on BETWEEN $1 AND $2 AND status <> 'VOIDED'
     GROUP BY county_code ORDER BY count(*) DESC, county_code LIMIT 1`,
    [FROM, TO],
  );
  purchases = await server.sql<PurchaseRow>(
    `SELECT origin_village_code, buyer_id::text, status, purchased_on::text, total_amount::text, line_count FROM purchase
     WHERE county_code = $1`,
    [county],
  );
});

/** What `Village.consumption(from: FROM, to: TO)` must say for a village, over the purchases `visible` keeps. */
function expectedConsumption(code: string, visible: (p: PurchaseRow) => boolean = () => true) {
  const counted = purchases.filter(
    (p) =>
      p.origin_village_code === code &&
      p.status !== 'VOIDED' &&
      p.purchased_on >= FROM &&
      p.purchased_on <= TO &&
      visible(p),
  );
  return {
    totalAmount: sumFen(counted.map((p) => p.total_amount)),
    purchaseCount: counted.length,
    lineCount: counted.reduce((n, p) => n + p.line_count, 0),
  };
}

/** The pairings covering a village (itself or its county) of a status, by start date and id, first `limit`. */
async function expectedPairings(code: string, status: string | null, limit: number, providerId?: string) {
  const rows = await server.sql<{ id: string; status: string; start_date: string; name: string }>(
    `SELECT p.id::text, p.status, p.start_date::text, pr.name FROM pairing p JOIN provider pr ON pr.id = p.provider_id
     WHERE p.target_code IN ($1::text, substr($1::text, 1, 6) || '000000') AND ($2::text IS NULL OR p.status = $2)
       AND ($3::uuid IS NULL OR p.provider_id = $3)
     ORDER BY p.start_date, p.id LIMIT $4`,
    [code, status, providerId ?? null, limit],
  );
  return rows;
}

const official = () => tokenFor({ role: Role.REGION_OFFICIAL, region: county });
const prefix = () => county.slice(0, 6);

describe('county dashboard', () => {
  it('gives each village its active pairings with providers and its consumption total, exact', async () => {
    const response = await server.gql(
      DASHBOARD,
      { regionCode: prefix(), first: 50, pairings: 3, status: 'ACTIVE', from: FROM, to: TO },
      official(),
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.villages.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(1);
    // The period holds sales and a voided purchase in this county, so both the sum and the exclusion are exercised.
    expect(nodes.some((n: any) => n.consumption.purchaseCount > 0)).toBe(true);
    expect(purchases.some((p) => p.status === 'VOIDED' && p.purchased_on >= FROM && p.purchased_on <= TO)).toBe(true);
    let pairingsSeen = 0;
    for (const node of nodes) {
      expect(node.consumption).toEqual(expectedConsumption(node.code));
      const pairings = await expectedPairings(node.code, 'ACTIVE', 3);
      expect(
        node.pairings.map((p: any) => ({ status: p.status, startDate: p.startDate, name: p.provider.name })),
      ).toEqual(pairings.map((p) => ({ status: p.status, startDate: p.start_date, name: p.name })));
      pairingsSeen += node.pairings.length;
    }
    expect(pairingsSeen).toBeGreaterThan(0);
  });

  it('filters pairings by status only when asked, and a period left open counts every date', async () => {
    const response = await server.gql(DASHBOARD, { regionCode: prefix(), first: 50 }, official());
    expect(response.errors).toBeUndefined();
    const statuses = new Set<string>();
    for (const { node } of response.data!.villages.edges) {
      const pairings = await expectedPairings(node.code, null, 100);
      expect(node.pairings.map((p: any) => p.status)).toEqual(pairings.map((p) => p.status));
      for (const p of node.pairings) statuses.add(p.status);
      const all = purchases.filter((p) => p.origin_village_code === node.code && p.status !== 'VOIDED');
      expect(node.consumption.totalAmount).toBe(sumFen(all.map((p) => p.total_amount)));
      expect(node.consumption.purchaseCount).toBe(all.length);
    }
    // Pairings of other statuses cover these villages too, so the ACTIVE filter above was a real filter.
    expect([...statuses].filter((s) => s !== 'ACTIVE').length).toBeGreaterThan(0);
  });

  it('shows a partner its own purchases and pairings only, and organisation departments no consumption', async () => {
    // The buyer with the most purchases from this county in the period, among those whose pairings assign them villages here.
    const [{ buyer_id: buyer }] = await server.sql<{ buyer_id: string }>(
      `SELECT p.buyer_id::text FROM purchase p JOIN provider_assigned_village a ON a.provider_id = p.buyer_id AND a.village_code = p.origin_village_code
       WHERE p.county_code = $1 AND p.purchased_on BETWEEN $2 AND $3 AND p.status <> 'VOIDED'
       GROUP BY p.buyer_id ORDER BY count(*) DESC LIMIT 1`,
      [county, FROM, TO],
    );
    const [{ type }] = await server.sql<{ type: string }>('SELECT type FROM provider WHERE id = $1', [buyer]);
    const partner = tokenFor({ role: type === 'ENTERPRISE' ? Role.ENTERPRISE : Role.ASSISTANCE_UNIT, provider: buyer });
    const response = await server.gql(
      DASHBOARD,
      { regionCode: prefix(), first: 50, from: FROM, to: TO, status: 'ACTIVE' },
      partner,
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.villages.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    let own = 0;
    for (const node of nodes) {
      const expected = expectedConsumption(node.code, (p) => p.buyer_id === buyer);
      expect(node.consumption).toEqual(expected);
      own += expected.purchaseCount;
      const pairings = await expectedPairings(node.code, 'ACTIVE', 100, buyer);
      expect(node.pairings.map((p: any) => p.id.length > 0 && p.provider.name)).toEqual(pairings.map((p) => p.name));
    }
    expect(own).toBeGreaterThan(0);
    // Other buyers did buy from these villages: the partner's totals are smaller, not the same.
    const othersBought = purchases.some(
      (p) =>
        p.buyer_id !== buyer &&
        nodes.some((n: any) => n.code === p.origin_village_code) &&
        p.status !== 'VOIDED' &&
        p.purchased_on >= FROM &&
        p.purchased_on <= TO,
    );
    expect(othersBought).toBe(true);

    const department = tokenFor({ role: Role.ORG_DEPARTMENT, region: county });
    const seen = await server.gql(DASHBOARD, { regionCode: prefix(), first: 50, from: FROM, to: TO }, department);
    expect(seen.errors).toBeUndefined();
    expect(seen.data!.villages.edges.length).toBeGreaterThan(0);
    for (const { node } of seen.data!.villages.edges) expect(node.consumption).toBeNull();
  });

  it("limits an official of a township to the township's villages and purchases", async () => {
    const [{ code: township }] = await server.sql<{ code: string }>(
      `SELECT left(origin_village_code, 9) || '000' AS code FROM purchase
       WHERE county_code = $1 AND status <> 'VOIDED' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
      [county],
    );
    const response = await server.gql(
      DASHBOARD,
      { regionCode: prefix(), first: 50, from: FROM, to: TO },
      tokenFor({ role: Role.REGION_OFFICIAL, region: township }),
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.villages.edges.map((e: any) => e.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.code.startsWith(township.slice(0, 9))).toBe(true);
      expect(node.consumption).toEqual(expectedConsumption(node.code));
    }
  });

  it('refuses a page of pairings over 100 and a period that ends before it starts, naming the argument', async () => {
    const tooMany = await server.gql(DASHBOARD, { regionCode: prefix(), first: 2, pairings: 101 }, official());
    expect(codesOf(tooMany)).toContain('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions?.fields).toEqual(['first']);
    const backwards = await server.gql(
      DASHBOARD,
      { regionCode: prefix(), first: 2, from: '2026-02-01', to: '2026-01-31' },
      official(),
    );
    expect(codesOf(backwards)).toContain('BAD_USER_INPUT');
    expect(backwards.errors![0].extensions?.fields).toEqual(['from']);
  });

  it('sends at most five statements, whatever the page size', async () => {
    const run = (first: number) =>
      server.countStatements(async () => {
        const response = await server.gql(
          DASHBOARD,
          { regionCode: prefix(), first, pairings: 10, status: 'ACTIVE', from: FROM, to: TO },
          official(),
        );
        expect(response.errors).toBeUndefined();
        return response.data!.villages.edges.length as number;
      });
    const small = await run(1);
    const large = await run(50);
    expect(large.result).toBeGreaterThan(small.result);
    expect(large.statements).toBe(small.statements);
    // The page, its count, indicators, pairings with providers, consumption.
    expect(large.statements).toBeLessThanOrEqual(5);
  });
});
