import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError as ClassValidatorError } from 'class-validator';

/**
 * The error codes clients may see in `extensions.code`; nothing else is ever sent. The SDK lists
 * the same codes (client-sdk/src/errors.ts; test/sdk/client-sdk.test.ts keeps them equal).
 */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** An operation beyond a limit (depth, aliases, directives, tokens, cost); `extensions.limit` names it. */
  'QUERY_TOO_COMPLEX',
  /** The caller spent its cost points for this minute; `extensions.retryAfterSeconds` says when to retry. */
  'RATE_LIMITED',
  /** The request ran past its deadline or a statement past the database's statement timeout. */
  'TIMEOUT',
  /** The HTTP request itself is malformed (not JSON, wrong content type). */
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL_SERVER_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Extensions beyond `code` and `fields` that a client may see, per error. */
export type ErrorDetails = Record<string, string | number | boolean>;

/** A failure we expect and can explain to the caller; services throw these. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Input field names at fault, for BAD_USER_INPUT and CONFLICT. */
    readonly fields: string[] = [],
    /** Further extensions for the client (the limit that was hit, when to retry). */
    readonly details: ErrorDetails = {},
  ) {
    super(message);
    this.name = code;
  }
}

export const badInput = (field: string | string[], message: string) =>
  new AppError('BAD_USER_INPUT', message, Array.isArray(field) ? field : [field]);
export const notFound = (message: string, field?: string) => new AppError('NOT_FOUND', message, field ? [field] : []);
export const forbidden = (message = 'Not allowed for this account') => new AppError('FORBIDDEN', message);
export const conflict = (message: string, fields: string[] = []) => new AppError('CONFLICT', message, fields);
export const unauthenticated = (message = 'A valid bearer token is required') =>
  new AppError('UNAUTHENTICATED', message);

/** Flattens class-validator's nested errors into dotted input paths ("lines.0.amount"). */
function validationFields(errors: ClassValidatorError[], prefix = ''): { fields: string[]; messages: string[] } {
  const fields: string[] = [];
  const messages: string[] = [];
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      fields.push(path);
      messages.push(
        ...Object.values(error.constraints).map((m) =>
          m.startsWith(error.property) ? m.replace(error.property, path) : `${path}: ${m}`,
        ),
      );
    }
    if (error.children?.length) {
      const nested = validationFields(error.children, path);
      fields.push(...nested.fields);
      messages.push(...nested.messages);
    }
  }
  return { fields, messages };
}

/** A database constraint's business rule, shown instead of a generic conflict when it is broken. */
export interface ConstraintMessage {
  /** Constraint or unique index name, as PostgreSQL reports it. */
  constraint: string;
  message: string;
  /** Input fields at fault. */
  fields?: string[];
}

function constraintName(error: Error): string | undefined {
  const cause = (error as { constraint?: string }).constraint;
  if (cause) return cause;
  const match = /constraint "([^"]+)"/.exec(error.message);
  return match?.[1];
}

/**
 * Maps errors to what clients see. Known errors keep their code and message; database constraint
 * violations become CONFLICT or BAD_USER_INPUT with the module's message for that constraint (the
 * database is the last guard of rules that must hold under concurrency); everything else is
 * logged with the request id and reaches the client as a bare INTERNAL_SERVER_ERROR.
 */
export class ErrorCatalog {
  private readonly constraints = new Map<string, ConstraintMessage>();

  constructor(messages: readonly ConstraintMessage[]) {
    for (const message of messages) this.constraints.set(message.constraint, message);
  }

