import 'reflect-metadata';
import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { assertSupportedNode } from '../core/config';
import { signToken } from '../core/auth/tokens';
import { toGlobalId } from '../core/relay/global-id';
import { todayInShanghai } from '../core/dates';
import { seedId } from '../../../seeds/load';
import { scratchDatabase } from './scratch-database';
import { startBenchProcess, type BenchProcess } from './processes';
import type { ClientCommand, ClientReply } from './fanout-client';

/**
 * `npm run bench:fanout [-- --rows 1000,5000,10000,10000/10 --events 10 --clients 2 --cpu-prof DIR]`:
 * live fan-out on one platform process. Each row opens that many `purchaseRecorded`
 * subscriptions as administrators (`10000/10`: ten per socket, over 1,000 sockets; otherwise one
 * socket each), from client processes apart from the server, then records one purchase per second
 * inside the subscribers' filter. It reports:
 * - delivery latency, from sending recordPurchase to each subscription's message, p50/p99;
 * - recordPurchase latency while fanning out against idle: besides the event writes, probe
 *   purchases are recorded 50, 150, 300 and 600 ms into each second, outside the subscribers'
 *   filter (another province), so they are real writes that race the fan-out without adding events;
 * - server RSS, and memory per idle subscription (RSS growth while subscribing, over the count);
 * - reads of the purchase table per event, from PostgreSQL's own counters (pg_stat_user_tables,
 *   which need no extension), beyond what the write itself reads: 1 means one load per instance;
 * - server CPU seconds per event (from the first event until the server is quiet again), and
 *   deliveries that had not arrived by then.
 * With `--cpu-prof DIR` the server writes a V8 CPU profile there when it stops.
 */
const SECRET = 'bench-secret-at-least-16-chars';
const COUNTY = '519902000000';
const DOCUMENT = `subscription { purchaseRecorded(filter: { regionCode: "${COUNTY}" }) { cursor purchase { id totalAmount channel buyer { name } originVillage { name } } } }`;
/** PostgreSQL flushes a backend's table counters at most every 10 s while it idles (PG 15+). */
const STATS_SETTLE_MS = 11_000;
const PROBE_OFFSETS_MS = [50, 150, 300, 600];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const now = () => performance.timeOrigin + performance.now();

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** One forked client process and a request/reply channel to it. */
class ClientProcess {
  private readonly child: ChildProcess;
  private waiting: ((reply: ClientReply) => void) | null = null;

