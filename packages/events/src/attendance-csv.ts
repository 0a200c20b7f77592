import type { Problem, Result } from '@bangkom/domain';
import { fail, ok, parseCsv, toCsv } from '@bangkom/domain';
import type { TrainingEvent } from './event.js';

/**
 * Attendance as a spreadsheet: a `NIP` column, optionally `Nama`, and one column a session named
 * "Sesi 1", "Sesi 2"… (or by the session's id), each cell marked present (1, ya, hadir, v, x, ✓)
 * or left empty / 0 / tidak for absent. The template `attendanceCsv` writes is read back as is.
 */

/** One participant's attendance as read from the file. */
export interface AttendanceRow {
  nip: string;
  /** Ids of the sessions attended, in the event's order. */
  attendedSessions: string[];
  /** 1-based line of the file. */
  line: number;
}

const PRESENT = new Set(['1', 'ya', 'y', 'hadir', 'h', 'v', 'x', '✓', '✔', 'true', 'yes', 'present']);
const ABSENT = new Set(['', '0', 'tidak', 't', 'tidak hadir', 'absen', 'a', '-', 'false', 'no', 'absent']);

const sessionLabel = (index: number) => `Sesi ${index + 1}`;
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The template: one row a participant with the attendance recorded so far (1 = present). */
export function attendanceCsv(
  event: Pick<TrainingEvent, 'sessions'>,
  participants: readonly { nip: string; name: string; attendedSessions: readonly string[] }[],
): string {
  const header = ['NIP', 'Nama', ...event.sessions.map((s, i) => `${sessionLabel(i)} (${s.date})`)];
  const rows = participants.map((p) => [p.nip, p.name, ...event.sessions.map((s) => (p.attendedSessions.includes(s.id) ? 1 : 0))]);
  return toCsv([header, ...rows]);
}

/**
 * Reads an attendance file for `event`: every problem with its line and column, or every row.
 * All or nothing: one bad cell refuses the file. Whether each NIP is a participant is the caller's check.
 */
export function readAttendanceCsv(event: Pick<TrainingEvent, 'sessions'>, text: string): Result<AttendanceRow[]> {
  const table = parseCsv(text);
  const problems: Problem[] = [];
  const problem = (code: string, id: string, en: string, row?: number, column?: string): Problem => ({
    path: row === undefined ? [] : ['rows', row],
    code,
    message: { id, en },
    ...(row === undefined ? {} : { row }),
    ...(column === undefined ? {} : { column }),
  });
  const nipColumn = table.header.findIndex((h) => norm(h) === 'nip');
  if (nipColumn < 0) return fail(problem('attendance.no_nip', 'Kolom NIP tidak ada pada baris judul', 'The header has no NIP column'));
  // A session column: "Sesi N" (anything after it, such as the date, is a note) or the session's id.
  const sessionOf = (h: string) => {
    const byNumber = /^sesi\s*(\d+)\b/.exec(norm(h));
    if (byNumber) return event.sessions[Number(byNumber[1]) - 1]?.id ?? null;
    return event.sessions.find((s) => norm(s.id) === norm(h))?.id ?? null;
  };
  const columns = table.header.map((h, i) => ({ index: i, header: h, session: i === nipColumn ? null : sessionOf(h) }));
  for (const c of columns)
    if (c.session === null && /^sesi\b/.test(norm(c.header)))
      problems.push(
        problem(
          'attendance.unknown_session',
          `Kolom "${c.header}": sesi ini tidak ada dalam kegiatan`,
          `Column "${c.header}": no such session in this event`,
          1,
          c.header,
        ),
      );
  const sessionColumns = columns.filter((c) => c.session !== null);
  if (sessionColumns.length === 0)
    problems.push(
      problem('attendance.no_sessions', 'Tidak ada kolom sesi ("Sesi 1", "Sesi 2", …)', 'No session columns ("Sesi 1", "Sesi 2", …)', 1),
    );
  const seen = new Map<string, number>();
  const rows: AttendanceRow[] = [];
  for (const r of table.rows) {
    const nip = (r.cells[nipColumn] ?? '').trim();
    if (!nip) {
      problems.push(problem('attendance.nip_missing', 'NIP kosong', 'The NIP is empty', r.line, 'NIP'));
      continue;
    }
    if (seen.has(nip)) {
      problems.push(
        problem(
          'attendance.nip_repeated',
          `NIP ${nip} sudah ada di baris ${seen.get(nip)}`,
          `NIP ${nip} is already on line ${seen.get(nip)}`,
          r.line,
          'NIP',
        ),
      );
      continue;
    }
    seen.set(nip, r.line);
    const attended = new Set<string>();
    for (const c of sessionColumns) {
      const value = norm(r.cells[c.index] ?? '');
      if (PRESENT.has(value)) attended.add(c.session!);
      else if (!ABSENT.has(value))
        problems.push(
          problem(
            'attendance.mark',
            `"${r.cells[c.index]}" bukan tanda hadir (1, ya, hadir) atau tidak hadir (kosong, 0, tidak)`,
            `"${r.cells[c.index]}" is neither present (1, ya, hadir) nor absent (empty, 0, tidak)`,
            r.line,
            c.header,
          ),
        );
    }
    rows.push({ nip, attendedSessions: event.sessions.map((s) => s.id).filter((id) => attended.has(id)), line: r.line });
  }
  if (table.rows.length === 0) problems.push(problem('attendance.empty', 'Berkas tidak memuat peserta', 'The file lists no participants'));
  return problems.length ? fail(...problems) : ok(rows);
}
