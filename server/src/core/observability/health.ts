import type express from 'express';
import type { Logger } from '../logger';

/** One dependency readiness waits for; `check` resolves when it is usable and throws otherwise. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /** What the probe reports when the check fails (default "down"). */
  failure?: string;
}

const CHECK_TIMEOUT_MS = 2000;

function withTimeout(run: () => Promise<void>, name: string): Promise<void> {
  return Promise.race([
    run(),
    new Promise<void>((_, reject) =>
      setTimeout(() => reject(new Error(`${name} did not answer in ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * Kubernetes-style probes. `/livez`: the process answers (restart it when this fails).
 * `/readyz`: every dependency answers (send it no traffic until this passes); `/healthz` is the
 * same as `/readyz`, kept for the deployments that already probe it. Readiness answers a JSON
 * object naming each check, with 200 when all are up and 503 otherwise.
 */
export function healthRoutes(app: express.Express, checks: readonly ReadinessCheck[], logger: Logger): void {
  app.get('/livez', (_req, res) => {
    res.status(200).json({ status: 'ok' });
  });
  const readiness: express.RequestHandler = async (_req, res) => {
    const results = await Promise.all(
      checks.map(async ({ name, check, failure }) => {
        try {
          await withTimeout(check, name);
          return [name, 'up'] as const;
        } catch (error) {
          logger.warn({ err: error, check: name }, 'readiness check failed');
          return [name, failure ?? 'down'] as const;
        }
      }),
    );
    const ready = results.every(([, state]) => state === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ok' : 'unavailable', ...Object.fromEntries(results) });
  };
  app.get('/readyz', readiness);
  app.get('/healthz', readiness);
}
