import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDayDeadline } from '../../src/complaints/working-days.js';
import { parseInstant, toInstant } from '../../src/shared/time.js';

const none = new Set<string>();

describe('working days', () => {
  it('when a date is a Saturday, Sunday or configured holiday, then it is not a working day', () => {
    expect(isWorkingDay('2026-11-21', none)).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22', none)).toBe(false); // Sunday
    expect(isWorkingDay('2026-11-23', none)).toBe(true);
    expect(isWorkingDay('2026-11-23', new Set(['2026-11-23']))).toBe(false);
  });

  it('when counting over a weekend, then Saturday and Sunday are skipped', () => {
    expect(addWorkingDays('2026-11-20', 3, none)).toBe('2026-11-25'); // Fri → Mon, Tue, Wed
    expect(addWorkingDays('2026-11-21', 3, none)).toBe('2026-11-25'); // Sat → Mon, Tue, Wed
    expect(addWorkingDays('2026-11-23', 3, none)).toBe('2026-11-26'); // Mon → Thu
  });

  it('when a holiday falls inside the count, then it is skipped too', () => {
    expect(addWorkingDays('2026-11-20', 3, new Set(['2026-11-24']))).toBe('2026-11-26');
    expect(
      addWorkingDays('2026-09-30', 3, new Set(['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'])),
    ).toBe('2026-10-12');
  });

  it('when a complaint comes on Friday afternoon, then verification is due at the end of Wednesday, Shanghai time', () => {
    const due = workingDayDeadline(parseInstant('2026-11-20T15:00:00+08:00'), 3, none);
    expect(toInstant(due)).toBe('2026-11-26T00:00:00.000+08:00');
  });
});
