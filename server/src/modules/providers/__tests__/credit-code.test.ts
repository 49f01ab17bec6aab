import fs from 'node:fs';
import path from 'node:path';
import { creditCodeCheckCharacter, isValidCreditCode } from '../credit-code';

describe('unified social credit code (GB 32100-2015)', () => {
  it('computes the check character: weights 1, 3, 9 … modulo 31 over the 31-character alphabet', () => {
    // Worked by hand: a lone 1 in position 1 (weight 1) gives 31 - 1 = 30 → Y; in position 2 (weight 3) 31 - 3 = 28 → W.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(creditCodeCheckCharacter('10000000000000000')).toBe('Y');
    expect(creditCodeCheckCharacter('01000000000000000')).toBe('W');
    expect(isValidCreditCode('10000000000000000Y')).toBe(true);
    expect(isValidCreditCode('01000000000000000W')).toBe(true);
  });

  it('accepts the seeded enterprises and refuses each of them with another check character', () => {
    const file = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../../../seeds/data/providers.json'), 'utf8'),
    );
    for (const { creditCode } of file.enterprises as { creditCode: string }[]) {
      expect(isValidCreditCode(creditCode)).toBe(true);
      const wrong = creditCode.slice(0, 17) + (creditCode[17] === '0' ? '1' : '0');
      expect(isValidCreditCode(wrong)).toBe(false);
    }
  });

  it.each([
    ['too short', '91510100MA6C8X1K2'],
    ['too long', '91510100MA6C8X1K2LL'],
    ['lower case', '91510100ma6c8x1k2l'],
    ['a letter outside the alphabet (I, O, S, V, Z)', '91510100MI6C8X1K2L'],
    ['spaces', '91510100 MA6C8X1K2'],
    ['empty', ''],
  ])('refuses %s', (_label, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
