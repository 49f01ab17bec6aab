import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../context';
import { ALL_ROLES } from '../auth/viewer';
import { badInput } from '../errors';
import { MAX_PAGE_SIZE } from './connection';
import { Node } from './node';

@Resolver()
export class NodeResolver {
  @Authorized(ALL_ROLES)
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null when it does not exist or is outside your scope',
  })
  node(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: 'Global id as returned in any `id` field' }) id: string,
  ): Promise<object | null> {
    return ctx.nodes.fetch(ctx, id);
  }

  @Authorized(ALL_ROLES)
  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects by global id, in the order asked (at most ${MAX_PAGE_SIZE}); null for any not visible`,
  })
  nodes(
    @Ctx() ctx: Context,
    @Arg('ids', () => [ID], { description: `Global ids, at most ${MAX_PAGE_SIZE}` }) ids: string[],
  ): Promise<(object | null)[]> {
    if (ids.length > MAX_PAGE_SIZE) throw badInput('ids', `at most ${MAX_PAGE_SIZE} ids at once`);
    return Promise.all(ids.map((id) => ctx.nodes.fetch(ctx, id)));
  }
}
