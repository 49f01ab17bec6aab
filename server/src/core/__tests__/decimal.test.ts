import { compareDecimal } from '../decimal';

describe('compareDecimal', () => {
  it.each([
    ['90', '90.0', 0],
    ['89.99', '90', -1],
    ['90.001', '90', 1],
    ['-0.5', '0', -1],
    ['-0', '0', 0],
    ['100000', '99999.999999', 1],
    ['12345678901234567.5', '12345678901234567.4', 1], // beyond a double's exact integers
  ])('compares %s with %s', (a, b, expected) => {
    expect(compareDecimal(a, b)).toBe(expected);
    expect(compareDecimal(b, a)).toBe(-expected || 0);
  });

  it('refuses what is not a decimal', () => {
    expect(() => compareDecimal('1e5', '1')).toThrow('not a decimal');
  });
});
