import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { RegionLevel } from './region.entity';
import { RegionConnection, RegionNode } from './region.types';
import { RegionSummary } from '../targets/target.types';
import { CreateRegionInput, CreateRegionPayload } from './region.inputs';
import { regionCodeArg, regionService } from './region.service';
import { VillageConnection, VillageFilter, VillageOrder, type VillageNode } from '../villages/village.types';
import { villageService } from '../villages/village.service';
import { targetService } from '../targets/target.service';
import { regionPolicy } from './region.policy';

@Resolver(() => RegionNode)
export class RegionResolver {
  @Authorized(regionPolicy.roles.read)
  @Query(() => RegionNode, {
    nullable: true,
    description: 'A region by its code (12 digits or prefix); null when absent or outside your scope',
  })
  region(
    @Ctx() ctx: Context,
    @Arg('code', {
      description: '12-digit statistical code, or a prefix of it (e.g. 3504 for 350400000000), padded with zeros',
    })
    code: string,
  ): Promise<RegionNode | null> {
    return regionService.byKey(ctx, regionCodeArg(code, 'code'));
  }

  @Authorized(regionPolicy.roles.read)
  @Query(() => RegionConnection, { description: 'Regions, ordered by code' })
  regions(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('parentCode', () => String, {
      nullable: true,
      description: 'Only the direct children of this region (code or prefix)',
    })
    parentCode?: string,
    @Arg('level', () => RegionLevel, { nullable: true, description: 'Only regions of this level (级别)' })
    level?: RegionLevel,
  ): Promise<ConnectionData<RegionNode>> {
    return regionService.list(ctx, { parentCode, level }, page);
  }

  @Authorized(regionPolicy.roles.write)
  @Mutation(() => CreateRegionPayload, { description: 'Create a region below an existing parent (新增区划)' })
  async createRegion(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'Code, name and county flags' }) input: CreateRegionInput,
  ): Promise<CreateRegionPayload> {
    return { region: await regionService.create(ctx, input) };
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'Parent region (上级区划)' })
  parent(@Ctx() ctx: Context, @Root() region: RegionNode): Promise<RegionNode | null> | null {
    return region.parentCode ? regionService.byKey(ctx, region.parentCode) : null;
  }

  @FieldResolver(() => RegionConnection, { description: 'Direct children (下级区划)' })
  children(
    @Ctx() ctx: Context,
    @Root() region: RegionNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<RegionNode>> {
    return regionService.childrenOf(ctx, region.code, page);
  }

  @FieldResolver(() => VillageConnection, { description: 'Villages anywhere inside this region (辖区内行政村)' })
  villages(
    @Ctx() ctx: Context,
    @Root() region: RegionNode,
    @Args() page: PageArgs,
    @Arg('filter', () => VillageFilter, { nullable: true, description: 'Conditions every village listed must meet' })
    filter?: VillageFilter,
    @Arg('orderBy', () => VillageOrder, { nullable: true, description: 'Sort order; by region code when omitted' })
    orderBy?: VillageOrder,
  ): Promise<ConnectionData<VillageNode>> {
    return villageService.inRegion(ctx, region.code, filter, page, orderBy);
  }

  @FieldResolver(() => RegionSummary, {
    description:
      'Village counts and policy-target attainment inside this region (区域汇总), targets judged as at the end of `year` (default and latest: the current year in Asia/Shanghai)',
  })
  summary(
    @Ctx() ctx: Context,
    @Root() region: RegionNode,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'Calendar year to judge targets at (年度); a later year is treated as the current one',
    })
    year?: number,
  ): Promise<RegionSummary> {
    return targetService.summary(ctx, region.code, year);
  }
}
