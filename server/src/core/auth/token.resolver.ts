import { Arg, Authorized, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import { MaxLength } from 'class-validator';
import type { Context } from '../context';
import { badInput } from '../errors';
import { isUuid } from '../relay/global-id';
import { tokenPolicy } from './token.policy';

@InputType({ description: 'A token to revoke (吊销令牌)' })
export class RevokeTokenInput {
  @Field(() => ID, { description: 'The token id (its `jti`), printed by `npm run token` when it signs one' })
  tokenId: string;

  @Field(() => String, { nullable: true, description: 'Why (kept with the revocation)' })
  @MaxLength(500)
  reason?: string;
}

@ObjectType({ description: 'Result of revokeToken (吊销令牌)' })
export class RevokeTokenPayload {
  @Field(() => ID, { description: 'The token id (jti), lower-case' })
  tokenId: string;

  @Field({ description: 'False when the token had already been revoked' })
  newlyRevoked: boolean;
}

@Resolver()
export class TokenResolver {
  @Authorized(tokenPolicy.roles.write)
  @Mutation(() => RevokeTokenPayload, {
    description:
      'Revoke a token (吊销令牌): every request with it is refused from now on, and its live subscriptions end with UNAUTHENTICATED',
  })
  async revokeToken(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The token and why' }) input: RevokeTokenInput,
  ): Promise<RevokeTokenPayload> {
    tokenPolicy.requireWrite(ctx.viewer);
    if (!isUuid(input.tokenId)) throw badInput('tokenId', 'tokenId must be the uuid from the token (its jti)');
    if (!ctx.revocations) throw new Error('token revocation is not configured');
    const tokenId = input.tokenId.toLowerCase();
    const newlyRevoked = await ctx.revocations.revoke(
      tokenId,
      ctx.viewer.subject ?? ctx.viewer.role,
      input.reason ?? null,
    );
    return { tokenId, newlyRevoked };
  }
}
