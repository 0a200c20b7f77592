import type { Problem, Result } from '@bangkom/domain';
import { fail, ok, parseCsv, toCsv } from '@bangkom/domain';
import type { TrainingEvent } from './event.js';

/**
 * Attendance as a spreadsheet: a `NIP` column, optionally `Nama` and others, and one column a
 * session named "Sesi 1", "Sesi 2"… (or by the session's id), each cell marked present (1, ya,
 * hadir, v, x, ✓) or left empty / 0 / tidak for absent. Rows above the column titles (a title, how
 * to fill the sheet) are notes. The template `attendanceCsv` writes is read back as is.
 */

/** One participant's attendance as read from the file. */
export interface AttendanceRow {
  nip: string;
  /** Ids of the sessions attended, in the event's order. */
  attendedSessions: string[];
  /** 1-based line of the file. */
  line: number;
}

/** A row of a sheet (CSV or a workbook's): its 1-based line and its cells as text. */
export interface SheetRow {
  line: number;
  cells: readonly string[];
}

/** The marks a session cell takes, compared without case or extra spaces; templates write 1 and 0. */
export const ATTENDANCE_MARKS = {
  present: ['1', 'ya', 'y', 'hadir', 'h', 'v', 'x', '✓', '✔', 'true', 'yes', 'present'],
  absent: ['', '0', 'tidak', 't', 'tidak hadir', 'absen', 'a', '-', 'false', 'no', 'absent'],
} as const;
const PRESENT = new Set<string>(ATTENDANCE_MARKS.present);
const ABSENT = new Set<string>(ATTENDANCE_MARKS.absent);

/**
 * A number in scientific notation ("1,98703E+17", "1.98E+17"): what a spreadsheet program makes of
 * an 18-digit NIP kept as a number; its last digits are lost, so it cannot be read back.
 */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d*)?e[+-]?\d+$/i;

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The titles of the session columns: "Sesi 1 (2025-07-14)", … (the date is a note for whoever fills them in). */
export const attendanceSessionHeaders = (event: Pick<TrainingEvent, 'sessions'>): string[] =>
  event.sessions.map((s, i) => `Sesi ${i + 1} (${s.date})`);

/** The template: one row a participant with the attendance recorded so far (1 = present). */
export function attendanceCsv(
  event: Pick<TrainingEvent, 'sessions'>,
  participants: readonly { nip: string; name: string; attendedSessions: readonly string[] }[],
): string {
  const header = ['NIP', 'Nama', ...attendanceSessionHeaders(event)];
  const rows = participants.map((p) => [p.nip, p.name, ...event.sessions.map((s) => (p.attendedSessions.includes(s.id) ? 1 : 0))]);
  return toCsv([header, ...rows]);
}

/**
 * Reads an attendance CSV for `event` (`,` or `;`): every problem with its line and column, or every
 * row. All or nothing: one bad cell refuses the file. Whether each NIP is a participant is the caller's check.
 */
export function readAttendanceCsv(event: Pick<TrainingEvent, 'sessions'>, text: string): Result<AttendanceRow[]> {
  const table = parseCsv(text);
  return readAttendanceRows(event, [{ line: 1, cells: table.header }, ...table.rows]);
}

/**
 * Reads the rows of an attendance sheet (a CSV's or a workbook's, in order): the column titles are
 * the first row with a `NIP` cell, the rows above them notes. Each problem names its line and column
 * in its message ("Baris 7, kolom Sesi 2 (2025-07-15): …") and in `row` / `column`.
 */
