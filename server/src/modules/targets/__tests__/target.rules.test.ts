import { TargetStatus, judge, metFlag, reaches, targetStatus } from '../target.rules';

const oneOff = (dueYear: number) => ({ dueYear, fromYear: null, toYear: null });
const standing = { dueYear: null, fromYear: null, toYear: null };
const annual = { dueYear: null, fromYear: 2021, toYear: 2025 };

describe('judging a schedule as at the end of a year, never later than today', () => {
  it('is not due before the due year or during it, and due once it has ended', () => {
    expect(judge(oneOff(2025), 2024, 2026)).toEqual({ due: false, dueYear: 2025, dataYear: 2024, exactYear: false });
    expect(judge(oneOff(2025), 2025, 2026)).toEqual({ due: true, dueYear: 2025, dataYear: 2025, exactYear: true });
    expect(judge(oneOff(2026), 2026, 2026)).toEqual({ due: false, dueYear: 2026, dataYear: 2026, exactYear: false });
    expect(judge(oneOff(2023), 2026, 2026)).toEqual({ due: true, dueYear: 2023, dataYear: 2023, exactYear: true });
  });

  it('treats a year after the current one as today', () => {
    expect(judge(oneOff(2026), 2030, 2026)).toEqual(judge(oneOff(2026), 2026, 2026));
  });

  it('judges an annual target on the year asked for, inside its years', () => {
    expect(judge(annual, 2020, 2026)).toEqual({ due: false, dueYear: 2021, dataYear: 2020, exactYear: false });
    expect(judge(annual, 2023, 2026)).toEqual({ due: true, dueYear: 2023, dataYear: 2023, exactYear: true });
    expect(judge(annual, 2026, 2026)).toEqual({ due: true, dueYear: 2025, dataYear: 2025, exactYear: true });
    expect(judge(annual, 2024, 2024)).toEqual({ due: false, dueYear: 2024, dataYear: 2024, exactYear: false });
  });

  it('holds a standing requirement due at all times, on the latest figures', () => {
    expect(judge(standing, 2022, 2026)).toEqual({ due: true, dueYear: null, dataYear: 2022, exactYear: false });
  });
});

describe('status', () => {
  const income = { comparison: 'GTE', threshold: '50000' };
  it('is MET or MISSED only once due, at the threshold exactly', () => {
    expect(targetStatus(income, true, true, '50000')).toBe(TargetStatus.MET);
    expect(targetStatus(income, true, true, '50000.00')).toBe(TargetStatus.MET);
    expect(targetStatus(income, true, true, '49999.99')).toBe(TargetStatus.MISSED);
    expect(targetStatus(income, true, true, null)).toBe(TargetStatus.NO_DATA);
  });

  it('is never a failure before the due year: ON_TRACK when already reached, else NOT_DUE', () => {
    expect(targetStatus(income, true, false, '56000')).toBe(TargetStatus.ON_TRACK);
    expect(targetStatus(income, true, false, '1000')).toBe(TargetStatus.NOT_DUE);
    expect(targetStatus(income, true, false, null)).toBe(TargetStatus.NOT_DUE);
  });

  it('keeps targets the platform cannot measure as NO_DATA, due or not', () => {
    expect(targetStatus({ comparison: 'EQ', threshold: '1' }, false, true, null)).toBe(TargetStatus.NO_DATA);
    expect(targetStatus({ comparison: 'EQ', threshold: '1' }, false, false, null)).toBe(TargetStatus.NO_DATA);
  });

  it('compares EQ exactly and GTE inclusively', () => {
    expect(reaches('EQ', '1', '1.0')).toBe(true);
    expect(reaches('EQ', '1', '2')).toBe(false);
    expect(reaches('GTE', '12', '11.99')).toBe(false);
    expect(reaches('GTE', '12', '12')).toBe(true);
  });

  it('derives the deprecated met flag from the status', () => {
    expect(Object.values(TargetStatus).map(metFlag)).toEqual([null, null, true, false, null]);
  });
});
