import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import autocannon from 'autocannon';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { signToken, type TokenClaims } from '../core/auth/tokens';
import { createPlatform } from '../app';
import { connectPlatformOrm } from '../platform';
import { benchQuestions, type BenchQuestion } from './questions';
import { startBenchProcess, type BenchProcess } from './processes';
import { median } from './scratch-database';

/**
 * `npm run bench:http [-- --rounds 5 --duration 5 --connections 10 --workers 2 --only dashboard --profile DIR]`: the benchmark questions
 * against the platform and against the one-statement baseline (bench/baseline-server.ts), on the
 * scale data set (`npm run seed:scale` first), in interleaved rounds so both see the same machine.
 * Prints req/s, p50/p99 latency, server CPU per request and SQL statements per request, and the
 * platform/baseline ratio as the median of the per-round ratios (the figure that holds on a shared
 * machine). Never asserts a time.
 */
const SECRET = 'bench-secret-at-least-16-chars';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  errors: number;
}

async function load(
  target: BenchProcess,
  path: string,
  body: string,
  headers: Record<string, string>,
  seconds: number,
  connections: number,
): Promise<Run> {
  const cpuBefore = target.cpuSeconds();
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}${path}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
    connections,
    duration: seconds,
  });
  const cpu = target.cpuSeconds() - cpuBefore;
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMsPerRequest: requests ? (cpu * 1000) / requests : NaN,
    errors: result.errors + result.non2xx + result.timeouts,
  };
}

/** SQL statements the platform sends for one request of each question, counted in-process. */
async function statementsPerRequest(url: string, questions: BenchQuestion[]): Promise<number[]> {
  const logger = createLogger('silent');
  const orm = await connectPlatformOrm(url, logger);
  const platform = await createPlatform({ orm, logger, jwtSecret: SECRET, eventPollMs: 3_600_000 });
  const port = await platform.listen(0, '127.0.0.1');
  const knex = orm.em.getConnection().getKnex();
  const counts: number[] = [];
  try {
    for (const question of questions) {
      let count = 0;
      const listener = () => count++;
      const request = () => graphql(port, question);
      await request(); // warm caches (schema, plans) before counting
      knex.on('query', listener);
      const answer = await request();
      knex.removeListener('query', listener);
      if (answer.includes('"errors"')) throw new Error(`${question.name}: ${answer.slice(0, 400)}`);
      counts.push(count);
    }
  } finally {
    await platform.stop();
    await orm.close();
  }
  return counts;
}

function tokenOf(question: BenchQuestion): string {
  return signToken({ ...question.caller, sub: 'bench' } as TokenClaims, SECRET, '2h');
}

