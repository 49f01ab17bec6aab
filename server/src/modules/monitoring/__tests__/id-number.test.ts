import {
  ageOn,
  birthDateOf,
  genderOf,
  idCheckCharacter,
  idNumberProblem,
  maskIdNumber,
  normaliseIdNumber,
} from '../id-number';

const TODAY = '2026-11-30';

describe('ID numbers (GB 11643-1999)', () => {
  it('computes the check character of the standard’s own examples', () => {
    // GB 11643-1999 appendix: 北京市朝阳区 1949-12-31 (female, check X) and 广东省汕头市潮阳县 1880-01-01 (check 4).
    expect(idCheckCharacter('11010519491231002')).toBe('X');
    expect(idCheckCharacter('44052418800101001')).toBe('4');
    expect(idNumberProblem('11010519491231002X', TODAY)).toBeNull();
    expect(idNumberProblem('440524188001010014', TODAY)).toBeNull();
  });

  it('refuses every other check character', () => {
    for (const check of '0123456789X'.replace('X', '')) {
      expect(idNumberProblem(`11010519491231002${check}`, TODAY)).toMatch(/check character/);
    }
    expect(idNumberProblem('440524188001010015', TODAY)).toMatch(/check character/);
  });

  it('accepts a lower-case x and stores it upper-case', () => {
    expect(normaliseIdNumber(' 11010519491231002x ')).toBe('11010519491231002X');
    expect(idNumberProblem('11010519491231002x', TODAY)).toBeNull();
  });

  it.each([
    ['17 characters', '11010519491231002'],
    ['19 characters', '11010519491231002X1'],
    ['a letter inside', '1101051949123100AX'],
    ['X not last', 'X10105194912310020'],
  ])('refuses the wrong shape: %s', (_case, id) => {
    expect(idNumberProblem(id, TODAY)).toMatch(/18 characters/);
  });

  it('refuses impossible and future birth dates, whatever the check character', () => {
    const withCheck = (first17: string) => first17 + idCheckCharacter(first17);
    expect(idNumberProblem(withCheck('11010519490231002'), TODAY)).toMatch(/no valid birth date/);
    expect(idNumberProblem(withCheck('11010520261201002'), TODAY)).toMatch(/outside/);
    expect(idNumberProblem(withCheck('11010520261130002'), TODAY)).toBeNull(); // born today
    expect(idNumberProblem(withCheck('11010518491231002'), TODAY)).toMatch(/outside/);
  });

  it('reads birth date, gender and age', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(genderOf('11010519491231002X')).toBe('FEMALE'); // sequence 002: even
    expect(genderOf('440524188001010014')).toBe('MALE'); // sequence 001: odd
    expect(ageOn('1949-12-31', '2026-12-30')).toBe(76);
    expect(ageOn('1949-12-31', '2026-12-31')).toBe(77);
  });

  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });
});
