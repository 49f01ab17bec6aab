import { addDays } from '../../core/dates';
import {
  AssistanceTrack,
  GuaranteeItem,
  LabourCapacity,
  MeasureType,
  MonitoringAction,
  MonitoringCaseStatus as S,
  MonitoringCategory,
  MonitoringLevel,
  NoticeKind,
  RiskCause,
} from './monitoring.enums';
import { amountToFen, fenToYuan } from './monitoring-line';

/**
 * The rules of return-to-poverty monitoring as plain functions over plain data, so each can be
 * tested at its boundaries without a database. Services load the facts, call these, and turn a
 * refusal into an error. Sources: 000 (望花区), 002 (忻州市), 003 (泗水县退出程序), 004 (黑龙江省).
 */

/** Why a step may need more than the right status: each guard is checked by the service. */
export enum Guard {
  /** The current notice must have run its full length (003: 公示期满无异议). */
  NOTICE_OVER = 'NOTICE_OVER',
  /** A plan with a responsible person and a measure fitting the household (002: 一户一案; 004). */
  PLAN_READY = 'PLAN_READY',
  /** The elimination rules (002, 000): see `eliminationRefusals`. */
  ELIMINATION_RULES = 'ELIMINATION_RULES',
  /** A reason is required. */
  NOTE = 'NOTE',
}

export interface Transition {
  action: MonitoringAction;
  from: S;
  /** For steps out of IN_NOTICE: which notice the case is in. */
  notice?: NoticeKind;
  to: S;
  level: MonitoringLevel;
  guards: Guard[];
  /** The notice this step opens. */
  opensNotice?: NoticeKind;
}

const { VILLAGE, TOWNSHIP, COUNTY } = MonitoringLevel;
const A = MonitoringAction;

/**
 * The workflow: 000's "村组每月摸排、镇/街每季度审核、区级及时确定" for identification, with the
 * notice of 003's procedure between village review and township review; elimination proposed by
 * the village, noticed by the township, marked by the county. No step skips a notice: the only
 * way out of VILLAGE_REVIEWED toward the township is START_NOTICE, and the steps out of IN_NOTICE
 * toward a decision wait for the notice to end.
 */
export const TRANSITIONS: readonly Transition[] = [
  { action: A.VILLAGE_REVIEW, from: S.REPORTED, to: S.VILLAGE_REVIEWED, level: VILLAGE, guards: [] },
  { action: A.REJECT, from: S.REPORTED, to: S.REJECTED, level: VILLAGE, guards: [Guard.NOTE] },
  {
    action: A.START_NOTICE,
    from: S.VILLAGE_REVIEWED,
    to: S.IN_NOTICE,
    level: VILLAGE,
    guards: [],
    opensNotice: NoticeKind.IDENTIFICATION,
  },
  { action: A.REJECT, from: S.VILLAGE_REVIEWED, to: S.REJECTED, level: VILLAGE, guards: [Guard.NOTE] },
  {
    action: A.TOWNSHIP_REVIEW,
    from: S.IN_NOTICE,
    notice: NoticeKind.IDENTIFICATION,
    to: S.TOWNSHIP_REVIEWED,
    level: TOWNSHIP,
    guards: [Guard.NOTICE_OVER],
  },
  {
    // An objection upheld (公示有异议) may end the case during the notice.
    action: A.REJECT,
    from: S.IN_NOTICE,
    notice: NoticeKind.IDENTIFICATION,
    to: S.REJECTED,
    level: TOWNSHIP,
    guards: [Guard.NOTE],
  },
  { action: A.CONFIRM, from: S.TOWNSHIP_REVIEWED, to: S.CONFIRMED, level: COUNTY, guards: [] },
  { action: A.REJECT, from: S.TOWNSHIP_REVIEWED, to: S.REJECTED, level: COUNTY, guards: [Guard.NOTE] },
  { action: A.START_ASSISTANCE, from: S.CONFIRMED, to: S.ASSISTING, level: VILLAGE, guards: [Guard.PLAN_READY] },
  {
    action: A.PROPOSE_ELIMINATION,
    from: S.ASSISTING,
    to: S.ELIMINATION_PROPOSED,
    level: VILLAGE,
    guards: [Guard.ELIMINATION_RULES, Guard.NOTE],
  },
  {
    action: A.START_ELIMINATION_NOTICE,
    from: S.ELIMINATION_PROPOSED,
    to: S.IN_NOTICE,
    level: TOWNSHIP,
    guards: [Guard.ELIMINATION_RULES],
    opensNotice: NoticeKind.ELIMINATION,
  },
  {
    action: A.WITHDRAW_ELIMINATION,
    from: S.ELIMINATION_PROPOSED,
    to: S.ASSISTING,
    level: TOWNSHIP,
    guards: [Guard.NOTE],
  },
  {
    action: A.MARK_RISK_ELIMINATED,
    from: S.IN_NOTICE,
    notice: NoticeKind.ELIMINATION,
    to: S.RISK_ELIMINATED,
    level: COUNTY,
    guards: [Guard.NOTICE_OVER, Guard.ELIMINATION_RULES],
  },
  {
    action: A.WITHDRAW_ELIMINATION,
    from: S.IN_NOTICE,
    notice: NoticeKind.ELIMINATION,
    to: S.ASSISTING,
    level: COUNTY,
    guards: [Guard.NOTE],
  },
];

