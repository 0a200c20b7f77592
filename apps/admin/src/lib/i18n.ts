/**
 * The app's languages: Bahasa Indonesia (default) and English. The messages themselves live in
 * messages/{id,en}.json (inlang message format) and are compiled by paraglide-js into one module
 * per language (src/lib/generated/paraglide/messages/{id,en}.js, not committed: the Vite plugin
 * and scripts/compile-messages.mjs write it). A page loads only its user's language: see
 * `loadMessages` and `$lib/messages`.
 */
import { DEFAULT_TIME_ZONE, timeZoneName } from '@bangkom/domain';
import type * as CompiledMessages from './generated/paraglide/messages/_index.js';
export const locales = ['id', 'en'] as const;
export type Locale = (typeof locales)[number];
export const LOCALE_COOKIE = 'bangkom_lang';
/** The language cookie lasts a year; the server alone reads it. */
export const LOCALE_COOKIE_OPTIONS = { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 } as const;

/**
 * Every message of one language, as compiled: `messages.home_verified({ jp: 12, required: 20 })`.
 * The type is that of the compiled index (parameters named per message); the value is one language's
 * module, which has the same functions.
 */
export type Messages = typeof CompiledMessages;
export type MessageKey = keyof Messages;
/** Keys of the messages without parameters: the ones a table of keys may name (`m[key]()`). */
export type PlainMessageKey = {
  [K in MessageKey]: undefined extends Parameters<Messages[K]>[0] ? K : never;
}[MessageKey];

type SnakeCase<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${SnakeCase<Tail>}`
  : S;
/** A field name as part of a message key: `m[\`tubel_date_${snakeCase('retirementDate')}\`]()`. */
export const snakeCase = <S extends string>(name: S) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) as SnakeCase<S>;

/**
 * The messages of one language. In the browser each language is its own chunk, fetched only for
 * the language the page is in.
 */
export const loadMessages = (locale: Locale): Promise<Messages> =>
  (locale === 'en' ? import('./generated/paraglide/messages/en.js') : import('./generated/paraglide/messages/id.js')) as Promise<Messages>;

/** Picks a domain message ({ id, en }) in the user's language. */
export const bilingual = (message: { id: string; en: string }, locale: Locale) => message[locale];

export const localeOf = (value: string | undefined): Locale => (value === 'en' ? 'en' : 'id');

/** Numbers as Indonesians write them (1.234,5) or as English does. */
export const formatNumber = (value: number, locale: Locale, digits = 1) =>
  new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { maximumFractionDigits: digits }).format(value);
export const formatPercent = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(value);
export const formatDate = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T00:00:00Z`),
  );
/** A moment in the agency's time zone, with the zone's name (e.g. "5 Des 2026, 09.30 WITA"). */
export const formatDateTime = (value: Date | string, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE) =>
  `${new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(value))} ${timeZoneName(timeZone)}`;

/**
 * Words a zod issue from the catalogue (the server keeps the code; the wording is the UI's). A
 * field left empty (`empty`, see errorDetails) says "Wajib diisi", whatever check it failed.
 */
export function issueText(issue: { code: string; minimum?: number; maximum?: number; empty?: boolean }, m: Messages): string {
  if (issue.empty) return m.issue_required();
  switch (issue.code) {
    case 'too_small':
      return m.issue_too_small({ minimum: issue.minimum ?? '' });
    case 'too_big':
      return m.issue_too_big({ maximum: issue.maximum ?? '' });
    case 'invalid_type':
    case 'invalid_format':
    case 'invalid_value':
      return m[`issue_${issue.code}`]();
    default:
      return m.issue_other();
  }
}
