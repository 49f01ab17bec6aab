import type { EntityManager } from '@mikro-orm/postgresql';
import { and, inList, query, withWhere, type SqlFragment } from '../../core/sql';
import { afterSql, orderBySql, type SortColumn } from '../../core/relay/keyset';
import { toConnection, type ConnectionData, type Page } from '../../core/relay/connection';
import { REQUIRED_DAYS, REQUIRED_NIGHTS } from './attendance.rules';
import type { AttendanceKind } from './attendance.entity';
import { AttendanceDayType, WeeklyComplianceType, type ComplianceRateType } from './attendance.types';

/**
 * Named queries of attendance and 五天四夜 compliance. `memberWeeksSql` is the only SQL statement
 * of the rule (see `attendance.rules.ts`, the same rule as pure functions; a test compares them).
 */

/**
 * Per member among the rows `scope` selects (over `m` and `t`) and per Monday from `firstMonday`
 * to `lastMonday`: the member-weeks the member was on duty for all of, with days, nights and leave
 * days recorded, the requirement after leave, and the verdict.
 */
export function memberWeeksSql(scope: SqlFragment, firstMonday: string, lastMonday: string): SqlFragment {
  const days = `greatest(${REQUIRED_DAYS} - c.leave_days, 0)`;
  const nights = `greatest(${REQUIRED_NIGHTS} - c.leave_days, 0)`;
  return {
    sql: `SELECT c.*, ${days} AS required_days, ${nights} AS required_nights,
        (c.days >= ${days} AND c.nights >= ${nights}) AS compliant
      FROM (
        SELECT m.id AS member_id, m.team_id, t.village_code, w.week_start::text AS week_start,
          count(*) FILTER (WHERE a.kind = 'ON_SITE' AND a.present_by_day)::int AS days,
          count(*) FILTER (WHERE a.kind = 'ON_SITE' AND a.stayed_night)::int AS nights,
          count(*) FILTER (WHERE a.kind = 'APPROVED_LEAVE')::int AS leave_days,
          count(a.date)::int AS recorded_days
        FROM team_member m JOIN resident_team t ON t.id = m.team_id
        JOIN (SELECT generate_series(?::date, ?::date, interval '7 days')::date AS week_start) w
          ON m.on_duty_from <= w.week_start AND (m.status = 'ON_DUTY' OR m.on_duty_to >= w.week_start + 6)
        LEFT JOIN attendance_day a ON a.member_id = m.id AND a.date BETWEEN w.week_start AND w.week_start + 6
        WHERE ${scope.sql}
        GROUP BY m.id, m.team_id, t.village_code, w.week_start
      ) c`,
    bindings: [firstMonday, lastMonday, ...scope.bindings],
  };
}

export interface MemberWeekRow {
  member_id: string;
  team_id: string;
  village_code: string;
  week_start: string;
  days: number;
  nights: number;
  leave_days: number;
  recorded_days: number;
  required_days: number;
  required_nights: number;
  compliant: boolean;
}

function toWeeklyCompliance(row: MemberWeekRow, weekEnd: string, today: string): WeeklyComplianceType {
  return Object.assign(new WeeklyComplianceType(), {
    memberKey: row.member_id,
    teamKey: row.team_id,
    weekStart: row.week_start,
    weekEnd,
    daysInVillage: row.days,
    nightsInVillage: row.nights,
    leaveDays: row.leave_days,
    recordedDays: row.recorded_days,
    requiredDays: row.required_days,
    requiredNights: row.required_nights,
    compliant: row.compliant,
    weekComplete: weekEnd < today,
  });
}

/** Member-weeks of `scope` from `firstMonday` to `lastMonday` (raw rows, for rules that aggregate them). */
export function memberWeeks(
  em: EntityManager,
  scope: SqlFragment,
  firstMonday: string,
  lastMonday: string,
): Promise<MemberWeekRow[]> {
  return query<MemberWeekRow>(em, memberWeeksSql(scope, firstMonday, lastMonday));
}

/** One week's compliance per member of `scope`. */
export async function weekOfMembers(
  em: EntityManager,
  scope: SqlFragment,
  week: { start: string; end: string },
  today: string,
): Promise<WeeklyComplianceType[]> {
  const rows = await memberWeeks(em, scope, week.start, week.start);
  return rows.map((row) => toWeeklyCompliance(row, week.end, today));
}

/**
 * A page of one week's compliance, by team then member. The rows are a derived table (the
 * aggregate of `memberWeeksSql`), whose bindings precede the seek's, so this list pages with the
 * keyset helpers directly rather than through `keysetPage`, which takes a plain FROM clause.
 */
export async function weekPage(
  em: EntityManager,
  scope: SqlFragment,
  week: { start: string; end: string },
  today: string,
  page: Page,
): Promise<ConnectionData<WeeklyComplianceType>> {
  const inner = memberWeeksSql(scope, week.start, week.start);
  const sort: SortColumn[] = [
    { expr: 'w.team_id', direction: 'asc' },
    { expr: 'w.member_id', direction: 'asc' },
  ];
  const seek = page.after ? afterSql(sort, page.after) : { sql: 'true', bindings: [] };
  const rows = await query<MemberWeekRow>(em, {
    sql: `SELECT * FROM (${inner.sql}) w WHERE ${seek.sql} ORDER BY ${orderBySql(sort)} LIMIT ${page.first + 1}`,
    bindings: [...inner.bindings, ...seek.bindings],
  });
  return toConnection(
    rows,
    page,
    (row) => [row.team_id, row.member_id],
    (row) => toWeeklyCompliance(row, week.end, today),
    async () => {
      const [{ count }] = await query<{ count: number }>(em, {
        sql: `SELECT count(*)::int AS count FROM (${inner.sql}) w`,
        bindings: inner.bindings,
      });
      return count;
    },
  );
}

