import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { Problem } from '@bangkom/domain';
import { parseCsv } from '@bangkom/domain';

/** Rows read from one collection of the input, with where each came from. */
export interface RowBatch {
  collection: 'activities' | 'employees';
  rows: unknown[];
  /** Index of the first row in its collection (`/activities/N`). */
  firstIndex: number;
  /** 1-based line of each row in the file (NDJSON and CSV), for messages. */
  lines?: number[];
}

export type RowSink = (batch: RowBatch) => void;

/** A problem that stops reading (the file is not what it claims to be). */
export class InputError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems[0]?.message.en ?? 'bad input');
  }
}

const problem = (path: (string | number)[], code: string, id: string, en: string, row?: number): Problem => ({
  path,
  code,
  message: { id, en },
  ...(row !== undefined ? { row } : {}),
});

/**
 * Reads a file as text, chunk by chunk (UTF-8, a leading BOM dropped); never the whole file at once.
 * 64 KiB chunks: the strings cut from them stay below V8's large-object size, so they are freed by
 * the cheap young-generation collections (1 MiB chunks doubled peak memory at 1,000,000 activities).
 */
async function* textChunks(path: string, chunkSize = 1 << 16): AsyncGenerator<string> {
  // StringDecoder keeps a character split between two chunks whole, and decodes faster than TextDecoder.
  const decoder = new StringDecoder('utf8');
  let first = true;
  try {
    for await (const bytes of createReadStream(path, { highWaterMark: chunkSize })) {
      let text = decoder.write(bytes as Buffer);
      if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
      if (text.length > 0) yield text;
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError([
      problem([], 'file.unreadable', `Berkas tidak dapat dibaca: ${path} (${reason})`, `Cannot read file: ${path} (${reason})`),
    ]);
  }
  const rest = decoder.end();
  if (rest.length > 0) yield rest;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Parses several JSON texts at once (one native parse); on failure finds the first bad one for the message. */
function parseMany(texts: string[], where: (k: number) => { path: (string | number)[]; row?: number }, file: string): unknown[] {
  try {
    return JSON.parse(`[${texts.join(',')}]`) as unknown[];
  } catch {
    texts.forEach((text, k) => {
      try {
        JSON.parse(text);
      } catch (error) {
        const { path, row } = where(k);
        const at = row !== undefined ? `baris ${row}` : path.join('/');
        const atEn = row !== undefined ? `line ${row}` : path.join('/');
        throw new InputError([
          problem(
            path,
            'file.invalid_json',
            `${file}, ${at}: bukan JSON yang sah: ${reasonOf(error)}`,
            `${file}, ${atEn}: not valid JSON: ${reasonOf(error)}`,
            row,
          ),
        ]);
      }
    });
    throw new InputError([problem([], 'file.invalid_json', `${file} bukan JSON yang sah`, `${file} is not valid JSON`)]);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COLON = 58;

/**
 * Reads `{ "employees": [...], "activities": [...] }` without holding the file: the elements of the
 * two arrays are cut out of each chunk (a scan that only tracks strings and nesting) and parsed in
 * batches by the native JSON parser; the rest of the document (its skeleton, with those arrays
 * emptied) is parsed at the end, so a syntax error anywhere is still reported.
 */
export async function readJsonInput(file: string, sink: RowSink, chunkSize?: number): Promise<void> {
  let carry = '';
  let depth = 0;
  let expectKey = false;
  let lastKey: string | undefined;
  let inArray: 'activities' | 'employees' | undefined;
  const counts = { activities: 0, employees: 0 };
  const seen = new Set<string>();
  let skeleton = '';
  // The last element boundary of the array was a comma (so an empty element after it is an error).
  let afterComma = false;

  const flush = (text: string, bounds: number[]) => {
    // bounds: start offsets of each element in `text`, plus its end.
    if (bounds.length < 2 || !inArray) return;
    const pieces: string[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) pieces.push(text.slice(bounds[k]!, bounds[k + 1]! - 1));
    const collection = inArray;
    const firstIndex = counts[collection];
    const rows = parseMany(pieces, (k) => ({ path: [collection, firstIndex + k] }), file);
    counts[collection] += rows.length;
    sink({ collection, rows, firstIndex });
  };

  for await (const chunk of textChunks(file, chunkSize)) {
    const text = carry + chunk;
    carry = '';
    let i = 0;
    // In an array: offsets where its elements start (after `[` or a comma at the array's depth).
    let bounds: number[] = inArray ? [0] : [];
    let skeletonFrom = inArray ? -1 : 0;
    let stringStart = -1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        stringStart = i;
        let j = i + 1;
        let end = -1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1) break;
          let k = q - 1;
          while (text.charCodeAt(k) === BACKSLASH) k--;
          if ((q - 1 - k) % 2 === 0) {
            end = q;
            break;
          }
          j = q + 1;
        }
        if (end === -1) break; // the string goes on in the next chunk
        if (depth === 1 && expectKey) {
          lastKey = JSON.parse(text.slice(i, end + 1)) as string;
          expectKey = false;
        }
        i = end;
        stringStart = -1;
        continue;
      }
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        depth++;
        if (depth === 1) expectKey = c === OPEN_BRACE;
        if (depth === 2 && c === OPEN_BRACKET && (lastKey === 'activities' || lastKey === 'employees') && !inArray) {
          if (seen.has(lastKey))
            throw new InputError([
              problem([lastKey], 'file.invalid_json', `${file}: ${lastKey} muncul dua kali`, `${file}: ${lastKey} appears twice`),
            ]);
          seen.add(lastKey);
          inArray = lastKey;
          skeleton += text.slice(skeletonFrom, i + 1);
          skeletonFrom = -1;
          bounds = [i + 1];
          afterComma = false;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        if (depth === 2 && inArray) {
          // The array ends: its last element, if any, runs to here.
          const last = bounds[bounds.length - 1]!;
          if (text.slice(last, i).trim() !== '') bounds.push(i + 1);
          else if (afterComma)
            throw new InputError([
              problem(
                [inArray, counts[inArray] + bounds.length - 1],
                'file.invalid_json',
                `${file}: koma berlebih sebelum ]`,
                `${file}: trailing comma before ]`,
              ),
            ]);
          flush(text, bounds);
          inArray = undefined;
          bounds = [];
          skeletonFrom = i;
        }
        depth--;
      } else if (c === COMMA) {
        if (depth === 2 && inArray) {
          bounds.push(i + 1);
          afterComma = true;
        } else if (depth === 1) expectKey = true;
      } else if (c === COLON && depth === 1) expectKey = false;
    }
    if (inArray) {
      // Parse the whole elements of this chunk; the element in progress is scanned again with the next.
      const last = bounds[bounds.length - 1]!;
      flush(text, bounds);
      carry = text.slice(last);
      // The carried text starts right after a comma (or the `[`) of the array: depth 2, no string open.
      depth = 2;
    } else {
      const cut = stringStart >= 0 ? stringStart : text.length;
      skeleton += text.slice(skeletonFrom, cut);
      carry = text.slice(cut);
    }
  }
  skeleton += carry;
  try {
    const top = JSON.parse(skeleton) as unknown;
    if (typeof top !== 'object' || top === null || Array.isArray(top)) throw new TypeError('not an object');
    if (!seen.has('activities')) {
      throw new InputError([
        problem(
          ['activities'],
          'schema.invalid_type',
          `${file}: daftar activities tidak ada (harus { "activities": [...] })`,
          `${file}: no activities list (expected { "activities": [...] })`,
        ),
      ]);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([
      problem(
        [],
        'file.invalid_json',
        `${file} bukan JSON { "activities": [...], "employees": [...] } yang sah: ${reasonOf(error)}`,
        `${file} is not valid JSON { "activities": [...], "employees": [...] }: ${reasonOf(error)}`,
      ),
    ]);
  }
}

/** Reads NDJSON (one activity per line; blank lines skipped), a batch of lines at a time. */
export async function readNdjsonInput(file: string, sink: RowSink, chunkSize?: number): Promise<void> {
  let carry = '';
  let line = 0;
  let index = 0;
  const emit = (texts: string[], lines: number[]) => {
    if (texts.length === 0) return;
    const rows = parseMany(texts, (k) => ({ path: ['activities', index + k], row: lines[k]! }), file);
    sink({ collection: 'activities', rows, firstIndex: index, lines });
    index += rows.length;
  };
  const take = (text: string, final: boolean) => {
    const parts = text.split('\n');
    const rest = final ? '' : parts.pop()!;
    const texts: string[] = [];
    const lines: number[] = [];
    for (const part of parts) {
      line++;
      if (part.trim() === '') continue;
      texts.push(part);
      lines.push(line);
    }
    emit(texts, lines);
    return rest;
  };
  for await (const chunk of textChunks(file, chunkSize)) carry = take(carry + chunk, false);
  take(carry, true);
}

/**
 * Reads a CSV record by record: the text is cut after line breaks that are outside quotes, and
 * each block of whole records is read by the domain's CSV reader under the file's header, so the
 * separator, quoting and line numbers are those of `bangkom validate`.
 */
export async function readCsvInput(
  file: string,
  sink: (header: string[], rows: { line: number; cells: string[] }[]) => void,
  chunkSize?: number,
) {
  let carry = '';
  let headerLine: string | undefined;
  let header: string[] = [];
  let linesBefore = 0; // lines of the file before the carried text
  let quoted = false;
  const take = (text: string, final: boolean) => {
    // Find the last line break outside quotes.
    let cut = -1;
    let q = quoted;
    let newlines = 0;
    let newlinesAtCut = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) q = !q;
      else if (c === 10) {
        newlines++;
        if (!q) {
          cut = i;
          newlinesAtCut = newlines;
        }
      }
    }
    if (final) cut = text.length;
    if (cut === -1) return text;
    let block = text.slice(0, final ? text.length : cut + 1);
    const blockLines = final ? newlines : newlinesAtCut;
    let offset = linesBefore;
    if (headerLine === undefined) {
      const table = parseCsv(block);
      if (table.header.length === 0) {
        // Only blank lines so far.
        linesBefore += blockLines;
        return text.slice(block.length);
      }
      header = table.header;
      const end = block.search(/\r?\n/);
      headerLine = end === -1 ? block : block.slice(0, end);
      if (table.rows.length > 0)
        sink(
          header,
          table.rows.map((r) => ({ line: r.line + offset, cells: r.cells })),
        );
    } else {
      block = `${headerLine}\n${block}`;
      offset -= 1;
      const table = parseCsv(block);
      if (table.rows.length > 0)
        sink(
          header,
          table.rows.map((r) => ({ line: r.line + offset, cells: r.cells })),
        );
    }
    linesBefore += blockLines;
    quoted = false;
    return text.slice(final ? text.length : cut + 1);
  };
  for await (const chunk of textChunks(file, chunkSize)) carry = take(carry + chunk, false);
  if (carry !== '') take(carry, true);
  return header;
}