  constructor() {
    this.child = fork(path.join(__dirname, 'fanout-client.js'), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on('message', (reply: ClientReply) => {
      const resolve = this.waiting;
      this.waiting = null;
      resolve?.(reply);
    });
  }

  ask<T extends ClientReply['type']>(command: ClientCommand): Promise<Extract<ClientReply, { type: T }>> {
    return new Promise((resolve) => {
      this.waiting = resolve as (reply: ClientReply) => void;
      this.child.send(command);
    });
  }

  stop(): void {
    this.child.kill();
  }
}

async function graphql(port: number, token: string, query: string, variables: object): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const RECORD = `mutation Record($input: RecordPurchaseInput!) { recordPurchase(input: $input) { purchase { id } } }`;
let recorded = 0;

/** Records a purchase of the county's fish (inside the filter) or of another province's tea (outside). */
async function recordPurchase(
  port: number,
  token: string,
  inside: boolean,
): Promise<{ id: string; sentAt: number; ms: number }> {
  const sentAt = now();
  const answer = await graphql(port, token, RECORD, {
    input: {
      buyerId: toGlobalId('Enterprise', seedId('provider', 'tea-co')),
      clientReference: `fanout-${process.pid}-${Date.now()}-${recorded++}`,
      channel: 'DIRECT',
      purchasedOn: todayInShanghai(),
      lines: [
        {
          productId: toGlobalId('Product', seedId('product', inside ? 'eco-fish' : 'qingliu-tea')),
          quantity: '1',
          unit: inside ? '公斤' : '盒',
          amount: inside ? '36.00' : '158.00',
        },
      ],
    },
  });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return { id: answer.data.recordPurchase.purchase.id, sentAt, ms: now() - sentAt };
}

interface Bench {
  server: BenchProcess;
  token: string;
  clients: ClientProcess[];
  /** Index scans plus sequential scans of the purchase table so far. */
  purchaseReads(): Promise<number>;
}

/** Waits until the server uses under 5% of a core over a second (at most a minute). */
async function quiet(server: BenchProcess): Promise<void> {
  for (let n = 0; n < 60; n++) {
    const before = server.cpuSeconds();
    await sleep(1000);
    if (server.cpuSeconds() - before < 0.05) return;
  }
}

/** One second: an event write, and probe writes racing its fan-out. */
async function oneSecond(bench: Bench, probes: number[]): Promise<{ id: string; sentAt: number; ms: number }> {
  const started = now();
  const event = recordPurchase(bench.server.port, bench.token, true);
  const probing = PROBE_OFFSETS_MS.map(async (offset) => {
    await sleep(offset);
    probes.push((await recordPurchase(bench.server.port, bench.token, false)).ms);
  });
  const [result] = await Promise.all([event, ...probing]);
  await sleep(Math.max(0, 1000 - (now() - started)));
  return result;
}

async function measure(bench: Bench, spec: string, events: number, perWriteReads: number) {
  const [count, perSocket = 1] = spec.split('/').map(Number);
  const { server, token, clients } = bench;
  // Idle: the same seconds with nobody subscribed.
  const idle: number[] = [];
  for (let n = 0; n < 3; n++) {
    const started = now();
    idle.push((await recordPurchase(server.port, token, true)).ms);
    for (const offset of PROBE_OFFSETS_MS) {
      await sleep(Math.max(0, started + offset - now()));
      idle.push((await recordPurchase(server.port, token, false)).ms);
    }
    await sleep(Math.max(0, 1000 - (now() - started)));
  }
  const rssBefore = server.rssBytes();
  const sockets = Math.ceil(count / perSocket);
  const opened = await Promise.all(
    clients.map((client, i) => {
      const share = Math.floor(sockets / clients.length) + (i < sockets % clients.length ? 1 : 0);
      return client.ask<'opened'>({
        type: 'open',
        port: server.port,
        token,
        sockets: share,
        perSocket,
        document: DOCUMENT,
      });
    }),
  );
  const failed = opened.reduce((sum, o) => sum + o.failed, 0);
  await sleep(1000);
  const rssIdle = server.rssBytes();
  await sleep(STATS_SETTLE_MS);
  const readsBefore = await bench.purchaseReads();
  const cpuBefore = server.cpuSeconds();
  const probes: number[] = [];
  const writes: { id: string; sentAt: number; ms: number }[] = [];
  for (let n = 0; n < events; n++) writes.push(await oneSecond(bench, probes));
  const rssPeak = server.rssBytes();
  // Until the server is done with the fan-out: CPU then covers every delivery, and the next row
  // starts on a quiet server.
  await quiet(server);
  const cpu = server.cpuSeconds() - cpuBefore;
  await sleep(STATS_SETTLE_MS);
  const reads = (await bench.purchaseReads()) - readsBefore;
  const sent = Object.fromEntries(writes.map((w) => [w.id, w.sentAt]));
  const collected = await Promise.all(clients.map((client) => client.ask<'collected'>({ type: 'collect', sent })));
  await Promise.all(clients.map((client) => client.ask<'closed'>({ type: 'close' })));
  await quiet(server);
  const latencies = collected.flatMap((c) => c.latencies);
  const writeCount = events * (1 + PROBE_OFFSETS_MS.length);
  return {
    spec: perSocket > 1 ? `${count} (${sockets} sockets × ${perSocket})` : `${count}`,
    subscriptions: collected.reduce((sum, c) => sum + c.subscriptions, 0),
    failed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: percentile(latencies, 100),
    writeP99: percentile([...probes, ...writes.map((w) => w.ms)], 99),
    idleP99: percentile(idle, 99),
    rssMb: rssPeak / 2 ** 20,
    kbPerSubscriber: (rssIdle - rssBefore) / 1024 / count,
    readsPerEvent: (reads - writeCount * perWriteReads) / events,
    cpuPerEvent: cpu / events,
    missing: collected.reduce((sum, c) => sum + c.missing, 0),
  };
}

async function main(): Promise<void> {
  assertSupportedNode();
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000,5000,10000,10000/10' },
      events: { type: 'string', default: '10' },
      clients: { type: 'string', default: '2' },
      'cpu-prof': { type: 'string' },
    },
  });
  const specs = values.rows!.split(',');
  const events = Number(values.events);
  const scratch = await scratchDatabase('platform_bench_fanout');
  const token = signToken({ role: 'ADMIN' as never, sub: 'bench' }, SECRET, '2h');
  const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
  const server = await startBenchProcess('main.js', {
    DATABASE_URL: scratch.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'info', // as in production: one log line per request
    // One process on its own: no other server's wake-ups over a shared Redis, in-memory limits.
    REDIS_URL: '',
    // Ten thousand subscriptions of one token within a minute exceed a person's budget by design.
    RATE_LIMIT_POINTS: '100000000',
    ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
  });
  const clients = Array.from({ length: Number(values.clients) }, () => new ClientProcess());
  const connection = scratch.orm.em.getConnection();
  const bench: Bench = {
    server,
    token,
    clients,
    purchaseReads: async () => {
      const [row] = await connection.execute<{ n: string }[]>(
        `SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) AS n FROM pg_stat_user_tables WHERE relname = 'purchase'`,
      );
      return Number(row.n);
    },
  };
  const rows = [];
  const load = os.loadavg()[0];
  try {
    // What one recordPurchase reads of the purchase table by itself, with nobody subscribed.
    await sleep(STATS_SETTLE_MS);
    const before = await bench.purchaseReads();
    for (let n = 0; n < 5; n++) await recordPurchase(server.port, token, n % 2 === 0);
    await sleep(STATS_SETTLE_MS);
    const perWriteReads = ((await bench.purchaseReads()) - before) / 5;
    for (const spec of specs) {
      process.stdout.write(`${spec} subscribers … `);
      rows.push(await measure(bench, spec, events, perWriteReads));
      process.stdout.write('done\n');
    }
    console.log(
      `\none purchase per second, ${events} events per row, ${clients.length} client processes, ${os.cpus().length} cores, load average ${load.toFixed(1)} at start (${os.loadavg()[0].toFixed(1)} at end);`,
    );
    console.log(
      `latency from sending recordPurchase to each message; writes: recordPurchase p99 over the event writes and ${PROBE_OFFSETS_MS.length} probe writes per second racing the fan-out; a write alone reads the purchase table ${perWriteReads.toFixed(1)} times\n`,
    );
    console.log(
      '| subscribers | delivery p50 ms | delivery p99 ms | max ms | recordPurchase p99 ms under fan-out (idle) | ratio | server RSS MB | KB per idle subscriber | purchase reads per event | server CPU s per event | missing | failed to subscribe |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      console.log(
        `| ${r.spec} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.max.toFixed(0)} | ${r.writeP99.toFixed(0)} (${r.idleP99.toFixed(0)}) | ${(r.writeP99 / r.idleP99).toFixed(2)}× | ${r.rssMb.toFixed(0)} | ${r.kbPerSubscriber.toFixed(1)} | ${r.readsPerEvent.toFixed(1)} | ${r.cpuPerEvent.toFixed(2)} | ${r.missing} | ${r.failed} |`,
      );
    }
  } finally {
    for (const client of clients) client.stop();
    await server.stop();
    await scratch.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
