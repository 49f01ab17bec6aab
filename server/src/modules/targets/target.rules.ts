import { registerEnumType } from 'type-graphql';
import { compareDecimal } from '../../core/decimal';

/**
 * How a policy target (政策目标) is judged, free of any database so it can be tested on its own.
 * The SQL that aggregates statuses per region (target.repository.ts) writes the same rules as a
 * CASE expression; an end-to-end test checks that both agree on every seeded village.
 */

export enum TargetStatus {
  NOT_DUE = 'NOT_DUE',
  ON_TRACK = 'ON_TRACK',
  MET = 'MET',
  MISSED = 'MISSED',
  NO_DATA = 'NO_DATA',
}

registerEnumType(TargetStatus, {
  name: 'TargetStatus',
  description: 'Where a policy target stands (目标状态), judged as at the end of a year and never later than today',
  valuesConfig: {
    NOT_DUE: {
      description:
        'Not due yet and not (yet) reached, or no data yet (未到期): never a failure before the due year ends',
    },
    ON_TRACK: { description: 'Not due yet and already reached on the latest data (提前达成)' },
    MET: { description: 'Due, and reached on the data of the due year (已达标)' },
    MISSED: { description: 'Due, and not reached on the data of the due year (未达标)' },
    NO_DATA: {
      description:
        'Due but the platform holds no data for the due year, or a metric the platform cannot measure (无数据); the target stays listed',
    },
  },
});

/** When a target is due: one-off at the end of `dueYear`, every year from `fromYear` to `toYear`, or always. */
export interface TargetSchedule {
  dueYear: number | null;
  fromYear: number | null;
  toYear: number | null;
}

export interface Judgement {
  /** Whether the due year has ended (standing requirements are always due). */
  due: boolean;
  /** The due year judged: the one-off due year, this year's turn of an annual target, or null. */
  dueYear: number | null;
  /**
   * The year whose data decides: the due year once due (only that year's figures count), else the
   * year judged as at (the latest figures up to it).
   */
  dataYear: number;
  /** Whether only figures of exactly `dataYear` count (a due, dated target). */
  exactYear: boolean;
}

/**
 * Judges a target's schedule as at the end of `asOfYear`, but never later than today: a year
 * not over yet (`currentYear`, in Asia/Shanghai) has not ended, so nothing due in it is due yet.
 */
export function judge(schedule: TargetSchedule, asOfYear: number, currentYear: number): Judgement {
  const asOf = Math.min(asOfYear, currentYear);
  const dueYear =
    schedule.fromYear !== null && schedule.toYear !== null
      ? Math.min(Math.max(asOf, schedule.fromYear), schedule.toYear)
      : schedule.dueYear;
  const due = dueYear === null || dueYear < asOf || (dueYear === asOf && asOf < currentYear);
  const exactYear = due && dueYear !== null;
  return { due, dueYear, dataYear: exactYear ? dueYear : asOf, exactYear };
}

/** Whether an actual value reaches the threshold, exactly (decimal strings). */
export function reaches(comparison: string, threshold: string, actual: string): boolean {
  const order = compareDecimal(actual, threshold);
  return comparison === 'GTE' ? order >= 0 : order === 0;
}

/**
 * A target's status from its judgement and the actual value read for `dataYear`.
 * - The platform cannot measure the metric: NO_DATA.
 * - Due: no value NO_DATA, reaching MET, else MISSED.
 * - Not due: already reaching ON_TRACK, else NOT_DUE (never a failure before the due year ends).
 */
export function targetStatus(
  target: { comparison: string; threshold: string },
  measurable: boolean,
  due: boolean,
  actual: string | null,
): TargetStatus {
  if (!measurable) return TargetStatus.NO_DATA;
  const reached = actual !== null && reaches(target.comparison, target.threshold, actual);
  if (due) return actual === null ? TargetStatus.NO_DATA : reached ? TargetStatus.MET : TargetStatus.MISSED;
  return reached ? TargetStatus.ON_TRACK : TargetStatus.NOT_DUE;
}

/** The deprecated `met` flag, from the status: true only when MET, false only when MISSED. */
export const metFlag = (status: TargetStatus): boolean | null =>
  status === TargetStatus.MET ? true : status === TargetStatus.MISSED ? false : null;
