import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import type { ValidationError as ClassValidatorError } from 'class-validator';
import {
  CheckConstraintViolationException,
  ForeignKeyConstraintViolationException,
  NotNullConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';

/** The error codes clients may see in `extensions.code`; nothing else is ever sent. */
export type ErrorCode =
  'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/** A failure we expect and can explain to the caller; services throw these. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Input field names at fault, for BAD_USER_INPUT and CONFLICT. */
    readonly fields: string[] = [],
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
    const known = this.constraints.get(constraintName(error) ?? '');
    const fields = known?.fields ?? [];
    if (error instanceof UniqueConstraintViolationException) {
      return new AppError('CONFLICT', known?.message ?? 'This record already exists', fields);
    }
    if (error instanceof CheckConstraintViolationException || error instanceof NotNullConstraintViolationException) {
      return new AppError('BAD_USER_INPUT', known?.message ?? 'The input breaks a data rule', fields);
    }
    if (error instanceof ForeignKeyConstraintViolationException) {
      return new AppError(
        'BAD_USER_INPUT',
        known?.message ?? 'The input refers to a record that does not exist',
        fields,
      );
    }
    // Exclusion constraints (one person on duty in one team at a time) have no MikroORM class.
    if ((error as { code?: string }).code === '23P01') {
      return new AppError('CONFLICT', known?.message ?? 'This conflicts with an existing record', fields);
    }
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
        extensions: { code: known.code, ...(known.fields.length ? { fields: known.fields } : {}) },
      };
    }
    if (isRequestError(formatted.extensions?.code, original)) {
      if (formatted.extensions?.code === 'UNAUTHENTICATED')
        return { ...formatted, extensions: { code: 'UNAUTHENTICATED' } };
      const fields = fieldsOfCoercionError(formatted.message);
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
  return typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original instanceof GraphQLError;
}
