/**
 * A small RFC 4180 CSV reader for the files agencies keep: a UTF-8 BOM is
 * dropped, the separator (`,` or `;`, as spreadsheets in Indonesian locales
 * write) is detected from the header line, quoted fields may hold separators,
 * quotes and line breaks. Returns rows of cells; never throws.
 */
export interface CsvTable {
  separator: ',' | ';';
  header: string[];
  /** Data rows with their 1-based line number in the file (header = line 1). */
  rows: { line: number; cells: string[] }[];
}

export function detectSeparator(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ',') commas++;
    else if (!quoted && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export function parseCsv(text: string): CsvTable {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLineEnd = source.search(/\r?\n/);
  const separator = detectSeparator(firstLineEnd === -1 ? source : source.slice(0, firstLineEnd));
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === separator) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line++;
      recordLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  const nonEmpty = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = nonEmpty;
  return { separator, header: (header?.cells ?? []).map((h) => h.trim()), rows };
}

/** Writes rows as CSV with `,` (or the given separator), quoting where needed, CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | boolean | null | undefined)[])[], separator: ',' | ';' = ','): string {
  const quote = (v: string | number | boolean | null | undefined): string => {
    const s = v === null || v === undefined ? '' : String(v);
    return /["\r\n]/.test(s) || s.includes(separator) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return rows.map((r) => r.map(quote).join(separator)).join('\r\n') + '\r\n';
}
