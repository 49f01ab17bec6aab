import type { Context } from '../context';
import { and, inList, query, withWhere, type SqlFragment } from '../sql';
import { toConnection, type ConnectionData, type Page } from './connection';
import { afterSql, orderBySql, type SortColumn } from './keyset';

/**
 * Pages the children of many parents in one window query (row_number per parent) and counts
 * them, for every parent at once, in one grouped query run only when a client reads totalCount.
 */
export async function pagesByParent<Row, T>(
  ctx: Context,
  spec: {
    keys: readonly string[];
    keyExpr: string;
    columns: string;
    from: string;
    where: SqlFragment;
    sort: SortColumn[];
    page: Page;
    cursorOf: (row: Row) => unknown[];
    toNode: (row: Row) => T;
  },
): Promise<ConnectionData<T>[]> {
  const { keys, keyExpr, columns, from, sort, page } = spec;
  const base = and(inList(keyExpr, keys), spec.where);
  const seek = page.after ? afterSql(sort, page.after) : undefined;
  const rows = await query<Row & { parent_key: string }>(
    ctx.em,
    withWhere(
      `SELECT * FROM (SELECT ${keyExpr} AS parent_key, ${columns}, row_number() OVER (PARTITION BY ${keyExpr} ORDER BY ${orderBySql(sort)}) AS rn FROM ${from}`,
      seek ? and(base, seek) : base,
      `) paged WHERE rn <= ${page.first + 1} ORDER BY parent_key, rn`,
    ),
  );
  let counted: Promise<Map<string, number>> | undefined;
  const countFor = async (key: string) => {
    counted ??= query<{ parent_key: string; count: number }>(
      ctx.em,
      withWhere(`SELECT ${keyExpr} AS parent_key, count(*)::int AS count FROM ${from}`, base, 'GROUP BY 1'),
    ).then((found) => new Map(found.map((f) => [String(f.parent_key), f.count])));
    return (await counted).get(key) ?? 0;
  };
  return keys.map((key) =>
    toConnection(
      rows.filter((row) => String(row.parent_key) === key),
      page,
      spec.cursorOf,
      spec.toNode,
      () => countFor(key),
    ),
  );
}
