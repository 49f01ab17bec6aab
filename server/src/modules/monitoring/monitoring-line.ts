/**
 * The monitoring line (防止返贫监测标准/监测范围指导线) of a year, from a rule stored per region:
 * a base amount for a first year, growing by a fixed percentage a year.
 *
 * 000 (望花区): "以人均年纯收入不低于6600元为基数、逐年增长10%为监测标准" → base 6600 in 2021
 * (the plan's year, the first of the transition period), growth 10%.
 * 002 (忻州市): "对照今年7100元的防止返贫监测范围指导线" → 7100 for 2023 only, growth 0.
 *
 * Rounding: the line of year Y is computed from the base each time,
 *   line(Y) = round_half_up(base × (1 + growth/100)^(Y − baseYear), to the fen),
 * never from the previous year's rounded line, so rounding errors do not compound; the
 * arithmetic is exact (integers in fen and basis points), no binary floating point. With
 * 6600 and 10%: 2021 6600.00, 2022 7260.00, 2023 7986.00, 2024 8784.60, 2025 9663.06,
 * 2026 10629.37 (exactly 10629.3660), 2027 11692.30 (11692.3026; compounding the rounded
 * 10629.37 would give 11692.31).
 */

/** Amount in fen from a decimal string with at most two decimals. */
function toFen(amount: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error(`not a non-negative amount with at most two decimals: ${amount}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Basis points (1/100 of a percent) from a percentage with at most two decimals. */
function toBasisPoints(percent: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(percent);
  if (!match) throw new Error(`not a non-negative percentage with at most two decimals: ${percent}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

export function fenToYuan(fen: bigint): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

/** `numerator / denominator` rounded half up (both positive). */
function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

export interface LineRule {
  baseYear: number;
  baseAmount: string;
  annualGrowthPercent: string;
}

/** The line of `year` in fen; the rule must cover the year (year ≥ baseYear). */
export function lineInFen(rule: LineRule, year: number): bigint {
  const years = year - rule.baseYear;
  if (!Number.isInteger(years) || years < 0) throw new Error(`the rule starts in ${rule.baseYear}, not by ${year}`);
  const growth = 10_000n + toBasisPoints(rule.annualGrowthPercent);
  const scale = 10_000n ** BigInt(years);
  return divideRoundingHalfUp(toFen(rule.baseAmount) * growth ** BigInt(years), scale);
}

/** The line of `year` as a decimal string in yuan with two decimals. */
export function lineAmount(rule: LineRule, year: number): string {
  return fenToYuan(lineInFen(rule, year));
}

export { toFen as amountToFen };
