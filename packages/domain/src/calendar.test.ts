import { describe, expect, it } from 'vitest';
import { addWorkingDays, holidaysOf, isWorkingDay, workingDaysBetween, yearlyHolidays } from './calendar.js';

describe('working-day calendar', () => {
  it('skips weekends, fixed national holidays and the holidays given (cuti bersama of the yearly SKB)', () => {
    expect(isWorkingDay('2025-08-15')).toBe(true); // Friday
    expect(isWorkingDay('2025-08-16')).toBe(false); // Saturday
    expect(isWorkingDay('2025-12-25')).toBe(false); // Hari Raya Natal, fixed date
    expect(isWorkingDay('2024-12-27', new Set(['2024-12-27']))).toBe(false); // a year not bundled: given by the caller
    expect(isWorkingDay('2024-12-27')).toBe(true);
    // 22–31 December 2024: 7 weekdays, minus Christmas = 6; minus a day given as cuti bersama = 5.
    expect(workingDaysBetween('2024-12-22', '2024-12-31')).toBe(6);
    expect(workingDaysBetween('2024-12-22', '2024-12-31', new Set(['2024-12-26']))).toBe(5);
    expect(addWorkingDays('2024-12-24', 1)).toBe('2024-12-26');
    expect(addWorkingDays('2024-12-24', 1, new Set(['2024-12-26']))).toBe('2024-12-27');
  });

  it('knows the holidays and cuti bersama of the bundled SKB years (SKB 2025: 17 + 10 days; SKB 2026: 17 + 8 days)', () => {
    const counts = (year: number) => {
      const days = holidaysOf(year)?.holidays ?? [];
      return [days.filter((h) => h.kind === 'libur_nasional').length, days.filter((h) => h.kind === 'cuti_bersama').length];
    };
    expect(counts(2025)).toEqual([17, 10]);
    expect(counts(2026)).toEqual([17, 8]);
    expect(holidaysOf(2025)?.source).toContain('Nomor 1017 Tahun 2024');
    expect(holidaysOf(2026)?.source).toContain('Nomor 1497 Tahun 2025');
    expect(holidaysOf(2024)).toBeUndefined();
    // Cuti bersama Natal 2025 (26 Dec) and Idulfitri 2026 (20, 23, 24 Mar) are not working days.
    expect(isWorkingDay('2025-12-26')).toBe(false);
    expect(workingDaysBetween('2025-12-22', '2025-12-31')).toBe(6);
    expect(addWorkingDays('2026-03-19', 1)).toBe('2026-03-25');
    for (const year of yearlyHolidays)
      for (const day of year.holidays) {
        expect(day.date.startsWith(`${year.year}-`)).toBe(true);
        expect(isWorkingDay(day.date)).toBe(false);
      }
  });
});
