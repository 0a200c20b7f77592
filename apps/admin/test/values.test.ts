import { expect, it } from 'vitest';
import { currentYear, parseDecimal, todayIso } from '../src/lib/values.js';

it('reads decimals written either way; blank is absent; junk is NaN for the schemas to refuse', () => {
  expect(parseDecimal('1,5')).toBe(1.5);
  expect(parseDecimal(' 2.25 ')).toBe(2.25);
  expect(parseDecimal(40)).toBe(40);
  expect(parseDecimal('')).toBeUndefined();
  expect(parseDecimal(null)).toBeUndefined();
  expect(parseDecimal('dua')).toBeNaN();
});

it('dates are Western Indonesia Time: 18:30 UTC on 31 Dec is already the new year in Jakarta', () => {
  const evening = new Date('2025-12-31T18:30:00Z');
  expect(todayIso(evening)).toBe('2026-01-01');
  expect(currentYear(evening)).toBe(2026);
  expect(todayIso(new Date('2025-12-31T16:59:00Z'))).toBe('2025-12-31');
});
