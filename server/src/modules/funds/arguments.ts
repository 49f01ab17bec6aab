import { badInput } from '../../core/errors';
import { todayInShanghai } from '../../core/dates';
import { levelOfCode, type RegionLevelName } from '../../core/region-codes';
import { toFen } from '../consumption/decimal';
import { regionCodeArg } from '../regions/region.service';

/**
 * Readers of the funds and posts modules' input values; each failure is BAD_USER_INPUT naming
 * the field, raised before anything is written.
 */

/** Yuan (or mu) as numeric(18,2) stores them: up to 16 digits before the point, 2 after, no sign. */
const AMOUNT = /^\d{1,16}(\.\d{1,2})?$/;

/** Yuan with at most two decimals; more than zero unless `allowZero`. */
export function amountArg(text: string, field: string, options: { allowZero?: boolean } = {}): string {
  if (!AMOUNT.test(text))
    throw badInput(field, `${field} must be an amount in yuan with at most 2 decimals (分), not negative`);
  if (!options.allowZero && toFen(text) === 0n) throw badInput(field, `${field} must be more than 0`);
  return text;
}

/** A calendar date not after today in Asia/Shanghai. */
export function notFuture(date: string, field: string): string {
  const today = todayInShanghai();
  if (date > today) throw badInput(field, `${field} must not be in the future (today is ${today} in Asia/Shanghai)`);
  return date;
}

/** A region code argument of one of the given levels (12 digits or prefix), as 12 digits. */
export function regionAtLevel(text: string, field: string, levels: readonly RegionLevelName[], what: string): string {
  const code = regionCodeArg(text, field);
  if (!levels.includes(levelOfCode(code)!)) throw badInput(field, `${field} must be ${what}, got ${code}`);
  return code;
}

export function yearArg(year: number, field = 'year'): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw badInput(field, `${field} must be between 2000 and 2100`);
  return year;
}

/** Trimmed text, or BAD_USER_INPUT when nothing is left. */
export function textArg(text: string, field: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw badInput(field, `${field} must not be blank`);
  return trimmed;
}
