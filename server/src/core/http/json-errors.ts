import express from 'express';
import type { ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** The documented error body, `{ errors: [{ message, extensions: { code } }] }`, for failures outside GraphQL. */
export function sendJsonError(res: express.Response, status: number, code: ErrorCode, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/**
 * The body of a GraphQL POST: JSON only, at most `limit`. A wrong content type, malformed JSON,
 * an unsupported charset or an oversized body is answered here, before authentication, with the
 * documented JSON error body and a code; never Express's HTML page or a stack.
 */
export function graphqlBody(limit: string): express.RequestHandler[] {
  const json = express.json({ limit, type: ['application/json'] });
  const requireJson: express.RequestHandler = (req, res, next) => {
    if (req.method !== 'POST') return next();
    if (!req.is('application/json'))
      return sendJsonError(res, 415, 'BAD_REQUEST', 'A GraphQL POST must have content-type application/json');
    next();
  };
  return [requireJson, json];
}

/** Body-parser failures (and anything else thrown before GraphQL) as JSON errors. */
export const jsonErrorHandler =
  (logger: Logger): express.ErrorRequestHandler =>
  (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    const type = (error as { type?: string }).type;
    const status = (error as { status?: number }).status;
    switch (type ?? '') {
      case 'entity.too.large':
        return sendJsonError(res, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the server accepts');
      case 'entity.parse.failed':
        return sendJsonError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return sendJsonError(res, 415, 'BAD_REQUEST', 'The request body must be UTF-8 JSON');
    }
    if (typeof status === 'number' && status >= 400 && status < 500)
      return sendJsonError(res, status, 'BAD_REQUEST', 'The request is malformed');
    logger.error({ err: error, requestId: res.locals.requestId }, 'unexpected http error');
    return sendJsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };

/** Paths nothing serves: a JSON 404 instead of Express's HTML page. */
export const jsonNotFound: express.RequestHandler = (_req, res) =>
  sendJsonError(res, 404, 'NOT_FOUND', 'Nothing is served at this path; the API is at /graphql');
