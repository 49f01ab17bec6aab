import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from '@mikro-orm/knex';

/** A trusted SQL fragment with `?` placeholders and its bindings. */
export interface SqlFragment {
  sql: string;
  bindings: unknown[];
}

export const sqlTrue: SqlFragment = { sql: 'true', bindings: [] };
export const sqlFalse: SqlFragment = { sql: 'false', bindings: [] };

/** `expr IN (?, ?, ...)`, or false for an empty list (SQL has no empty IN list). */
export function inList(expr: string, values: readonly unknown[]): SqlFragment {
  if (values.length === 0) return sqlFalse;
  return { sql: `${expr} IN (${values.map(() => '?').join(', ')})`, bindings: [...values] };
}

export function and(...parts: SqlFragment[]): SqlFragment {
  const kept = parts.filter((p) => p.sql !== 'true');
  if (kept.length === 0) return sqlTrue;
  return { sql: kept.map((p) => `(${p.sql})`).join(' AND '), bindings: kept.flatMap((p) => p.bindings) };
}

/**
 * The knex to read with: the open transaction when a service is inside `em.transactional`,
 * so reads see the transaction's own writes; the pool otherwise.
 */
export function knexOf(em: EntityManager): Knex {
  return (em.getTransactionContext<Knex.Transaction>() ?? em.getKnex()) as Knex;
}

/** Runs a raw query and returns its rows. */
export async function query<Row>(
  em: EntityManager,
  fragment: SqlFragment | string,
  bindings: unknown[] = [],
): Promise<Row[]> {
  const { sql, bindings: all } = typeof fragment === 'string' ? { sql: fragment, bindings } : fragment;
  const result = await knexOf(em).raw(sql, all as Knex.RawBinding[]);
  return result.rows as Row[];
}

/** Appends a WHERE clause (and any trailing SQL) to a statement. */
export function withWhere(select: string, where: SqlFragment, tail = ''): SqlFragment {
  return { sql: `${select} WHERE ${where.sql} ${tail}`, bindings: where.bindings };
}