/** Aggregates member-week rows `c` into assessed / compliant counts and a 4-decimal rate. */
const RATE_COLUMNS = `count(*)::int AS "assessedMembers", count(*) FILTER (WHERE c.compliant)::int AS "compliantMembers",
  round(count(*) FILTER (WHERE c.compliant)::numeric / nullif(count(*), 0), 4)::text AS rate`;

/** One week's compliance rate of each team of `scope` (teams without assessed members get zero counts). */
export async function teamRates(
  em: EntityManager,
  teamKeys: readonly string[],
  readable: SqlFragment,
  week: { start: string; end: string },
): Promise<ComplianceRateType[]> {
  const inner = memberWeeksSql(and(inList('t.id', teamKeys), readable), week.start, week.start);
  const rows = await query<ComplianceRateType & { team_id: string }>(em, {
    sql: `SELECT c.team_id, ${RATE_COLUMNS} FROM (${inner.sql}) c GROUP BY c.team_id`,
    bindings: inner.bindings,
  });
  return teamKeys.map((key) => {
    const row = rows.find((r) => r.team_id === key);
    return {
      weekStart: week.start,
      weekEnd: week.end,
      assessedMembers: row?.assessedMembers ?? 0,
      compliantMembers: row?.compliantMembers ?? 0,
      rate: row?.rate ?? null,
    };
  });
}

/** One week's compliance of every team of `scope`, aggregated. */
export async function weekSummary(
  em: EntityManager,
  scope: SqlFragment,
  week: { start: string; end: string },
): Promise<{
  assessedMembers: number;
  compliantMembers: number;
  rate: string | null;
  teams: number;
  fullyCompliantTeams: number;
}> {
  const inner = memberWeeksSql(scope, week.start, week.start);
  const [row] = await query<{
    assessedMembers: number;
    compliantMembers: number;
    rate: string | null;
    teams: number;
    fullyCompliantTeams: number;
  }>(em, {
    sql: `WITH c AS (${inner.sql})
      SELECT ${RATE_COLUMNS}, count(DISTINCT c.team_id)::int AS teams,
        (SELECT count(*)::int FROM (SELECT team_id FROM c GROUP BY team_id HAVING bool_and(compliant)) full_teams) AS "fullyCompliantTeams"
      FROM c`,
    bindings: inner.bindings,
  });
  return row;
}

/** Whether a short week of a member was already announced. */
export async function shortWeekAnnounced(em: EntityManager, memberKey: string, weekStart: string): Promise<boolean> {
  const rows = await query(
    em,
    `SELECT 1 FROM domain_event WHERE topic = 'teamEvent' AND payload->>'kind' = 'WEEK_SHORT' AND payload->>'memberId' = ? AND payload->>'weekStart' = ?`,
    [memberKey, weekStart],
  );
  return rows.length > 0;
}

// Attendance days

const DAY_COLUMNS =
  'a.member_id, a.date::text AS date, a.kind, a.present_by_day, a.stayed_night, a.location, a.note, a.source';

export interface AttendanceRow {
  member_id: string;
  date: string;
  kind: AttendanceKind;
  present_by_day: boolean;
  stayed_night: boolean;
  location: string | null;
  note: string | null;
  source: string | null;
}

function toAttendanceDay(row: AttendanceRow): AttendanceDayType {
  return Object.assign(new AttendanceDayType(), {
    date: row.date,
    kind: row.kind,
    presentByDay: row.present_by_day,
    stayedNight: row.stayed_night,
    location: row.location,
    note: row.note,
    source: row.source,
  });
}

/** Recorded days of each member between `from` and `to` inclusive, oldest first. */
export async function daysOfMembers(
  em: EntityManager,
  memberKeys: readonly string[],
  from: string,
  to: string,
): Promise<AttendanceDayType[][]> {
  const rows = await query<AttendanceRow>(
    em,
    withWhere(
      `SELECT ${DAY_COLUMNS} FROM attendance_day a`,
      and(inList('a.member_id', memberKeys), { sql: 'a.date BETWEEN ?::date AND ?::date', bindings: [from, to] }),
      'ORDER BY a.member_id, a.date',
    ),
  );
  return memberKeys.map((key) => rows.filter((row) => row.member_id === key).map(toAttendanceDay));
}

/** One recorded day. */
export async function dayOfMember(em: EntityManager, memberKey: string, date: string): Promise<AttendanceDayType> {
  const [row] = await query<AttendanceRow>(
    em,
    `SELECT ${DAY_COLUMNS} FROM attendance_day a WHERE a.member_id = ? AND a.date = ?::date`,
    [memberKey, date],
  );
  return toAttendanceDay(row);
}
