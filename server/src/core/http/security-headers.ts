import type http from 'node:http';
import type express from 'express';
import helmet from 'helmet';
import cors from 'cors';

/**
 * The Content-Security-Policy of every response, in one place. Pages the server itself serves
 * (the development IDE at GET /graphql) load their scripts, styles and workers from this origin
 * and talk to the API on it, over HTTP and WebSocket ('self' covers ws: on the same host); nothing
 * comes from a CDN, so nothing else is allowed. An IDE that needs more adds it here.
 */
export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/**
 * Behind a load balancer the server must not close idle keep-alive connections before the
 * balancer does (AWS ALB and nginx default to 60 s): Node's 5 s gave sporadic 502s. Headers must
 * arrive within a little more than that.
 */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
export const HEADERS_TIMEOUT_MS = 66_000;

export interface HttpSecuritySettings {
  /** Origins allowed to call the API from a browser ("*" for any); empty for same-origin only. */
  corsOrigins: string[];
}

/** Keep-alive timing, security headers (helmet, with the CSP above) and CORS from the allow-list. */
export function applyHttpSecurity(app: express.Express, server: http.Server, settings: HttpSecuritySettings): void {
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
      // The API is called from portals on other origins (CORS decides who may read it).
      crossOriginResourcePolicy: { policy: 'cross-origin' },
    }),
  );
  if (settings.corsOrigins.length > 0) {
    const anyOrigin = settings.corsOrigins.includes('*');
    app.use(
      cors({
        origin: anyOrigin ? '*' : settings.corsOrigins,
        methods: ['GET', 'POST', 'OPTIONS'],
        allowedHeaders: ['authorization', 'content-type', 'accept', 'x-request-id'],
        exposedHeaders: ['x-request-id', 'retry-after'],
        // Tokens travel in the Authorization header, never in cookies.
        credentials: false,
        maxAge: 600,
      }),
    );
  }
}
