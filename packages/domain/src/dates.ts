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
