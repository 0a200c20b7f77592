/** ISO-date arithmetic on the proleptic Gregorian calendar, without time zones. */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const isoOf = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
const parts = (date: string): [number, number, number] => [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const daysInMonth = (y: number, m: number): number => (m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31);

/**
 * Adds calendar months; a day that does not exist in the target month is clamped to its last day
 * (31 January + 1 month = 28 or 29 February), the usual reading of "n bulan" in Indonesian decrees.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(d, daysInMonth(year, month)));
}

export function addDays(date: string, days: number): string {
  const t = Date.UTC(...(parts(date).map((v, i) => (i === 1 ? v - 1 : v)) as [number, number, number])) + days * 86_400_000;
  const dt = new Date(t);
  return isoOf(dt.getUTCFullYear(), dt.getUTCMonth() + 1, dt.getUTCDate());
}

/** First day of the month after `date`'s month. */
export function firstDayOfNextMonth(date: string): string {
  const [y, m] = parts(date);
  return m === 12 ? isoOf(y + 1, 1, 1) : isoOf(y, m + 1, 1);
}

/** The last day of a period of `months` that starts on `start` (inclusive end). */
export const periodEnd = (start: string, months: number): string => addDays(addMonths(start, months), -1);

export const laterOf = (a: string, b: string): string => (a > b ? a : b);