/** Statuses after which nothing more happens to a case. */
export const CLOSED_STATUSES: readonly S[] = [S.RISK_ELIMINATED, S.REJECTED];

/** The step `action` takes from where the case stands, or why there is none. */
export function transitionFor(
  action: MonitoringAction,
  status: S,
  notice: NoticeKind | null,
): { transition: Transition } | { refusal: string } {
  const found = TRANSITIONS.find(
    (t) => t.action === action && t.from === status && (t.notice === undefined || t.notice === notice),
  );
  if (found) return { transition: found };
  const possible = TRANSITIONS.filter((t) => t.from === status && (t.notice === undefined || t.notice === notice)).map(
    (t) => t.action,
  );
  const where = status === S.IN_NOTICE && notice ? `${status} (${notice})` : status;
  return {
    refusal: possible.length
      ? `A case in ${where} cannot take ${action}; possible next steps: ${possible.join(', ')} (监测流程不可跳过环节)`
      : `A case in ${where} is closed; no further step is possible`,
  };
}

// ---------------------------------------------------------------------------------------------
// Notices (公示): a period of N days starting on the day it is posted. 003: 公示期7天 …

export interface NoticeDates {
  startsOn: string;
  /** Last day of the notice. */
  endsOn: string;
}

/** A notice of `days` days posted on `startsOn` runs through `startsOn + days − 1`. */
export function noticeDates(startsOn: string, days: number): NoticeDates {
  if (!Number.isInteger(days) || days < 1) throw new Error('a notice lasts at least one day');
  return { startsOn, endsOn: addDays(startsOn, days - 1) };
}

/** The notice is over once its last day has passed: the next step may come the day after. */
export function noticeOver(notice: NoticeDates, today: string): boolean {
  return today > notice.endsOn;
}

// ---------------------------------------------------------------------------------------------
// Categories (000, 002, 004)

