import { isCalendarDate } from '../../core/scalars';
import { PurchaseChannel } from './consumption.enums';

/**
 * The rules of a purchase, shared by `recordPurchase` and the bulk import (`purchase-import.ts`):
 * one definition, so a row the API refuses is refused by the import too, and the other way
 * round. Pure functions over plain values: each returns the problems it finds, as a logical
 * field and a message without the field's name; each path names the field its own way
 * (`lines.2.amount` in the API, the `amount` column in the import).
 */

/** Purchases before this day are refused: the ledger starts with the 2000s, and older dates are typing errors. */
export const EARLIEST_PURCHASE_DATE = '2000-01-01';
export const MAX_PURCHASE_LINES = 200;
export const MAX_CLIENT_REFERENCE_LENGTH = 100;
export const MAX_UNIT_LENGTH = 20;

export type HeaderField = 'clientReference' | 'channel' | 'purchasedOn';
export type LineField = 'quantity' | 'unit' | 'amount';

export interface Problem<F extends string> {
  field: F;
  /** Reads after the field's name: "must be …". */
  message: string;
}

/** Control characters (NUL and the like) never belong in a reference or a unit. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Quantity: greater than zero, at most 3 decimals (numeric(18,3)). */
export const isQuantity = (text: string) => /^\d{1,15}(\.\d{1,3})?$/.test(text) && /[1-9]/.test(text);
/** Amount in yuan: greater than zero, at most 2 decimals (numeric(18,2)). A zero line is not consumption support. */
export const isAmount = (text: string) => /^\d{1,16}(\.\d{1,2})?$/.test(text) && /[1-9]/.test(text);

function textProblem(value: string, max: number): string | null {
  if (CONTROL.test(value)) return 'must not contain control characters';
  const trimmed = value.trim();
  if (trimmed.length < 1 || trimmed.length > max) return `must hold 1 to ${max} characters besides spaces`;
  return null;
}

/** The purchase as a whole; `today` is the calendar day in Asia/Shanghai. Values are compared trimmed. */
export function headerProblems(
  header: { clientReference: string; channel: string; purchasedOn: string },
  today: string,
): Problem<HeaderField>[] {
  const problems: Problem<HeaderField>[] = [];
  const reference = textProblem(header.clientReference, MAX_CLIENT_REFERENCE_LENGTH);
  if (reference) problems.push({ field: 'clientReference', message: reference });
  if (!(Object.values(PurchaseChannel) as string[]).includes(header.channel))
    problems.push({ field: 'channel', message: `must be one of ${Object.values(PurchaseChannel).join(', ')}` });
  const day = header.purchasedOn.trim();
  if (!isCalendarDate(day)) problems.push({ field: 'purchasedOn', message: 'must be a date YYYY-MM-DD' });
  else if (day > today)
    problems.push({ field: 'purchasedOn', message: `must not be in the future (today is ${today} in Asia/Shanghai)` });
  else if (day < EARLIEST_PURCHASE_DATE)
    problems.push({ field: 'purchasedOn', message: `must be ${EARLIEST_PURCHASE_DATE} or later` });
  return problems;
}

/** One product line. */
export function lineProblems(line: { quantity: string; unit: string; amount: string }): Problem<LineField>[] {
  const problems: Problem<LineField>[] = [];
  if (!isQuantity(line.quantity.trim()))
    problems.push({ field: 'quantity', message: 'must be greater than 0 with at most 3 decimals' });
  const unit = textProblem(line.unit, MAX_UNIT_LENGTH);
  if (unit) problems.push({ field: 'unit', message: unit });
  if (!isAmount(line.amount.trim()))
    problems.push({ field: 'amount', message: 'must be greater than 0 yuan with at most 2 decimals' });
  return problems;
}

/** The line count of one purchase. */
export function lineCountProblem(count: number): string | null {
  if (count < 1) return 'must hold at least one line';
  if (count > MAX_PURCHASE_LINES) return `may hold at most ${MAX_PURCHASE_LINES} lines`;
  return null;
}

/** A certificate's period as the rule needs it. */
export interface CertificationPeriod {
  certificateNumber: string;
  validFrom: string;
  validUntil: string | null;
  revokedFrom: string | null;
}

/**
 * Whether a certificate covers a day: from `validFrom` through `validUntil` (open-ended when
 * null), both ends included, and before the day its revocation takes effect. Calendar dates
 * compare as strings. `CERTIFIED_ON_SQL` in `product.repository.ts` is the same rule in SQL.
 */
export function certificateCovers(certificate: CertificationPeriod, day: string): boolean {
  return (
    certificate.validFrom <= day &&
    (certificate.validUntil === null || day <= certificate.validUntil) &&
    (certificate.revokedFrom === null || day < certificate.revokedFrom)
  );
}

/** The certificate covering a day, if any. */
export function certificateOn<C extends CertificationPeriod>(certificates: readonly C[], day: string): C | null {
  return certificates.find((c) => certificateCovers(c, day)) ?? null;
}

/**
 * The 消费帮扶 rule of this ledger: a line counts as consumption support only for a product
 * certified on the purchase date, so a line of a product not certified that day is refused (in
 * the API and in the import alike) rather than recorded and left out of the statistics. The
 * message names the product and, when it has any, its certificates' periods.
 */
export function certificationProblem(
  product: { name: string; certifications: readonly CertificationPeriod[] },
  day: string,
): string | null {
  if (certificateOn(product.certifications, day)) return null;
  if (!product.certifications.length)
    return `${product.name} has never been certified for consumption support (未认定消费帮扶产品)`;
  const periods = product.certifications
    .map(
      (c) =>
        `${c.certificateNumber} ${c.validFrom} to ${c.validUntil ?? 'no end'}${c.revokedFrom ? `, revoked from ${c.revokedFrom}` : ''}`,
    )
    .join('; ');
  return `${product.name} is not certified for consumption support on ${day} (认定有效期: ${periods})`;
}
