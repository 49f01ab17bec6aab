import type { Context } from '../context';
import { and, query, withWhere, type SqlFragment } from '../sql';
import { toConnection, type ConnectionData, type Page } from './connection';
import { afterSql, orderBySql, type SortColumn } from './keyset';

/** One root list's page: what to select, from where, under which condition and in which order. */
export interface KeysetPageSpec<Row, T> {
  /** Select list, e.g. `r.code, r.name`. */
  columns: string;
  /** FROM clause (tables and joins), shared by the page and its count. */
  from: string;
  /** Scope and filters, already combined (the resource policy's `readable` included). */
  where: SqlFragment;
  sort: SortColumn[];
  page: Page;
  cursorOf: (row: Row) => unknown[];
  toNode: (row: Row) => T;
}

/**
 * The shared pager of root lists: one statement for the page (seeking after the cursor, one row
 * more than asked to learn whether another page follows) and one count, sent only when a client
 * reads `totalCount`. Nested lists under many parents use `pagesByParent` instead.
 */
export async function keysetPage<Row, T>(ctx: Context, spec: KeysetPageSpec<Row, T>): Promise<ConnectionData<T>> {
  const { columns, from, where, sort, page } = spec;
  const seek = page.after ? afterSql(sort, page.after) : undefined;
  const rows = await query<Row>(
    ctx.em,
    withWhere(
      `SELECT ${columns} FROM ${from}`,
      seek ? and(where, seek) : where,
      `ORDER BY ${orderBySql(sort)} LIMIT ${page.first + 1}`,
    ),
  );
  return toConnection(rows, page, spec.cursorOf, spec.toNode, () => countRows(ctx, from, where));
}

/** `count(*)` of the rows a FROM clause and condition select. */
export async function countRows(ctx: Context, from: string, where: SqlFragment): Promise<number> {
  const [{ count }] = await query<{ count: number }>(
    ctx.em,
    withWhere(`SELECT count(*)::int AS count FROM ${from}`, where),
  );
  return count;
}
