import { deductionPercentFor, isMajorFire, monthBaseFen, monthlyFee, RANGER_ANNUAL_FEE } from '../ranger-fee';
import { toFen } from '../../consumption/decimal';

describe('the ranger fee rule (003_6038825323505164.txt 第三篇)', () => {
  it('splits 10,000 yuan a year into whole-fen months that add up to exactly 10,000.00', () => {
    const months = Array.from({ length: 12 }, (_, i) => monthBaseFen(toFen(RANGER_ANNUAL_FEE), i + 1));
    expect(months.slice(0, 4)).toEqual([83334n, 83334n, 83334n, 83334n]);
    expect(months.slice(4)).toEqual(Array(8).fill(83333n));
    expect(months.reduce((a, b) => a + b, 0n)).toBe(1_000_000n);
    // Any annual fee, not only 10,000: the remainder fen go to the first months.
    const odd = Array.from({ length: 12 }, (_, i) => monthBaseFen(1_234_567n, i + 1));
    expect(odd.reduce((a, b) => a + b, 0n)).toBe(1_234_567n);
  });

  it('deducts nothing, 5%, 10%, and 10% again at the third absence, rounding half up to the fen', () => {
    // January: 833.34 yuan.
    expect(monthlyFee(RANGER_ANNUAL_FEE, 1, 0, false)).toEqual({
      base: '833.34',
      deductionPercent: 0,
      deduction: '0.00',
      payable: '833.34',
      forfeited: false,
    });
    // 5% of 833.34 is 41.667 → 41.67.
    expect(monthlyFee(RANGER_ANNUAL_FEE, 1, 1, false)).toMatchObject({ deduction: '41.67', payable: '791.67' });
    // 10% of 833.34 is 83.334 → 83.33.
    expect(monthlyFee(RANGER_ANNUAL_FEE, 1, 2, false)).toMatchObject({ deduction: '83.33', payable: '750.01' });
    expect(monthlyFee(RANGER_ANNUAL_FEE, 1, 3, false)).toMatchObject({
      deductionPercent: 10,
      deduction: '83.33',
      payable: '750.01',
    });
    // May: 833.33; 5% is 41.6665 → 41.67 (half up), 10% is 83.333 → 83.33.
    expect(monthlyFee(RANGER_ANNUAL_FEE, 5, 1, false)).toMatchObject({ deduction: '41.67', payable: '791.66' });
    expect(monthlyFee(RANGER_ANNUAL_FEE, 5, 2, false)).toMatchObject({ deduction: '83.33', payable: '750.00' });
    expect([0, 1, 2, 3, 7].map(deductionPercentFor)).toEqual([0, 5, 10, 10, 10]);
  });

  it('keeps base = deduction + payable for every month, absence count and fee', () => {
    for (const fee of ['10000.00', '9999.99', '12000.00', '0.11', '36500.07'])
      for (let month = 1; month <= 12; month++)
        for (const absences of [0, 1, 2, 3]) {
          const result = monthlyFee(fee, month, absences, false);
          expect(toFen(result.deduction) + toFen(result.payable)).toBe(toFen(result.base));
        }
  });

  it('forfeits the month for a fire of 15 mu or more through neglect, and not below 15 mu or without neglect', () => {
    expect(isMajorFire('15', true)).toBe(true);
    expect(isMajorFire('15.00', true)).toBe(true);
    expect(isMajorFire('120.5', true)).toBe(true);
    expect(isMajorFire('14.99', true)).toBe(false);
    expect(isMajorFire('30', false)).toBe(false);
    expect(isMajorFire(null, true)).toBe(false);
    expect(monthlyFee(RANGER_ANNUAL_FEE, 6, 0, true)).toEqual({
      base: '833.33',
      deductionPercent: 100,
      deduction: '833.33',
      payable: '0.00',
      forfeited: true,
    });
  });

  it('applies no deduction to posts without a fee rule', () => {
    expect(monthlyFee('7200.00', 3, 2, true, false)).toMatchObject({
      base: '600.00',
      deduction: '0.00',
      payable: '600.00',
    });
  });
});
