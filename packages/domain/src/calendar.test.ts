import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from './calendar.js';

describe('working-day calendar', () => {
  it('skips weekends, fixed national holidays and the holidays given (cuti bersama of the yearly SKB)', () => {
    expect(isWorkingDay('2025-08-15')).toBe(true); // Friday
    expect(isWorkingDay('2025-08-16')).toBe(false); // Saturday
    expect(isWorkingDay('2025-12-25')).toBe(false); // Hari Raya Natal, fixed date
    expect(isWorkingDay('2025-12-26', new Set(['2025-12-26']))).toBe(false);
    // 22–31 December 2025: 8 weekdays, minus Christmas = 7; minus a cuti bersama on the 26th = 6.
    expect(workingDaysBetween('2025-12-22', '2025-12-31')).toBe(7);
    expect(workingDaysBetween('2025-12-22', '2025-12-31', new Set(['2025-12-26']))).toBe(6);
    expect(addWorkingDays('2025-12-24', 1)).toBe('2025-12-26');
    expect(addWorkingDays('2025-12-24', 1, new Set(['2025-12-26']))).toBe('2025-12-29');
  });
});
