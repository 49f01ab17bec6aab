import type { Ledger } from '../../core/exports/ledger';
import { collectPages, dateParameter, requireOrdered } from '../../core/exports/pages';
import { addDays, todayInShanghai, weekOf } from '../../core/dates';
import { badInput } from '../../core/errors';
import { regionService } from '../regions/region.service';
import { attendanceService } from './attendance.service';
import { memberService } from './member.service';
import { teamService } from './team.service';
import { teamPolicy } from './team.policy';
import { MemberRole } from './team.entity';
import type { WeeklyComplianceType } from './attendance.types';

/** Weeks one export may span: a year of weekly 台账. */
const MAX_WEEKS = 53;

const ROLE: Record<MemberRole, string> = {
  FIRST_SECRETARY: '第一书记',
  TEAM_LEADER: '工作队队长',
  MEMBER: '工作队员',
};

export interface AttendanceLedgerRow {
  week: WeeklyComplianceType;
  memberName: string;
  memberRole: string;
  villageName: string;
  villageCode: string;
}

/**
 * 驻村考勤台账: each assessed member's 五天四夜 compliance per week (Monday to Sunday), read week
 * by week through `attendanceService.list`, the `weeklyCompliance` query's scope and rule, with
 * member and village names through the teams' and regions' scoped loaders.
 */
export const attendanceLedger: Ledger<AttendanceLedgerRow> = {
  name: 'attendance',
  title: '驻村考勤台账',
  roles: teamPolicy.roles.read,
  parameters: [
    { name: 'regionCode', description: 'only teams in villages inside this region (12-digit code or prefix)' },
    { name: 'from', description: 'first day: its week is the first exported (default: this week)' },
    {
      name: 'to',
      description: `last day: its week is the last exported (default: the week of from); at most ${MAX_WEEKS} weeks`,
    },
  ],
  columns: [
    { header: '周一', kind: 'date', value: (r) => r.week.weekStart, width: 12 },
    { header: '周日', kind: 'date', value: (r) => r.week.weekEnd, width: 12 },
    { header: '驻村村', kind: 'text', value: (r) => r.villageName, width: 18 },
    { header: '村区划代码', kind: 'text', value: (r) => r.villageCode, width: 16 },
    { header: '姓名', kind: 'text', value: (r) => r.memberName },
    { header: '职务', kind: 'text', value: (r) => r.memberRole },
    { header: '在村天数', kind: 'integer', value: (r) => r.week.daysInVillage, total: true },
    { header: '住村夜数', kind: 'integer', value: (r) => r.week.nightsInVillage, total: true },
    { header: '请假天数', kind: 'integer', value: (r) => r.week.leaveDays, total: true },
    { header: '应在村天数', kind: 'integer', value: (r) => r.week.requiredDays, total: true },
    { header: '应住村夜数', kind: 'integer', value: (r) => r.week.requiredNights, total: true },
    { header: '五天四夜达标', kind: 'boolean', value: (r) => r.week.compliant },
    { header: '本周已结束', kind: 'boolean', value: (r) => r.week.weekComplete },
  ],
  async rows(ctx, parameters, limit) {
    const from = dateParameter(parameters, 'from') ?? todayInShanghai();
    const to = dateParameter(parameters, 'to') ?? from;
    requireOrdered(from, to);
    const weeks: string[] = [];
    for (let monday = weekOf(from).start; monday <= to; monday = addDays(monday, 7)) {
      if (weeks.length === MAX_WEEKS) throw badInput('to', `at most ${MAX_WEEKS} weeks at once`);
      weeks.push(monday);
    }
    const entries: WeeklyComplianceType[] = [];
    for (const monday of weeks) {
      if (entries.length >= limit) break;
      const filter = { weekOf: monday, regionCode: parameters.regionCode || undefined };
      entries.push(
        ...(await collectPages((page) => attendanceService.list(ctx, filter, page), limit - entries.length)),
      );
    }
    const [members, teams] = await Promise.all([
      Promise.all(entries.map((e) => memberService.byKey(ctx, e.memberKey))),
      Promise.all(entries.map((e) => teamService.byKey(ctx, e.teamKey))),
    ]);
    const villages = await regionService.findByKeys(ctx, [
      ...new Set(teams.flatMap((t) => (t ? [t.villageCode] : []))),
    ]);
    const villageName = new Map(villages.flatMap((v) => (v ? [[v.code, v.name]] : [])));
    return entries.map((week, i) => {
      const villageCode = teams[i]?.villageCode ?? '';
      return {
        week,
        memberName: members[i]?.person.name ?? '',
        memberRole: members[i] ? ROLE[members[i].role] : '',
        villageName: villageName.get(villageCode) ?? villageCode,
        villageCode,
      };
    });
  },
};
