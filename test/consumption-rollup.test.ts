import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestServer, adminToken, codesOf, type TestServer } from './harness/server';
import { Role, type Viewer } from '../server/src/core/auth/viewer';
import { toGlobalId } from '../server/src/core/relay/global-id';
import { createContext } from '../server/src/core/context';
import { createLogger } from '../server/src/core/logger';
import { EventHub } from '../server/src/core/events/event-hub';
import { LocalEventBus } from '../server/src/core/events/event-bus';
import { platformParts } from '../server/src/platform';
import { statsService } from '../server/src/modules/consumption/stats.service';
import { StatsDimension } from '../server/src/modules/consumption/consumption.enums';
import type { ConsumptionStatsFilter } from '../server/src/modules/consumption/consumption.inputs';
import { seedId } from '../seeds/load';

/**
 * The statistics rollups stay exact: after a random mix of purchases, idempotent repeats,
 * voids (some racing), concurrent purchases on one rollup row and bulk imports, every grouping
 * read from a rollup equals the same grouping over the purchases, to the fen, for every kind of
 * caller; and the rollup tables themselves equal a recomputation from the ledger.
 */
const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', 'dist', 'server', 'src', 'cli', 'import-purchases.js');

let server: TestServer;
let events: EventHub;
beforeAll(async () => {
  server = await startTestServer();
  const { topics, nodes } = platformParts();
  events = new EventHub(
    () => server.orm.em.fork() as EntityManager,
    topics,
    new LocalEventBus(),
    createLogger('silent'),
  );
  nodesOf = nodes;
});
afterAll(() => server.close());
let nodesOf: ReturnType<typeof platformParts>['nodes'];

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BUYERS = [
  { key: seedId('provider', 'tea-co'), type: 'Enterprise' },
  { key: seedId('provider', 'citrus-co'), type: 'Enterprise' },
  { key: seedId('provider', 'sc-agri-dept'), type: 'AssistanceUnit' },
  { key: seedId('provider', 'city-hospital'), type: 'AssistanceUnit' },
];
/** Products by origin village, all certified from March to May 2026; 519902101202 mixes two categories. */
const VILLAGES: string[][] = [
  ['eco-fish'],
  ['green-pepper', 'rapeseed-oil'],
  ['cherry'],
  ['pear', 'pork'],
  ['hybrid-citrus'],
  ['citrus'],
  ['qingliu-tea'],
];
const CHANNELS = ['E_COMMERCE_PLATFORM', 'CANTEEN', 'TRADE_UNION', 'EXPO', 'LIVE_STREAM', 'DIRECT'];
const DAYS = [
  '2026-03-01',
  '2026-03-17',
  '2026-03-31',
  '2026-04-01',
  '2026-04-15',
  '2026-04-30',
  '2026-05-09',
  '2026-05-31',
];

const RECORD = `mutation($input: RecordPurchaseInput!) { recordPurchase(input: $input) { created purchase { id } } }`;
const VOID = `mutation($input: VoidPurchaseInput!) { voidPurchase(input: $input) { purchase { status } } }`;

function purchaseInput(next: () => number, reference: string) {
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const buyer = pick(BUYERS);
  const products = pick(VILLAGES);
  const lines = Array.from({ length: 1 + Math.floor(next() * 3) }, () => ({
    productId: toGlobalId('Product', seedId('product', pick(products))),
    quantity: String(1 + Math.floor(next() * 20)),
    unit: '公斤',
    amount: `${1 + Math.floor(next() * 5000)}.${String(Math.floor(next() * 100)).padStart(2, '0')}`,
  }));
  return {
    buyerId: toGlobalId(buyer.type, buyer.key),
    clientReference: reference,
    channel: pick(CHANNELS),
    purchasedOn: pick(DAYS),
    lines,
  };
}

