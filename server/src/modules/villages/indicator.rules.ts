import { compareDecimal } from '../../core/decimal';

/**
 * The rules of yearly village indicators (村级年度指标), free of any database so they can be
 * tested on their own: how a recording merges with what is there, and which figures are
 * implausible. The service applies them inside the transaction that writes the year.
 */

/** Whole-number indicators. */
export const COUNT_FIELDS = ['households', 'population'] as const;
/** Amounts in yuan and areas in mu: never negative. */
export const AMOUNT_FIELDS = ['perCapitaDisposableIncome', 'collectiveIncome', 'farmlandMu', 'forestMu'] as const;
/** Shares and coverage rates in percent: 0 to 100. */
export const SHARE_FIELDS = ['highStandardFarmlandShare', 'tapWaterCoverage', 'sanitaryToiletCoverage'] as const;

export const INDICATOR_FIELDS = [...COUNT_FIELDS, ...AMOUNT_FIELDS, ...SHARE_FIELDS] as const;
export type IndicatorField = (typeof INDICATOR_FIELDS)[number];

/** One year's figures; null means not known. Counts are numbers, the rest exact decimal strings. */
export type IndicatorValues = { [F in (typeof COUNT_FIELDS)[number]]: number | null } & {
  [F in (typeof AMOUNT_FIELDS)[number] | (typeof SHARE_FIELDS)[number]]: string | null;
};

/** What a recording sends: a field left out (undefined) keeps its value, an explicit null clears it. */
export type IndicatorChanges = { [F in IndicatorField]?: IndicatorValues[F] | null };

export const EMPTY_INDICATORS: IndicatorValues = Object.fromEntries(
  INDICATOR_FIELDS.map((field) => [field, null]),
) as IndicatorValues;

/** The year's figures after a recording: given fields replace (null clears), left-out fields stay. */
export function mergeIndicators(current: IndicatorValues | null, changes: IndicatorChanges): IndicatorValues {
  const merged = { ...(current ?? EMPTY_INDICATORS) } as Record<IndicatorField, unknown>;
  for (const field of INDICATOR_FIELDS) {
    if (changes[field] !== undefined) merged[field] = changes[field];
  }
  return merged as IndicatorValues;
}

/** The fields whose value differs between two versions of a year. */
export function changedFields(before: IndicatorValues | null, after: IndicatorValues): IndicatorField[] {
  return INDICATOR_FIELDS.filter((field) => {
    const [a, b] = [(before ?? EMPTY_INDICATORS)[field], after[field]];
    if (a === null || b === null) return a !== b;
    return typeof a === 'number' ? a !== b : compareDecimal(String(a), String(b)) !== 0;
  });
}

/** A figure refused, with the input fields to name in the error. */
export interface Implausible {
  fields: IndicatorField[] | ['year'];
  message: string;
}

/**
 * The first implausible thing about a year's figures after the merge, or null. `given` lists the
 * fields the caller sent, so a rule between two fields names the ones the caller can correct.
 * `currentYear` is the year in Asia/Shanghai: figures are recorded for years that have begun.
 */
export function implausibleIndicators(
  year: number,
  values: IndicatorValues,
  given: ReadonlySet<string>,
  currentYear: number,
): Implausible | null {
  if (year > currentYear)
    return { fields: ['year'], message: `year must not be after the current year ${currentYear} (Asia/Shanghai)` };
  for (const field of COUNT_FIELDS) {
    const value = values[field];
    if (value !== null && (!Number.isInteger(value) || value < 0))
      return { fields: [field], message: `${field} must be a whole number, not negative` };
  }
  for (const field of AMOUNT_FIELDS) {
    const value = values[field];
    if (value !== null && compareDecimal(value, '0') < 0)
      return { fields: [field], message: `${field} must not be negative` };
  }
  for (const field of SHARE_FIELDS) {
    const value = values[field];
    if (value !== null && (compareDecimal(value, '0') < 0 || compareDecimal(value, '100') > 0))
      return { fields: [field], message: `${field} is a percentage between 0 and 100, got ${value}` };
  }
  const { households, population } = values;
  if (households !== null && population !== null && population < households) {
    const named = COUNT_FIELDS.filter((field) => given.has(field));
    return {
      fields: named.length ? named : ['population'],
      message: `population (${population}) must be at least the number of households (${households}): every household has a member`,
    };
  }
  return null;
}
