import type { Context } from '../../core/context';
import type { EntityManager } from '@mikro-orm/postgresql';
import { appendTeamEvent, TeamEventKind } from './team.events';
import { badInput } from '../../core/errors';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { readPage, toConnection, type ConnectionData, type PageInput } from '../../core/relay/connection';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { prefixOfCode } from '../../core/region-codes';
import { regionCodeArg } from '../regions/region.service';
import { AttendanceDay, AttendanceKind } from './attendance.entity';
import { MemberStatus } from './team.entity';
import {
  AttendanceDayType,
  WeeklyComplianceType,
  type AttendanceRow,
  type ComplianceRateType,
  type ComplianceRow,
  type TeamComplianceSummaryType,
  type WeeklyComplianceFilter,
} from './attendance.types';
import type { TeamMemberNode } from './team.types';
import type { RecordAttendanceInput } from './team.inputs';
import { keyFromId, notInFuture } from './team.validation';
import { teamPolicy } from './team.policy';
import { todayInShanghai, weekOf } from '../../core/dates';
import { teamService } from './team.service';

type PageArgs = PageInput;

/** 五天四夜 (002_d5d8c2fb670d631c.txt (八)): days and nights a week in the village. */
export const REQUIRED_DAYS = 5;
export const REQUIRED_NIGHTS = 4;
const MAX_RANGE_DAYS = 92;

/**
 * Per member on duty for the whole week (Monday `start` to Sunday `end`) among the rows `scope`
 * selects: days, nights and leave days recorded, the requirement after leave, and the verdict.
 * See COMPLIANCE_RULE for the rule; this is its only implementation.
 */
function complianceSql(scope: SqlFragment, start: string, end: string): SqlFragment {
  return {
    sql: `SELECT c.*, greatest(${REQUIRED_DAYS} - c.leave_days, 0) AS required_days, greatest(${REQUIRED_NIGHTS} - c.leave_days, 0) AS required_nights,
        (c.days >= greatest(${REQUIRED_DAYS} - c.leave_days, 0) AND c.nights >= greatest(${REQUIRED_NIGHTS} - c.leave_days, 0)) AS compliant
      FROM (
        SELECT m.id AS member_id, m.team_id, t.village_code,
          count(*) FILTER (WHERE a.kind = 'ON_SITE' AND a.present_by_day)::int AS days,
          count(*) FILTER (WHERE a.kind = 'ON_SITE' AND a.stayed_night)::int AS nights,
          count(*) FILTER (WHERE a.kind = 'APPROVED_LEAVE')::int AS leave_days,
          count(a.date)::int AS recorded_days
        FROM team_member m JOIN resident_team t ON t.id = m.team_id
        LEFT JOIN attendance_day a ON a.member_id = m.id AND a.date BETWEEN ?::date AND ?::date
        WHERE m.on_duty_from <= ?::date AND (m.status = 'ON_DUTY' OR m.on_duty_to >= ?::date) AND ${scope.sql}
        GROUP BY m.id, m.team_id, t.village_code
      ) c`,
    bindings: [start, end, start, end, ...scope.bindings],
  };
}

/** Aggregates compliance rows `c` into assessed / compliant counts and a 4-decimal rate. */
const RATE_COLUMNS = `count(*)::int AS "assessedMembers", count(*) FILTER (WHERE c.compliant)::int AS "compliantMembers",
  round(count(*) FILTER (WHERE c.compliant)::numeric / nullif(count(*), 0), 4)::text AS rate`;

function regionScope(regionCode: string | null | undefined, field: string): SqlFragment {
  return regionCode
    ? { sql: 't.village_code LIKE ?', bindings: [`${prefixOfCode(regionCodeArg(regionCode, field))}%`] }
    : { sql: 'true', bindings: [] };
}

