import client from 'prom-client';
import { BoundedLabel } from './bounded-label';

/**
 * The platform's Prometheus metrics, in prom-client's global registry: one per process (the
 * event-loop and memory figures are the process's anyway), and the registry that prom-client's
 * cluster aggregation asks every worker for (see main.ts). Instruments are module singletons;
 * what belongs to one running platform (its database pool, its sockets, its subscribers) is
 * sampled at scrape time from the sources each platform registers with `sampleRuntime`.
 */
export const registry = client.register;

let defaultsStarted = false;

/** Node's own figures (event-loop lag, heap, GC, handles) under their usual names. */
export function startDefaultMetrics(): void {
  if (defaultsStarted) return;
  defaultsStarted = true;
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
}

/**
 * Label values come from clients (operation names) or from the code (error codes); both are
 * capped so a client inventing names cannot grow the series without bound. Operation names of
 * trusted documents are always kept; up to 100 others are, and the rest count as "other".
 */
export const operationNames = new BoundedLabel(100);
export const errorCodes = new BoundedLabel(50);

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

const requestDuration = new client.Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'Time from receiving a GraphQL operation to its response (queries and mutations; HTTP and WebSocket)',
  labelNames: ['operation_name', 'operation_type', 'transport'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [registry],
});

const errors = new client.Counter({
  name: 'graphql_errors_total',
  help: 'GraphQL errors sent to clients, by extensions.code',
  labelNames: ['code'] as const,
  registers: [registry],
});

const eventLag = new client.Histogram({
  name: 'platform_event_delivery_lag_seconds',
  help: 'Time from an event being committed to its hand-over to a live subscriber of this instance',
  labelNames: ['topic'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

const importRows = new client.Counter({
  name: 'platform_import_rows_total',
  help: 'Rows read by bulk imports, by import and outcome (imported: in a purchase that was written or already present; rejected)',
  labelNames: ['import', 'outcome'] as const,
  registers: [registry],
});

/** What one running platform reports at scrape time. */
export interface RuntimeSample {
  pool: { used: number; free: number; waiting: number };
  websockets: number;
  /** Live subscribers of this instance per topic. */
  subscriptions: ReadonlyMap<string, number>;
}

const samplers = new Set<() => RuntimeSample>();
const samples = () => [...samplers].map((sample) => sample());

new client.Gauge({
  name: 'platform_db_pool_connections',
  help: 'Database pool connections by state (in_use: checked out by a request or job; idle)',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    this.reset();
    const all = samples();
    this.set(
      { state: 'in_use' },
      all.reduce((n, s) => n + s.pool.used, 0),
    );
    this.set(
      { state: 'idle' },
      all.reduce((n, s) => n + s.pool.free, 0),
    );
  },
});

new client.Gauge({
  name: 'platform_db_pool_waiting',
  help: 'Requests waiting for a database connection (the pool is exhausted while this is above 0)',
  registers: [registry],
  collect() {
    this.set(samples().reduce((n, s) => n + s.pool.waiting, 0));
  },
});

new client.Gauge({
  name: 'platform_websocket_connections',
  help: 'Open GraphQL WebSocket connections',
  registers: [registry],
  collect() {
    this.set(samples().reduce((n, s) => n + s.websockets, 0));
  },
});

new client.Gauge({
  name: 'platform_subscriptions',
  help: 'Live subscriptions by topic',
  labelNames: ['topic'] as const,
  registers: [registry],
  collect() {
    this.reset();
    const totals = new Map<string, number>();
    for (const sample of samples())
      for (const [topic, count] of sample.subscriptions) totals.set(topic, (totals.get(topic) ?? 0) + count);
    for (const [topic, count] of totals) this.set({ topic }, count);
  },
});

/** Registers a running platform's sampler; returns the function that removes it (on stop). */
export function sampleRuntime(sample: () => RuntimeSample): () => void {
  samplers.add(sample);
  return () => samplers.delete(sample);
}

/** One finished query or mutation. `name` is the operation's own name, bounded here. */
export function observeOperation(
  name: string | undefined,
  type: string | undefined,
  transport: 'http' | 'ws',
  seconds: number,
): void {
  requestDuration.observe(
    { operation_name: operationNames.of(name), operation_type: type ?? 'unknown', transport },
    seconds,
  );
}

/** One error as the client receives it. */
export function countError(code: unknown): void {
  errors.inc({ code: errorCodes.of(typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') });
}

/**
 * `committedAt` is the event row's `created_at` (the writing transaction's time), which the ORM's
 * driver hands over as PostgreSQL's text; the clocks of database and server are assumed in step.
 */
export function observeEventLag(topic: string, committedAt: Date): void {
  const at = committedAt.getTime();
  if (Number.isFinite(at)) eventLag.observe({ topic }, Math.max(0, (Date.now() - at) / 1000));
}

/** Rows an import read, by outcome; the CLI pushes them (see pushImportMetrics). */
export function countImportRows(importName: string, imported: number, rejected: number): void {
  if (imported) importRows.inc({ import: importName, outcome: 'imported' }, imported);
  if (rejected) importRows.inc({ import: importName, outcome: 'rejected' }, rejected);
}

/**
 * A command-line import ends before any scrape: with PROMETHEUS_PUSHGATEWAY_URL set it pushes its
 * counters to a Pushgateway (grouped by job and import), which Prometheus scrapes instead.
 */
export async function pushImportMetrics(gatewayUrl: string | undefined, importName: string): Promise<boolean> {
  if (!gatewayUrl) return false;
  const gateway = new client.Pushgateway(gatewayUrl, { timeout: 5000 }, registry);
  await gateway.pushAdd({ jobName: 'platform_import', groupings: { import: importName } });
  return true;
}

/**
 * Cluster mode (WORKERS > 1): the primary serves METRICS_PORT with every worker's figures summed
 * (prom-client asks each worker over the cluster channel); each worker answers those requests.
 */
export function clusterMetrics(): () => Promise<string> {
  const aggregator = new client.AggregatorRegistry();
  return () => aggregator.clusterMetrics();
}

export function answerClusterScrapes(): void {
  new client.AggregatorRegistry(); // registers the worker's listener for the primary's requests
}
