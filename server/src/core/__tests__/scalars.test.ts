import { Kind } from 'graphql';
import { DateScalar, DateTimeScalar, DecimalScalar, isCalendarDate } from '../scalars';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? 'no code';
  }
  return 'accepted';
};

describe('Date', () => {
  it('takes real calendar days and keeps them as strings', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2025-12-31' })).toBe('2025-12-31');
    expect(DateScalar.serialize(new Date('2024-03-01T00:00:00Z'))).toBe('2024-03-01');
  });

  it('refuses days that do not exist and other shapes with BAD_USER_INPUT', () => {
    for (const value of ['2023-02-29', '2024-04-31', '2024-13-01', '2024-2-3', '20240203', 20240203, null])
      expect({ value, code: codeOf(() => DateScalar.parseValue(value)) }).toEqual({ value, code: 'BAD_USER_INPUT' });
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
  });
});

describe('DateTime', () => {
  it('takes RFC 3339 instants with an offset and answers in UTC', () => {
    const parsed = DateTimeScalar.parseValue('2025-03-01T08:00:00+08:00');
    expect(parsed).toEqual(new Date('2025-03-01T00:00:00Z'));
    expect(DateTimeScalar.serialize(parsed)).toBe('2025-03-01T00:00:00.000Z');
  });

  it('refuses instants without an offset or on days that do not exist, rather than moving them', () => {
    // Date.parse would read 2024-02-30 as 1 March: graphql-scalars' RFC 3339 check refuses it.
    for (const value of [
      '2024-02-30T10:00:00Z',
      '2024-02-29T24:00:00Z',
      '2025-03-01T08:00:00',
      '2025-03-01',
      1740787200000,
    ])
      expect({ value, code: codeOf(() => DateTimeScalar.parseValue(value)) }).toEqual({
        value,
        code: 'BAD_USER_INPUT',
      });
  });
});

describe('Decimal', () => {
  it('keeps exact decimal strings and refuses floats', () => {
    expect(DecimalScalar.parseValue('18260.50')).toBe('18260.50');
    expect(DecimalScalar.parseValue(12)).toBe('12');
    expect(codeOf(() => DecimalScalar.parseValue(0.1))).toBe('BAD_USER_INPUT');
    expect(codeOf(() => DecimalScalar.parseLiteral({ kind: Kind.FLOAT, value: '0.1' }))).toBe('BAD_USER_INPUT');
  });
});
