import 'reflect-metadata';
import fs from 'node:fs';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import { migrate } from '../core/db/migrations';
import { connectPlatformOrm } from '../platform';
import { CSV_ENCODINGS, isCsvEncoding, TableFileError, type CsvEncoding } from '../core/tabular';
import { IMPORT_HEADER, importPurchases } from '../modules/consumption/purchase-import';
import { HEADER_ALIASES, readPurchaseFile } from '../modules/consumption/purchase-file';
import { pushImportMetrics } from '../core/observability/metrics';

const USAGE = `usage: npm run import:purchases -- FILE.csv|FILE.xlsx [--encoding ${CSV_ENCODINGS.join('|')}]
  header: ${IMPORT_HEADER.join(',')}
     or:  ${IMPORT_HEADER.map((c) => HEADER_ALIASES[c][0]).join(',')}
  one row per purchase line; rows with the same buyer_id and client_reference form one purchase;
  a CSV's encoding is detected (UTF-8 with or without BOM, else GBK/GB18030) unless --encoding is given`;

/** FILE and the one option, in any order. */
function parseArguments(args: string[]): { file?: string; encoding?: CsvEncoding; error?: string } {
  const result: { file?: string; encoding?: CsvEncoding; error?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const value = arg.startsWith('--encoding=')
      ? arg.slice('--encoding='.length)
      : arg === '--encoding'
        ? args[++i]
        : null;
    if (value !== null) {
      if (!value || !isCsvEncoding(value))
        return { error: `--encoding must be one of ${CSV_ENCODINGS.join(', ')} (got ${value || 'nothing'})` };
      result.encoding = value.toLowerCase() as CsvEncoding;
    } else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else if (result.file) return { error: `one file at a time (got ${result.file} and ${arg})` };
    else result.file = arg;
  }
  if (result.encoding && result.file?.toLowerCase().endsWith('.xlsx'))
    return { error: '--encoding applies to CSV files; an .xlsx workbook carries its own' };
  return result;
}

/**
 * `npm run import:purchases -- FILE.csv|FILE.xlsx [--encoding utf-8|gbk|gb18030]`: imports into DATABASE_URL (or the embedded database),
 * prints a progress line on stderr, then the report on stdout; exits 1 when rows were rejected.
 */
async function main(): Promise<number> {
  assertSupportedNode();
  const args = process.argv.slice(2);
  if (!args.length || args.includes('--help') || args.includes('-h')) {
    process.stderr.write(USAGE + '\n');
    return args.length ? 0 : 2;
  }
  const { file, encoding, error } = parseArguments(args);
  if (error || !file) {
    process.stderr.write(`${error ?? 'no file given'}\n${USAGE}\n`);
    return 2;
  }
  if (!fs.existsSync(file)) {
    process.stderr.write(`no such file: ${file}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
  const database = await openDatabase(config, logger, { shareRunning: true });
  const orm = await connectPlatformOrm(database.url, logger);
  try {
    await migrate(orm, database.url);
    const started = process.hrtime.bigint();
    const progress = (rows: number) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const line = `imported ${rows} rows (${Math.round(rows / Math.max(seconds, 0.001))} rows/s)`;
      process.stderr.write(process.stderr.isTTY ? `\r${line}` : `${line}\n`);
    };
    const report = await importPurchases(orm.em.fork(), readPurchaseFile(file, { encoding }), {
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
    if (await pushImportMetrics(process.env.PROMETHEUS_PUSHGATEWAY_URL, 'purchases'))
      process.stderr.write('import counters pushed to the Pushgateway\n');
    return report.rejected.length ? 1 : 0;
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // A file that cannot be read as a table names its line; nothing was imported.
    const suffix = error instanceof TableFileError ? '; nothing imported' : '';
    process.stderr.write(`${error instanceof Error ? error.message : error}${suffix}\n`);
    process.exit(2);
  },
);
