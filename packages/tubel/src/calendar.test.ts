import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysInMonth, firstDayOfNextMonth, isLeapYear, periodEnd } from './calendar.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

const isoDates = fc
  .record({ y: fc.integer({ min: 1940, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`);
const valid = (s: string) => {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
};

describe('calendar arithmetic', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-03-31', -1, '2025-02-28'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2026-09-01', 24, '2028-09-01'],
  ])('addMonths(%s, %i) = %s (month ends clamp)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it.each([
    ['1985-03-12', '1985-04-01'],
    ['1985-03-01', '1985-04-01'],
    ['1985-03-31', '1985-04-01'],
    ['1985-12-31', '1986-01-01'],
  ])('pension starts on the first day of the month after %s: %s', (reached, expected) => {
    expect(firstDayOfNextMonth(reached)).toBe(expected);
  });

  it('leap years follow the Gregorian rule', () => {
    expect([1900, 2000, 2024, 2025].map(isLeapYear)).toEqual([false, true, true, false]);
  });

  it('addMonths always gives a valid date with a day no later than the original', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -600, max: 600 }), (date, months) => {
        const result = addMonths(date, months);
        expect(valid(result)).toBe(true);
        expect(Number(result.slice(8))).toBeLessThanOrEqual(Number(date.slice(8)));
        // Same month offset: years and months move together.
        const index = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        expect(index(result) - index(date)).toBe(months);
      }),
    );
  });

  it('addDays is invertible and a period ends the day before the next one starts', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 1, max: 120 }), (date, days, months) => {
        expect(addDays(addDays(date, days), -days)).toBe(date);
        expect(addDays(periodEnd(date, months), 1)).toBe(addMonths(date, months));
      }),
    );
  });

  it('the first day of the next month is always a first, after the date, within 31 days', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        const next = firstDayOfNextMonth(date);
        expect(next.endsWith('-01')).toBe(true);
        expect(next > date).toBe(true);
        expect(next <= addDays(date, 31)).toBe(true);
      }),
    );
  });
});
