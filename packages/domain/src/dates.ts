import { z } from 'zod';

/** ISO calendar date `yyyy-mm-dd` (validated: no 30 February). */
export const isoDate = z.iso.date();
export type IsoDate = z.infer<typeof isoDate>;

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 (UTC) for an ISO date; no time zones are involved. */
export const epochDay = (date: string): number =>
  Math.floor(Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / MS_PER_DAY);

/** Number of calendar days from `start` to `end`, both included. */
export const inclusiveDays = (start: string, end: string): number => epochDay(end) - epochDay(start) + 1;

export const isValidIsoDate = (s: string): boolean => isoDate.safeParse(s).success;

/**
 * The time zone a date is read in when the caller gives none: Central Indonesia Time (WITA), the
 * zone of the office of the default rule profile (Kutai Barat). Agencies pass their own.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Makassar';

/** Indonesia's zones and the names people use for them; other IANA zones print as given. */
const ZONE_NAMES: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The short name of a zone for timestamps: WIB, WITA, WIT, or the IANA name. */
export const timeZoneName = (timeZone: string): string => ZONE_NAMES[timeZone] ?? timeZone;

/** Whether `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The calendar date (ISO) it is in `timeZone` at `now`: in Kutai Barat (WITA) a new day starts at
 * 16:00 UTC, so the UTC date would still say yesterday until 08:00.
 */
export const today = (timeZone: string = DEFAULT_TIME_ZONE, now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
