import { describe, expect, it } from 'vitest';
import { attendanceCsv, readAttendanceCsv, readAttendanceRows } from './attendance-csv.js';
import { TrainingEvent } from './event.js';
import { bimtek } from './test/fixtures.js';

const event = TrainingEvent.parse(bimtek);
const ani = { nip: '198703122010012003', name: 'Ani Rahmawati, S.T.' };
const budi = { nip: '199001152015031004', name: 'Budi Santoso' };

describe('attendance as a spreadsheet', () => {
  it('reads back the template it writes: present and absent per session, in the event’s order', () => {
    const csv = attendanceCsv(event, [
      { ...ani, attendedSessions: ['h3', 'h1'] },
      { ...budi, attendedSessions: [] },
    ]);
    expect(csv.split('\r\n')[0]).toBe('NIP,Nama,Sesi 1 (2025-07-14),Sesi 2 (2025-07-15),Sesi 3 (2025-07-16)');
    const read = readAttendanceCsv(event, csv);
    expect(read).toEqual({
      ok: true,
      value: [
        { nip: ani.nip, attendedSessions: ['h1', 'h3'], line: 2 },
        { nip: budi.nip, attendedSessions: [], line: 3 },
      ],
    });
  });

  it('takes the marks people type, semicolons, session ids as headers, and columns in any order', () => {
    const read = readAttendanceCsv(event, `h2;Nama;NIP;Sesi 1\nHadir;Ani;${ani.nip};✓\n;Budi;${budi.nip};ya\n`);
    expect(read.ok && read.value.map((r) => r.attendedSessions)).toEqual([['h1', 'h2'], ['h1']]);
  });

  it('refuses the whole file with each bad cell’s line and column: unknown marks, sessions, repeated and empty NIPs', () => {
    const read = readAttendanceCsv(event, `NIP,Sesi 1,Sesi 4\n${ani.nip},hadir,1\n${ani.nip},1,0\n,1,1\n${budi.nip},mungkin,0\n`);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['attendance.unknown_session', 1, 'Sesi 4'],
      ['attendance.nip_repeated', 3, 'NIP'],
      ['attendance.nip_missing', 4, 'NIP'],
      ['attendance.mark', 5, 'Sesi 1'],
    ]);
    expect(read.problems[3]!.message.id).toBe(
      'Baris 5, kolom Sesi 1: "mungkin" bukan tanda hadir (1, ya, hadir) atau tidak hadir (kosong, 0, tidak)',
    );
    expect(read.problems[1]!.message.en).toBe(`Row 3, column NIP: NIP ${ani.nip} is already on row 2`);
    expect(readAttendanceCsv(event, 'Nama,Sesi 1\nAni,1\n')).toMatchObject({ ok: false, problems: [{ code: 'attendance.no_nip' }] });
    expect(readAttendanceCsv(event, 'NIP,Sesi 1\n')).toMatchObject({ ok: false, problems: [{ code: 'attendance.empty' }] });
  });

  it('names a NIP that a spreadsheet program turned into a number (1,98703E+17) instead of refusing the file blindly', () => {
    // Re-saved by a spreadsheet program in an Indonesian locale: semicolons, decimal comma, the NIP as a number.
    const read = readAttendanceCsv(event, `NIP;Nama;Sesi 1\n1,98703E+17;Ani;1\n${budi.nip};Budi;1\n1.99001E+17;Citra;0\n`);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['attendance.nip_scientific', 2, 'NIP'],
      ['attendance.nip_scientific', 4, 'NIP'],
    ]);
    expect(read.problems[0]!.message).toEqual({
      id: 'Baris 2: NIP tertulis 1,98703E+17 — simpan kolom NIP sebagai teks',
      en: 'Row 2: the NIP reads 1,98703E+17 — save the NIP column as text',
    });
  });

  it('reads a sheet whose column titles come below a title and instructions, with the sheet’s own row numbers', () => {
    const read = readAttendanceRows(event, [
      { line: 1, cells: ['DAFTAR HADIR BIMTEK', '', ''] },
      { line: 3, cells: ['Isi 1 untuk hadir pada kolom NIP yang sesuai', '', ''] },
      { line: 5, cells: ['NIP', 'Nama', 'Unit kerja', 'Sesi 1 (2025-07-14)', 'Sesi 2 (2025-07-15)', 'Sesi 3 (2025-07-16)'] },
      { line: 6, cells: [ani.nip, ani.name, 'Bidang Bina Marga', '1', '1', '0'] },
      { line: 7, cells: ['', '', '', '', '', ''] },
      { line: 8, cells: [budi.nip, budi.name, 'Bidang Bina Marga', '1', 'mungkin', '1'] },
    ]);
    expect(read.ok ? [] : read.problems.map((p) => [p.row, p.column, p.message.id.split(':')[0]])).toEqual([
      [8, 'Sesi 2 (2025-07-15)', 'Baris 8, kolom Sesi 2 (2025-07-15)'],
    ]);
    const fine = readAttendanceRows(event, [
      { line: 2, cells: ['Petunjuk'] },
      { line: 4, cells: ['NIP', 'Sesi 1'] },
      { line: 5, cells: [ani.nip, '1'] },
    ]);
    expect(fine).toEqual({ ok: true, value: [{ nip: ani.nip, attendedSessions: ['h1'], line: 5 }] });
  });
});
