import 'reflect-metadata';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { assertSupportedNode } from '../core/config';
import { signToken } from '../core/auth/tokens';
import { toGlobalId } from '../core/relay/global-id';
import { todayInShanghai } from '../core/dates';
import { seedId } from '../../../seeds/load';
import { scratchDatabase } from './scratch-database';
import { startBenchProcess, type BenchProcess } from './processes';

/**
 * `npm run bench:fanout [-- --subscribers 1000,5000,10000 --events 10]`: live fan-out on one
 * platform process. For each subscriber count, that many graphql-ws sockets subscribe to
 * `purchaseRecorded` as administrators; then one purchase is recorded per second. Reports delivery
 * latency (from sending recordPurchase to each subscriber's message) p50/p99, recordPurchase
 * latency while fanning out against idle, server RSS and memory per idle subscriber, and whether
 * every subscriber received every event. The clients parse as little as possible (a string search
 * for the purchase id) so the server, not the client process, is what is measured.
 */
const SECRET = 'bench-secret-at-least-16-chars';
const PURCHASE_ID = '"purchase":{"id":"';
const DOCUMENT =
  'subscription { purchaseRecorded { cursor purchase { id totalAmount channel buyer { name } originVillage { name } } } }';

interface Subscriber {
  socket: WebSocket;
  /** purchase id → arrival time (ms, performance.now()) */
  received: Map<string, number>;
}

function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function subscribe(port: number, token: string): Promise<Subscriber> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
    const subscriber: Subscriber = { socket, received: new Map() };
    socket.on('open', () =>
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
    );
    socket.on('message', (data: Buffer) => {
      const text = data.toString();
      if (text.startsWith('{"type":"connection_ack"')) {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: DOCUMENT } }));
        // graphql-ws acknowledges nothing for a subscribe; give the server a moment to register it.
        setTimeout(() => resolve(subscriber), 5);
        return;
      }
      const at = text.indexOf(PURCHASE_ID);
      if (at >= 0) {
        const start = at + PURCHASE_ID.length;
        subscriber.received.set(text.slice(start, text.indexOf('"', start)), performance.now());
      }
    });
    socket.on('error', reject);
  });
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

async function recordPurchase(
  port: number,
  token: string,
  n: number,
): Promise<{ id: string; sentAt: number; ms: number }> {
  const sentAt = performance.now();
  const answer = await graphql(port, token, RECORD, {
    input: {
      buyerId: toGlobalId('Enterprise', seedId('provider', 'tea-co')),
      clientReference: `fanout-${process.pid}-${Date.now()}-${n}`,
      channel: 'DIRECT',
      purchasedOn: todayInShanghai(),
      lines: [
        {
          productId: toGlobalId('Product', seedId('product', 'eco-fish')),
          quantity: '1',
          unit: '公斤',
          amount: '36.00',
        },
      ],
    },
  });
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return { id: answer.data.recordPurchase.purchase.id, sentAt, ms: performance.now() - sentAt };
}

async function measure(server: BenchProcess, token: string, count: number, events: number) {
  const idle: number[] = [];
  for (let i = 0; i < 5; i++) idle.push((await recordPurchase(server.port, token, -i - 1)).ms);
  const rssBefore = server.rssBytes();
  const subscribers: Subscriber[] = [];
  for (let i = 0; i < count; i += 200) {
    const batch = Math.min(200, count - i);
    subscribers.push(...(await Promise.all(Array.from({ length: batch }, () => subscribe(server.port, token)))));
  }
  await new Promise((r) => setTimeout(r, 1000));
  const rssIdle = server.rssBytes();
  const recorded: { id: string; sentAt: number; ms: number }[] = [];
  for (let n = 0; n < events; n++) {
    const started = performance.now();
    recorded.push(await recordPurchase(server.port, token, n));
    await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (performance.now() - started))));
  }
  await new Promise((r) => setTimeout(r, 5000)); // stragglers
  const rssPeak = server.rssBytes();
  const latencies: number[] = [];
  let missing = 0;
  for (const purchase of recorded) {
    for (const subscriber of subscribers) {
      const at = subscriber.received.get(purchase.id);
      if (at === undefined) missing++;
      else latencies.push(at - purchase.sentAt);
    }
  }
  for (const subscriber of subscribers) subscriber.socket.terminate();
  await new Promise((r) => setTimeout(r, 2000));
  return {
    count,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    writeP99: percentile(
      recorded.map((r) => r.ms),
      99,
    ),
    idleP99: percentile(idle, 99),
    rssMb: rssPeak / 2 ** 20,
    kbPerSubscriber: (rssIdle - rssBefore) / 1024 / count,
    missing,
  };
}

async function main(): Promise<void> {
  assertSupportedNode();
  const { values } = parseArgs({
    options: { subscribers: { type: 'string', default: '1000,5000,10000' }, events: { type: 'string', default: '10' } },
  });
  const counts = values.subscribers!.split(',').map(Number);
  const events = Number(values.events);
  const scratch = await scratchDatabase('platform_bench_fanout');
  const token = signToken({ role: 'ADMIN' as never, sub: 'bench' }, SECRET, '2h');
  const server = await startBenchProcess('main.js', {
    DATABASE_URL: scratch.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'info', // as in production: one log line per request
  });
  const rows = [];
  try {
    for (const count of counts) {
      process.stdout.write(`${count} subscribers … `);
      rows.push(await measure(server, token, count, events));
      process.stdout.write('done\n');
    }
  } finally {
    await server.stop();
    await scratch.close();
  }
  console.log(
    `\none purchase per second, ${events} events per row; latency from sending recordPurchase to each message\n`,
  );
  console.log(
    '| subscribers | delivery p50 ms | delivery p99 ms | recordPurchase p99 ms under fan-out (idle) | server RSS MB | KB per idle subscriber | deliveries missing |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.count} | ${r.p50.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.writeP99.toFixed(0)} (${r.idleP99.toFixed(0)}) | ${r.rssMb.toFixed(0)} | ${r.kbPerSubscriber.toFixed(1)} | ${r.missing} |`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
