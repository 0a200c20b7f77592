import { randomBytes } from 'node:crypto';
import type { Problem } from '@bangkom/domain';
import { ZodError } from 'zod';
import { TRPCError } from '@trpc/server';

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];

export interface Bilingual {
  id: string;
  en: string;
}

export const isBilingual = (value: unknown): value is Bilingual =>
  typeof value === 'object' && value !== null && typeof (value as Bilingual).id === 'string' && typeof (value as Bilingual).en === 'string';

/** Carried as the `cause` of a TRPCError so that clients get the message in both languages and each field's problem. */
export class AppProblem extends Error {
  constructor(
    readonly messages: Bilingual,
    readonly problems: readonly Problem[] = [],
  ) {
    super(messages.en);
  }
}

/** A refusal with a message in Bahasa Indonesia and English (the `message` holds both, for plain clients). */
export function appError(code: ErrorCode, id: string, en: string, problems: readonly Problem[] = []): TRPCError {
  return new TRPCError({ code, message: `${id} / ${en}`, cause: new AppProblem({ id, en }, problems) });
}

export const MESSAGES = {
  unauthenticated: { id: 'Silakan masuk terlebih dahulu', en: 'Please log in first' },
  forbidden: { id: 'Anda tidak berwenang melakukan ini', en: 'You are not allowed to do this' },
  mustChangePassword: { id: 'Ganti kata sandi Anda terlebih dahulu', en: 'Change your password first' },
  internal: (requestId: string) => ({
    id: `Terjadi kesalahan pada server. Sebutkan kode ${requestId} kepada pengelola aplikasi.`,
    en: `A server error occurred. Quote reference ${requestId} to the application's administrator.`,
  }),
};

/** A short id for one request, shown to the user and written to the server log. */
export const newRequestId = () => randomBytes(6).toString('hex');

/** A refusal the app meant (its message is safe to show), as opposed to a database error or a bug. */
export function isExpected(error: TRPCError): boolean {
  return error.code !== 'INTERNAL_SERVER_ERROR' || error.cause instanceof AppProblem;
}

/** Writes an unexpected error with its details to the server log; returns the id to show the user. */
export function logServerError(error: unknown, requestId = newRequestId(), where?: string): string {
  console.error(`[bangkom] error ${requestId}${where ? ` in ${where}` : ''}:`, error instanceof TRPCError ? (error.cause ?? error) : error);
  return requestId;
}

// NUL and the other C0 control characters except tab, line feed and carriage return; DEL.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The path of the first string (or key) holding a control character, or null. */
export function controlCharacterPath(value: unknown, path: string[] = []): string[] | null {
  if (typeof value === 'string') return CONTROL.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = controlCharacterPath(value[i], [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (CONTROL.test(key)) return [...path, key];
      const found = controlCharacterPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

export const forbidden = () => appError('FORBIDDEN', MESSAGES.forbidden.id, MESSAGES.forbidden.en);
export const unauthenticated = () => appError('UNAUTHORIZED', MESSAGES.unauthenticated.id, MESSAGES.unauthenticated.en);

/**
 * What a client needs to show an error: both languages, and field-level details when there are any.
 * The one shape of a refusal: tRPC clients get it as `error.data`, forms read it through `attempt`.
 */
export interface ErrorDetails {
  messages: Bilingual | null;
  problems: { path: string[]; code: string; message: Bilingual }[] | null;
  issues: { path: string[]; code: string; message: string; minimum?: number; maximum?: number; empty?: true }[] | null;
}

/** The bilingual message a schema rule carries in `params: { code, message }`, if any. */
const ruleMessage = (issue: { code: string; params?: unknown }) =>
  issue.code === 'custom' && isBilingual((issue.params as { message?: unknown } | undefined)?.message)
    ? (issue.params as { code?: unknown; message: Bilingual })
    : null;

/**
 * An issue of a field left empty: a text shorter than one character, or nothing given at all.
 * The UI says "Wajib diisi" for it, not "too short (minimum 1)" or "invalid choice".
 */
const isEmpty = (i: ZodError['issues'][number]) =>
  (i.code === 'too_small' && i.origin === 'string' && Number(i.minimum) === 1) ||
  (i.code === 'invalid_type' && /received undefined/.test(i.message));

export function errorDetails(cause: unknown): ErrorDetails {
  const bare = cause instanceof ZodError ? cause.issues.filter((i) => !ruleMessage(i)) : [];
  const issues =
    cause instanceof ZodError
      ? bare.map((i) => ({
          path: i.path.map(String),
          code: i.code,
          message: i.message,
          ...('minimum' in i ? { minimum: Number(i.minimum) } : {}),
          ...('maximum' in i ? { maximum: Number(i.maximum) } : {}),
          ...(isEmpty(i) ? { empty: true as const } : {}),
        }))
      : null;
  const messages = cause instanceof AppProblem ? cause.messages : null;
  // A schema rule with its own message in both languages (`params: { code, message }`) is a problem, not a bare issue.
  const ruled =
    cause instanceof ZodError
      ? cause.issues.flatMap((i) => {
          const rule = ruleMessage(i);
          return rule ? [{ path: i.path.map(String), code: String(rule.code ?? i.code), message: rule.message }] : [];
        })
      : [];
  const owned =
    cause instanceof AppProblem ? cause.problems.map((p) => ({ path: p.path.map(String), code: p.code, message: p.message })) : [];
  const problems = owned.length + ruled.length ? [...owned, ...ruled] : null;
  return { messages, problems, issues };
}
