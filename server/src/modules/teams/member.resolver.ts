import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../core/context';
import { notFound } from '../../core/errors';
import { PageArgs, type ConnectionData } from '../../core/relay/connection';
import { DateScalar } from '../../core/scalars';
import { ResidentTeamNode, TeamMemberNode } from './team.types';
import {
  AttendanceDayType,
  TeamComplianceSummaryType,
  WeeklyComplianceConnection,
  WeeklyComplianceFilter,
  WeeklyComplianceType,
} from './attendance.types';
import { RecordAttendanceInput, RecordAttendancePayload } from './team.inputs';
import { teamService } from './team.service';
import { memberService } from './member.service';
import { attendanceService } from './attendance.service';
import { WEEK_OF } from './attendance.rules';
import { teamPolicy } from './team.policy';

async function teamOf(ctx: Context, key: string): Promise<ResidentTeamNode> {
  const team = await teamService.byKey(ctx, key);
  if (!team) throw notFound('Resident team not found');
  return team;
}

@Resolver(() => TeamMemberNode)
export class TeamMemberResolver {
  @Authorized(teamPolicy.roles.recordAttendance)
  @Mutation(() => RecordAttendancePayload, {
    description: 'Record a member’s day (考勤登记); the same day again replaces it',
  })
  recordAttendance(
    @Ctx() ctx: Context,
    @Arg('input', { description: 'The member, the day and where they were' }) input: RecordAttendanceInput,
  ): Promise<RecordAttendancePayload> {
    return attendanceService.record(ctx, input);
  }

  @FieldResolver(() => ResidentTeamNode, { description: 'The team (所在工作队)' })
  team(@Ctx() ctx: Context, @Root() member: TeamMemberNode): Promise<ResidentTeamNode> {
    return teamOf(ctx, member.teamKey);
  }

  @FieldResolver(() => [AttendanceDayType], {
    description: 'Recorded days between `from` and `to` inclusive, at most 92 days (考勤记录)',
  })
  attendance(
    @Ctx() ctx: Context,
    @Root() member: TeamMemberNode,
    @Arg('from', () => DateScalar, { description: 'First day (起始日期)' }) from: string,
    @Arg('to', () => DateScalar, { description: 'Last day (截止日期), at most 92 days after `from`' }) to: string,
  ): Promise<AttendanceDayType[]> {
    return attendanceService.attendance(ctx, member.key, from, to);
  }

  @FieldResolver(() => WeeklyComplianceType, {
    nullable: true,
    description: '五天四夜 compliance in the week holding `weekOf`; null when not on duty for that whole week',
  })
  weeklyCompliance(
    @Ctx() ctx: Context,
    @Root() member: TeamMemberNode,
    @Arg('weekOf', () => DateScalar, { description: WEEK_OF }) weekOf: string,
  ): Promise<WeeklyComplianceType | null> {
    return attendanceService.memberWeek(ctx, member.key, weekOf);
  }
}

@Resolver(() => WeeklyComplianceType)
export class WeeklyComplianceResolver {
  @Authorized(teamPolicy.roles.read)
  @Query(() => WeeklyComplianceConnection, {
    description: '五天四夜 compliance per member in one week (每周驻村考勤), by team then member',
  })
  weeklyCompliance(
    @Ctx() ctx: Context,
    @Args() page: PageArgs,
    @Arg('filter', () => WeeklyComplianceFilter, { description: 'The week, and which teams' })
    filter: WeeklyComplianceFilter,
  ): Promise<ConnectionData<WeeklyComplianceType>> {
    return attendanceService.list(ctx, filter, page);
  }

  @Authorized(teamPolicy.roles.read)
  @Query(() => TeamComplianceSummaryType, {
    description: '五天四夜 compliance of the teams you may see inside a region, in one week (区域驻村考勤汇总)',
  })
  teamComplianceSummary(
    @Ctx() ctx: Context,
    @Arg('regionCode', { description: 'Region (12-digit code or prefix); must be within your scope' })
    regionCode: string,
    @Arg('weekOf', () => DateScalar, { description: WEEK_OF }) weekOf: string,
  ): Promise<TeamComplianceSummaryType> {
    return attendanceService.regionSummary(ctx, regionCode, weekOf);
  }

  @FieldResolver(() => TeamMemberNode, { description: 'The member (队员)' })
  async member(@Ctx() ctx: Context, @Root() entry: WeeklyComplianceType): Promise<TeamMemberNode> {
    const member = await memberService.byKey(ctx, entry.memberKey);
    if (!member) throw notFound('Team member not found');
    return member;
  }

  @FieldResolver(() => ResidentTeamNode, { description: 'The team (工作队)' })
  team(@Ctx() ctx: Context, @Root() entry: WeeklyComplianceType): Promise<ResidentTeamNode> {
    return teamOf(ctx, entry.teamKey);
  }
}
