/**
 * 五天四夜 (002_d5d8c2fb670d631c.txt (八): "查驻村，看是否按“五天四夜”要求开展驻村帮扶工作"), as
 * pure functions. The SQL that computes compliance for lists, rates and summaries
 * (`attendance.repository.ts`) states the same rule over the database; a test compares the two
 * on the seeded attendance, and `__tests__/attendance.rules.test.ts` pins the arithmetic.
 */

/** Days in the village a member must spend in a Monday–Sunday week. */
export const REQUIRED_DAYS = 5;
/** Nights in the village a member must stay in a Monday–Sunday week. */
export const REQUIRED_NIGHTS = 4;

/** The `weekOf` argument wherever a week of attendance is read. */
export const WEEK_OF = 'Any day of the Monday–Sunday week (Asia/Shanghai) to look at (考勤周)';

export const COMPLIANCE_RULE = `五天四夜: in a Monday–Sunday week (Asia/Shanghai) a member must be in the village on at least
5 days (在村) AND stay at least 4 nights (住村). Approved leave (请假) excuses absence day for day: each approved-leave
day lowers both requirements by one, floored at zero (1 leave day → 4 days and 3 nights; 4 leave days → 1 day, 0 nights).
A leave day never counts as presence. Days without a record count as absent. A member is assessed for a week only when
on duty for all of it (on duty from the Monday or earlier, and still on duty or ended on the Sunday or later); members
who joined, rotated out or were recalled mid-week are not assessed that week.`;

/** One recorded day (at most one per member and date). */
export interface DayRecord {
  kind: 'ON_SITE' | 'APPROVED_LEAVE';
  presentByDay: boolean;
  stayedNight: boolean;
}

export interface WeekVerdict {
  daysInVillage: number;
  nightsInVillage: number;
  leaveDays: number;
  recordedDays: number;
  requiredDays: number;
  requiredNights: number;
  compliant: boolean;
}

/** The verdict on one member's week from the days recorded in it (days without a record are absent). */
export function weekVerdict(days: readonly DayRecord[]): WeekVerdict {
  const onSite = days.filter((d) => d.kind === 'ON_SITE');
  const daysInVillage = onSite.filter((d) => d.presentByDay).length;
  const nightsInVillage = onSite.filter((d) => d.stayedNight).length;
  const leaveDays = days.filter((d) => d.kind === 'APPROVED_LEAVE').length;
  const requiredDays = Math.max(REQUIRED_DAYS - leaveDays, 0);
  const requiredNights = Math.max(REQUIRED_NIGHTS - leaveDays, 0);
  return {
    daysInVillage,
    nightsInVillage,
    leaveDays,
    recordedDays: days.length,
    requiredDays,
    requiredNights,
    compliant: daysInVillage >= requiredDays && nightsInVillage >= requiredNights,
  };
}

/** A member's duty as the assessment needs it. */
export interface Duty {
  onDutyFrom: string;
  /** Planned last day while on duty; the actual last day afterwards. */
  onDutyTo: string;
  onDuty: boolean;
}

/** Whether a member is assessed for the week `start` (Monday) to `end` (Sunday): on duty for all of it. */
export function assessedForWeek(duty: Duty, week: { start: string; end: string }): boolean {
  return duty.onDutyFrom <= week.start && (duty.onDuty || duty.onDutyTo >= week.end);
}
