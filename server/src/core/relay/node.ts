import { Field, ID, InterfaceType } from 'type-graphql';
import type { Context } from '../context';
import { fromGlobalId } from './global-id';

@InterfaceType({ description: 'An object with a global id, fetchable through `node(id:)` (可全局寻址的对象)' })
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id' })
  id: string;
}

/** Loads one object of a type by its key, already limited to what the viewer may see. */
export type NodeFetcher = (ctx: Context, key: string) => Promise<object | null>;

const fetchers = new Map<string, NodeFetcher>();

/** Each module registers the node types it owns; `node(id)` only reaches registered types. */
export function registerNodeType(typeName: string, fetcher: NodeFetcher): void {
  fetchers.set(typeName, fetcher);
}

/** Null for ids that are malformed, of unknown types, absent, or outside the viewer's scope. */
export async function fetchNode(ctx: Context, id: string): Promise<object | null> {
  const decoded = fromGlobalId(id);
  const fetcher = decoded && fetchers.get(decoded.type);
  if (!decoded || !fetcher) return null;
  return fetcher(ctx, decoded.key);
}