async function graphql(port: number, question: BenchQuestion): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenOf(question)}` },
    body: JSON.stringify({ query: question.query, variables: question.variables }),
  });
  return response.text();
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main(): Promise<void> {
  assertSupportedNode();
  const { values } = parseArgs({
    options: {
      database: { type: 'string', default: 'platform_scale' },
      rounds: { type: 'string', default: '5' },
      duration: { type: 'string', default: '5' },
      connections: { type: 'string', default: '10' },
      only: { type: 'string' },
      workers: { type: 'string', default: '1' },
      profile: { type: 'string' },
    },
  });
  const rounds = Number(values.rounds);
  const seconds = Number(values.duration);
  const connections = Number(values.connections);
  const database = await openDatabase(loadConfig(), createLogger('warn'));
  const url = new URL(database.url);
  url.pathname = `/${values.database}`;
  const check = new Client({ connectionString: url.toString() });
  let counties: number;
  try {
    await check.connect();
    const { rows } = await check.query(
      `SELECT (SELECT count(*)::int FROM village WHERE code LIKE '99%') AS villages,
              (SELECT count(*)::int FROM region WHERE level = 'COUNTY' AND code LIKE '99%') AS counties`,
    );
    if (!rows[0].villages) throw new Error('no scale data');
    counties = rows[0].counties;
    console.log(`scale data: ${rows[0].villages} villages in ${counties} counties (${values.database})`);
  } catch {
    throw new Error(`database ${values.database} has no scale data: run \`npm run seed:scale\` first`);
  } finally {
    await check.end();
  }

  const only = values.only ? new RegExp(values.only, 'i') : null;
  const questions = benchQuestions(counties).filter((q) => !only || only.test(q.name));
  const statements = await statementsPerRequest(url.toString(), questions);
  const env = {
    DATABASE_URL: url.toString(),
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'warn',
    EVENT_POLL_MS: '3600000',
    // The per-caller rate limit is for clients; ten connections asking as fast as they can would
    // otherwise be throttled within seconds and measure the limiter instead of the server.
    RATE_LIMIT_POINTS: '1000000000',
    BENCH_COUNTIES: String(counties),
    BENCH_ONLY: values.only ?? '',
  };
  // LOG_LEVEL info as in production: one log line per request.
  // `--profile DIR`: the platform process writes a V8 CPU profile there when it exits (open it in
  // Chrome DevTools or speedscope), to see where a request's time goes before changing anything.
  const profile: Record<string, string> = values.profile
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${values.profile}` }
    : {};
  const platform = await startBenchProcess('main.js', {
    ...env,
    ...profile,
    LOG_LEVEL: 'info',
    WORKERS: values.workers!,
  });
  const baseline = await startBenchProcess('bench/baseline-server.js', env);
  const results = questions.map(() => ({ platform: [] as Run[], baseline: [] as Run[] }));
  try {
    for (const [i, question] of questions.entries()) {
      // Both answers must hold the same content before their speed is compared.
      const ours = JSON.parse(await graphql(platform.port, question));
      if (ours.errors) throw new Error(`${question.name}: ${JSON.stringify(ours.errors)}`);
      const body = JSON.stringify({ query: question.query, variables: question.variables });
      const headers = { authorization: `Bearer ${tokenOf(question)}` };
      await load(platform, '/graphql', body, headers, 2, connections); // warm-up
      await load(baseline, `/${i}`, '{}', {}, 2, connections);
    }
    for (let round = 1; round <= rounds; round++) {
      process.stdout.write(`round ${round}/${rounds} `);
      for (const [i, question] of questions.entries()) {
        const body = JSON.stringify({ query: question.query, variables: question.variables });
        const headers = { authorization: `Bearer ${tokenOf(question)}` };
        results[i].platform.push(await load(platform, '/graphql', body, headers, seconds, connections));
        results[i].baseline.push(await load(baseline, `/${i}`, '{}', {}, seconds, connections));
        process.stdout.write('.');
      }
      process.stdout.write('\n');
    }
  } finally {
    await platform.stop();
    await baseline.stop();
    await database.embedded?.stop();
  }

  console.log(
    `\n${connections} connections, ${rounds} interleaved rounds of ${seconds} s, platform workers: ${values.workers}; medians over rounds\n`,
  );
  console.log(
    '| question | platform req/s | one-statement req/s | platform / one statement | platform p50 / p99 ms | CPU ms per request (platform / one statement) | SQL statements per request | errors |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const [i, question] of questions.entries()) {
    const { platform: ours, baseline: theirs } = results[i];
    const ratio = median(ours.map((run, r) => run.rps / theirs[r].rps));
    console.log(
      `| ${question.name} | ${fmt(median(ours.map((r) => r.rps)))} | ${fmt(median(theirs.map((r) => r.rps)))} | ${fmt(ratio, 2)}× | ` +
        `${fmt(median(ours.map((r) => r.p50)))} / ${fmt(median(ours.map((r) => r.p99)))} | ` +
        `${fmt(median(ours.map((r) => r.cpuMsPerRequest)), 2)} / ${fmt(median(theirs.map((r) => r.cpuMsPerRequest)), 2)} | ` +
        `${statements[i]} / 1 | ${ours.reduce((n, r) => n + r.errors, 0)} / ${theirs.reduce((n, r) => n + r.errors, 0)} |`,
    );
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
