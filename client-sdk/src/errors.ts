/**
 * Every error code the platform puts in `extensions.code` (the server's catalog, server/src/core/
 * errors.ts; a test keeps the two lists equal):
 * `QUERY_TOO_COMPLEX`: the operation is beyond a limit (depth, aliases, tokens, cost), `limit` names it.
 * `RATE_LIMITED`: the caller's points for this minute are spent; retry after `retryAfterSeconds`.
 * `TIMEOUT`: the request ran past its deadline; ask for less.
 * `BAD_REQUEST`, `PAYLOAD_TOO_LARGE`: the HTTP request itself was refused.
 */
export const SERVER_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'QUERY_TOO_COMPLEX',
  'RATE_LIMITED',
  'TIMEOUT',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];
/**
 * Codes the SDK adds itself:
 * `NETWORK_ERROR`: the platform could not be reached, the connection was lost for good, or the
 * answer was not GraphQL.
 * `CONFIGURATION_ERROR`: this environment lacks something the SDK needs (a WebSocket or fetch
 * implementation); the message names the option to pass.
 * `UNKNOWN`: the platform answered an error without a code the SDK knows.
 */
export type ErrorCode = ServerErrorCode | 'NETWORK_ERROR' | 'CONFIGURATION_ERROR' | 'UNKNOWN';

const SERVER_CODES: readonly string[] = SERVER_ERROR_CODES;

/** One GraphQL error as the platform formats it. */
export interface GraphQLErrorShape {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: unknown; fields?: unknown; [key: string]: unknown };
}

/** One error of a response, with its code and the input fields it names. */
export interface PlatformErrorDetail {
  code: ErrorCode;
  message: string;
  /** The offending input fields for BAD_USER_INPUT, e.g. `["lines.0.amount"]`; empty otherwise. */
  fields: string[];
  path?: readonly (string | number)[];
  /** For RATE_LIMITED: seconds until the caller's points allow another request. */
  retryAfterSeconds?: number;
}

function toDetail(error: GraphQLErrorShape): PlatformErrorDetail {
  const raw = error.extensions?.code;
  const code: ErrorCode = typeof raw === 'string' && SERVER_CODES.includes(raw) ? (raw as ServerErrorCode) : 'UNKNOWN';
  const fields = Array.isArray(error.extensions?.fields)
    ? error.extensions.fields.filter((f): f is string => typeof f === 'string')
    : [];
  const retry = error.extensions?.retryAfterSeconds;
  return {
    code,
    message: error.message,
    fields,
    ...(error.path ? { path: error.path } : {}),
    ...(typeof retry === 'number' ? { retryAfterSeconds: retry } : {}),
  };
}

/**
 * What every SDK call throws (and every subscription reports): the first error's `code` and
 * `fields` on the object itself, every error of the response in `errors`.
 */
export class PlatformError extends Error {
  readonly code: ErrorCode;
  readonly fields: string[];
  readonly path?: readonly (string | number)[];
  /** For RATE_LIMITED: seconds until another request is allowed. */
  readonly retryAfterSeconds?: number;
  readonly errors: PlatformErrorDetail[];
  /** HTTP status of the response, when there was one. */
  readonly status?: number;

  constructor(errors: PlatformErrorDetail[], options: { status?: number; cause?: unknown } = {}) {
    const first = errors[0] ?? { code: 'UNKNOWN' as const, message: 'Unknown error', fields: [] };
    super(first.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PlatformError';
    this.code = first.code;
    this.fields = first.fields;
    if (first.path) this.path = first.path;
    if (first.retryAfterSeconds !== undefined) this.retryAfterSeconds = first.retryAfterSeconds;
    this.errors = errors.length ? errors : [first];
    if (options.status !== undefined) this.status = options.status;
  }

  static fromGraphQLErrors(errors: readonly GraphQLErrorShape[], status?: number): PlatformError {
    return new PlatformError(errors.map(toDetail), { status });
  }

  static network(message: string, cause?: unknown, status?: number): PlatformError {
    return PlatformError.of('NETWORK_ERROR', message, cause, status);
  }

  /** An error of one code raised by the SDK itself. */
  static of(code: ErrorCode, message: string, cause?: unknown, status?: number): PlatformError {
    return new PlatformError([{ code, message, fields: [] }], { cause, status });
  }

  /** `error` itself when it already is a PlatformError, else wrapped with `code`. */
  static wrap(error: unknown, code: ErrorCode, message: string): PlatformError {
    if (error instanceof PlatformError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    return PlatformError.of(code, `${message}: ${reason}`, error);
  }
}

/** True for a PlatformError, optionally of one code: `if (isPlatformError(e, 'CONFLICT')) …`. */
export function isPlatformError(error: unknown, code?: ErrorCode): error is PlatformError {
  return error instanceof PlatformError && (code === undefined || error.code === code);
}
