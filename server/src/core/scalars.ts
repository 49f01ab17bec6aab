import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLDateTimeISO, GraphQLLocalDate } from 'graphql-scalars';

const badScalar = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/*
 * graphql-scalars checks the text (its LocalDate and RFC 3339 date-time rules); the scalars below
 * keep the platform's names, string dates and BAD_USER_INPUT errors. Its own Date and DateTime
 * types are not used: they turn a calendar day into a JavaScript Date at UTC midnight, which a
 * time zone can move by a day. It has no exact decimal, so Decimal is written here.
 */

/** True for a real calendar day written YYYY-MM-DD (rejects 2023-02-30). */
export function isCalendarDate(text: string): boolean {
  try {
    GraphQLLocalDate.parseValue(text);
    return true;
  } catch {
    return false;
  }
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw badScalar(`Date must be a calendar date YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** Calendar dates stay strings end to end, so no time zone can shift them by a day. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'Calendar date YYYY-MM-DD (日期, Asia/Shanghai calendar)',
  serialize: (value) => {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    return parseDate(value);
  },
  parseValue: parseDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badScalar('Date must be a string YYYY-MM-DD');
    return parseDate(ast.value);
  },
});

function parseDateTime(value: unknown): Date {
  // Date.parse alone would read 2024-02-30T10:00:00Z as 1 March; the RFC 3339 check refuses it.
  try {
    if (typeof value === 'string') return GraphQLDateTimeISO.parseValue(value) as Date;
  } catch {
    // refused below, in the platform's words
  }
  throw badScalar(
    `DateTime must be an RFC 3339 date-time with an offset, e.g. 2025-03-01T08:00:00+08:00, got ${JSON.stringify(value)}`,
  );
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'Instant (时间戳): RFC 3339 date-time with an offset, e.g. "2025-03-01T08:00:00+08:00"; answered in UTC, e.g. "2025-03-01T00:00:00.000Z"',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new Error('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badScalar('DateTime must be a string');
    return parseDateTime(ast.value);
  },
});

const DECIMAL_PATTERN = /^-?\d{1,16}(\.\d{1,6})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'string' && DECIMAL_PATTERN.test(value.trim())) return value.trim();
  throw badScalar(`Decimal must be a decimal string such as "1234.50", got ${JSON.stringify(value)}`);
}

/**
 * Exact decimal numbers (money in yuan, areas in mu, percentages). Serialised as strings and
 * stored as PostgreSQL numeric; floats are refused because they cannot be exact.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'Exact decimal number as a string, e.g. "18260.50" (精确小数: 金额/面积/比例)',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    throw new Error('Decimal values must be strings internally');
  },
  parseValue: parseDecimal,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT)
      return parseDecimal(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw badScalar('Decimal must be a string such as "1234.50"');
  },
});
