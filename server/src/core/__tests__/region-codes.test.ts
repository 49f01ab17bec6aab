import { ancestorCodesOf, levelOfCode, normaliseRegionCode, parentCodeOf, prefixOfCode } from '../region-codes';

describe('statistical division codes', () => {
  it.each([
    ['510000000000', 'PROVINCE', '51'],
    ['350400000000', 'CITY', '3504'],
    ['210404000000', 'COUNTY', '210404'],
    ['210404100000', 'TOWNSHIP', '210404100'],
    ['519902100201', 'VILLAGE', '519902100201'],
  ])('%s is a %s with prefix %s', (code, level, prefix) => {
    expect(levelOfCode(code)).toBe(level);
    expect(prefixOfCode(code)).toBe(prefix);
  });

  it.each(['000000000000', '21040410020', '2104041002011', '210004000000', '21040400000a', '210404000201'])(
    'rejects %s',
    (code) => {
      expect(levelOfCode(code)).toBeNull();
    },
  );

  it('derives parents and ancestors from the code', () => {
    expect(parentCodeOf('519902100201')).toBe('519902100000');
    expect(parentCodeOf('510000000000')).toBeNull();
    expect(ancestorCodesOf('519902100201')).toEqual(['510000000000', '519900000000', '519902000000', '519902100000']);
  });

  it('accepts the short prefix form', () => {
    expect(normaliseRegionCode('3504')).toBe('350400000000');
    expect(normaliseRegionCode('210404100')).toBe('210404100000');
    expect(normaliseRegionCode('350400')).toBeNull(); // a county segment of 00 is not a county
    expect(normaliseRegionCode('35040')).toBeNull();
  });
});
