import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { VillageConnection, VillageNode } from '../villages/village.types';
import { AssistanceUnitNode, type ProviderNode } from '../providers/provider.types';
import { MemberStatus } from './team.entity';
import {
  DispatchingUnitType,
  ResidentTeamConnection,
  ResidentTeamFilter,
  ResidentTeamNode,
  TeamMemberConnection,
  TeamMemberNode,
  TeamVacancyConnection,
  TeamVacancyFilter,
  TeamVacancyNode,
  WorkPlanType,
} from './team.types';
import { ComplianceRateType } from './attendance.types';
import { InspectionNode } from './inspection.types';
import {
  AddTeamMemberInput,
  CreateResidentTeamInput,
  EndResidentTeamInput,
  RecordPartyTransferInput,
  ResidentTeamPayload,
  RotateTeamMemberInput,
  RotateTeamMemberPayload,
  SubmitWorkPlanInput,
  SubmitWorkPlanPayload,
  TeamMemberPayload,
} from './team.inputs';
import { teamService } from './team.service';
import { memberService } from './member.service';
import { attendanceService } from './attendance.service';
import { WEEK_OF } from './attendance.rules';
import { inspectionService } from './inspection.service';
import { teamPolicy } from './team.policy';

@Resolver(() => ResidentTeamNode)
export class ResidentTeamResolver {
  @Authorized(teamPolicy.roles.read)
  @Query(() => ResidentTeamConnection, { description: 'Resident work teams you may see (驻村工作队列表)' })
  residentTeams(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => ResidentTeamFilter, { nullable: true, description: 'Conditions every team listed must meet' })
    filter?: ResidentTeamFilter,
  ): Promise<ConnectionData<ResidentTeamNode>> {
    return teamService.list(ctx, filter, page);
  }

  @Authorized(teamPolicy.roles.summarise)
  @Query(() => VillageConnection, {
    description: 'Key-assisted villages (重点帮扶村) without a team that has anyone on duty (未派驻工作队的重点帮扶村)',
  })
  keyVillagesWithoutTeam(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only inside this region (12-digit code or prefix)',
    })
    regionCode?: string,
  ): Promise<ConnectionData<VillageNode>> {
    return teamService.keyVillagesWithoutTeam(ctx, regionCode, page);
  }

  @Authorized(teamPolicy.roles.read)
  @Query(() => TeamVacancyConnection, {
    description:
      'Posts left open by recalls in the teams you may see, oldest first, until someone is dispatched (召回后空缺)',
  })
  teamVacancies(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => TeamVacancyFilter, {
      nullable: true,
      description: 'Conditions every vacancy listed must meet',
    })
    filter?: TeamVacancyFilter,
  ): Promise<ConnectionData<TeamVacancyNode>> {
    return teamService.vacancyList(ctx, filter, page);
  }

  @Authorized(teamPolicy.roles.read)
  @Query(() => TeamMemberConnection, {
    description:
      'Members on duty whose planned last day is within `withinDays` days from today, overdue ones included, soonest first (任期将满人员)',
  })
  teamMembersWithTermEnding(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('withinDays', () => Int, { description: 'Days from today (Asia/Shanghai), 0 to 366' }) withinDays: number,
    @Arg('regionCode', () => String, {
      nullable: true,
      description: 'Only members of teams in villages inside this region (12-digit code or prefix)',
    })
    regionCode?: string,
  ): Promise<ConnectionData<TeamMemberNode>> {
    return memberService.withTermEnding(ctx, withinDays, regionCode, page);
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => ResidentTeamPayload, { description: 'Dispatch a resident team to a village (选派驻村工作队)' })
  async createResidentTeam(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'Village, term and dispatching units' }) input: CreateResidentTeamInput,
  ): Promise<ResidentTeamPayload> {
    return { team: await teamService.create(ctx, input) };
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => ResidentTeamPayload, {
    description: 'End a team’s term (期满撤回); members still on duty rotate out and open vacancies close',
  })
  async endResidentTeam(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The team and its last day' }) input: EndResidentTeamInput,
  ): Promise<ResidentTeamPayload> {
    return { team: await teamService.end(ctx, input) };
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => TeamMemberPayload, {
    description:
      'Put a person on duty in a team (选派队员); a first secretary must be a Party member; fills an open vacancy of the same role',
  })
  async addTeamMember(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The team, the person and the role' }) input: AddTeamMemberInput,
  ): Promise<TeamMemberPayload> {
    return { member: await memberService.add(ctx, input) };
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => RotateTeamMemberPayload, { description: 'Rotate a member out and another in, atomically (轮换)' })
  rotateTeamMember(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The outgoing member and the incoming person' }) input: RotateTeamMemberInput,
  ): Promise<RotateTeamMemberPayload> {
    return memberService.rotate(ctx, input);
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => TeamMemberPayload, {
    description:
      'Record the day a member’s party membership moved to the village organisation (党组织关系转入, 查档案)',
  })
  async recordPartyMembershipTransfer(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The member and the day of the transfer' }) input: RecordPartyTransferInput,
  ): Promise<TeamMemberPayload> {
    return { member: await memberService.recordPartyTransfer(ctx, input) };
  }

  @Authorized(teamPolicy.roles.write)
  @Mutation(() => SubmitWorkPlanPayload, { description: 'Submit a team’s annual work plan (报送年度帮扶工作计划)' })
  submitWorkPlan(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The team, the year and the plan' }) input: SubmitWorkPlanInput,
  ): Promise<SubmitWorkPlanPayload> {
    return inspectionService.submitWorkPlan(ctx, input);
  }

  @FieldResolver(() => VillageNode, {
    nullable: true,
    description:
      'The village the team is stationed in (驻点村), under the same village scope as node(id): null when you may not see the village',
  })
  village(@Ctx() ctx: Context, @Root() team: ResidentTeamNode): Promise<VillageNode | null> {
    return teamService.village(ctx, team);
  }

  @FieldResolver(() => [DispatchingUnitType], {
    description: 'Dispatching units (派出单位), lead unit (牵头单位) first',
  })
  dispatchingUnits(@Ctx() ctx: Context, @Root() team: ResidentTeamNode): Promise<DispatchingUnitType[]> {
    return teamService.dispatchingUnits(ctx, team.key);
  }

  @FieldResolver(() => [TeamMemberNode], {
    description: 'Members (队员), on duty first; all statuses unless one is given',
  })
  members(
    @Ctx() ctx: Context,
    @Root() team: ResidentTeamNode,
    @Arg('status', () => MemberStatus, { nullable: true, description: 'Only members of this status (在岗状态)' })
    status?: MemberStatus,
  ): Promise<TeamMemberNode[]> {
    return memberService.ofTeam(ctx, team.key, status);
  }

  @FieldResolver(() => [TeamVacancyNode], {
    description:
      'Posts left open by recalls (空缺), open ones first; only open or only closed ones when `open` is given',
  })
  vacancies(
    @Ctx() ctx: Context,
    @Root() team: ResidentTeamNode,
    @Arg('open', () => Boolean, {
      nullable: true,
      description: 'true: only open posts; false: only closed ones; both when omitted',
    })
    open?: boolean,
  ): Promise<TeamVacancyNode[]> {
    return teamService.vacancies(ctx, team.key, open);
  }

  @FieldResolver(() => [WorkPlanType], { description: 'Annual work plans (年度工作计划), newest first' })
  workPlans(@Ctx() ctx: Context, @Root() team: ResidentTeamNode): Promise<WorkPlanType[]> {
    return inspectionService.workPlans(ctx, team.key);
  }

  @FieldResolver(() => [InspectionNode], { description: '五查五看 inspections of the team, newest first' })
  inspections(@Ctx() ctx: Context, @Root() team: ResidentTeamNode): Promise<InspectionNode[]> {
    return inspectionService.ofTeam(ctx, team.key);
  }

  @FieldResolver(() => ComplianceRateType, {
    description: '五天四夜 compliance of the team’s members in the week holding `weekOf` (本周驻村达标率)',
  })
  complianceRate(
    @Ctx() ctx: Context,
    @Root() team: ResidentTeamNode,
    @Arg('weekOf', () => DateScalar, { description: WEEK_OF }) weekOf: string,
  ): Promise<ComplianceRateType> {
    return attendanceService.teamRate(ctx, team.key, weekOf);
  }
}

