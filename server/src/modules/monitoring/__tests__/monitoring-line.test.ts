import { lineAmount } from '../monitoring-line';

describe('monitoring line from a base and a yearly rise', () => {
  // 000_ed3d1c40eab019cc.txt: 以人均年纯收入不低于6600元为基数、逐年增长10%为监测标准 (base year 2021).
  const wanghua = { baseYear: 2021, baseAmount: '6600', annualGrowthPercent: '10' };

  it.each([
    // 6600 × 1.1^n, exact value in the comment, rounded half up to the fen
    [2021, '6600.00'], // 6600
    [2022, '7260.00'], // 7260
    [2023, '7986.00'], // 7986
    [2024, '8784.60'], // 8784.6
    [2025, '9663.06'], // 9663.06
    [2026, '10629.37'], // 10629.366
    [2027, '11692.30'], // 11692.3026
    [2028, '12861.53'], // 12861.53286
  ])('望花区 %i: %s', (year, amount) => {
    expect(lineAmount(wanghua, year)).toBe(amount);
  });

  it('computes each year from the base, not from the previous year’s rounded line', () => {
    // Compounding the rounded 2026 line would give 10629.37 × 1.1 = 11692.307 → 11692.31.
    const fromRounded = { baseYear: 2026, baseAmount: '10629.37', annualGrowthPercent: '10' };
    expect(lineAmount(fromRounded, 2027)).toBe('11692.31');
    expect(lineAmount(wanghua, 2027)).toBe('11692.30');
  });

  it('rounds half up at exactly half a fen', () => {
    // 0.05 × 1.1 = 0.055 → 0.06
    expect(lineAmount({ baseYear: 2020, baseAmount: '0.05', annualGrowthPercent: '10' }, 2021)).toBe('0.06');
    // 0.01 × 1.25 = 0.0125 → 0.01
    expect(lineAmount({ baseYear: 2020, baseAmount: '0.01', annualGrowthPercent: '25' }, 2021)).toBe('0.01');
  });

  it('keeps a flat line flat (忻州 7100 in 2023, 002_d5d8c2fb670d631c.txt)', () => {
    expect(lineAmount({ baseYear: 2023, baseAmount: '7100', annualGrowthPercent: '0' }, 2023)).toBe('7100.00');
  });

  it('accepts fractional percentages exactly', () => {
    // 10000 × 1.0725² = 11502.5625 → 11502.56
    expect(lineAmount({ baseYear: 2020, baseAmount: '10000', annualGrowthPercent: '7.25' }, 2022)).toBe('11502.56');
  });

  it('refuses years before the base year', () => {
    expect(() => lineAmount(wanghua, 2020)).toThrow(/starts in 2021/);
  });
});
