import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { assertSupportedNode, loadConfig } from '../core/config';
import { createLogger } from '../core/logger';
import { openDatabase } from '../core/db/database';
import {
  MigrationPlanError,
  migrate,
  migrationStates,
  planDown,
  planUp,
  revert,
  type MigrationState,
} from '../core/db/migrations';
import { connectPlatformOrm } from '../platform';

const USAGE = `usage: npm run migrate -- status [--check]
       npm run migrate -- up [--to NAME] [--dry-run]
       npm run migrate -- down [--to NAME|0] [--dry-run] --yes
  status     every migration of this release, applied (with when) or pending; --check exits 1 when any is pending
  up         applies the pending migrations (up to and including --to NAME), listing them first
  down       reverts the last applied migration, or with --to NAME every one after NAME (--to 0: all);
             lists them first and needs --yes, since reverting drops what those migrations created
  --dry-run  lists what up or down would do and changes nothing
The database is DATABASE_URL, or the embedded one in DATA_DIR. Start-up applies pending migrations
itself unless MIGRATE_ON_START=false.`;

class UsageError extends Error {}

const describeState = (m: MigrationState) => {
  const when = m.appliedAt ? `applied ${m.appliedAt.toISOString().replace('T', ' ').slice(0, 19)}Z` : 'pending';
  return `  ${when.padEnd(30)} ${m.name}${m.unknown ? '  (not in this release)' : ''}`;
};

const list = (title: string, names: string[]) =>
  [`${title} (${names.length}):`, ...names.map((n) => `  ${n}`)].join('\n');

/** A database URL without its password, for the first line of every command. */
function shownUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command || extra.length || !['status', 'up', 'down'].includes(command))
    throw new UsageError(command ? `unknown command "${[command, ...extra].join(' ')}"` : 'a command is required');
  if (command === 'status' && (values.to !== undefined || values['dry-run'] || values.yes))
    throw new UsageError('status takes only --check');
  if (command !== 'status' && values.check) throw new UsageError('--check belongs to status');
  if (command === 'up' && values.yes) throw new UsageError('up needs no --yes');

  assertSupportedNode();
  const config = loadConfig();
  const logger = createLogger('warn');
  const database = await openDatabase(config, logger, { shareRunning: true });
  const orm = await connectPlatformOrm(database.url, logger, 2);
  try {
    console.log(`database: ${shownUrl(database.url)}`);
    const states = await migrationStates(orm);
    if (command === 'status') {
      const pending = states.filter((m) => !m.appliedAt).length;
      console.log(states.map(describeState).join('\n'));
      console.log(`${states.length - pending} applied, ${pending} pending`);
      return values.check && pending > 0 ? 1 : 0;
    }
    if (command === 'up') {
      const plan = planUp(states, values.to);
      if (!plan.length) {
        console.log('nothing to apply: the database is up to date' + (values.to ? ` up to ${values.to}` : ''));
        return 0;
      }
      console.log(list('to apply, in this order', plan));
      if (values['dry-run']) return 0;
      const done = await migrate(orm, database.url, plan);
      console.log(`applied ${done.length} migration${done.length === 1 ? '' : 's'}`);
      return 0;
    }
    const plan = planDown(states, values.to);
    if (!plan.length) {
      console.log('nothing to revert');
      return 0;
    }
    console.log(list('to revert, newest first', plan));
    if (values['dry-run']) return 0;
    if (!values.yes) {
      console.error('nothing was reverted: add --yes to revert these (their tables and data are dropped)');
      return 2;
    }
    const done = await revert(orm, database.url, plan);
    console.log(`reverted ${done.length} migration${done.length === 1 ? '' : 's'}`);
    return 0;
  } finally {
    await orm.close();
    await database.embedded?.stop();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n\n${USAGE}`);
      process.exit(64);
    }
    if (error instanceof MigrationPlanError) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
