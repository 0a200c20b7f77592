import { currentYear, parseDecimal } from '../values.js';
import type { ActivityFieldsInput } from './routers/activities.js';

/** A text field, trimmed; blank → undefined (the procedures treat absent and blank alike). */
export const text = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
};
export const number = (form: FormData, name: string): number | undefined => parseDecimal(text(form, name));
/** "ya" / "tidak" / "" (not known: left out, never a silent "no"). */
export const yesNo = (form: FormData, name: string): boolean | undefined => {
  const value = text(form, name);
  return value === 'ya' ? true : value === 'tidak' ? false : undefined;
};
/** The record without its undefined fields (what "not given" means to the schemas). */
export const defined = <T extends Record<string, unknown>>(record: T): Partial<T> =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;

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

/** The activity form as the procedures take it: empty fields are absent, numbers are numbers (NaN is refused by the schema). */
export function activityFromForm(form: FormData): ActivityFieldsInput {
  const fields: Record<string, unknown> = {
    method: text(form, 'method'),
    title: text(form, 'title') ?? '',
    organizer: text(form, 'organizer') ?? '',
    international: form.get('international') === 'on',
    startDate: text(form, 'startDate') ?? '',
    endDate: text(form, 'endDate') ?? '',
    runByWorkUnit: form.get('runByWorkUnit') === 'on',
    competencyType: text(form, 'competencyType'),
    certificateNumber: text(form, 'certificateNumber'),
    certificateDate: text(form, 'certificateDate'),
    rumpun: text(form, 'rumpun'),
    summary: text(form, 'summary'),
  };
  for (const name of ['days', 'sessions', 'hours', 'programmeJp', 'statedJp']) fields[name] = number(form, name);
  return defined(fields) as ActivityFieldsInput;
}

/** The evidence file of a multipart form, base64 for the procedure; none when no file was chosen. */
export async function evidenceFromForm(form: FormData): Promise<{ name: string; contentBase64: string } | undefined> {
  const file = form.get('evidence');
  if (!(file instanceof File) || file.size === 0) return undefined;
  return { name: file.name || 'bukti', contentBase64: Buffer.from(await file.arrayBuffer()).toString('base64') };
}

/** Form values to give back to the form after a refusal (the file cannot be given back). */
export function valuesOf(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value;
  return values;
}
