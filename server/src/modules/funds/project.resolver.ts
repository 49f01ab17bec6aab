import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DecimalScalar } from '../../core/scalars';
import { RegionNode } from '../regions/region.types';
import { regionService } from '../regions/region.service';
import { VillageNode } from '../villages/village.types';
import { ProviderNode } from '../providers/provider.types';
import { providerService } from '../providers/provider.service';
import { projectPolicy } from './project.policy';
import { projectService } from './project.service';
import { fundService } from './fund.service';
import { assetService } from './asset.service';
import { ProjectStatus } from './funds.enums';
import { nextStatuses } from './project-workflow';
import {
  ProjectBudgetLineType,
  ProjectConnection,
  ProjectFilter,
  ProjectNode,
  ProjectPaymentConnection,
  ProjectPaymentNode,
  ProjectStatusChangeType,
  ProjectStatusCountType,
} from './project.types';
import { FundAllocationNode } from './fund.types';
import { ProjectAssetConnection, type ProjectAssetNode } from './asset.types';
import {
  MoveProjectInput,
  ProjectPayload,
  ProjectPaymentPayload,
  ProposeProjectInput,
  RecordProjectPaymentInput,
} from './project.inputs';

@Resolver(() => ProjectNode)
export class ProjectResolver {
  @Authorized(projectPolicy.roles.read)
  @Query(() => ProjectConnection, { description: 'Projects you may see (项目库列表), newest plan year first' })
  projects(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => ProjectFilter, { nullable: true, description: 'Conditions every project listed must meet' })
    filter?: ProjectFilter,
  ): Promise<ConnectionData<ProjectNode>> {
    return projectService.list(ctx, filter, page);
  }

  @Authorized(projectPolicy.roles.read)
  @Query(() => [ProjectStatusCountType], {
    description: 'Projects of a region you may see, counted per status in workflow order (各状态项目数)',
  })
  projectStatusCounts(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: '12-digit code or prefix' }) regionCode: string,
    @Arg('year', () => Int, { nullable: true, description: 'Plan year; all years when omitted' }) year?: number,
  ): Promise<ProjectStatusCountType[]> {
    return projectService.statusCounts(ctx, regionCode, year);
  }

  @Authorized(projectPolicy.roles.write)
  @Mutation(() => ProjectPayload, { description: 'Enter a project into the county project library (项目入库)' })
  async proposeProject(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The project to enter into the library' }) input: ProposeProjectInput,
  ): Promise<ProjectPayload> {
    return { project: await projectService.propose(ctx, input) };
  }

  @Authorized(projectPolicy.roles.move)
  @Mutation(() => ProjectPayload, { description: 'Move a project one step through the library (项目状态变更)' })
  async moveProject(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The project, its next status and the date' }) input: MoveProjectInput,
  ): Promise<ProjectPayload> {
    return { project: await projectService.move(ctx, input) };
  }

  @Authorized(projectPolicy.roles.pay)
  @Mutation(() => ProjectPaymentPayload, {
    description: 'Pay a project from an allocation, by progress (项目资金拨付)',
  })
  recordProjectPayment(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The project, the allocation and the amount' }) input: RecordProjectPaymentInput,
  ): Promise<ProjectPaymentPayload> {
    return projectService.pay(ctx, input);
  }

  @FieldResolver(() => RegionNode, { nullable: true, description: 'The county (县); null when outside your scope' })
  county(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<RegionNode | null> {
    return regionService.byKey(ctx, project.countyCode);
  }

  @FieldResolver(() => [VillageNode], { description: 'Villages served that you may see (受益村)' })
  villages(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<VillageNode[]> {
    return projectService.villages(ctx, project);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether every village served is key-assisted (仅服务重点帮扶村): only then do its payments count toward the 12% rule',
  })
  async keyVillagesOnly(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<boolean> {
    return (await projectService.facts(ctx, project.uuid)).key_villages_only;
  }

  @FieldResolver(() => [ProjectBudgetLineType], { description: 'Budget by fund source (资金来源)' })
  budget(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<ProjectBudgetLineType[]> {
    return projectService.budget(ctx, project.uuid);
  }

  @FieldResolver(() => DecimalScalar, { description: 'Total budget, yuan (总投资, 元)' })
  async totalBudget(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<string> {
    return (await projectService.facts(ctx, project.uuid)).total_budget;
  }

  @FieldResolver(() => DecimalScalar, { description: 'Paid so far, yuan (已拨付, 元)' })
  async paidAmount(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<string> {
    return (await projectService.facts(ctx, project.uuid)).paid;
  }

  @FieldResolver(() => [ProjectStatusChangeType], {
    description: 'Every step with its date and who took it, oldest first (状态变更记录)',
  })
  history(@Ctx() ctx: Context, @Root() project: ProjectNode): Promise<ProjectStatusChangeType[]> {
    return projectService.history(ctx, project.uuid);
  }

  @FieldResolver(() => [ProjectStatus], { description: 'Statuses the project may move to next (可变更状态)' })
  nextStatuses(@Root() project: ProjectNode): ProjectStatus[] {
    return nextStatuses(project.status);
  }

  @FieldResolver(() => ProjectPaymentConnection, { description: 'Payments (拨付记录), by date' })
  payments(
    @Ctx() ctx: Context,
    @Root() project: ProjectNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<ProjectPaymentNode>> {
    return projectService.payments(ctx, project.uuid, page);
  }

  @FieldResolver(() => ProjectAssetConnection, { description: 'Assets the project formed that you may see (项目资产)' })
  assets(
    @Ctx() ctx: Context,
    @Root() project: ProjectNode,
    @Args() page: PageArgs,
  ): Promise<ConnectionData<ProjectAssetNode>> {
    return assetService.assetsOf(ctx, 'project', project.uuid, page);
  }
}

@Resolver(() => ProjectBudgetLineType)
export class ProjectBudgetLineResolver {
  @FieldResolver(() => ProviderNode, {
    nullable: true,
    description: 'Whose money it is, for partner funds (出资方); null for fiscal funds or outside your scope',
  })
  provider(@Ctx() ctx: Context, @Root() line: ProjectBudgetLineType): Promise<ProviderNode | null> | null {
    return line.providerId ? providerService.byKey(ctx, line.providerId) : null;
  }
}

@Resolver(() => ProjectPaymentNode)
export class ProjectPaymentResolver {
  @FieldResolver(() => ProjectNode, { nullable: true, description: 'The project paid' })
  project(@Ctx() ctx: Context, @Root() payment: ProjectPaymentNode): Promise<ProjectNode | null> {
    return projectService.byKey(ctx, payment.projectId);
  }

  @FieldResolver(() => FundAllocationNode, {
    nullable: true,
    description: 'The allocation paid from; null when outside your scope',
  })
  allocation(@Ctx() ctx: Context, @Root() payment: ProjectPaymentNode): Promise<FundAllocationNode | null> {
    return fundService.byKey(ctx, payment.allocationId);
  }
}
