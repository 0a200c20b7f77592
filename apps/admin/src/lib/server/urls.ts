import { currentYear } from '../values.js';

/**
 * A path of this site to go to after a form, never another site: `//host`, `/\\host` (browsers
 * read a backslash as a slash), `https:` and control characters are refused.
 */
export function safeNext(next: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (typeof next !== 'string' || !next.startsWith('/') || next.includes('\\') || /[\u0000-\u001F\u007F]/.test(next)) return '/';
  const base = 'http://bangkom.invalid';
  const url = new URL(next, base);
  return url.origin === base && !next.startsWith('//') ? url.pathname + url.search + url.hash : '/';
}

/** `?year=` when it is a plausible year, otherwise the current year plus `offset` (plans are for next year). */
export function yearParam(url: URL, offset = 0): number {
  const asked = Number(url.searchParams.get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentYear() + offset;
}

/** `?page=` of a paged list (`name` when a page has two lists): a whole number from 1 (anything else is the first page). */
export function pageParam(url: URL, name = 'page'): number {
  return Math.max(1, Math.min(100_000, Number.parseInt(url.searchParams.get(name) ?? '1', 10) || 1));
}

/** `?name=` of a list's search box: trimmed, at most 100 characters, absent when empty. */
export function searchParam(url: URL, name = 'q'): string | undefined {
  return url.searchParams.get(name)?.trim().slice(0, 100) || undefined;
}
