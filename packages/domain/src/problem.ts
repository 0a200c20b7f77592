import { z } from 'zod';
import type { Message } from './message.js';

/**
 * A structured error: where (`path` into the input, or a row/column for
 * tabular files), a stable machine `code`, and a bilingual message.
 * Every package reports bad input this way; callers never see an untyped throw.
 */
export interface Problem {
  path: (string | number)[];
  code: string;
  message: Message;
  /** 1-based row of a tabular input (CSV/XLSX), when the problem came from one. */
  row?: number;
  /** Column header of a tabular input, when the problem came from one. */
  column?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(...problems: Problem[]): Result<T> => ({ ok: false, problems });

/** JSON-pointer-like rendering of a path, e.g. `/activities/3/endDate`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '/' : '/' + path.map((s) => String(s).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');
}

/** Custom-check parameters that carry a bilingual message and a stable code (see `refineWith`). */
export interface CheckParams {
  code: string;
  message: Message;
}

const indonesian = z.locales.id().localeError;
const english = z.locales.en().localeError;

function localise(localeError: (issue: never) => unknown, issue: z.core.$ZodIssue, fallback: string): string {
  const out = localeError(issue as never);
  if (typeof out === 'string') return out;
  if (out && typeof out === 'object' && 'message' in out && typeof out.message === 'string') return out.message;
  return fallback;
}

/** Converts zod issues into Problems with messages in both languages. */
export function problemsFromZod(error: z.ZodError, basePath: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'custom' && issue.params && 'code' in issue.params && 'message' in issue.params) {
      const params = issue.params as unknown as CheckParams;
      return { path, code: params.code, message: params.message };
    }
    const en = localise(english, issue, issue.message);
    const id = localise(indonesian, issue, en);
    return { path, code: `schema.${issue.code}`, message: { id: capitalise(id), en } };
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Parses `input` against `schema`, returning a Result with bilingual Problems instead of throwing. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, basePath: (string | number)[] = []): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(...problemsFromZod(parsed.error, basePath));
}
