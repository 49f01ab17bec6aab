import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { assetPolicy } from './asset.policy';
import { assetService } from './asset.service';
import { projectService } from './project.service';
import { ProjectNode } from './project.types';
import {
  AssetDisposalNode,
  AssetFilter,
  AssetIncomeType,
  AssetLedgerType,
  ProjectAssetConnection,
  ProjectAssetNode,
} from './asset.types';
import {
  AssetDisposalPayload,
  AssetIncomePayload,
  DecideAssetDisposalInput,
  ProjectAssetPayload,
  RecordAssetIncomeInput,
  RegisterProjectAssetInput,
  RequestAssetDisposalInput,
} from './asset.inputs';

@Resolver(() => ProjectAssetNode)
export class ProjectAssetResolver {
  @Authorized(assetPolicy.roles.read)
  @Query(() => ProjectAssetConnection, { description: 'Project assets you may see (扶贫项目资产), by village' })
  assets(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => AssetFilter, { nullable: true, description: 'Conditions every asset listed must meet' })
    filter?: AssetFilter,
  ): Promise<ConnectionData<ProjectAssetNode>> {
    return assetService.list(ctx, filter, page);
  }

  @Authorized(assetPolicy.roles.ledger)
  @Query(() => AssetLedgerType, { description: 'The asset ledger of a village, county or larger region (资产台账)' })
  assetLedger(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: '12-digit code or prefix' }) regionCode: string,
    @Arg('year', () => Int, { nullable: true, description: 'Income year; this year when omitted' }) year?: number,
  ): Promise<AssetLedgerType> {
    return assetService.ledger(ctx, regionCode, year);
  }

  @Authorized(assetPolicy.roles.write)
  @Mutation(() => ProjectAssetPayload, {
    description: 'Register an asset formed by an accepted project (资产确权登记)',
  })
  async registerProjectAsset(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The accepted project and the asset it formed' }) input: RegisterProjectAssetInput,
  ): Promise<ProjectAssetPayload> {
    return { asset: await assetService.register(ctx, input) };
  }

  @Authorized(assetPolicy.roles.write)
  @Mutation(() => AssetIncomePayload, { description: 'Record a year’s income and its distribution (资产收益分配)' })
  recordAssetIncome(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The asset, year, income and its split' }) input: RecordAssetIncomeInput,
  ): Promise<AssetIncomePayload> {
    return assetService.recordIncome(ctx, input);
  }

  @Authorized(assetPolicy.roles.write)
  @Mutation(() => AssetDisposalPayload, {
    description: 'Ask the county to approve disposing of an asset (资产处置申请)',
  })
  requestAssetDisposal(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The asset, how and why' }) input: RequestAssetDisposalInput,
  ): Promise<AssetDisposalPayload> {
    return assetService.requestDisposal(ctx, input);
  }

  @Authorized(assetPolicy.roles.approve)
  @Mutation(() => AssetDisposalPayload, { description: 'Approve or reject a disposal request (资产处置审批)' })
  decideAssetDisposal(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The request and the decision' }) input: DecideAssetDisposalInput,
  ): Promise<AssetDisposalPayload> {
    return assetService.decideDisposal(ctx, input);
  }

  @FieldResolver(() => ProjectNode, { nullable: true, description: 'The project that formed it (来源项目)' })
  project(@Ctx() ctx: Context, @Root() asset: ProjectAssetNode): Promise<ProjectNode | null> {
    return projectService.byKey(ctx, asset.projectId);
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description: 'The village it stands in; null when outside your scope',
  })
  village(@Ctx() ctx: Context, @Root() asset: ProjectAssetNode): Promise<VillageNode | null> {
    return villageService.byKey(ctx, asset.villageCode);
  }

  @FieldResolver(() => [AssetIncomeType], {
    description: 'Yearly income and its distribution, newest first (收益分配)',
  })
  incomes(@Ctx() ctx: Context, @Root() asset: ProjectAssetNode): Promise<AssetIncomeType[]> {
    return assetService.incomes(ctx, asset.uuid);
  }

  @FieldResolver(() => [AssetDisposalNode], { description: 'Disposal requests, oldest first (处置申请)' })
  disposals(@Ctx() ctx: Context, @Root() asset: ProjectAssetNode): Promise<AssetDisposalNode[]> {
    return assetService.disposals(ctx, asset.uuid);
  }
}

@Resolver(() => AssetDisposalNode)
export class AssetDisposalResolver {
  @FieldResolver(() => ProjectAssetNode, {
    nullable: true,
    description: 'The asset to dispose of (项目资产); null if you may not see it',
  })
  asset(@Ctx() ctx: Context, @Root() disposal: AssetDisposalNode): Promise<ProjectAssetNode | null> {
    return assetService.byKey(ctx, disposal.assetId);
  }
}

/** The asset ledger of one village as a field of the village (村级资产台账). */
@Resolver(() => VillageNode)
export class VillageAssetsResolver {
  @FieldResolver(() => ProjectAssetConnection, { description: 'Project assets in this village you may see (村级资产)' })
  assets(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<ProjectAssetNode>> {
    return assetService.assetsOf(ctx, 'village', village.code, page);
  }
}