  toClientError(error: unknown): AppError | undefined {
    if (error instanceof AppError) return error;
    if (error instanceof ArgumentValidationError) {
      const { fields, messages } = validationFields(
        error.extensions.validationErrors as unknown as ClassValidatorError[],
      );
      return new AppError('BAD_USER_INPUT', `Invalid input: ${messages.join('; ')}`, fields);
    }
    if (!(error instanceof Error)) return undefined;
    // SQLSTATE, as raw pg errors and MikroORM's wrappers of them both carry it.
    const sqlState = (error as { code?: unknown }).code;
    if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return undefined;
    const known = this.constraints.get(constraintName(error) ?? '');
    const fields = known?.fields ?? [];
    switch (sqlState) {
      case '23505': // unique_violation
        return new AppError('CONFLICT', known?.message ?? 'This record already exists', fields);
      case '23P01': // exclusion_violation (one person on duty in one team at a time)
        return new AppError('CONFLICT', known?.message ?? 'This conflicts with an existing record', fields);
      case '23514': // check_violation
      case '23502': // not_null_violation
        return new AppError('BAD_USER_INPUT', known?.message ?? 'The input breaks a data rule', fields);
      case '23503': // foreign_key_violation
        return new AppError(
          'BAD_USER_INPUT',
          known?.message ?? 'The input refers to a record that does not exist',
          fields,
        );
      case '57014': // query_canceled: the statement timeout of the pool
        return new AppError('TIMEOUT', 'The database took too long to answer; try a smaller request');
    }
    // Class 22 (data exception: a value too long, out of range, not encodable) can only come from
    // input that slipped past validation; it is the caller's input, not an internal failure.
    if (sqlState.startsWith('22'))
      return new AppError('BAD_USER_INPUT', 'The input has a value the database cannot store');
    return undefined;
  }

  /**
   * The client-facing shape of an error. Unexpected errors lose their message here; the caller
   * has already logged them with the request id.
   */
  format(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    const known = this.toClientError(original);
    if (known) {
      return {
        message: known.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: known.code, ...(known.fields.length ? { fields: known.fields } : {}), ...known.details },
      };
    }
    if (isRequestError(formatted.extensions?.code, original)) {
      if (formatted.extensions?.code === 'UNAUTHENTICATED')
        return { ...formatted, extensions: { code: 'UNAUTHENTICATED' } };
      // graphql-js reports its token limit as a syntax error; it is a limit like the others.
      const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
      if (tokens)
        return { ...formatted, extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', maximum: Number(tokens[1]) } };
      // More than 50 bad variable values end coercion with one error naming no variable.
      if (VARIABLE_FLOOD_MESSAGE.test(formatted.message))
        return {
          message: 'Too many invalid variable values; fix the first ones reported and retry',
          extensions: { code: 'BAD_USER_INPUT', fields: ['variables'] },
        };
      const given = formatted.extensions?.fields;
      const fields = Array.isArray(given) ? (given as string[]) : fieldsOfCoercionError(formatted.message);
      return { ...formatted, extensions: { code: 'BAD_USER_INPUT', ...(fields.length ? { fields } : {}) } };
    }
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  }

  /** True for errors that are not the caller's doing and must be logged with the request id. */
  isUnexpected(error: GraphQLError): boolean {
    const original = error.originalError ?? error;
    if (this.toClientError(original)) return false;
    return !isRequestError(error.extensions?.code, original);
  }
}

// graphql-js 16 spells it "more that".
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;
const VARIABLE_FLOOD_MESSAGE = /^Too many errors processing variables/;

/** GraphQL's own request errors (syntax, unknown field, bad variable) are the caller's fault. */
const REQUEST_ERROR_CODES = new Set([
  'UNAUTHENTICATED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js reports a variable that fails its type (a scalar's parse, a missing required field)
 * only in the message: 'Variable "$input" got invalid value … at "input.lines[0].amount"; …' or
 * '… Field "name" of required type "String!" was not provided.' We lift the input path out of it,
 * without the leading variable name, so every bad-input error carries `fields`.
 */
export function fieldsOfCoercionError(message: string): string[] {
  const fields: string[] = [];
  const at = /at "([^"]+)"/.exec(message);
  const missing = /Field "([^"]+)" of required type/.exec(message);
  const path = at
    ? at[1]
        .replace(/\[(\d+)\]/g, '.$1')
        .split('.')
        .slice(1)
    : [];
  if (missing) path.push(missing[1]);
  if (path.length) fields.push(path.join('.'));
  return fields;
}

function isRequestError(code: unknown, original: unknown): boolean {
  if (!(original instanceof GraphQLError)) return false;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) return true;
  // graphql-js's variable-flood error carries no code (Apollo then calls it INTERNAL_SERVER_ERROR).
  return VARIABLE_FLOOD_MESSAGE.test(original.message);
}
