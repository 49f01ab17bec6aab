import {
  EMPTY_INDICATORS,
  changedFields,
  implausibleIndicators,
  mergeIndicators,
  type IndicatorValues,
} from '../indicator.rules';

const recorded: IndicatorValues = {
  ...EMPTY_INDICATORS,
  households: 677,
  population: 1912,
  perCapitaDisposableIncome: '18749',
  collectiveIncome: '5800',
  tapWaterCoverage: '88.5',
};

describe('merging a recording into the year', () => {
  it('keeps fields left out, replaces given ones and clears explicit nulls', () => {
    const merged = mergeIndicators(recorded, { collectiveIncome: '60000', tapWaterCoverage: null });
    expect(merged).toEqual({ ...recorded, collectiveIncome: '60000', tapWaterCoverage: null });
    expect(changedFields(recorded, merged)).toEqual(['collectiveIncome', 'tapWaterCoverage']);
  });

  it('starts a year not recorded before from nothing', () => {
    const merged = mergeIndicators(null, { population: 10 });
    expect(merged).toEqual({ ...EMPTY_INDICATORS, population: 10 });
    expect(changedFields(null, merged)).toEqual(['population']);
  });

  it('does not count a decimal written differently as a change', () => {
    expect(changedFields(recorded, mergeIndicators(recorded, { collectiveIncome: '5800.00' }))).toEqual([]);
  });
});

describe('plausibility', () => {
  const check = (values: Partial<IndicatorValues>, given: string[] = Object.keys(values), year = 2026) =>
    implausibleIndicators(year, { ...EMPTY_INDICATORS, ...values }, new Set(given), 2026);

  it('accepts the current year and refuses the next (Asia/Shanghai)', () => {
    expect(check({}, [], 2026)).toBeNull();
    expect(check({}, [], 2027)).toMatchObject({ fields: ['year'] });
  });

  it('wants at least as many people as households, naming the fields the caller sent', () => {
    expect(check({ households: 100, population: 100 })).toBeNull();
    expect(check({ households: 101, population: 100 })).toMatchObject({ fields: ['households', 'population'] });
    expect(check({ households: 5000, population: 100 }, ['households'])).toMatchObject({ fields: ['households'] });
    expect(check({ households: 5000, population: 100 }, ['population'])).toMatchObject({ fields: ['population'] });
    expect(check({ households: 5000, population: null })).toBeNull();
  });

  it.each(['highStandardFarmlandShare', 'tapWaterCoverage', 'sanitaryToiletCoverage'] as const)(
    'keeps %s between 0 and 100 inclusive',
    (field) => {
      expect(check({ [field]: '0' })).toBeNull();
      expect(check({ [field]: '100' })).toBeNull();
      expect(check({ [field]: '100.000001' })).toMatchObject({ fields: [field] });
      expect(check({ [field]: '-0.01' })).toMatchObject({ fields: [field] });
    },
  );

  it.each(['perCapitaDisposableIncome', 'collectiveIncome', 'farmlandMu', 'forestMu'] as const)(
    'refuses a negative %s and accepts zero',
    (field) => {
      expect(check({ [field]: '0' })).toBeNull();
      expect(check({ [field]: '-0.01' })).toMatchObject({ fields: [field] });
    },
  );

  it('refuses negative counts', () => {
    expect(check({ households: -1 })).toMatchObject({ fields: ['households'] });
    expect(check({ population: -1 })).toMatchObject({ fields: ['population'] });
  });
});