export function readAttendanceRows(event: Pick<TrainingEvent, 'sessions'>, sheet: readonly SheetRow[]): Result<AttendanceRow[]> {
  const problems: Problem[] = [];
  const problem = (code: string, message: { id: string; en: string }, row?: number, column?: string): Problem => ({
    path: row === undefined ? [] : ['rows', row],
    code,
    message,
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
  });
  /** A problem of one cell: "Baris N, kolom X: …". */
  const cellProblem = (code: string, row: number, column: string, id: string, en: string) =>
    problem(code, { id: `Baris ${row}, kolom ${column}: ${id}`, en: `Row ${row}, column ${column}: ${en}` }, row, column);
  const filled = sheet.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headerAt = filled.findIndex((r) => r.cells.some((c) => norm(c) === 'nip'));
  if (headerAt < 0)
    return fail(
      problem('attendance.no_nip', {
        id: 'Tidak ada baris judul kolom dengan kolom NIP',
        en: 'No row of column titles with a NIP column',
      }),
    );
  const { line: headerLine, cells: header } = filled[headerAt]!;
  const nipColumn = header.findIndex((h) => norm(h) === 'nip');
  // A session column: "Sesi N" (anything after it, such as the date, is a note) or the session's id.
  const sessionOf = (h: string) => {
    const byNumber = /^sesi\s*(\d+)\b/.exec(norm(h));
    if (byNumber) return event.sessions[Number(byNumber[1]) - 1]?.id ?? null;
    return event.sessions.find((s) => norm(s.id) === norm(h))?.id ?? null;
  };
  const columns = header.map((h, i) => ({ index: i, header: h.trim(), session: i === nipColumn ? null : sessionOf(h) }));
  for (const c of columns)
    if (c.session === null && /^sesi\b/.test(norm(c.header)))
      problems.push(
        cellProblem(
          'attendance.unknown_session',
          headerLine,
          c.header,
          `sesi ini tidak ada dalam kegiatan (${event.sessions.length} sesi)`,
          `no such session in this event (${event.sessions.length} sessions)`,
        ),
      );
  const sessionColumns = columns.filter((c) => c.session !== null);
  if (sessionColumns.length === 0)
    problems.push(
      problem(
        'attendance.no_sessions',
        {
          id: `Baris ${headerLine}: tidak ada kolom sesi ("Sesi 1", "Sesi 2", …)`,
          en: `Row ${headerLine}: no session columns ("Sesi 1", "Sesi 2", …)`,
        },
        headerLine,
      ),
    );
  const seen = new Map<string, number>();
  const rows: AttendanceRow[] = [];
  const body = filled.slice(headerAt + 1);
  for (const r of body) {
    const nip = (r.cells[nipColumn] ?? '').trim();
    if (!nip) {
      problems.push(cellProblem('attendance.nip_missing', r.line, 'NIP', 'NIP kosong', 'the NIP is empty'));
      continue;
    }
    if (SCIENTIFIC.test(nip)) {
      problems.push(
        problem(
          'attendance.nip_scientific',
          {
            id: `Baris ${r.line}: NIP tertulis ${nip} — simpan kolom NIP sebagai teks`,
            en: `Row ${r.line}: the NIP reads ${nip} — save the NIP column as text`,
          },
          r.line,
          'NIP',
        ),
      );
      continue;
    }
    if (seen.has(nip)) {
      problems.push(
        cellProblem(
          'attendance.nip_repeated',
          r.line,
          'NIP',
          `NIP ${nip} sudah ada di baris ${seen.get(nip)}`,
          `NIP ${nip} is already on row ${seen.get(nip)}`,
        ),
      );
      continue;
    }
    seen.set(nip, r.line);
    const attended = new Set<string>();
    for (const c of sessionColumns) {
      const cell = r.cells[c.index] ?? '';
      const value = norm(cell);
      if (PRESENT.has(value)) attended.add(c.session!);
      else if (!ABSENT.has(value))
        problems.push(
          cellProblem(
            'attendance.mark',
            r.line,
            c.header,
            `"${cell}" bukan tanda hadir (1, ya, hadir) atau tidak hadir (kosong, 0, tidak)`,
            `"${cell}" is neither present (1, ya, hadir) nor absent (empty, 0, tidak)`,
          ),
        );
    }
    rows.push({ nip, attendedSessions: event.sessions.map((s) => s.id).filter((id) => attended.has(id)), line: r.line });
  }
  if (body.length === 0)
    problems.push(problem('attendance.empty', { id: 'Berkas tidak memuat peserta', en: 'The file lists no participants' }));
  return problems.length ? fail(...problems) : ok(rows);
}
