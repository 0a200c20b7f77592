import type { z } from 'zod';
import type { Message } from './message.js';
import { message } from './message.js';

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

const TYPE_WORDS: Record<string, Message> = {
  string: { id: 'harus berupa teks', en: 'must be text' },
  number: { id: 'harus berupa angka', en: 'must be a number' },
  int: { id: 'harus berupa bilangan bulat', en: 'must be a whole number' },
  boolean: { id: 'harus ya atau tidak', en: 'must be yes or no' },
  date: { id: 'harus berupa tanggal', en: 'must be a date' },
};
const FORMAT_WORDS: Record<string, Message> = {
  date: { id: 'Tanggal tidak valid; tulis sebagai TTTT-BB-HH', en: 'Not a valid date; write it as YYYY-MM-DD' },
  email: { id: 'Alamat e-mail tidak valid', en: 'Not a valid e-mail address' },
  url: { id: 'Alamat web tidak valid', en: 'Not a valid web address' },
};

/**
 * A zod issue in the words of the person who filled the form: never the pattern, the type name or
 * the list of codes zod would quote ("harus sesuai pola /^\d{18}$/"). An empty required field is
 * "Wajib diisi"; the code (`schema.<issue>`) and the path stay for programs.
 */
function plainWords(issue: z.core.$ZodIssue): Message {
  switch (issue.code) {
    case 'invalid_type':
      // zod says "received undefined" (or null) for a field that was left out.
      return /(undefined|null)$/.test(issue.message)
        ? { id: 'Wajib diisi', en: 'Required' }
        : message(
            `Isian ${TYPE_WORDS[issue.expected]?.id ?? 'tidak valid'}`,
            `The value ${TYPE_WORDS[issue.expected]?.en ?? 'is not valid'}`,
          );
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1 ? { id: 'Wajib diisi', en: 'Required' } : message(`Paling sedikit ${n} karakter`, `At least ${n} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return message(`Paling sedikit ${n} butir`, `At least ${n} items`);
      return issue.inclusive === false
        ? message(`Harus lebih dari ${n}`, `Must be more than ${n}`)
        : message(`Paling sedikit ${n}`, `At least ${n}`);
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return message(`Paling banyak ${n} karakter`, `At most ${n} characters`);
      if (issue.origin === 'array' || issue.origin === 'set') return message(`Paling banyak ${n} butir`, `At most ${n} items`);
      return issue.inclusive === false
        ? message(`Harus kurang dari ${n}`, `Must be less than ${n}`)
        : message(`Paling banyak ${n}`, `At most ${n}`);
    }
    case 'invalid_format':
      return FORMAT_WORDS[issue.format] ?? { id: 'Format isian tidak sesuai', en: 'The value does not have the expected format' };
    case 'invalid_value':
      return { id: 'Bukan pilihan yang dikenal', en: 'Not one of the accepted values' };
    case 'not_multiple_of':
      return message(`Harus kelipatan ${String(issue.divisor)}`, `Must be a multiple of ${String(issue.divisor)}`);
    case 'unrecognized_keys':
      return { id: 'Memuat isian yang tidak dikenal', en: 'Holds fields that are not known' };
    default:
      return { id: 'Isian tidak valid', en: 'The value is not valid' };
  }
}

/** Converts zod issues into Problems with messages in both languages. */
export function problemsFromZod(error: z.ZodError, basePath: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...basePath, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'custom' && issue.params && 'code' in issue.params && 'message' in issue.params) {
      const params = issue.params as unknown as CheckParams;
      return { path, code: params.code, message: params.message };
    }
    return { path, code: `schema.${issue.code}`, message: plainWords(issue) };
  });
}

/** Parses `input` against `schema`, returning a Result with bilingual Problems instead of throwing. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, basePath: (string | number)[] = []): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(...problemsFromZod(parsed.error, basePath));
}
