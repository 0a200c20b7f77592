import holidays from '../data/holidays-fixed.json' with { type: 'json' };
import { epochDay } from './dates.js';

/**
 * The one working-day calendar of the packages: Monday–Friday, not a fixed-date national holiday
 * (Keppres on national holidays), not one of the `extraHolidays` given — the moving holidays and
 * cuti bersama that the yearly joint decree (SKB) of three ministers sets, which callers supply.
 */
export const fixedNationalHolidays: readonly { monthDay: string; name: string }[] = holidays.fixed;

const fixedMonthDays = new Set(holidays.fixed.map((h) => h.monthDay));

export function isWorkingDay(date: string, extraHolidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = (epochDay(date) + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !fixedMonthDays.has(date.slice(5)) && !extraHolidays.has(date);
}

const isoOfEpochDay = (day: number): string => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Working days from `start` to `end`, both included. */
export function workingDaysBetween(start: string, end: string, extraHolidays: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (let d = epochDay(start), last = epochDay(end); d <= last; d++) if (isWorkingDay(isoOfEpochDay(d), extraHolidays)) count++;
  return count;
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number, extraHolidays: ReadonlySet<string> = new Set()): string {
  let d = epochDay(date);
  let left = n;
  while (left > 0) {
    d++;
    if (isWorkingDay(isoOfEpochDay(d), extraHolidays)) left--;
  }
  return isoOfEpochDay(d);
}
