import { badInput } from '../errors';

/** One column of a list's order; the last one must make the order total (a unique key). */
export interface SortColumn {
  /** SQL expression, trusted (never built from input). */
  expr: string;
  direction: 'asc' | 'desc';
}

export function orderBySql(sort: SortColumn[]): string {
  return sort.map((s) => `${s.expr} ${s.direction}`).join(', ');
}

/**
 * Keyset ("seek") condition selecting rows strictly after the cursor's values in `sort` order:
 * (a > x) OR (a = x AND b > y) ... with the comparison flipped for descending columns. Unlike
 * OFFSET it stays fast on deep pages and does not skip rows inserted meanwhile.
 */
export function afterSql(sort: SortColumn[], values: unknown[]): { sql: string; bindings: unknown[] } {
  if (values.length !== sort.length || values.some((v) => v === null || typeof v === 'object')) {
    throw badInput('after', 'after is not a cursor of this list');
  }
  const ors: string[] = [];
  const bindings: unknown[] = [];
  for (let i = 0; i < sort.length; i++) {
    const ands: string[] = [];
    for (let j = 0; j < i; j++) {
      ands.push(`${sort[j].expr} = ?`);
      bindings.push(values[j]);
    }
    ands.push(`${sort[i].expr} ${sort[i].direction === 'asc' ? '>' : '<'} ?`);
    bindings.push(values[i]);
    ors.push(`(${ands.join(' AND ')})`);
  }
  return { sql: `(${ors.join(' OR ')})`, bindings };
}