/** 脱贫不稳定户 are households lifted out of poverty (脱贫户); 边缘易致贫户 are not. */
export function categoryProblem(category: MonitoringCategory, liftedOutOfPoverty: boolean): string | null {
  if (category === MonitoringCategory.UNSTABLE_LIFTED && !liftedOutOfPoverty)
    return '脱贫不稳定户 (UNSTABLE_LIFTED) applies to households lifted out of poverty (脱贫户) only';
  if (category === MonitoringCategory.MARGINAL && liftedOutOfPoverty)
    return '边缘易致贫户 (MARGINAL) applies to households that were not registered poor; a 脱贫户 at risk is UNSTABLE_LIFTED';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tracks and measures (004 (二): 有劳动能力的…开发式帮扶; 无劳动能力的…兜底保障; 遭遇重大自然灾害或
// 家庭重大变故的，实行"一事一议"; 002 (十): 对无劳动能力或弱劳动能力的…落实低保、特困供养…)

export const MEASURES_OF_TRACK: Record<AssistanceTrack, readonly MeasureType[]> = {
  [AssistanceTrack.DEVELOPMENT]: [
    MeasureType.INDUSTRY,
    MeasureType.EMPLOYMENT,
    MeasureType.PUBLIC_WELFARE_POST,
    MeasureType.MICRO_CREDIT,
  ],
  [AssistanceTrack.SAFETY_NET]: [MeasureType.MINIMUM_LIVING_ALLOWANCE, MeasureType.EXTREME_POVERTY_SUPPORT],
  [AssistanceTrack.CASE_BY_CASE]: [MeasureType.CASE_BY_CASE],
};

/**
 * The tracks a household's plan may follow: a sudden-hardship case from a disaster or an
 * accident/family crisis is decided case by case; otherwise by the best labour capacity in the
 * household: anyone with labour → development; only weak labour → development (public-welfare
 * posts, 004 (六) 弱劳力、半劳力) or the safety net (002 (十)); nobody → the safety net.
 */
export function assistanceTracks(
  category: MonitoringCategory,
  causes: readonly RiskCause[],
  labour: readonly LabourCapacity[],
): AssistanceTrack[] {
  if (
    category === MonitoringCategory.SUDDEN_HARDSHIP &&
    (causes.includes(RiskCause.DISASTER) || causes.includes(RiskCause.ACCIDENT))
  )
    return [AssistanceTrack.CASE_BY_CASE];
  if (labour.includes(LabourCapacity.FULL)) return [AssistanceTrack.DEVELOPMENT];
  if (labour.includes(LabourCapacity.WEAK)) return [AssistanceTrack.DEVELOPMENT, AssistanceTrack.SAFETY_NET];
  return [AssistanceTrack.SAFETY_NET];
}

export interface PlanFacts {
  hasResponsiblePerson: boolean;
  measureTypes: readonly MeasureType[];
}

/** Why assistance cannot start under this plan (一户一案、一人一策; 004), or [] when it can. */
export function planRefusals(plan: PlanFacts | null, tracks: readonly AssistanceTrack[]): string[] {
  const refusals: string[] = [];
  if (!plan?.hasResponsiblePerson)
    refusals.push('The plan names no responsible person (结对帮扶责任人, 002: 一对一明确结对帮扶责任人)');
  const fitting = tracks.flatMap((track) => MEASURES_OF_TRACK[track]);
  if (!plan?.measureTypes.some((type) => fitting.includes(type)))
    refusals.push(
      `The plan has no measure of the household’s track ${tracks.join(' or ')} (one of ${fitting.join(', ')}; 004: 分层分类帮扶)`,
    );
  return refusals;
}

// ---------------------------------------------------------------------------------------------
// Risk elimination (风险消除)

export interface EliminationFacts {
  /** Labour capacity of every member of the household. */
  labour: readonly LabourCapacity[];
  /** The latest year with income recorded, and the household's net income that year. */
  latestIncome: { year: number; totalAmount: string } | null;
  /** The monitoring line of that year for the household's village, or null when none is set. */
  line: { year: number; amount: string } | null;
  /** Items of 两不愁三保障 and drinking water not secured at the last assessment; null if never assessed. */
  unsecured: readonly GuaranteeItem[] | null;
}

/**
 * Why the risk of this household cannot be marked eliminated, or [] when it can:
 * - 002: "对整户无劳动力的监测对象暂不标注'风险消除'" — some member must have labour (WEAK or FULL);
 * - 000/002: income stably above the line — the latest per-capita net income must be strictly
 *   above that year's line; compared exactly as total > line × members, so no rounding decides;
 * - 004: 两不愁三保障及饮水安全 — every item secured at the last assessment.
 */
export function eliminationRefusals(facts: EliminationFacts): string[] {
  const refusals: string[] = [];
  if (!facts.labour.some((capacity) => capacity !== LabourCapacity.NONE))
    refusals.push(
      'No member of the household has labour capacity: such a household is not marked 风险消除 and stays under monitoring (002: 对整户无劳动力的监测对象暂不标注“风险消除”)',
    );
  const members = facts.labour.length;
  if (!facts.latestIncome) {
    refusals.push('No income is recorded for the household (家庭纯收入未录入)');
  } else if (!facts.line) {
    refusals.push(
      `No monitoring line is set for the household’s region in ${facts.latestIncome.year} (未设定当年监测标准)`,
    );
  } else if (members > 0) {
    const total = amountToFen(facts.latestIncome.totalAmount);
    const line = amountToFen(facts.line.amount);
    if (total <= line * BigInt(members))
      refusals.push(
        `Per-capita net income ${fenToYuan(perCapitaFen(total, members))} in ${facts.line.year} is not above the monitoring line ${facts.line.amount} (人均纯收入未稳定超过监测标准, 000/002)`,
      );
  }
  if (facts.unsecured === null) refusals.push('两不愁三保障 and drinking water have not been assessed');
  else if (facts.unsecured.length)
    refusals.push(
      `Not secured: ${facts.unsecured.join(', ')} (两不愁三保障及饮水安全未全部保障, 004: 重点监测其收入支出状况、“两不愁三保障”及饮水安全状况)`,
    );
  return refusals;
}

/** Per-capita amount in fen, rounded half up (for display; decisions compare totals). */
export function perCapitaFen(totalFen: bigint, members: number): bigint {
  if (members <= 0) return 0n;
  const n = BigInt(members);
  const negative = totalFen < 0n;
  const abs = negative ? -totalFen : totalFen;
  const rounded = (abs * 2n + n) / (2n * n);
  return negative ? -rounded : rounded;
}

// ---------------------------------------------------------------------------------------------
// Screening cadence (000: 村组每月摸排、镇/街每季度审核)

/** "YYYY-MM" of every month of `year` that has ended by `today` (the current month is not due yet). */
export function dueMonths(year: number, today: string): string[] {
  const months: string[] = [];
  for (let m = 1; m <= 12; m++) {
    const month = `${year}-${String(m).padStart(2, '0')}`;
    if (month < today.slice(0, 7)) months.push(month);
  }
  return months;
}

/** "YYYY-Qn" of every quarter of `year` that has ended by `today`. */
export function dueQuarters(year: number, today: string): string[] {
  const quarters: string[] = [];
  for (let q = 1; q <= 4; q++) {
    const lastMonth = `${year}-${String(q * 3).padStart(2, '0')}`;
    if (lastMonth < today.slice(0, 7)) quarters.push(`${year}-Q${q}`);
  }
  return quarters;
}

/** Due periods without a record, in order. */
export function missing(due: readonly string[], recorded: Iterable<string>): string[] {
  const done = new Set(recorded);
  return due.filter((period) => !done.has(period));
}

/** First and last day of a quarter. */
export function quarterDates(year: number, quarter: number): { from: string; to: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const next = quarter === 4 ? `${year + 1}-01-01` : `${year}-${String(firstMonth + 3).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}
