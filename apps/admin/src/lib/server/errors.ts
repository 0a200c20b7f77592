import type { Problem } from '@bangkom/domain';
import { ZodError } from 'zod';
import { TRPCError } from '@trpc/server';

type ErrorCode = ConstructorParameters<typeof TRPCError>[0]['code'];

export interface Bilingual {
  id: string;
  en: string;
}

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
} as const;

export const forbidden = () => appError('FORBIDDEN', MESSAGES.forbidden.id, MESSAGES.forbidden.en);
export const unauthenticated = () => appError('UNAUTHORIZED', MESSAGES.unauthenticated.id, MESSAGES.unauthenticated.en);

/** What a client needs to show an error: both languages, and field-level details when there are any. */
export interface ErrorDetails {
  messages: Bilingual | null;
  problems: { path: string[]; code: string; message: Bilingual }[] | null;
  issues: { path: string[]; code: string; message: string; minimum?: number; maximum?: number }[] | null;
}

export function errorDetails(cause: unknown): ErrorDetails {
  const issues =
    cause instanceof ZodError
      ? cause.issues.map((i) => ({
          path: i.path.map(String),
          code: i.code,
          message: i.message,
          ...('minimum' in i ? { minimum: Number(i.minimum) } : {}),
          ...('maximum' in i ? { maximum: Number(i.maximum) } : {}),
        }))
      : null;
  const messages = cause instanceof AppProblem ? cause.messages : null;
  const problems =
    cause instanceof AppProblem && cause.problems.length
      ? cause.problems.map((p) => ({ path: p.path.map(String), code: p.code, message: p.message }))
      : null;
  return { messages, problems, issues };
}
