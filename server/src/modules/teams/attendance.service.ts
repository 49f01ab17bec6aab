import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '../../core/context';
import { badInput } from '../../core/errors';
import { and, inList } from '../../core/sql';
import { readPage, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { regionCodeArg } from '../regions/region.service';
import { todayInShanghai, weekOf } from '../../core/dates';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { AttendanceDay, AttendanceKind } from './attendance.entity';
import { MemberStatus } from './team.entity';
import type {
  AttendanceDayType,
  ComplianceRateType,
  TeamComplianceSummaryType,
  WeeklyComplianceFilter,
  WeeklyComplianceType,
} from './attendance.types';
import type { TeamMemberNode } from './team.types';
import type { RecordAttendanceInput } from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { teamRegionSql, teamService } from './team.service';
import { memberService } from './member.service';
import { unitIdsOfTeam } from './team.repository';
import {
  dayOfMember,
  daysOfMembers,
  memberWeeks,
  shortWeekAnnounced,
  teamRates,
  weekOfMembers,
  weekPage,
  weekSummary,
} from './attendance.repository';

const MAX_RANGE_DAYS = 92;

/** Daily attendance (考勤) and weekly 五天四夜 compliance; the rule is in `attendance.rules.ts`. */
export class AttendanceService {
  /**
   * After a day is recorded: once its Monday–Sunday week is over (or the day is its Sunday), a
   * member on duty all week who fell short of 五天四夜 is announced, once per member and week.
   */
  private async announceShortWeek(em: EntityManager, teamKey: string, memberKey: string, date: string): Promise<void> {
    const week = weekOf(date);
    if (week.end > todayInShanghai() && date !== week.end) return;
    const [row] = await memberWeeks(em, { sql: 'm.id = ?', bindings: [memberKey] }, week.start, week.start);
    if (!row || row.compliant || (await shortWeekAnnounced(em, memberKey, week.start))) return;
    await appendTeamEvent(em, {
      kind: TeamEventKind.WEEK_SHORT,
      teamId: teamKey,
      memberId: memberKey,
      weekStart: week.start,
    });
  }

  /**
   * `recordAttendance`: one record per member and day; recording a day again replaces it (a
   * correction is a re-recording, as with yearly village indicators). Future days are refused.
   */
  async record(
    ctx: Context,
    input: RecordAttendanceInput,
  ): Promise<{ member: TeamMemberNode; day: AttendanceDayType }> {
    const member = await memberService.require(ctx, input.memberId);
    const team = await teamService.fresh(ctx, member.teamKey);
    teamPolicy.requireRecordAttendance(ctx.viewer, {
      villageCode: team.villageCode,
      unitIds: await unitIdsOfTeam(ctx.em, team.key),
    });
    notInFuture(input.date, 'date');
    if (input.date < member.onDutyFrom || (member.status !== MemberStatus.ON_DUTY && input.date > member.onDutyTo)) {
      throw badInput(
        'date',
        `date ${input.date} is outside the member’s duty (${member.onDutyFrom} to ${member.status === MemberStatus.ON_DUTY ? 'now' : member.onDutyTo})`,
      );
    }
    if (input.kind === AttendanceKind.APPROVED_LEAVE && (input.presentByDay || input.stayedNight)) {
      throw badInput(
        ['presentByDay', 'stayedNight'],
        'An approved-leave day cannot count as presence: presentByDay and stayedNight must be false',
      );
    }
    await ctx.em.transactional(async (em) => {
      await em.upsert(AttendanceDay, {
        memberId: member.key,
        date: input.date,
        kind: input.kind,
        presentByDay: input.presentByDay,
        stayedNight: input.stayedNight,
        location: input.location?.trim() ?? null,
        note: input.note?.trim() ?? null,
        source: null,
        recordedAt: new Date(),
      });
      await this.announceShortWeek(em, team.key, member.key, input.date);
    });
    ctx.events.announce();
    return { member, day: await dayOfMember(ctx.em, member.key, input.date) };
  }

  /** `TeamMember.attendance(from, to)`: recorded days, oldest first (the member is already visible). */
  attendance(ctx: Context, memberKey: string, from: string, to: string): Promise<AttendanceDayType[]> {
    if (to < from) throw badInput('to', 'to must not be before from');
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (span >= MAX_RANGE_DAYS) throw badInput('to', `at most ${MAX_RANGE_DAYS} days at once`);
    return ctx.loaders
      .get<string, AttendanceDayType[]>(`attendance.days:${from}:${to}`, (keys) =>
        daysOfMembers(ctx.em, keys, from, to),
      )
      .load(memberKey);
  }

  /** `TeamMember.weeklyCompliance(weekOf)`: null when the member was not on duty for the whole week. */
  memberWeek(ctx: Context, memberKey: string, day: string): Promise<WeeklyComplianceType | null> {
    const readable = teamPolicy.readable(ctx.viewer, 't');
    const week = weekOf(day);
    return ctx.loaders
      .get<string, WeeklyComplianceType | null>(`attendance.memberWeek:${week.start}`, async (keys) => {
        const rows = await weekOfMembers(ctx.em, and(inList('m.id', keys), readable), week, todayInShanghai());
        const byKey = new Map(rows.map((row) => [row.memberKey, row]));
        return keys.map((key) => byKey.get(key) ?? null);
      })
      .load(memberKey);
  }

  /** `weeklyCompliance(filter, first, after)`: one entry per assessed member, by team then member. */
  list(ctx: Context, filter: WeeklyComplianceFilter, args: PageInput): Promise<ConnectionData<WeeklyComplianceType>> {
    const scope = and(
      teamPolicy.readable(ctx.viewer, 't'),
      teamRegionSql(filter.regionCode, 'filter.regionCode'),
      filter.teamId
        ? { sql: 't.id = ?', bindings: [keyFromId(filter.teamId, 'ResidentTeam', 'filter.teamId')] }
        : { sql: 'true', bindings: [] },
    );
    return weekPage(ctx.em, scope, weekOf(filter.weekOf), todayInShanghai(), readPage(args));
  }

  /** `ResidentTeam.complianceRate(weekOf)` for every team of the request in one statement. */
  teamRate(ctx: Context, teamKey: string, day: string): Promise<ComplianceRateType> {
    const readable = teamPolicy.readable(ctx.viewer, 't');
    const week = weekOf(day);
    return ctx.loaders
      .get<string, ComplianceRateType>(`attendance.teamRate:${week.start}`, (keys) =>
        teamRates(ctx.em, keys, readable, week),
      )
      .load(teamKey);
  }

  /** `teamComplianceSummary(regionCode, weekOf)`: the visible teams inside a region, aggregated in SQL. */
  async regionSummary(ctx: Context, regionCode: string, day: string): Promise<TeamComplianceSummaryType> {
    const readable = teamPolicy.readable(ctx.viewer, 't');
    const code = regionCodeArg(regionCode, 'regionCode');
    const week = weekOf(day);
    const summary = await weekSummary(ctx.em, and(readable, teamRegionSql(code, 'regionCode')), week);
    return { regionCode: code, weekStart: week.start, weekEnd: week.end, ...summary };
  }
}

export const attendanceService = new AttendanceService();
