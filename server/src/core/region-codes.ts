/**
 * 12-digit statistical division codes (统计用区划代码): 2 digits province, 2 city, 2 county,
 * 3 township, 3 village; an upper level ends in zeros. A region's prefix is the part of the code
 * that its descendants share, so "inside region X" is `code LIKE prefix || '%'` everywhere.
 */
export type RegionLevelName = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';

export const LEVEL_PREFIX_LENGTH: Record<RegionLevelName, number> = {
  PROVINCE: 2,
  CITY: 4,
  COUNTY: 6,
  TOWNSHIP: 9,
  VILLAGE: 12,
};

const LEVELS: RegionLevelName[] = ['PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP', 'VILLAGE'];
const CODE_PATTERN = /^\d{12}$/;

export function isRegionCode(code: string): boolean {
  return CODE_PATTERN.test(code) && levelOfCode(code) !== null;
}

/**
 * The level a code denotes: the deepest non-zero segment. Returns null for codes that are not
 * well formed (wrong length, all zeros, or a zero segment followed by a non-zero one).
 */
export function levelOfCode(code: string): RegionLevelName | null {
  if (!CODE_PATTERN.test(code)) return null;
  const segments = [code.slice(0, 2), code.slice(2, 4), code.slice(4, 6), code.slice(6, 9), code.slice(9, 12)];
  let deepest = -1;
  for (let i = 0; i < segments.length; i++) {
    const zero = /^0+$/.test(segments[i]);
    if (!zero) {
      if (deepest !== i - 1) return null; // a gap: e.g. city 00 but county 23
      deepest = i;
    }
  }
  return deepest < 0 ? null : LEVELS[deepest];
}

export function prefixOfCode(code: string): string {
  const level = levelOfCode(code);
  if (!level) throw new Error(`not a region code: ${code}`);
  return code.slice(0, LEVEL_PREFIX_LENGTH[level]);
}

/** Parent code derived from the code itself: the next upper level's prefix padded with zeros. */
export function parentCodeOf(code: string): string | null {
  const level = levelOfCode(code);
  if (!level || level === 'PROVINCE') return null;
  const parentLevel = LEVELS[LEVELS.indexOf(level) - 1];
  return code.slice(0, LEVEL_PREFIX_LENGTH[parentLevel]).padEnd(12, '0');
}

/** Codes of every ancestor, province first. */
export function ancestorCodesOf(code: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentCodeOf(code); parent; parent = parentCodeOf(parent)) ancestors.unshift(parent);
  return ancestors;
}

/**
 * Accepts the 12-digit code or its short form (the prefix alone, e.g. "3504" for 三明市) and
 * returns the 12-digit code, or null when the text is neither.
 */
export function normaliseRegionCode(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  if (trimmed.length === 12) return isRegionCode(trimmed) ? trimmed : null;
  if (!Object.values(LEVEL_PREFIX_LENGTH).includes(trimmed.length)) return null;
  const padded = trimmed.padEnd(12, '0');
  return isRegionCode(padded) && prefixOfCode(padded) === trimmed ? padded : null;
}
