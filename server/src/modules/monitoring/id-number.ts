import { isCalendarDate } from '../../core/scalars';

/**
 * Resident identity card numbers (公民身份号码), GB 11643-1999: 6 digits of address code, 8 of
 * birth date (YYYYMMDD), 3 of sequence (odd for men, even for women) and a check character
 * computed with ISO 7064 MOD 11-2 over the first 17 digits.
 *
 * The address code is deliberately not checked against the region table: it records where the
 * number was first issued, and codes of abolished or renamed counties stay valid for life.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

/** The check character (0–9 or X) of the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('the check character is computed over 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** Upper-cases a trailing x and trims; the number is stored in this form. */
export function normaliseIdNumber(text: string): string {
  return text.trim().toUpperCase();
}

/**
 * Why the text is not a valid ID number, or null when it is. `today` bounds the birth date
 * (YYYY-MM-DD in Asia/Shanghai).
 */
export function idNumberProblem(text: string, today: string): string | null {
  const id = normaliseIdNumber(text);
  if (!/^\d{17}[\dX]$/.test(id)) return 'must be 18 characters: 17 digits and a digit or X (GB 11643)';
  const birth = birthDateOf(id);
  if (!isCalendarDate(birth)) return `holds no valid birth date (${id.slice(6, 14)})`;
  if (birth < '1850-01-01' || birth > today) return `holds a birth date outside 1850-01-01 … ${today}`;
  if (idCheckCharacter(id.slice(0, 17)) !== id[17]) return 'fails the GB 11643 check character';
  return null;
}

/** YYYY-MM-DD from the birth-date digits (not validated). */
export function birthDateOf(id: string): string {
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender from the sequence code: odd for men, even for women. */
export function genderOf(id: string): 'MALE' | 'FEMALE' {
  return Number(id[16]) % 2 === 1 ? 'MALE' : 'FEMALE';
}

/** Full years between the birth date and `today` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/**
 * Masked form shown to everyone but the county monitoring roles: the first 4 characters (the
 * province and city of issue) and the last 4, the rest starred, so a village cadre can tell two
 * members apart and compare with a card in hand without the birth date or the full number.
 */
export function maskIdNumber(id: string): string {
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}
