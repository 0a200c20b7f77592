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
 * The agency's calendar date (ISO). Dates count in Western Indonesia Time: a plain UTC date would
 * still show yesterday until 07:00 WIB.
 */
export const TIME_ZONE = 'Asia/Jakarta';
export const todayIso = (now: Date = new Date()): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
export const currentYear = (now: Date = new Date()): number => Number(todayIso(now).slice(0, 4));
