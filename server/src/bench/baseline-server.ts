import http from 'node:http';
import { Pool } from 'pg';
import { benchQuestions } from './questions';

/**
 * The benchmark's lower bound: a hand-written HTTP server that answers each benchmark question
 * with its one SQL statement building the whole JSON (POST /<index>). No GraphQL, no auth, no
 * per-field work: what is left is PostgreSQL and the socket. Run by http.bench.ts as a child.
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
const questions = benchQuestions(Number(process.env.BENCH_COUNTIES)).filter((q) => !only || only.test(q.name));

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const question = questions[Number(req.url?.slice(1))];
    if (!question) {
      res.writeHead(404).end();
      return;
    }
    pool.query<{ body: unknown }>(question.baseline.sql, question.baseline.params).then(
      ({ rows }) => {
        const body = JSON.stringify(rows[0].body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      },
      (error: Error) => res.writeHead(500).end(error.message),
    );
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ msg: 'ready', port: (server.address() as { port: number }).port }));
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