async function importCsv(rows: string[]): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rollup-import-')), 'purchases.csv');
  fs.writeFileSync(
    file,
    ['client_reference,buyer_id,channel,purchased_on,product_id,quantity,unit,amount', ...rows].join('\n') + '\n',
  );
  try {
    const { stdout } = await run(process.execPath, [CLI, file], {
      env: { ...process.env, DATABASE_URL: server.dbUrl, LOG_LEVEL: 'warn' },
    });
    return stdout;
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

/** Rows where a rollup table and its recomputation from the ledger differ (zero rows left out). */
const DIFFERENCES = `
  WITH raw_county AS (
    SELECT date_trunc('month', purchased_on)::date AS month, county_code, channel, NULL::text AS category,
      sum(total_amount) AS amount, count(*)::int AS purchases, sum(line_count)::int AS lines
    FROM purchase WHERE status <> 'VOIDED' GROUP BY 1, 2, 3
    UNION ALL
    SELECT date_trunc('month', p.purchased_on)::date, p.county_code, p.channel, l.category,
      sum(l.amount), count(DISTINCT p.id)::int, count(*)::int
    FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id WHERE p.status <> 'VOIDED' GROUP BY 1, 2, 3, 4),
  county AS (SELECT month, county_code, channel, category, amount, purchase_count, line_count
    FROM purchase_rollup_county WHERE purchase_count <> 0 OR line_count <> 0 OR amount <> 0),
  raw_buyer AS (
    SELECT date_trunc('month', purchased_on)::date AS month, buyer_id, NULL::text AS category,
      sum(total_amount) AS amount, count(*)::int AS purchases, sum(line_count)::int AS lines
    FROM purchase WHERE status <> 'VOIDED' GROUP BY 1, 2
    UNION ALL
    SELECT date_trunc('month', p.purchased_on)::date, p.buyer_id, l.category, sum(l.amount), count(DISTINCT p.id)::int, count(*)::int
    FROM purchase p JOIN purchase_line l ON l.purchase_id = p.id WHERE p.status <> 'VOIDED' GROUP BY 1, 2, 3),
  buyer AS (SELECT month, buyer_id, category, amount, purchase_count, line_count
    FROM purchase_rollup_buyer WHERE purchase_count <> 0 OR line_count <> 0 OR amount <> 0)
  SELECT 'county missing' AS kind, to_jsonb(x) AS row FROM (SELECT * FROM raw_county EXCEPT SELECT * FROM county) x
  UNION ALL SELECT 'county extra', to_jsonb(x) FROM (SELECT * FROM county EXCEPT SELECT * FROM raw_county) x
  UNION ALL SELECT 'buyer missing', to_jsonb(x) FROM (SELECT * FROM raw_buyer EXCEPT SELECT * FROM buyer) x
  UNION ALL SELECT 'buyer extra', to_jsonb(x) FROM (SELECT * FROM buyer EXCEPT SELECT * FROM raw_buyer) x`;

const TEA_CO = BUYERS[0].key;
const VIEWERS: [string, Viewer][] = [
  ['admin', { role: Role.ADMIN }],
  ['county official', { role: Role.REGION_OFFICIAL, regionCode: '519902000000', regionPrefix: '519902' }],
  ['city official', { role: Role.REGION_OFFICIAL, regionCode: '510000000000', regionPrefix: '51' }],
  ['township official', { role: Role.REGION_OFFICIAL, regionCode: '519902101000', regionPrefix: '519902101' }],
  ['enterprise', { role: Role.ENTERPRISE, providerId: TEA_CO }],
  ['organisation department', { role: Role.ORG_DEPARTMENT, regionCode: '519902000000', regionPrefix: '519902' }],
];
const GROUPINGS: StatsDimension[][] = [
  [],
  [StatsDimension.MONTH],
  [StatsDimension.QUARTER],
  [StatsDimension.YEAR],
  [StatsDimension.COUNTY],
  [StatsDimension.CHANNEL],
  [StatsDimension.CATEGORY],
  [StatsDimension.BUYER],
  [StatsDimension.VILLAGE],
  [StatsDimension.MONTH, StatsDimension.COUNTY, StatsDimension.CHANNEL],
  [StatsDimension.QUARTER, StatsDimension.CATEGORY],
  [StatsDimension.BUYER, StatsDimension.MONTH, StatsDimension.CATEGORY],
];
const FILTERS: ConsumptionStatsFilter[] = [
  {},
  { from: '2026-03-01', to: '2026-04-30' },
  { from: '2026-04-01' },
  { to: '2026-03-31', category: 'GRAIN_OIL' as never },
  { category: 'MEAT_POULTRY_EGG' as never },
  { channel: 'CANTEEN' as never },
  { regionCode: '519902000000' },
  { regionCode: '510000000000', from: '2026-03-01', to: '2026-05-31' },
  { buyerId: toGlobalId('Enterprise', TEA_CO), category: 'AQUATIC' as never },
  // Not whole months, a township, a village: answered from the purchases.
  { from: '2026-03-17', to: '2026-04-30' },
  { regionCode: '519902101000' },
  { villageId: toGlobalId('Village', '519902101202') },
];

const ctxFor = (viewer: Viewer) =>
  createContext(
    { em: server.orm.em as unknown as EntityManager, logger: createLogger('silent'), events, nodes: nodesOf },
    viewer,
  );

describe('statistics rollups', () => {
  // The writes: a random mix of purchases, repeats, voids, races and imports.
  beforeAll(async () => {
    const next = random(20261201);
    const token = adminToken();
    const created: string[] = [];
    const inputs: ReturnType<typeof purchaseInput>[] = [];

    // Purchases ten at a time, with idempotent repeats of earlier ones mixed in.
    for (let round = 0; round < 8; round++) {
      const batch = Array.from({ length: 10 }, (_, i) => {
        if (inputs.length && next() < 0.25) return inputs[Math.floor(next() * inputs.length)];
        const input = purchaseInput(next, `mix-${round}-${i}`);
        inputs.push(input);
        return input;
      });
      const responses = await Promise.all(batch.map((input) => server.gql(RECORD, { input }, token)));
      for (const response of responses) {
        expect(response.errors).toBeUndefined();
        if (response.data!.recordPurchase.created) created.push(response.data!.recordPurchase.purchase.id);
      }
    }

    // Twenty purchases racing on the same rollup rows (one buyer, village, month, channel).
    const same = (i: number) => ({
      buyerId: toGlobalId('Enterprise', TEA_CO),
      clientReference: `race-${i}`,
      channel: 'CANTEEN',
      purchasedOn: '2026-04-15',
      lines: [
        {
          productId: toGlobalId('Product', seedId('product', 'pear')),
          quantity: '1',
          unit: '箱',
          amount: `${i + 1}.01`,
        },
        { productId: toGlobalId('Product', seedId('product', 'pork')), quantity: '1', unit: '公斤', amount: '0.99' },
      ],
    });
    const raced = await Promise.all(
      Array.from({ length: 20 }, (_, i) => server.gql(RECORD, { input: same(i) }, token)),
    );
    for (const response of raced) {
      expect(response.errors).toBeUndefined();
      created.push(response.data!.recordPurchase.purchase.id);
    }

    // Voids, racing one another and new purchases; a second void of one purchase is refused.
    const toVoid = created.filter(() => next() < 0.3);
    const voids = await Promise.all([
      ...toVoid.map((id) => server.gql(VOID, { input: { purchaseId: id, reason: '录入错误' } }, token)),
      ...toVoid.slice(0, 3).map((id) => server.gql(VOID, { input: { purchaseId: id, reason: '重复作废' } }, token)),
      ...Array.from({ length: 5 }, (_, i) => server.gql(RECORD, { input: same(100 + i) }, token)),
    ]);
    const voided = voids.slice(0, toVoid.length + 3);
    expect(voided.filter((r) => r.errors === undefined)).toHaveLength(toVoid.length);
    expect(voided.filter((r) => r.errors).every((r) => codesOf(r)[0] === 'BAD_USER_INPUT')).toBe(true);

    // Two imports, the second repeating the first file with a few new purchases: nothing twice.
    const rows: string[] = [];
    for (let i = 0; i < 30; i++) {
      const input = purchaseInput(next, `imp-mix-${i}`);
      for (const line of input.lines)
        rows.push(
          [
            input.clientReference,
            input.buyerId,
            input.channel,
            input.purchasedOn,
            line.productId,
            line.quantity,
            line.unit,
            line.amount,
          ].join(','),
        );
    }
    const first = await importCsv(rows);
    expect(first).toMatch(/30 purchases: 30 imported/);
    const second = await importCsv([
      ...rows,
      `imp-extra,${toGlobalId('Enterprise', TEA_CO)},EXPO,2026-05-09,${toGlobalId('Product', seedId('product', 'cherry'))},1,箱,12.34`,
    ]);
    expect(second).toMatch(/31 purchases: 1 imported, 30 already present/);
  }, 300_000);

  it('hold exactly what the ledger sums', async () => {
    expect(await server.sql(DIFFERENCES)).toEqual([]);
  });

  let fromRollup = 0;
  it.each(VIEWERS)(
    'answer every grouping as the ledger does, for the %s',
    async (_who, viewer) => {
      for (const groupBy of GROUPINGS) {
        for (const filter of FILTERS) {
          const raw = await statsService.answer(ctxFor(viewer), filter, groupBy, { raw: true }).catch((e: Error) => e);
          const auto = await statsService.answer(ctxFor(viewer), filter, groupBy).catch((e: Error) => e);
          if (raw instanceof Error) {
            // Out-of-scope filters are refused the same way whichever source would answer.
            expect(auto).toBeInstanceOf(Error);
            expect((auto as Error).message).toBe(raw.message);
            continue;
          }
          expect(raw.source).toBe('purchases');
          if (auto instanceof Error) throw auto;
          if (auto.source !== 'purchases') fromRollup++;
          expect({ groupBy, filter, rows: auto.rows }).toEqual({ groupBy, filter, rows: raw.rows });
        }
      }
      for (const filter of [{}, FILTERS[1], FILTERS[3]]) {
        const top = await statsService.topBuyers(ctxFor(viewer), filter, 10);
        expect(top).toEqual(await statsService.topBuyers(ctxFor(viewer), filter, 10, { raw: true }));
      }
    },
    300_000,
  );

  it('answered most of those questions from a rollup, so the comparison is not vacuous', () => {
    expect(fromRollup).toBeGreaterThan(200);
  });

  it('answers from the rollup the questions it carries, and from the purchases the rest', async () => {
    const source = async (viewer: Viewer, filter: ConsumptionStatsFilter, groupBy: StatsDimension[]) =>
      (await statsService.answer(ctxFor(viewer), filter, groupBy)).source;
    const [admin, county, , township, enterprise] = VIEWERS.map(([, v]) => v);
    expect(await source(admin, { from: '2026-01-01', to: '2026-12-31' }, [StatsDimension.MONTH])).toBe('county rollup');
    expect(await source(county, {}, [StatsDimension.COUNTY, StatsDimension.QUARTER])).toBe('county rollup');
    expect(await source(admin, { from: '2026-04-01', to: '2026-06-30' }, [StatsDimension.BUYER])).toBe('buyer rollup');
    expect(await source(enterprise, {}, [StatsDimension.MONTH])).toBe('buyer rollup');
    expect(await source(township, {}, [StatsDimension.MONTH])).toBe('purchases');
    expect(await source(county, {}, [StatsDimension.BUYER])).toBe('purchases');
    expect(await source(admin, {}, [StatsDimension.VILLAGE])).toBe('purchases');
    expect(await source(admin, { from: '2026-01-02' }, [])).toBe('purchases');
    expect(await source(admin, { to: '2026-02-27' }, [])).toBe('purchases');
    expect(await source(enterprise, { channel: 'CANTEEN' as never }, [])).toBe('purchases');
  });

  it('reads a year of statistics by county and month in one statement, whatever the number of groups', async () => {
    const { result, sql } = await server.countStatements(() =>
      server.gql(
        `{ consumptionStats(groupBy: [COUNTY, MONTH], filter: { from: "2026-01-01", to: "2026-12-31" }) { amount period county { name } } }`,
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.consumptionStats.length).toBeGreaterThan(2);
    expect(sql.filter((s) => /purchase_rollup_county/.test(s))).toHaveLength(1);
    expect(sql.filter((s) => /FROM purchase\b/.test(s))).toHaveLength(0);
    expect(sql.length).toBeLessThanOrEqual(2);
  });

  it('refuses to change a purchase line in place, so no rollup can drift', async () => {
    await expect(server.sql(`UPDATE purchase_line SET amount = amount + 1`)).rejects.toThrow(/immutable/);
  });

  it('follows deletes from the ledger', async () => {
    await server.sql(
      `DELETE FROM purchase_line WHERE purchase_id IN (SELECT id FROM purchase WHERE client_reference LIKE 'race-1%')`,
    );
    await server.sql(`DELETE FROM purchase WHERE client_reference LIKE 'race-1%'`);
    await server.sql(`DELETE FROM purchase_line WHERE line_no = 2`);
    expect(await server.sql(DIFFERENCES)).toEqual([]);
  });
});
