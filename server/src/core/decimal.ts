/**
 * Exact comparison of decimal strings ("18260.50", "-3", "90"), as the Decimal scalar and
 * PostgreSQL numeric write them: both sides are scaled to the same number of fraction digits and
 * compared as integers, so no value passes through binary floating point.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function scaled(text: string, digits: number): bigint {
  const match = DECIMAL.exec(text.trim());
  if (!match) throw new Error(`not a decimal: ${text}`);
  const value = BigInt(match[2] + (match[3] ?? '').padEnd(digits, '0'));
  return match[1] ? -value : value;
}

const fractionDigits = (text: string) => text.trim().split('.')[1]?.length ?? 0;

/** -1, 0 or 1 as `a` is below, equal to or above `b`. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const digits = Math.max(fractionDigits(a), fractionDigits(b));
  const [x, y] = [scaled(a, digits), scaled(b, digits)];
  return x < y ? -1 : x > y ? 1 : 0;
}
