import crypto from 'node:crypto';
import http from 'node:http';
import { registry } from './metrics';

/**
 * Where and how `/metrics` is served (see core/config.ts for how the environment sets it).
 * Metrics name operations, error rates and load: not secrets, but not for the public either. A
 * deployment either keeps them off the public port (METRICS_PORT, reachable only from the
 * monitoring network) or asks scrapers for a bearer token (METRICS_TOKEN); production serves
 * them on the API port only with a token.
 */
export interface MetricsExposure {
  /** Serve `GET /metrics` on the API port. */
  onApiPort: boolean;
  /** Serve `GET /metrics` on this port instead (0 picks a free one). */
  port?: number;
  /** Bearer token scrapers must send, on whichever port. */
  token?: string;
}

const digest = (text: string) => crypto.createHash('sha256').update(text).digest();

/** A plain Node handler, so the API's Express app and the separate metrics server share it. */
export function metricsHandler(
  token: string | undefined,
  collect: () => Promise<string> = () => registry.metrics(),
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const expected = token ? digest(`Bearer ${token}`) : undefined;
  return (req, res) => {
    if (expected && !crypto.timingSafeEqual(digest(req.headers.authorization ?? ''), expected)) {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' });
      res.end('metrics need the bearer token set in METRICS_TOKEN\n');
      return;
    }
    collect().then(
      (text) => {
        res.writeHead(200, { 'content-type': registry.contentType });
        res.end(text);
      },
      (error: Error) => {
        res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`could not collect metrics: ${error.message}\n`);
      },
    );
  };
}

/** The separate metrics listener: `/metrics` and nothing else. */
export function createMetricsServer(token: string | undefined, collect?: () => Promise<string>): http.Server {
  const handle = metricsHandler(token, collect);
  return http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/metrics' || req.url?.startsWith('/metrics?'))) return handle(req, res);
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found: this port serves GET /metrics only\n');
  });
}
