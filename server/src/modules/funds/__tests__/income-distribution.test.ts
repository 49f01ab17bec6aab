import { distributeIncome, sharesRefusal } from '../income-distribution';
import { toFen } from '../../consumption/decimal';

const shares = (monitored: string, upkeep: string, publicWorks: string) => ({
  monitoredHouseholdsPercent: monitored,
  upkeepPercent: upkeep,
  publicWorksPercent: publicWorks,
});

describe('asset income distribution', () => {
  it('adds up to the income exactly, every fen lost to rounding going to the monitored households', () => {
    // 100.00 split in thirds: upkeep and public works get 33.33 each (rounded down), households 33.34.
    expect(distributeIncome('100.00', shares('33.34', '33.33', '33.33'))).toEqual({
      toMonitoredHouseholds: '33.34',
      toUpkeep: '33.33',
      toPublicWorks: '33.33',
    });
    // 0.05 at 60/30/10: upkeep 0.015 → 0.01, public works 0.005 → 0.00, households 0.04.
    expect(distributeIncome('0.05', shares('60', '30', '10'))).toEqual({
      toMonitoredHouseholds: '0.04',
      toUpkeep: '0.01',
      toPublicWorks: '0.00',
    });
    expect(distributeIncome('58888.88', shares('50', '30', '20'))).toEqual({
      toMonitoredHouseholds: '29444.45',
      toUpkeep: '17666.66',
      toPublicWorks: '11777.77',
    });
  });

  it('sums exactly over many incomes and splits', () => {
    const splits = [
      shares('50', '30', '20'),
      shares('33.34', '33.33', '33.33'),
      shares('0.01', '99.98', '0.01'),
      shares('100', '0', '0'),
    ];
    for (let fen = 0n; fen < 5000n; fen += 37n)
      for (const split of splits) {
        const income = `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
        const d = distributeIncome(income, split);
        expect(toFen(d.toMonitoredHouseholds) + toFen(d.toUpkeep) + toFen(d.toPublicWorks)).toBe(fen);
        expect(toFen(d.toMonitoredHouseholds)).toBeGreaterThanOrEqual(0n);
      }
  });

  it('refuses percentages that do not add up to 100, a zero share for the households first in line, and bad numbers', () => {
    expect(sharesRefusal(shares('50', '30', '20'))).toBeNull();
    expect(sharesRefusal(shares('50', '30', '19.99'))?.message).toContain('exactly 100');
    expect(sharesRefusal(shares('0', '50', '50'))?.field).toBe('monitoredHouseholdsPercent');
    expect(sharesRefusal(shares('50', '-30', '80'))?.field).toBe('upkeepPercent');
    expect(sharesRefusal(shares('50', '30', '20.001'))?.field).toBe('publicWorksPercent');
    expect(sharesRefusal(shares('150', '0', '0'))?.field).toBe('monitoredHouseholdsPercent');
  });
});
