import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { postPolicy } from './post.policy';
import { postService } from './post.service';
import {
  MonthlyPostFeeType,
  PostAgreementConnection,
  PostAgreementFilter,
  PostAgreementNode,
  PostCheckConnection,
  PostCheckNode,
  WelfarePostConnection,
  WelfarePostFilter,
  WelfarePostNode,
} from './post.types';
import {
  CreateWelfarePostInput,
  EndPostAgreementInput,
  KeepPostAgreementInput,
  PostAgreementPayload,
  PostCheckPayload,
  RecordPostCheckInput,
  SignPostAgreementInput,
  WelfarePostPayload,
} from './post.inputs';

@Resolver(() => WelfarePostNode)
export class WelfarePostResolver {
  @Authorized(postPolicy.roles.read)
  @Query(() => WelfarePostConnection, { description: 'Public-welfare posts you may see (公益岗位), by village' })
  welfarePosts(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => WelfarePostFilter, { nullable: true, description: 'Conditions every post listed must meet' })
    filter?: WelfarePostFilter,
  ): Promise<ConnectionData<WelfarePostNode>> {
    return postService.listPosts(ctx, filter, page);
  }

  @Authorized(postPolicy.roles.read)
  @Query(() => PostAgreementConnection, { description: 'Post agreements you may see (岗位协议), newest first' })
  postAgreements(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => PostAgreementFilter, {
      nullable: true,
      description: 'Conditions every agreement listed must meet',
    })
    filter?: PostAgreementFilter,
  ): Promise<ConnectionData<PostAgreementNode>> {
    return postService.listAgreements(ctx, filter, page);
  }

  @Authorized(postPolicy.roles.write)
  @Mutation(() => WelfarePostPayload, { description: 'Set a public-welfare post (按需设岗)' })
  async createWelfarePost(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village and the post' }) input: CreateWelfarePostInput,
  ): Promise<WelfarePostPayload> {
    return { post: await postService.createPost(ctx, input) };
  }

  @Authorized(postPolicy.roles.write)
  @Mutation(() => PostAgreementPayload, { description: 'Hire a holder under an agreement (以岗聘任)' })
  async signPostAgreement(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The post, the holder and the terms' }) input: SignPostAgreementInput,
  ): Promise<PostAgreementPayload> {
    return { agreement: await postService.signAgreement(ctx, input) };
  }

  @Authorized(postPolicy.roles.write)
  @Mutation(() => PostCheckPayload, { description: 'Record a check of a post holder (检查考核)' })
  recordPostCheck(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The agreement and what the check found' }) input: RecordPostCheckInput,
  ): Promise<PostCheckPayload> {
    return postService.recordCheck(ctx, input);
  }

  @Authorized(postPolicy.roles.write)
  @Mutation(() => PostAgreementPayload, {
    description: 'Confirm a proposed termination, or record an orderly exit (解除协议 / 有序退岗)',
  })
  async endPostAgreement(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The agreement, why and the last day' }) input: EndPostAgreementInput,
  ): Promise<PostAgreementPayload> {
    return { agreement: await postService.endAgreement(ctx, input) };
  }

  @Authorized(postPolicy.roles.write)
  @Mutation(() => PostAgreementPayload, { description: 'Withdraw a proposed termination (继续履约)' })
  async keepPostAgreement(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The agreement to keep' }) input: KeepPostAgreementInput,
  ): Promise<PostAgreementPayload> {
    return { agreement: await postService.keepAgreement(ctx, input) };
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'Village of the post (设岗村); null outside your scope',
  })
  village(@Ctx() ctx: Context, @Root() post: WelfarePostNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, post.villageCode);
  }

  @FieldResolver(() => [PostAgreementNode], { description: 'Agreements of the post, newest first (聘任记录)' })
  agreements(@Ctx() ctx: Context, @Root() post: WelfarePostNode): Promise<PostAgreementNode[]> {
    return postService.agreementsOf(ctx, post.uuid);
  }
}

@Resolver(() => PostAgreementNode)
export class PostAgreementResolver {
  @FieldResolver(() => WelfarePostNode, {
    nullable: true,
    description: 'The post (公益岗位); null if you may not see it',
  })
  post(@Ctx() ctx: Context, @Root() agreement: PostAgreementNode): Promise<WelfarePostNode | null> {
    return postService.postByKey(ctx, agreement.postId);
  }

  @FieldResolver(() => PostCheckConnection, { description: 'Checks, oldest first (检查记录)' })
  checks(
    @Ctx() ctx: Context,
    @Root() agreement: PostAgreementNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<PostCheckNode>> {
    return postService.checks(ctx, agreement.uuid, page);
  }

  @FieldResolver(() => [MonthlyPostFeeType], {
    description: 'The fee of each month of the agreement in a year (月度管护补助), exact to the fen',
  })
  monthlyFees(
    @Ctx() ctx: Context,
    @Root() agreement: PostAgreementNode,
    @Arg('year', () => Int, { description: 'Calendar year (年度); months outside the agreement are left out' })
    year: number,
  ): Promise<MonthlyPostFeeType[]> {
    return postService.monthlyFees(ctx, agreement, year);
  }
}

@Resolver(() => PostCheckNode)
export class PostCheckResolver {
  @FieldResolver(() => PostAgreementNode, {
    nullable: true,
    description: 'The agreement checked (聘任协议); null if you may not see it',
  })
  agreement(@Ctx() ctx: Context, @Root() check: PostCheckNode): Promise<PostAgreementNode | null> {
    return postService.agreementByKey(ctx, check.agreementId);
  }
}
