import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every line the process wrote so far (stdout lines, stderr chunks), in arrival order. */
  output: string[];
  stop(): Promise<void>;
}

const MAIN = path.resolve(__dirname, '..', '..', 'dist', 'server', 'src', 'main.js');

/**
 * Starts the real `npm start` entry point as a separate process (compiled, as `npm start` runs
 * it) and resolves with its URL once it logs its ready line.
 */
export function startServerProcess(env: Record<string, string | null>, timeoutMs = 30_000): Promise<ServerProcess> {
  // The test's own environment, overridden by `env`; a null value removes the variable.
  const merged: Record<string, string | undefined> = { ...process.env, PORT: '0', LOG_LEVEL: 'info' };
  for (const [key, value] of Object.entries(env)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const child = spawn(process.execPath, [MAIN], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server process not ready in ${timeoutMs} ms: ${output.join('').slice(-2000)}`));
    }, timeoutMs);
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      output.push(line);
      try {
        const entry = JSON.parse(line) as { msg?: string; url?: string };
        if (entry.msg?.startsWith('ready') && entry.url) {
          clearTimeout(timer);
          resolve({
            url: entry.url.replace('localhost', '127.0.0.1'),
            child,
            output,
            stop: () =>
              new Promise<void>((done) => {
                if (child.exitCode !== null) return done();
                child.once('exit', () => done());
                child.kill('SIGTERM');
              }),
          });
        }
      } catch {
        // not a JSON log line
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with ${code}: ${output.join('\n').slice(-2000)}`));
    });
  });
}
