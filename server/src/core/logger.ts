import pino, { type Logger } from 'pino';

export type { Logger };

/** Structured JSON lines on stdout; every request logs with its `requestId`. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'assistance-platform' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: {
      paths: ['req.headers.authorization', 'authorization', 'connectionParams.authorization'],
      censor: '[redacted]',
    },
  });
}
