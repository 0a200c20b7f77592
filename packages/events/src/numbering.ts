import type { Problem, Result } from '@bangkom/domain';
import { fail, ok } from '@bangkom/domain';

/**
 * Tokens of a certificate number pattern. `{seq}` the sequence within the year (`{seq:4}` pads it
 * to 4 digits), `{year}` the four-digit year, `{month}` 01–12, `{romanMonth}` I–XII (as letter
 * numbers are usually written), `{unit}` the issuing unit's code, `{event}` the event's code.
 * Every pattern must contain `{seq}` and `{year}`: the sequence restarts each year, so the year is
 * what keeps numbers unique.
 */
export const certificateNumberTokens = ['seq', 'year', 'month', 'romanMonth', 'unit', 'event'] as const;
export type CertificateNumberToken = (typeof certificateNumberTokens)[number];

/** A pattern often seen on agency certificates. */
export const DEFAULT_CERTIFICATE_PATTERN = '{seq:4}/{unit}/{romanMonth}/{year}';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const TOKEN = /\{(\w+)(?::(\d+))?\}/g;

export interface NumberContext {
  /** Issue date (ISO); gives `{year}`, `{month}`, `{romanMonth}`. */
  date: string;
  unit?: string;
  event?: string;
}

export interface CertificateNumbering {
  pattern: string;
  format(seq: number, context: NumberContext): string;
  /** The year and sequence of a number written with this pattern, or undefined for another shape. */
  parse(number: string): { year: number; seq: number } | undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const problem = (code: string, id: string, en: string): Problem => ({ path: ['pattern'], code, message: { id, en } });

/** Checks a pattern and returns its formatter and parser. */
export function certificateNumbering(pattern: string): Result<CertificateNumbering> {
  const problems: Problem[] = [];
  const used = new Set<string>();
  for (const m of pattern.matchAll(TOKEN)) {
    const name = m[1]!;
    if (!(certificateNumberTokens as readonly string[]).includes(name)) {
      problems.push(
        problem(
          'numbering.unknown_token',
          `Pola nomor memuat penanda tidak dikenal {${name}}; yang dikenal: ${certificateNumberTokens.map((t) => `{${t}}`).join(', ')}`,
          `The number pattern has an unknown token {${name}}; known: ${certificateNumberTokens.map((t) => `{${t}}`).join(', ')}`,
        ),
      );
    }
    if (used.has(name) && (name === 'seq' || name === 'year')) {
      problems.push(
        problem('numbering.repeated_token', `Penanda {${name}} muncul lebih dari sekali`, `Token {${name}} appears more than once`),
      );
    }
    used.add(name);
  }
  for (const required of ['seq', 'year']) {
    if (!used.has(required)) {
      problems.push(
        problem(
          'numbering.missing_token',
          `Pola nomor harus memuat {${required}} agar setiap nomor unik (urutan dimulai ulang tiap tahun)`,
          `The number pattern must contain {${required}} so that every number is unique (the sequence restarts each year)`,
        ),
      );
    }
  }
  if (problems.length > 0) return fail(...problems);

  const format = (seq: number, context: NumberContext): string => {
    const month = Number(context.date.slice(5, 7));
    return pattern.replace(TOKEN, (_all, name: string, width?: string) => {
      switch (name as CertificateNumberToken) {
        case 'seq':
          return String(seq).padStart(width ? Number(width) : 0, '0');
        case 'year':
          return context.date.slice(0, 4);
        case 'month':
          return String(month).padStart(2, '0');
        case 'romanMonth':
          return ROMAN[month - 1] ?? '';
        case 'unit':
          return context.unit ?? '';
        case 'event':
          return context.event ?? '';
      }
    });
  };

  // Parsing: literal text as is, {seq}/{year} captured, other tokens as any run of characters.
  let source = '^';
  let last = 0;
  const groups: string[] = [];
  for (const m of pattern.matchAll(TOKEN)) {
    source += escape(pattern.slice(last, m.index));
    const name = m[1]!;
    if (name === 'seq') source += '(\\d+)';
    else if (name === 'year') source += '(\\d{4})';
    else if (name === 'month') source += '\\d{2}';
    else if (name === 'romanMonth') source += '[IVX]+';
    else source += '.*?';
    if (name === 'seq' || name === 'year') groups.push(name);
    last = m.index + m[0].length;
  }
  source += escape(pattern.slice(last)) + '$';
  const regex = new RegExp(source);
  const parse = (number: string) => {
    const m = regex.exec(number);
    if (!m) return undefined;
    const value = (name: string) => Number(m[groups.indexOf(name) + 1]);
    return { year: value('year'), seq: value('seq') };
  };
  return ok({ pattern, format, parse });
}

export interface AllocateInput {
  pattern: string;
  /** Numbers already issued (any year); the sequence continues after the highest of the year. */
  issued: readonly string[];
  /** Issue date of the new certificates (ISO). */
  date: string;
  count: number;
  unit?: string;
  event?: string;
}

/**
 * The next `count` certificate numbers: sequential within the year of `date`, after the highest
 * sequence already issued that year, and never equal to an issued number.
 */
export function allocateCertificateNumbers(input: AllocateInput): Result<string[]> {
  const numbering = certificateNumbering(input.pattern);
  if (!numbering.ok) return numbering;
  if (!Number.isInteger(input.count) || input.count < 0) {
    return fail({
      path: ['count'],
      code: 'numbering.bad_count',
      message: {
        id: `Jumlah nomor harus bilangan bulat ≥ 0 (diberikan ${input.count})`,
        en: `The count must be an integer ≥ 0 (got ${input.count})`,
      },
    });
  }
  const year = Number(input.date.slice(0, 4));
  const issued = new Set(input.issued);
  let last = 0;
  for (const n of input.issued) {
    const parsed = numbering.value.parse(n);
    if (parsed && parsed.year === year && parsed.seq > last) last = parsed.seq;
  }
  const out: string[] = [];
  const context: NumberContext = {
    date: input.date,
    ...(input.unit ? { unit: input.unit } : {}),
    ...(input.event ? { event: input.event } : {}),
  };
  for (let seq = last + 1; out.length < input.count; seq++) {
    const number = numbering.value.format(seq, context);
    if (!issued.has(number)) out.push(number);
  }
  return ok(out);
}
