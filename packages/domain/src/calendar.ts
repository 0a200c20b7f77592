import holidays from '../data/holidays-fixed.json' with { type: 'json' };
import holidays2025 from '../data/holidays/2025.json' with { type: 'json' };
import holidays2026 from '../data/holidays/2026.json' with { type: 'json' };
import { epochDay } from './dates.js';

/**
 * The one working-day calendar of the packages: Monday–Friday, not a fixed-date national holiday
 * (Keppres on national holidays), not a holiday or cuti bersama of a year whose joint decree (SKB)
 * of three ministers is bundled here (`yearlyHolidays`), not one of the `extraHolidays` given — for
 * years not bundled, or amendments made after a decree, callers supply those dates.
 */
export const fixedNationalHolidays: readonly { monthDay: string; name: string }[] = holidays.fixed;

/** One day off of a year's SKB: a national holiday (libur nasional) or a cuti bersama. */
export interface DecreedHoliday {
  date: string;
  name: string;
  kind: 'libur_nasional' | 'cuti_bersama';
}

/** The holidays and cuti bersama of one year, with the decree that sets them. */
export interface YearHolidays {
  year: number;
  source: string;
  holidays: readonly DecreedHoliday[];
}

/** The years whose SKB is bundled (data files `data/holidays/<year>.json`, each citing its decree). */
export const yearlyHolidays: readonly YearHolidays[] = [holidays2025, holidays2026] as YearHolidays[];

/** The holidays and cuti bersama of `year`, or undefined when its SKB is not bundled. */
export function holidaysOf(year: number): YearHolidays | undefined {
  return yearlyHolidays.find((y) => y.year === year);
}

const fixedMonthDays = new Set(holidays.fixed.map((h) => h.monthDay));
const decreedDates = new Set(yearlyHolidays.flatMap((y) => y.holidays.map((h) => h.date)));

export function isWorkingDay(date: string, extraHolidays: ReadonlySet<string> = new Set()): boolean {
  const weekday = (epochDay(date) + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday
  return weekday !== 0 && weekday !== 6 && !fixedMonthDays.has(date.slice(5)) && !decreedDates.has(date) && !extraHolidays.has(date);
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
