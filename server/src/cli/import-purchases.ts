import 'reflect-metadata';
import fs from 'node:fs';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { migrate } from '../core/db/orm';
import { connectPlatformOrm } from '../platform';
import { readCsv } from '../core/csv';
import { IMPORT_HEADER, importPurchases } from '../modules/consumption/purchase-import';

const USAGE = `usage: npm run import:purchases -- FILE.csv
  header: ${IMPORT_HEADER.join(',')}
  one row per purchase line; rows with the same buyer_id and client_reference form one purchase`;

/**
 * `npm run import:purchases -- FILE.csv`: imports into DATABASE_URL (or the embedded database),
 * prints a progress line on stderr, then the report on stdout; exits 1 when rows were rejected.
 */
async function main(): Promise<number> {
  assertSupportedNode();
  const file = process.argv[2];
  if (!file || file === '--help' || file === '-h') {
    process.stderr.write(USAGE + '\n');
    return file ? 0 : 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config, logger);
  const orm = await connectPlatformOrm(database.url, logger);
  try {
    await migrate(orm, database.url);
    const started = process.hrtime.bigint();
    const progress = (rows: number) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const line = `imported ${rows} rows (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    };
    const report = await importPurchases(orm.em.fork(), readCsv(fs.createReadStream(file, { encoding: 'utf8' })), {
      onProgress: progress,
      recordedBy: `import:${file}`,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (process.stderr.isTTY) process.stderr.write('\n');
    process.stdout.write(
      `${report.rows} rows, ${report.purchases} purchases: ${report.imported} imported, ${report.alreadyPresent} already present, ` +
        `${report.rejected.length} rows rejected (${seconds.toFixed(2)} s, ${Math.round(report.rows / Math.max(seconds, 0.001))} rows/s)\n`,
    );
    for (const rejection of report.rejected) process.stdout.write(`line ${rejection.line}: ${rejection.reason}\n`);
    return report.rejected.length ? 1 : 0;
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(2);
  },
);
