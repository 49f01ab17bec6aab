import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { badInput } from '../errors';
import { ReadsAsPromise } from '../schema';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@ObjectType({ description: 'Relay page information (分页信息): where this page sits in the whole list' })
export class PageInfo {
  @Field({ description: 'True when more items follow; pass endCursor as `after` to fetch them' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page was asked for with `after` (pages only go forward)' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first edge; null on an empty page' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last edge, to pass as `after` for the next page; null on an empty page',
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}`,
  })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string;
}

/** Page arguments as services receive them (the PageArgs class, or plain values). */
export type PageInput = { first?: number | null; after?: string | null };

export interface Page {
  first: number;
  after?: unknown[];
}

/** Checks `first` and decodes `after`; both are the caller's input, so errors name the argument. */
export function readPage(args: { first?: number | null; after?: string | null }): Page {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `first must be between 0 and ${MAX_PAGE_SIZE}, got ${args.first}`);
  }
  return { first, after: args.after ? decodeCursor(args.after) : undefined };
}

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values)) return values;
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'after is not a cursor this API issued');
}

export interface EdgeData<T> {
  cursor: string;
  node: T;
}

/** What connection resolvers return; `totalCount` is a getter that queries only when a client reads it. */
export interface ConnectionData<T> {
  edges: EdgeData<T>[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number> | number;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type. Connections of
 * every list share this shape: `edges { cursor node }`, `pageInfo`, `totalCount`.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with the cursor that marks its place` })
  class Edge {
    @Field({ description: 'Opaque cursor of this edge; pass it as `after` to continue after it' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name} itself` })
    node: T;
  }

  // Abstract: only the named subclasses (RegionConnection, …) appear in the schema.
  @ObjectType()
  abstract class Connection {
    @Field(() => [Edge], { description: 'The items of this page, in the list order' })
    edges: EdgeData<T>[];

    @Field(() => PageInfo, { description: 'Whether more items follow, and the cursors to fetch them' })
    pageInfo: PageInfo;

    @Field(() => Int, {
      description:
        'Number of items across all pages (within your scope and the filters given); counted only when asked',
    })
    @ReadsAsPromise()
    totalCount: number;
  }
  return Connection;
}

/** Builds the connection for one page fetched with `first + 1` rows (the extra row tells whether more follow). */
export function toConnection<Row, T>(
  rows: Row[],
  page: Page,
  cursorOf: (row: Row) => unknown[],
  toNode: (row: Row) => T,
  totalCount: () => Promise<number> | number,
): ConnectionData<T> {
  const hasNextPage = rows.length > page.first;
  const edges = rows.slice(0, page.first).map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== undefined,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      return totalCount();
    },
  };
}