@Resolver(() => DispatchingUnitType)
export class DispatchingUnitResolver {
  @FieldResolver(() => AssistanceUnitNode, {
    nullable: true,
    description: 'The assistance unit itself (帮扶单位), a node under the provider scope: null when you may not see it',
  })
  unit(@Ctx() ctx: Context, @Root() unit: DispatchingUnitType): Promise<ProviderNode | null> {
    return teamService.unit(ctx, unit);
  }
}

@Resolver(() => TeamVacancyNode)
export class TeamVacancyResolver {
  @FieldResolver(() => ResidentTeamNode, { description: 'The team (工作队)' })
  async team(@Ctx() ctx: Context, @Root() vacancy: TeamVacancyNode): Promise<ResidentTeamNode> {
    const team = await teamService.byKey(ctx, vacancy.teamKey);
    if (!team) throw notFound('Resident team not found');
    return team;
  }

  @FieldResolver(() => TeamMemberNode, {
    nullable: true,
    description: 'The member whose recall opened it (被召回队员)',
  })
  recalledMember(@Ctx() ctx: Context, @Root() vacancy: TeamVacancyNode): Promise<TeamMemberNode | null> | null {
    return vacancy.recalledMemberKey ? memberService.byKey(ctx, vacancy.recalledMemberKey) : null;
  }

  @FieldResolver(() => TeamMemberNode, { nullable: true, description: 'The member dispatched into it (补派队员)' })
  filledBy(@Ctx() ctx: Context, @Root() vacancy: TeamVacancyNode): Promise<TeamMemberNode | null> | null {
    return vacancy.filledByMemberKey ? memberService.byKey(ctx, vacancy.filledByMemberKey) : null;
  }

  @FieldResolver(() => InspectionNode, { nullable: true, description: 'The inspection that recalled (召回督查)' })
  inspection(@Ctx() ctx: Context, @Root() vacancy: TeamVacancyNode): Promise<InspectionNode | null> | null {
    return vacancy.inspectionKey ? inspectionService.byKey(ctx, vacancy.inspectionKey) : null;
  }
}
