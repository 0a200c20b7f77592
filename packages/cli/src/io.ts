import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Problem, Result } from '@bangkom/domain';
import { fail, formatPath, learningMethodCodes, ok, parseCsv } from '@bangkom/domain';

/**
 * The part of a writable stream that `bangkom jp` writes its results to. Structural, so the
 * package's public types need no Node typings (`process.stdout` fits it).
 */
export interface OutputStream {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain' | 'error', listener: (error?: Error) => void): unknown;
  off(event: 'drain' | 'error', listener: (error?: Error) => void): unknown;
}

/** Where a command writes: stdout for results, stderr for problems. Injected so tests can capture both. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** stderr is a terminal: errors are then written for a person unless `--format json` was asked. */
  stderrIsTTY?: boolean;
  /** stdout as a stream, for output written piece by piece with backpressure (`bangkom jp`). */
  stdoutStream?: OutputStream;
  /** Set by `main`: write problems as readable lines instead of JSON. */
  readableErrors?: boolean;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutStream: process.stdout,
};

/** Exit codes, a public contract: 0 ok, 1 a rule said no (not eligible, invalid plan…), 2 bad input, 3 a defect. */
export const ExitCode = { ok: 0, ruleFailure: 1, badInput: 2, internalError: 3 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

export type OutputFormat = 'json' | 'table' | 'csv' | 'ndjson';

const problem = (code: string, id: string, en: string): Problem => ({ path: [], code, message: { id, en } });

/** Reads a file as bytes, as a Result (a missing or unreadable file is bad input, not a crash). */
export async function readBytes(path: string): Promise<Result<Uint8Array>> {
  try {
    return ok(new Uint8Array(await readFile(path)));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(problem('file.unreadable', `Berkas tidak dapat dibaca: ${path} (${reason})`, `Cannot read file: ${path} (${reason})`));
  }
}

/** Reads a file as UTF-8 text, as a Result. */
export async function readText(path: string): Promise<Result<string>> {
  const bytes = await readBytes(path);
  return bytes.ok ? ok(new TextDecoder().decode(bytes.value)) : bytes;
}

export async function readJson(path: string): Promise<Result<unknown>> {
  const text = await readText(path);
  if (!text.ok) return text;
  try {
    return ok(JSON.parse(text.value.charCodeAt(0) === 0xfeff ? text.value.slice(1) : text.value));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail(problem('file.invalid_json', `${path} bukan JSON yang sah: ${reason}`, `${path} is not valid JSON: ${reason}`));
  }
}

const NUMBER_FIELDS = new Set(['days', 'sessions', 'hours', 'programmeJp', 'statedJp', 'budget', 'jp', 'budgetAvailable']);
const BOOLEAN_FIELDS = new Set(['international', 'runByWorkUnit', 'cannotLeaveWorkplace']);
const TRUE = new Set(['true', 'ya', 'y', '1', 'yes']);
const FALSE = new Set(['false', 'tidak', 't', '0', 'no']);

/**
 * One CSV row as a record: header names are the JSON field names; empty cells are absent fields;
 * number and boolean fields are converted, and a cell that is neither is added to `problems` with
 * its row and column.
 */
export function csvRecord(header: readonly string[], cells: readonly string[], line: number, index: number, problems: Problem[]) {
  const record: Record<string, unknown> = {};
  header.forEach((column, i) => {
    const raw = (cells[i] ?? '').trim();
    if (raw === '') return;
    if (NUMBER_FIELDS.has(column)) {
      const n = Number(raw.replace(',', '.'));
      if (Number.isFinite(n)) record[column] = n;
      else
        problems.push({
          path: [index, column],
          row: line,
          column,
          code: 'csv.not_a_number',
          message: {
            id: `Baris ${line}, kolom ${column}: "${raw}" bukan angka`,
            en: `Row ${line}, column ${column}: "${raw}" is not a number`,
          },
        });
    } else if (BOOLEAN_FIELDS.has(column)) {
      const v = raw.toLowerCase();
      if (TRUE.has(v)) record[column] = true;
      else if (FALSE.has(v)) record[column] = false;
      else
        problems.push({
          path: [index, column],
          row: line,
          column,
          code: 'csv.not_a_boolean',
          message: {
            id: `Baris ${line}, kolom ${column}: "${raw}" bukan ya/tidak`,
            en: `Row ${line}, column ${column}: "${raw}" is not yes/no`,
          },
        });
    } else record[column] = raw;
  });
  return record;
}

/**
 * Reads a CSV whose header names are the JSON field names (e.g. `id,nip,method,title,startDate,…`)
 * into records (see `csvRecord`).
 */
export function csvRecords(text: string): Result<{ records: Record<string, unknown>[]; lines: number[] }> {
  const table = parseCsv(text);
  const problems: Problem[] = [];
  const records = table.rows.map(({ line, cells }, index) => csvRecord(table.header, cells, line, index, problems));
  return problems.length > 0 ? fail(...problems) : ok({ records, lines: table.rows.map((r) => r.line) });
}

export const isCsvPath = (path: string): boolean => extname(path).toLowerCase() === '.csv';

/**
 * A method that is not one of the 26 codes says how many there are and where to see them (the
 * schema's message names no codes).
 */
export function summariseEnumeration(p: Problem): Problem {
  if (p.code !== 'schema.invalid_value' || p.path.at(-1) !== 'method') return p;
  const count = learningMethodCodes.length;
  return {
    ...p,
    message: {
      id: `Pilihan tidak valid: harus salah satu dari ${count} metode; lihat \`bangkom methods\``,
      en: `Invalid option: expected one of ${count} methods; see \`bangkom methods\``,
    },
  };
}

/** Prints problems to stderr: JSON `{ "errors": [...] }` by default, readable lines with `--format table` or on a terminal. */
export function reportProblems(io: Io, problems: Problem[], format: OutputFormat): ExitCode {
  problems = problems.map(summariseEnumeration);
  if (format === 'table' || io.readableErrors) {
    for (const p of problems) {
      const where = p.row !== undefined ? `baris/row ${p.row}${p.column ? `, ${p.column}` : ''}` : formatPath(p.path);
      io.stderr(`${where}: ${p.message.id} / ${p.message.en} [${p.code}]\n`);
    }
  } else {
    const errors = problems.map((p) => ({ ...p, pointer: formatPath(p.path) }));
    io.stderr(JSON.stringify({ errors }, null, 2) + '\n');
  }
  return ExitCode.badInput;
}

export function printJson(io: Io, value: unknown): void {
  io.stdout(JSON.stringify(value, null, 2) + '\n');
}

/** Renders rows as an aligned plain-text table. */
export function printTable(io: Io, header: string[], rows: (string | number | boolean | null | undefined)[][]): void {
  const text = [header, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...text.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  io.stdout([line(text[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...text.slice(1).map(line)].join('\n') + '\n');
}
