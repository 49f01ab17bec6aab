import 'reflect-metadata';
import crypto from 'node:crypto';
import { parseArgs } from 'node:util';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createContext } from '../core/context';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { migrate } from '../core/db/migrations';
import { Role, type Viewer } from '../core/auth/viewer';
import { EventHub } from '../core/events/event-hub';
import { LocalEventBus } from '../core/events/event-bus';
import { toGlobalId } from '../core/relay/global-id';
import { statsService, type StatsSource } from '../modules/consumption/stats.service';
import { StatsDimension } from '../modules/consumption/consumption.enums';
import type { ConsumptionStatsFilter } from '../modules/consumption/consumption.inputs';
import { connectPlatformOrm, platformParts } from '../platform';
import { median, timed } from './scratch-database';

/**
 * `npm run bench:stats [-- --database platform_scale --runs 7]`: consumptionStats and topBuyers
 * over the scale data set (`npm run seed:scale -- --villages 10000 --purchases 1000000`), each
 * question answered from the rollups (as the API does) and from the purchases (the same service
 * forced to the ledger), interleaved in one run, for an administrator and for a county official.
 * Migrates the database first (the rollup migration backfills it) and checks that both sources
 * give the same rows. Reports medians and ratios; no absolute threshold.
 */
const Y = { from: '2025-01-01', to: '2025-12-31' };
const SCALE_COUNTY = '990101000000';
const scaleEnterprise = (n: number) => {
  const hex = crypto.createHash('md5').update(`scale-enterprise-${n}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

interface Question {
  name: string;
  groupBy: StatsDimension[];
  filter: ConsumptionStatsFilter;
  /** topBuyers instead of consumptionStats. */
  top?: boolean;
}

const QUESTIONS: Question[] = [
  { name: 'totals, one year', groupBy: [], filter: Y },
  { name: 'by month, one year', groupBy: [StatsDimension.MONTH], filter: Y },
  { name: 'by county, one year', groupBy: [StatsDimension.COUNTY], filter: Y },
  { name: 'by county and quarter, five years', groupBy: [StatsDimension.COUNTY, StatsDimension.QUARTER], filter: {} },
  { name: 'by channel, one year', groupBy: [StatsDimension.CHANNEL], filter: Y },
  {
    name: 'by category, one month',
    groupBy: [StatsDimension.CATEGORY],
    filter: { from: '2025-03-01', to: '2025-03-31' },
  },
  {
    name: 'one county by month, one year',
    groupBy: [StatsDimension.MONTH],
    filter: { ...Y, regionCode: SCALE_COUNTY },
  },
  { name: 'by buyer, one quarter', groupBy: [StatsDimension.BUYER], filter: { from: '2025-04-01', to: '2025-06-30' } },
  {
    name: 'one buyer by month, five years',
    groupBy: [StatsDimension.MONTH],
    filter: { buyerId: toGlobalId('Enterprise', scaleEnterprise(7)) },
  },
  { name: 'topBuyers 10, one year', groupBy: [], filter: Y, top: true },
  { name: 'by village, one year', groupBy: [StatsDimension.VILLAGE], filter: Y },
  {
    name: 'one village by channel, one year',
    groupBy: [StatsDimension.CHANNEL],
    filter: { ...Y, villageId: toGlobalId('Village', '990101001001') },
  },
  {
    name: 'by month, 15 Jan to 14 Jul 2025',
    groupBy: [StatsDimension.MONTH],
    filter: { from: '2025-01-15', to: '2025-07-14' },
  },
];

async function main(): Promise<void> {
  assertSupportedNode();
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'platform_scale' },
      runs: { type: 'string', default: '7' },
    },
  });
  const runs = Number(values.runs);
  const logger = createLogger('warn');
  const database = await openDatabase(loadConfig(), logger);
  const url = new URL(database.url);
  url.pathname = `/${values.database}`;
  const orm = await connectPlatformOrm(url.toString(), logger);
  try {
    const migrated = await timed(() => migrate(orm, url.toString()));
    const em = orm.em.fork() as EntityManager;
    const [{ purchases }] = await em
      .getConnection()
      .execute<{ purchases: number }[]>('SELECT count(*)::int AS purchases FROM purchase');
    const [{ county, buyer }] = await em
      .getConnection()
      .execute<{ county: number; buyer: number }[]>(
        'SELECT (SELECT count(*)::int FROM purchase_rollup_county) AS county, (SELECT count(*)::int FROM purchase_rollup_buyer) AS buyer',
      );
    if (purchases < 1000)
      throw new Error(`database ${values.database} has no scale data: run \`npm run seed:scale\` first`);
    console.log(
      `${values.database}: ${purchases.toLocaleString('en')} purchases; rollups ${county.toLocaleString('en')} (county) and ${buyer.toLocaleString('en')} (buyer) rows; migrations ${(migrated.ms / 1000).toFixed(1)} s`,
    );

    const { topics, nodes } = platformParts();
    const events = new EventHub(() => orm.em.fork() as EntityManager, topics, new LocalEventBus(), logger);
    const viewers: [string, Viewer][] = [
      ['admin', { role: Role.ADMIN }],
      ['county official', { role: Role.REGION_OFFICIAL, regionCode: SCALE_COUNTY, regionPrefix: '990101' }],
    ];
    const ask = async (viewer: Viewer, q: Question, raw: boolean) => {
      const ctx = createContext({ em: orm.em as unknown as EntityManager, logger, events, nodes }, viewer);
      if (q.top) return statsService.answerTopBuyers(ctx, q.filter, 10, { raw });
      return statsService.answer(ctx, q.filter, q.groupBy, { raw });
    };

    // The floor: one trivial statement through the same pool, so the table reads as query cost
    // above what any statement pays on this machine at this moment.
    const floor: number[] = [];
    for (let i = 0; i < runs; i++)
      floor.push((await timed(() => orm.em.fork().getConnection().execute('SELECT 1'))).ms);
    console.log(`one trivial statement (SELECT 1) through the same pool: median ${median(floor).toFixed(1)} ms`);
    console.log(`\nmedian ms of ${runs} runs each, rollup (as the API answers) and raw (the purchases), interleaved:`);
    console.log(
      `${'caller'.padEnd(16)} ${'question'.padEnd(36)} ${'answered from'.padEnd(14)} ${'API'.padStart(8)} ${'raw'.padStart(8)} ${'raw/API'.padStart(8)}`,
    );
    for (const [who, viewer] of viewers) {
      for (const q of QUESTIONS) {
        const api: number[] = [];
        const raw: number[] = [];
        let source: StatsSource = 'purchases';
        for (let i = 0; i < runs; i++) {
          const a = await timed(() => ask(viewer, q, false));
          const r = await timed(() => ask(viewer, q, true));
          if (JSON.stringify(a.result.rows) !== JSON.stringify(r.result.rows))
            throw new Error(`${who}: ${q.name}: the rollup and the purchases disagree`);
          source = a.result.source;
          api.push(a.ms);
          raw.push(r.ms);
        }
        const [m, n] = [median(api), median(raw)];
        console.log(
          `${who.padEnd(16)} ${q.name.padEnd(36)} ${source.padEnd(14)} ${m.toFixed(1).padStart(8)} ${n.toFixed(1).padStart(8)} ${(n / m).toFixed(1).padStart(7)}x`,
        );
      }
    }
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
