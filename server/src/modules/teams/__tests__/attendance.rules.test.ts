import { assessedForWeek, weekVerdict, type DayRecord } from '../attendance.rules';

/** A week from a pattern, Monday first: N day and night, D day only, n night only, L approved leave, - no record. */
function week(pattern: string): DayRecord[] {
  return [...pattern].flatMap((mark): DayRecord[] => {
    if (mark === '-') return [];
    if (mark === 'L') return [{ kind: 'APPROVED_LEAVE', presentByDay: false, stayedNight: false }];
    return [{ kind: 'ON_SITE', presentByDay: mark !== 'n', stayedNight: mark !== 'D' }];
  });
}

describe('五天四夜 per Monday–Sunday week', () => {
  it.each([
    ['五天四夜', 'NNNND--', 5, 4, 0, 5, 4, true],
    ['五天三夜', 'NNNDD--', 5, 3, 0, 5, 4, false],
    ['四天四夜', 'NNNN---', 4, 4, 0, 5, 4, false],
    ['七天七夜', 'NNNNNNN', 7, 7, 0, 5, 4, true],
    ['请假一天', 'LNNND--', 4, 3, 1, 4, 3, true],
    ['请假一天不足', 'LNNDD--', 4, 2, 1, 4, 3, false],
    ['请假四天', 'LLLLD--', 1, 0, 4, 1, 0, true],
    ['请假四天缺勤', 'LLLL---', 0, 0, 4, 1, 0, false],
    ['请假五天', 'LLLLL--', 0, 0, 5, 0, 0, true],
    ['请假七天', 'LLLLLLL', 0, 0, 7, 0, 0, true],
    ['只住不在', 'nnnnD--', 1, 4, 0, 5, 4, false],
    ['无记录', '-------', 0, 0, 0, 5, 4, false],
  ])('%s (%s)', (_name, pattern, days, nights, leave, requiredDays, requiredNights, compliant) => {
    expect(weekVerdict(week(pattern))).toEqual({
      daysInVillage: days,
      nightsInVillage: nights,
      leaveDays: leave,
      recordedDays: pattern.replace(/-/g, '').length,
      requiredDays,
      requiredNights,
      compliant,
    });
  });

  it('never counts a leave day as presence, whatever its flags say', () => {
    const leaveClaimingPresence: DayRecord = { kind: 'APPROVED_LEAVE', presentByDay: true, stayedNight: true };
    expect(weekVerdict([...week('NNNN---'), leaveClaimingPresence])).toMatchObject({
      daysInVillage: 4,
      nightsInVillage: 4,
      requiredDays: 4,
      requiredNights: 3,
      compliant: true,
    });
  });
});

describe('who is assessed for a week', () => {
  const week = { start: '2026-11-09', end: '2026-11-15' };
  it.each([
    ['on duty from the Monday', { onDutyFrom: '2026-11-09', onDutyTo: '2027-01-01', onDuty: true }, true],
    ['on duty from the Tuesday', { onDutyFrom: '2026-11-10', onDutyTo: '2027-01-01', onDuty: true }, false],
    ['ended on the Sunday', { onDutyFrom: '2026-01-01', onDutyTo: '2026-11-15', onDuty: false }, true],
    ['ended on the Saturday', { onDutyFrom: '2026-01-01', onDutyTo: '2026-11-14', onDuty: false }, false],
    ['still on duty past the planned end', { onDutyFrom: '2026-01-01', onDutyTo: '2026-11-10', onDuty: true }, true],
  ])('%s', (_name, duty, assessed) => {
    expect(assessedForWeek(duty, week)).toBe(assessed);
  });
});
