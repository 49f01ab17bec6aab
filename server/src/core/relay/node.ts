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

/** A type reachable through `node(id)`: its GraphQL type name and its scoped loader. */
export interface NodeTypeDefinition {
  typeName: string;
  fetch: NodeFetcher;
}

/** The node types of the assembled platform; `node(id)` reaches only these. */
export class NodeRegistry {
  private readonly fetchers = new Map<string, NodeFetcher>();

  constructor(definitions: readonly NodeTypeDefinition[]) {
    for (const { typeName, fetch } of definitions) {
      if (this.fetchers.has(typeName)) throw new Error(`node type ${typeName} is declared twice`);
      this.fetchers.set(typeName, fetch);
    }
  }

  get typeNames(): string[] {
    return [...this.fetchers.keys()];
  }

  /** Null for ids that are malformed, of unknown types, absent, or outside the viewer's scope. */
  async fetch(ctx: Context, id: string): Promise<object | null> {
    const decoded = fromGlobalId(id);
    const fetcher = decoded && this.fetchers.get(decoded.type);
    if (!decoded || !fetcher) return null;
    return fetcher(ctx, decoded.key);
  }
}
