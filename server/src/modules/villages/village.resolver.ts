import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { parentCodeOf } from '../../core/region-codes';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { villageService } from './village.service';
import {
  VillageConnection,
  VillageDesignationType,
  VillageFilter,
  VillageIndicatorChangeConnection,
  VillageIndicatorsType,
  VillageIndustryType,
  VillageNode,
  type VillageIndicatorChangeType,
  VillageOrder,
} from './village.types';
import {
  CreateVillageInput,
  DesignateVillageInput,
  DesignateVillagePayload,
  RecordVillageIndicatorsInput,
  RecordVillageIndicatorsPayload,
  RecordVillageIndustryInput,
  RecordVillageIndustryPayload,
  RevokeVillageDesignationInput,
  UpdateVillageInput,
  VillagePayload,
} from './village.inputs';
import { villagePolicy } from './village.policy';

@Resolver(() => VillageNode)
export class VillageResolver {
  @Authorized(villagePolicy.roles.read)
  @Query(() => VillageConnection, { description: 'Villages you may see (行政村列表)' })
  villages(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => VillageFilter, { nullable: true, description: 'Conditions every village listed must meet' })
    filter?: VillageFilter,
    @Arg('orderBy', () => VillageOrder, { nullable: true, description: 'Sort order; by region code when omitted' })
    orderBy?: VillageOrder,
  ): Promise<ConnectionData<VillageNode>> {
    return villageService.list(ctx, filter, page, orderBy);
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => VillagePayload, { description: 'Register a village under an existing township (新增行政村)' })
  async createVillage(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village to create' }) input: CreateVillageInput,
  ): Promise<VillagePayload> {
    return { village: await villageService.create(ctx, input) };
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => VillagePayload, { description: 'Change a village profile (修改村档案)' })
  async updateVillage(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village and the fields to change' }) input: UpdateVillageInput,
  ): Promise<VillagePayload> {
    return { village: await villageService.update(ctx, input) };
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => RecordVillageIndicatorsPayload, {
    description:
      'Record one year of indicators, merged into what the year holds; every recording is kept in `indicatorChanges` (录入年度指标)',
  })
  recordVillageIndicators(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village, year and indicator values' }) input: RecordVillageIndicatorsInput,
  ): Promise<RecordVillageIndicatorsPayload> {
    return villageService.recordIndicators(ctx, input);
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => RecordVillageIndustryPayload, {
    description: 'Record since when one industry of the village exists (产业形成年份), for targets due by a year',
  })
  recordVillageIndustry(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village, industry and year' }) input: RecordVillageIndustryInput,
  ): Promise<RecordVillageIndustryPayload> {
    return villageService.recordIndustry(ctx, input);
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => DesignateVillagePayload, { description: 'Give a village a designation (村庄认定)' })
  designateVillage(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village and the designation to add' }) input: DesignateVillageInput,
  ): Promise<DesignateVillagePayload> {
    return villageService.designate(ctx, input);
  }

  @Authorized(villagePolicy.roles.write)
  @Mutation(() => VillagePayload, { description: 'Withdraw a designation (撤销认定)' })
  async revokeVillageDesignation(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The village and the designation to remove' }) input: RevokeVillageDesignationInput,
  ): Promise<VillagePayload> {
    return { village: await villageService.revokeDesignation(ctx, input) };
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'Township (乡镇/街道)' })
  township(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, village.townshipCode);
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'County or district (县/区)' })
  county(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, parentCodeOf(village.townshipCode)!);
  }

  @FieldResolver(() => [VillageDesignationType], { description: 'Designations held (村庄认定)' })
  designations(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<VillageDesignationType[]> {
    return villageService.designations(ctx, village.code);
  }

  @FieldResolver(() => [VillageIndustryType], {
    description:
      'Industries of the profile (村产业): leading, specialty and main, each once, with the year since which it exists when known',
  })
  industries(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<VillageIndustryType[]> {
    return villageService.industries(ctx, village.code);
  }

  @FieldResolver(() => VillageIndicatorsType, {
    nullable: true,
    description: 'Indicators of a year; the latest recorded year when none is given',
  })
  indicators(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Arg('year', () => Int, { nullable: true, description: 'Calendar year (年份); the latest recorded when omitted' })
    year?: number,
  ): Promise<VillageIndicatorsType | null> {
    return villageService.indicators(ctx, village.code, year);
  }

  @FieldResolver(() => [VillageIndicatorsType], { description: 'Every recorded year, oldest first (历年指标)' })
  indicatorHistory(@Ctx() ctx: Context, @Root() village: VillageNode): Promise<VillageIndicatorsType[]> {
    return villageService.indicatorHistory(ctx, village.code);
  }

  @FieldResolver(() => VillageIndicatorChangeConnection, {
    description:
      'Every recording of the indicators, newest first, with who made it and the year before and after; only the given year when `year` is set (指标变更记录)',
  })
  indicatorChanges(
    @Ctx() ctx: Context,
    @Root() village: VillageNode,
    @Args() page: PageArgs,
    @Arg('year', () => Int, { nullable: true, description: 'Only recordings for this indicator year (年份)' })
    year?: number,
  ): Promise<ConnectionData<VillageIndicatorChangeType>> {
    return villageService.indicatorChanges(ctx, village.code, year, page);
  }
}
