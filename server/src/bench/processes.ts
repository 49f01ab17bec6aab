import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';

/** A server the benchmark started as a child process, with what it needs to measure it. */
export interface BenchProcess {
  child: ChildProcess;
  port: number;
  /** CPU seconds (user + system) the process and its cluster workers have used so far, from /proc. */
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
  const stat = (pid = child.pid) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  // A cluster primary's workers are its children; their CPU counts as the server's.
  const family = (): number[] => {
    const children = (pid: number): number[] => {
      try {
        const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
        return text ? text.split(' ').map(Number) : [];
      } catch {
        return [];
      }
    };
    return [child.pid!, ...children(child.pid!)];
  };
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
        cpuSeconds: () =>
          family().reduce((sum, pid) => {
            const fields = stat(pid);
            return sum + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
          }, 0),
        rssBytes: () => family().reduce((sum, pid) => sum + Number(stat(pid)[21]) * 4096, 0),
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
