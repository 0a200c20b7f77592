import { describe, expect, it } from 'vitest';
import { attendanceCsv, readAttendanceCsv } from './attendance-csv.js';
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
    expect(read.problems[3]!.message.id).toContain('"mungkin" bukan tanda hadir');
    expect(readAttendanceCsv(event, 'Nama,Sesi 1\nAni,1\n')).toMatchObject({ ok: false, problems: [{ code: 'attendance.no_nip' }] });
    expect(readAttendanceCsv(event, 'NIP,Sesi 1\n')).toMatchObject({ ok: false, problems: [{ code: 'attendance.empty' }] });
  });
});
