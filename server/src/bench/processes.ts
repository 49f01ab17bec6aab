import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** A server the benchmark started as a child process, with what it needs to measure it. */
export interface BenchProcess {
  child: ChildProcess;
  port: number;
  /** CPU seconds (user + system) the process has used so far, from /proc. */
  cpuSeconds(): number;
  /** Resident memory in bytes, from /proc. */
  rssBytes(): number;
  stop(): Promise<void>;
}

// Compiled, this file is dist/server/src/bench/processes.js.
const DIST = path.resolve(__dirname, '..');
const CLOCK_TICKS = 100; // Linux USER_HZ

/** Starts a compiled entry point (`main.js`, `bench/baseline-server.js`) and waits for its ready line. */
export function startBenchProcess(entry: string, env: Record<string, string>): Promise<BenchProcess> {
  const child = spawn(process.execPath, [path.join(DIST, entry)], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stat = () => fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} not ready in 60 s`)), 60_000);
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      let entryLine: { msg?: string; url?: string; port?: number };
      try {
        entryLine = JSON.parse(line);
      } catch {
        return;
      }
      if (!entryLine.msg?.startsWith('ready')) return;
      clearTimeout(timer);
      const port = entryLine.port ?? Number(new URL(entryLine.url!).port);
      resolve({
        child,
        port,
        // Fields 14 and 15 of /proc/<pid>/stat (utime, stime), counted after the command name.
        cpuSeconds: () => {
          const fields = stat();
          return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
        },
        rssBytes: () => Number(stat()[21]) * 4096,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}`));
    });
  });
}
