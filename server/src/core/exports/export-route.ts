import express from 'express';
import { AppError, type ErrorCode, type ErrorDetails } from '../errors';
import type { Logger } from '../logger';
import { createContext, type ContextDeps } from '../context';
import { requireRole } from '../auth/authorize';
import type { TokenVerifier } from '../auth/token-verifier';
import type { RateLimits } from '../limits/rate-limit';
import { subjectKey } from '../limits/operation-gate';
import { writeLedger } from './workbook';
import type { LedgerRegistry } from './ledger';

/** Rate-limit points an export costs before it runs, then one more per row written. */
export const EXPORT_BASE_POINTS = 1000;

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  QUERY_TOO_COMPLEX: 413,
  RATE_LIMITED: 429,
  TIMEOUT: 503,
};

/** The platform's error body, `{ errors: [{ message, extensions: { code, … } }] }`. */
function sendError(res: express.Response, error: AppError): void {
  const extensions: { code: ErrorCode; fields?: string[] } & ErrorDetails = { code: error.code, ...error.details };
  if (error.fields.length) extensions.fields = error.fields;
  if (error.code === 'RATE_LIMITED' && error.details.retryAfterSeconds !== undefined)
    res.setHeader('retry-after', String(error.details.retryAfterSeconds));
  res
    .status(STATUS[error.code] ?? 500)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message: error.message, extensions }] }));
}

export interface ExportRouteDeps {
  ledgers: LedgerRegistry;
  verifier: TokenVerifier;
  rates: RateLimits;
  contextDeps: ContextDeps;
  logger: Logger;
  /** Rows one export may hold; a larger one is refused (QUERY_TOO_COMPLEX, limit exportRows). */
  maxRows: number;
}

/**
 * `GET /exports/<ledger>.xlsx?…`: one 台账 as a streamed workbook. The bearer token, the role
 * list and the rows are those of the GraphQL reads the ledger mirrors; every refusal (no token,
 * a role not allowed, a bad filter, too many rows, the rate limit) is answered before the first
 * byte of the file, as the platform's JSON error with `extensions.code`.
 */
export function exportRouter(deps: ExportRouteDeps): express.Router {
  const router = express.Router();
  router.get('/exports/:file', async (req, res) => {
    const requestId = res.locals.requestId as string;
    try {
      const match = /^([a-z-]+)\.xlsx$/.exec(req.params.file);
      const ledger = match ? deps.ledgers.get(match[1]) : undefined;
      if (!ledger)
        throw new AppError(
          'NOT_FOUND',
          `No ledger at this path; ledgers: ${deps.ledgers.names.map((n) => `/exports/${n}.xlsx`).join(', ')}`,
        );

      let token;
      try {
        token = await deps.verifier.verify(req.headers.authorization);
      } catch (error) {
        const charge = await deps.rates.chargeAnonymous(req.ip ?? 'unknown');
        if (!charge.allowed)
          throw new AppError(
            'RATE_LIMITED',
            `Too many requests without a valid token; retry in ${charge.retryAfterSeconds} s`,
            [],
            {
              retryAfterSeconds: charge.retryAfterSeconds,
            },
          );
        throw error;
      }
      const viewer = token.viewer;
      requireRole(viewer, ledger.roles);

      const parameters: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.query)) {
        if (!ledger.parameters.some((p) => p.name === name))
          throw new AppError(
            'BAD_USER_INPUT',
            `${ledger.name} takes no parameter ${name}; it takes ${ledger.parameters.map((p) => p.name).join(', ') || 'none'}`,
            [name],
          );
        if (typeof value !== 'string') throw new AppError('BAD_USER_INPUT', `${name} must be given once`, [name]);
        parameters[name] = value;
      }

      const charge = async (points: number) => {
        const result = await deps.rates.chargeSubject(subjectKey(viewer), points);
        if (!result.allowed)
          throw new AppError(
            'RATE_LIMITED',
            `Rate limit of ${result.limit} points per minute reached; retry in ${result.retryAfterSeconds} s`,
            [],
            {
              retryAfterSeconds: result.retryAfterSeconds,
            },
          );
      };
      await charge(EXPORT_BASE_POINTS);

      const ctx = createContext(deps.contextDeps, viewer, requestId, token);
      const rows = await ledger.rows(ctx, parameters, deps.maxRows + 1);
      if (rows.length > deps.maxRows)
        throw new AppError(
          'QUERY_TOO_COMPLEX',
          `The export would hold more than ${deps.maxRows} rows; narrow it (${ledger.parameters.map((p) => p.name).join(', ')})`,
          [],
          { limit: 'exportRows', maximum: deps.maxRows },
        );
      if (rows.length) await charge(rows.length);

      const filename = `${ledger.title}.xlsx`;
      res.status(200);
      res.setHeader('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      res.setHeader(
        'content-disposition',
        `attachment; filename="${ledger.name}.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      );
      res.setHeader('cache-control', 'no-store');
      res.setHeader('x-export-rows', String(rows.length));
      await writeLedger(res, ledger, rows, {
        parameters,
        caller: `${viewer.role}${viewer.regionCode ? ` ${viewer.regionCode}` : ''}${viewer.providerId ? ` ${viewer.providerId}` : ''}`,
        generatedAt: new Date(),
      });
    } catch (error) {
      if (res.headersSent) {
        // The file is already on its way: end it broken rather than pretend it is whole.
        deps.logger.error({ err: error, requestId }, 'export failed while streaming');
        res.destroy(error instanceof Error ? error : undefined);
        return;
      }
      if (error instanceof AppError) return sendError(res, error);
      deps.logger.error({ err: error, requestId }, 'unexpected export error');
      sendError(res, new AppError('INTERNAL_SERVER_ERROR', 'Internal server error'));
    }
  });
  return router;
}
