import { expect, it } from 'vitest';
import { currentYear, parseDecimal, RECENT_YEARS, recentYears, todayIso } from '../src/lib/values.js';

it('reads decimals written either way; blank is absent; junk is NaN for the schemas to refuse', () => {
  expect(parseDecimal('1,5')).toBe(1.5);
  expect(parseDecimal(' 2.25 ')).toBe(2.25);
  expect(parseDecimal(40)).toBe(40);
  expect(parseDecimal('')).toBeUndefined();
  expect(parseDecimal(null)).toBeUndefined();
  expect(parseDecimal('dua')).toBeNaN();
});

it('dates are in the agency’s zone (default WITA): 16:30 UTC on 31 Dec is already the new year in Kutai Barat', () => {
  const evening = new Date('2025-12-31T16:30:00Z');
  expect(todayIso(undefined, evening)).toBe('2026-01-01');
  expect(currentYear(undefined, evening)).toBe(2026);
  // An agency in WIB is still in the old year then.
  expect(todayIso('Asia/Jakarta', evening)).toBe('2025-12-31');
  expect(todayIso(undefined, new Date('2025-12-31T15:59:00Z'))).toBe('2025-12-31');
});

it('the year pickers offer the same recent years everywhere, newest first', () => {
  expect(RECENT_YEARS).toBe(5);
  expect(recentYears(2026)).toEqual([2026, 2025, 2024, 2023, 2022]);
  expect(recentYears()[0]).toBe(currentYear());
});
