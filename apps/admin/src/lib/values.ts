import { DEFAULT_TIME_ZONE, today } from '@bangkom/domain';

/**
 * Small value readers shared by the server's form handling and the browser's live preview, so
 * both read what a person typed the same way.
 */

/** A decimal as Indonesians or English speakers write it ("1,5" or "1.5"); blank → undefined; anything else → NaN (the schemas refuse it). */
export function parseDecimal(value: unknown): number | undefined {
  const text = value === null || value === undefined ? '' : String(value).trim();
  return text === '' ? undefined : Number(text.replace(',', '.'));
}

/**
 * The agency's calendar date (ISO) in its time zone (the `timeZone` setting; default WITA, the demo
 * office's zone): a plain UTC date would still show yesterday until 08:00 WITA.
 */
export const todayIso = (timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string => today(timeZone, now);
export const currentYear = (timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): number =>
  Number(todayIso(timeZone, now).slice(0, 4));

/**
 * How many years the year pickers offer (activity list, dashboard, MyASN): this year and the four
 * before it. One span everywhere, so a year chosen on one page is offered on the others.
 */
export const RECENT_YEARS = 5;
/** The years the pickers offer, newest first: `RECENT_YEARS` of them ending with `thisYear`. */
export const recentYears = (thisYear: number = currentYear()): number[] => Array.from({ length: RECENT_YEARS }, (_, i) => thisYear - i);
