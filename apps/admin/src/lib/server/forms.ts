import type { RequestEvent } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { fail, superValidate, type Infer, type InferIn, type SuperValidated } from 'sveltekit-superforms';
import { zod4, type ZodValidationSchema } from 'sveltekit-superforms/adapters';
import type { $ZodErrorMap } from 'zod/v4/core';
import type { FormMessage } from '../forms.js';
import type { Locale, MessageKey } from '../i18n.js';
import { bilingual, issueText } from '../i18n.js';
import { errorDetails, isBilingual, isExpected } from './errors.js';
import { messagesFor } from './messages.js';

/**
 * Forms on sveltekit-superforms: the schemas are the procedures' own (`$lib/schemas`), their
 * messages come from the app's catalogue in the user's language, and a refusal by a procedure
 * comes back beside the field it concerns.
 */

/** Zod's messages in the user's language: a rule's own message (`params.message`) or the catalogue's wording of the issue. */
function errorMap(locale: Locale): $ZodErrorMap {
  const m = messagesFor(locale);
  return (issue) => {
    const params = (issue as { params?: { message?: unknown; code?: unknown } }).params;
    // A rule's own message in both languages, or a catalogue message named by its code.
    if (isBilingual(params?.message)) return bilingual(params.message, locale);
    if (typeof params?.code === 'string' && params.code in m) return (m[params.code as MessageKey] as () => string)();
    // An empty field that must be filled: said so, whatever check it failed first (a choice, a minimum length).
    const input = (issue as { input?: unknown }).input;
    if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) return m.issue_required();
    const bound = (name: 'minimum' | 'maximum') => (name in issue ? Number((issue as Record<string, unknown>)[name]) : undefined);
    return issueText({ code: issue.code ?? 'custom', minimum: bound('minimum'), maximum: bound('maximum') }, m);
  };
}

// One adapter per schema and language: building one derives the schema's JSON Schema.
const adapters = new WeakMap<object, Map<Locale, unknown>>();
export function adapter<T extends ZodValidationSchema>(schema: T, locale: Locale): ReturnType<typeof zod4<T>> {
  let byLocale = adapters.get(schema);
  if (!byLocale) adapters.set(schema, (byLocale = new Map()));
  let made = byLocale.get(locale) as ReturnType<typeof zod4<T>> | undefined;
  if (!made) byLocale.set(locale, (made = zod4(schema, { error: errorMap(locale) })));
  return made;
}

/** The form of a page as it first shows: empty, or filled with `data` (a saved record), without errors. */
export const formOf = <T extends ZodValidationSchema>(event: RequestEvent, schema: T, data?: Partial<InferIn<T, 'zod4'>>) =>
  superValidate(data ?? null, adapter(schema, event.locals.locale), { errors: false });

/**
 * The posted form (multipart or urlencoded), validated with the schema; files stay files. `id`
 * names a form of which a page has many (a button on every row), shown in one place.
 */
export const postedForm = <T extends ZodValidationSchema>(event: RequestEvent, schema: T, id?: string) =>
  superValidate(event.request, adapter(schema, event.locals.locale), id ? { id } : undefined);

/** Sends the form back with its errors (files are never sent back). */
export function refused<F extends SuperValidated<Record<string, unknown>, FormMessage>>(form: F, status = 400, message?: FormMessage) {
  form.valid = false;
  form.message = message ?? { text: '', other: [] };
  return fail(status, { form });
}

/**
 * A procedure's refusal as a form shows it, in the user's language: each problem under the field
 * it names (the last part of its path that is one of `fields`: ['fields', 'title'] → title), the
 * others and the general message above the form. Anything unexpected is thrown on (SvelteKit's
 * handleError logs it under a request id).
 */
export function refusalOf(e: unknown, locale: Locale, fields: ReadonlySet<string> = new Set()) {
  if (!(e instanceof TRPCError) || !isExpected(e)) throw e;
  const m = messagesFor(locale);
  const details = errorDetails(e.cause);
  const errors: Record<string, string[]> = {};
  const other: string[] = [];
  const put = (path: readonly string[], text: string) => {
    const field = [...path].reverse().find((part) => fields.has(part));
    if (field) errors[field] = [...(errors[field] ?? []), text];
    else other.push(text);
  };
  for (const p of details.problems ?? []) put(p.path, bilingual(p.message, locale));
  for (const i of details.issues ?? []) put(i.path, issueText(i, m));
  const text = details.messages ? bilingual(details.messages, locale) : e.code === 'BAD_REQUEST' ? '' : e.message;
  return { status: getHTTPStatusCodeFromError(e), message: { text, other } satisfies FormMessage, errors };
}

/** Runs a procedure for a superform: a refusal comes back to the form (see `refusalOf`). */
export async function attempt<T, F extends SuperValidated<Record<string, unknown>, FormMessage>>(
  event: RequestEvent,
  form: F,
  call: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; failure: ReturnType<typeof refused<F>> }> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    const refusal = refusalOf(e, event.locals.locale, new Set(Object.keys(form.data)));
    const errors = form.errors as Record<string, string[] | undefined>;
    for (const [field, texts] of Object.entries(refusal.errors)) errors[field] = [...(errors[field] ?? []), ...texts];
    return { ok: false, failure: refused(form, refusal.status, refusal.message) };
  }
}

/**
 * A posted form run through a procedure: an invalid form comes back with its field errors, a
 * refusal beside its field (`attempt`); otherwise the form and what the procedure returned.
 */
export async function submitted<T extends ZodValidationSchema, R>(
  event: RequestEvent,
  schema: T,
  call: (data: Infer<T, 'zod4'>) => Promise<R>,
  id?: string,
) {
  const form = await postedForm(event, schema, id);
  if (!form.valid) return { ok: false as const, form, failure: refused(form) };
  const result = await attempt(event, form, () => call(form.data));
  return { ...result, form };
}
