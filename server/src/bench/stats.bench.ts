import 'reflect-metadata';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSupportedNode } from '../core/config';
import { createContext } from '../core/context';
import { createLogger } from '../core/logger';
import { Role, type Viewer } from '../core/auth/viewer';
import { EventHub } from '../core/events/event-hub';
import { LocalEventBus } from '../core/events/event-bus';
import { statsService } from '../modules/consumption/stats.service';
import { StatsDimension } from '../modules/consumption/consumption.enums';
import { median, scratchDatabase, timed } from './scratch-database';
import { toGlobalId } from '../core/relay/global-id';
import { seedId } from '../../../seeds/load';
import { platformParts } from '../platform';

/**
 * `npm run bench:stats [-- PURCHASES]`: consumptionStats over a ledger of a million purchases
 * (default), for an administrator and for a county official, with the statistics indexes and
 * then without them, in one run. Reports medians of 5 runs per query and the ratio; no
 * absolute threshold.
 */
const QUERIES: { name: string; groupBy: StatsDimension[]; filter: Record<string, string> }[] = [
  { name: 'totals, one year', groupBy: [], filter: { from: '2025-01-01', to: '2025-12-31' } },
  { name: 'by month, one year', groupBy: [StatsDimension.MONTH], filter: { from: '2025-01-01', to: '2025-12-31' } },
  { name: 'by county and quarter', groupBy: [StatsDimension.COUNTY, StatsDimension.QUARTER], filter: {} },
  { name: 'by buyer, one quarter', groupBy: [StatsDimension.BUYER], filter: { from: '2025-04-01', to: '2025-06-30' } },
  {
    name: 'by category, one month',
    groupBy: [StatsDimension.CATEGORY],
    filter: { from: '2025-03-01', to: '2025-03-31' },
  },
  {
    name: 'one village by channel, one month',
    groupBy: [StatsDimension.CHANNEL],
    filter: { villageId: toGlobalId('Village', '519902100202'), from: '2025-03-01', to: '2025-03-31' },
  },
  {
    name: 'one buyer by month',
    groupBy: [StatsDimension.MONTH],
    filter: { buyerId: toGlobalId('Enterprise', seedId('provider', 'tea-co')) },
  },
];
const STATS_INDEXES = [
  'purchase_village_date_idx',
  'purchase_date_idx',
  'purchase_buyer_date_idx',
  'purchase_list_idx',
];

async function main(): Promise<void> {
  assertSupportedNode();
  const purchases = Number(process.argv[2] ?? 1_000_000);
  const scratch = await scratchDatabase('platform_bench_stats');
  try {
    const knex = scratch.orm.em.getConnection().getKnex();
    console.log(`generating ${purchases} purchases …`);
    const generated = await timed(async () => {
      // Every seeded buyer and product, dates over 2024–2026, one line per purchase, 1 in 25 voided.
      await knex.raw(`
        CREATE TEMP TABLE bench_product AS SELECT row_number() OVER (ORDER BY id) AS n, id, origin_village_code, category FROM product;
        CREATE TEMP TABLE bench_buyer AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM provider;
        INSERT INTO purchase (id, buyer_id, client_reference, origin_village_code, county_code, channel, purchased_on, status, total_amount, line_count, recorded_by, void_reason)
        SELECT md5('bench' || g)::uuid, b.id, 'bench-' || g, p.origin_village_code, substr(p.origin_village_code, 1, 6) || '000000',
          (ARRAY['E_COMMERCE_PLATFORM','CANTEEN','TRADE_UNION','EXPO','LIVE_STREAM','DIRECT'])[1 + g % 6],
          DATE '2024-01-01' + (g * 7919 % 1000)::int, CASE WHEN g % 25 = 0 THEN 'VOIDED' ELSE 'RECORDED' END,
          ((g * 104729) % 100000) / 100.0, 1, 'bench', CASE WHEN g % 25 = 0 THEN 'bench' END
        FROM generate_series(1::bigint, ${purchases}) g
        JOIN bench_product p ON p.n = 1 + g % (SELECT count(*) FROM bench_product)
        JOIN bench_buyer b ON b.n = 1 + (g / 7) % (SELECT count(*) FROM bench_buyer);
        INSERT INTO purchase_line (purchase_id, line_no, product_id, category, quantity, unit, amount)
        SELECT pu.id, 1, p.id, p.category, 1, '件', pu.total_amount FROM purchase pu
        JOIN bench_product p ON p.origin_village_code = pu.origin_village_code AND p.n = (SELECT min(n) FROM bench_product q WHERE q.origin_village_code = pu.origin_village_code)
        WHERE pu.recorded_by = 'bench';
        ANALYZE purchase; ANALYZE purchase_line;`);
    });
    console.log(`generated in ${(generated.ms / 1000).toFixed(1)} s`);

    const logger = createLogger('warn');
    const { topics, nodes } = platformParts();
    const events = new EventHub(() => scratch.orm.em.fork() as EntityManager, topics, new LocalEventBus(), logger);
    const viewers: [string, Viewer][] = [
      ['ADMIN', { role: Role.ADMIN }],
      ['county official', { role: Role.REGION_OFFICIAL, regionCode: '519902000000', regionPrefix: '519902' }],
    ];
    const run = async () => {
      const results: Record<string, number> = {};
      for (const [who, viewer] of viewers) {
        for (const q of QUERIES) {
          const samples: number[] = [];
          for (let i = 0; i < 5; i++) {
            const ctx = createContext(
              { em: scratch.orm.em as unknown as EntityManager, logger, events, nodes },
              viewer,
            );
            samples.push((await timed(() => statsService.stats(ctx, q.filter, q.groupBy))).ms);
          }
          results[`${who}: ${q.name}`] = median(samples);
        }
      }
      return results;
    };
    const indexed = await run();
    for (const index of STATS_INDEXES) await knex.raw(`DROP INDEX ${index}`);
    const plain = await run();
    console.log(`\nconsumptionStats over ${purchases} purchases, median ms of 5 runs:`);
    console.log(`${'query'.padEnd(48)} ${'indexed'.padStart(9)} ${'no index'.padStart(9)} ${'ratio'.padStart(7)}`);
    for (const name of Object.keys(indexed)) {
      console.log(
        `${name.padEnd(48)} ${indexed[name].toFixed(1).padStart(9)} ${plain[name].toFixed(1).padStart(9)} ${(plain[name] / indexed[name]).toFixed(1).padStart(6)}x`,
      );
    }
  } finally {
    await scratch.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
