import { fromFen, toFen } from '../consumption/decimal';

/**
 * The ranger agreement's fee rule (生态护林员森林管护补助协议, `003_6038825323505164.txt` 第三篇):
 *
 * - 三(七): "根据考核情况向乙方支付10000元/年的管护补助费" — 10,000 yuan a year.
 * - 六(一): "发现乙方一次不在岗扣减当月管护费5%,两次不在岗扣减当月管护费10%,三次不在岗可立即终止本协议".
 * - 六(二): "因乙方管护不力、报告不及时造成较大森林火灾(15亩以上) … 甲方不但扣除当月的管护费 … 并立即终止协议".
 *
 * Decisions where the text is silent, each chosen so the sums stay exact to the fen:
 *
 * - **The month's fee.** The annual fee is split over the twelve calendar months in whole fen:
 *   each month gets ⌊annual ÷ 12⌋ and the first (annual mod 12) months of the year one fen more.
 *   10,000.00 yuan gives 833.34 for January–April and 833.33 for May–December: exactly 10,000.00
 *   over a year.
 * - **Absences** count per calendar month (the deduction is of "当月管护费"). One: 5%; two: 10%;
 *   three or more: still 10% (the text adds termination at the third, not a larger deduction),
 *   and termination is proposed, since the text says the agreement *may* (可) end at once.
 * - **Deduction rounding**: the percentage of the month's fee rounded half up to the fen (四舍五入);
 *   the payable fee is the month's fee minus the deduction, so the two always add up.
 * - **Fire**: 15 mu or more (以上 includes 15) *and* through the holder's neglect forfeits the whole
 *   month's fee and ends the agreement at once (the text says 立即终止, not 可). A smaller fire, or one
 *   not through neglect, changes nothing by rule (the text leaves 扣发 of other losses to judgement).
 */
export const RANGER_ANNUAL_FEE = '10000.00';

/** 15 mu, in hundredths of a mu. */
const MAJOR_FIRE_HUNDREDTHS = 1500n;

export interface MonthlyFee {
  /** The month's share of the annual fee, yuan. */
  base: string;
  /** 0, 5 or 10; 100 when forfeited. */
  deductionPercent: number;
  deduction: string;
  payable: string;
  forfeited: boolean;
}

/** The month's share of the annual fee in fen (`month` 1–12). */
export function monthBaseFen(annualFen: bigint, month: number): bigint {
  return annualFen / 12n + (BigInt(month) <= annualFen % 12n ? 1n : 0n);
}

/** The deduction for a month's absences: 0, 5 or 10 percent. */
export function deductionPercentFor(absences: number): 0 | 5 | 10 {
  if (absences <= 0) return 0;
  return absences === 1 ? 5 : 10;
}

/** Whether a fire forfeits the month and ends the agreement: ≥ 15 mu and through neglect. */
export function isMajorFire(areaMu: string | null, throughNeglect: boolean): boolean {
  if (!throughNeglect || areaMu === null) return false;
  const [whole, frac = ''] = areaMu.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0').slice(0, 2)) >= MAJOR_FIRE_HUNDREDTHS;
}

/** A month's fee for a ranger (`withDeductions`) or any other post (base only: no document sets a deduction). */
export function monthlyFee(
  annualFee: string,
  month: number,
  absences: number,
  majorFire: boolean,
  withDeductions = true,
): MonthlyFee {
  const base = monthBaseFen(toFen(annualFee), month);
  if (withDeductions && majorFire)
    return { base: fromFen(base), deductionPercent: 100, deduction: fromFen(base), payable: '0.00', forfeited: true };
  const percent = withDeductions ? deductionPercentFor(absences) : 0;
  // Half up: (base × percent + 50) ÷ 100, in whole fen.
  const deduction = (base * BigInt(percent) + 50n) / 100n;
  return {
    base: fromFen(base),
    deductionPercent: percent,
    deduction: fromFen(deduction),
    payable: fromFen(base - deduction),
    forfeited: false,
  };
}

/** Three absences in a month propose termination. */
export const ABSENCES_PROPOSING_TERMINATION = 3;