export class AttendanceService {
  /**
   * After a day is recorded: once its Monday–Sunday week is over (or the day is its Sunday), a
   * member on duty all week who fell short of 五天四夜 is announced, once per member and week.
   */
  private async announceShortWeek(em: EntityManager, teamKey: string, memberKey: string, date: string): Promise<void> {
    const week = weekOf(date);
    if (week.end > todayInShanghai() && date !== week.end) return;
    const [row] = await query<ComplianceRow>(
      em,
      complianceSql({ sql: 'm.id = ?', bindings: [memberKey] }, week.start, week.end),
    );
    if (!row || row.compliant) return;
    const [announced] = await query(
      em,
      `SELECT 1 FROM domain_event WHERE topic = 'teamEvent' AND payload->>'kind' = 'WEEK_SHORT' AND payload->>'memberId' = ? AND payload->>'weekStart' = ?`,
      [memberKey, week.start],
    );
    if (!announced)
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
    const member = await teamService.requireMember(ctx, input.memberId);
    const team = await teamService.freshTeam(ctx, member.teamKey);
    teamPolicy.requireRecordAttendance(ctx.viewer, {
      villageCode: team.villageCode,
      unitIds: await teamService.unitIdsOf(ctx.em, team.key),
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
        recordedAt: new Date(),
      });
      await this.announceShortWeek(em, team.key, member.key, input.date);
    });
    ctx.events.announce();
    const [row] = await query<AttendanceRow>(
      ctx.em,
      'SELECT * FROM attendance_day WHERE member_id = ? AND date = ?::date',
      [member.key, input.date],
    );
    return { member, day: AttendanceDayType.from(row) };
  }

  /** `TeamMember.attendance(from, to)`: recorded days, oldest first. */
  attendance(ctx: Context, memberKey: string, from: string, to: string): Promise<AttendanceDayType[]> {
    if (to < from) throw badInput('to', 'to must not be before from');
    const span = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (span >= MAX_RANGE_DAYS) throw badInput('to', `at most ${MAX_RANGE_DAYS} days at once`);
    const loader = ctx.loaders.get<string, AttendanceDayType[]>(`attendance.days:${from}:${to}`, async (keys) => {
      const rows = await query<AttendanceRow>(
        ctx.em,
        withWhere(
          'SELECT a.* FROM attendance_day a',
          and(inList('a.member_id', keys), { sql: 'a.date BETWEEN ?::date AND ?::date', bindings: [from, to] }),
          'ORDER BY a.member_id, a.date',
        ),
      );
      return keys.map((key) => rows.filter((row) => row.member_id === key).map(AttendanceDayType.from));
    });
    return loader.load(memberKey);
  }

  /** `TeamMember.weeklyCompliance(weekOf)`: null when the member was not on duty for the whole week. */
  memberWeek(ctx: Context, memberKey: string, day: string): Promise<WeeklyComplianceType | null> {
    const week = weekOf(day);
    const today = todayInShanghai();
    const loader = ctx.loaders.get<string, WeeklyComplianceType | null>(
      `attendance.memberWeek:${week.start}`,
      async (keys) => {
        const rows = await query<ComplianceRow>(
          ctx.em,
          complianceSql(and(inList('m.id', keys), teamPolicy.readable(ctx.viewer, 't')), week.start, week.end),
        );
        const byKey = new Map(
          rows.map((row) => [row.member_id, WeeklyComplianceType.from(row, week.start, week.end, today)]),
        );
        return keys.map((key) => byKey.get(key) ?? null);
      },
    );
    return loader.load(memberKey);
  }

  /** `weeklyCompliance(filter, first, after)`: one entry per assessed member, by team then member. */
  async list(
    ctx: Context,
    filter: WeeklyComplianceFilter,
    args: PageArgs,
  ): Promise<ConnectionData<WeeklyComplianceType>> {
    const page = readPage(args);
    const week = weekOf(filter.weekOf);
    const today = todayInShanghai();
    const scope = and(
      teamPolicy.readable(ctx.viewer, 't'),
      regionScope(filter.regionCode, 'filter.regionCode'),
      filter.teamId
        ? { sql: 't.id = ?', bindings: [keyFromId(filter.teamId, 'ResidentTeam', 'filter.teamId')] }
        : { sql: 'true', bindings: [] },
    );
    const inner = complianceSql(scope, week.start, week.end);
    const sort: SortColumn[] = [
      { expr: 'w.team_id', direction: 'asc' },
      { expr: 'w.member_id', direction: 'asc' },
    ];
    const seek = page.after ? afterSql(sort, page.after) : { sql: 'true', bindings: [] };
    const rows = await query<ComplianceRow>(ctx.em, {
      sql: `SELECT * FROM (${inner.sql}) w WHERE ${seek.sql} ORDER BY ${orderBySql(sort)} LIMIT ${page.first + 1}`,
      bindings: [...inner.bindings, ...seek.bindings],
    });
    return toConnection(
      rows,
      page,
      (row) => [row.team_id, row.member_id],
      (row) => WeeklyComplianceType.from(row, week.start, week.end, today),
      async () => {
        const [{ count }] = await query<{ count: number }>(ctx.em, {
          sql: `SELECT count(*)::int AS count FROM (${inner.sql}) w`,
          bindings: inner.bindings,
        });
        return count;
      },
    );
  }

  /** `ResidentTeam.complianceRate(weekOf)` for every team of the request in one statement. */
  teamRate(ctx: Context, teamKey: string, day: string): Promise<ComplianceRateType> {
    const week = weekOf(day);
    const loader = ctx.loaders.get<string, ComplianceRateType>(`attendance.teamRate:${week.start}`, async (keys) => {
      const inner = complianceSql(
        and(inList('t.id', keys), teamPolicy.readable(ctx.viewer, 't')),
        week.start,
        week.end,
      );
      const rows = await query<ComplianceRateType & { team_id: string }>(ctx.em, {
        sql: `SELECT c.team_id, ${RATE_COLUMNS} FROM (${inner.sql}) c GROUP BY c.team_id`,
        bindings: inner.bindings,
      });
      return keys.map((key) => {
        const row = rows.find((r) => r.team_id === key);
        return {
          weekStart: week.start,
          weekEnd: week.end,
          assessedMembers: row?.assessedMembers ?? 0,
          compliantMembers: row?.compliantMembers ?? 0,
          rate: row?.rate ?? null,
        };
      });
    });
    return loader.load(teamKey);
  }

  /** `teamComplianceSummary(regionCode, weekOf)`: the visible teams inside a region, aggregated in SQL. */
  async regionSummary(ctx: Context, regionCode: string, day: string): Promise<TeamComplianceSummaryType> {
    const code = regionCodeArg(regionCode, 'regionCode');
    const week = weekOf(day);
    const inner = complianceSql(
      and(teamPolicy.readable(ctx.viewer, 't'), regionScope(code, 'regionCode')),
      week.start,
      week.end,
    );
    const [row] = await query<Omit<TeamComplianceSummaryType, 'regionCode' | 'weekStart' | 'weekEnd'>>(ctx.em, {
      sql: `WITH c AS (${inner.sql})
        SELECT ${RATE_COLUMNS}, count(DISTINCT c.team_id)::int AS teams,
          (SELECT count(*)::int FROM (SELECT team_id FROM c GROUP BY team_id HAVING bool_and(compliant)) full_teams) AS "fullyCompliantTeams"
        FROM c`,
      bindings: inner.bindings,
    });
    return { regionCode: code, weekStart: week.start, weekEnd: week.end, ...row };
  }
}

export const attendanceService = new AttendanceService();
