import { describe, expect, it } from 'vitest';
import { attendanceDays, LearningActivity } from './activity.js';
import { Employee, employeeId } from './employee.js';
import { parseWith } from './problem.js';

const activity = {
  id: 'a1',
  nip: '198503122010011004',
  method: 'seminar',
  title: 'Seminar Nasional Jalan',
  startDate: '2024-05-06',
  endDate: '2024-05-07',
};

describe('LearningActivity', () => {
  it('applies the documented defaults', () => {
    const result = parseWith(LearningActivity, activity);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.value.international).toBe(false);
      expect(result.value.runByWorkUnit).toBe(false);
      expect(result.value.status).toBe('verified');
      expect(attendanceDays(result.value)).toBe(2);
    }
  });

  it('keeps extra fields an agency adds', () => {
    const result = parseWith(LearningActivity, { ...activity, agencyCode: 'X-1' });
    expect(result.ok && result.value['agencyCode']).toBe('X-1');
  });

  it('reports each bad field with its path and a message in both languages', () => {
    const result = parseWith(LearningActivity, { ...activity, method: 'ngopi', startDate: '2024-02-30' }, ['activities', 3]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.problems.map((p) => p.path.join('/'));
      expect(paths).toEqual(expect.arrayContaining(['activities/3/method', 'activities/3/startDate']));
      for (const p of result.problems) {
        expect(p.message.en).not.toBe('');
        expect(p.message.id).not.toBe(p.message.en);
      }
    }
  });

  it('words each problem plainly: an empty required field is "Wajib diisi", no pattern, type name or list of codes', () => {
    const result = parseWith(LearningActivity, { ...activity, title: '', method: 'ngopi', startDate: '2024-02-30', organizer: 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((p) => [p.path.join('/'), p.message]));
    expect(byField['title']).toEqual({ id: 'Wajib diisi', en: 'Required' });
    expect(byField['method']).toEqual({ id: 'Bukan pilihan yang dikenal', en: 'Not one of the accepted values' });
    expect(byField['organizer']?.id).toBe('Isian harus berupa teks');
    const missing = parseWith(LearningActivity, { ...activity, title: undefined });
    expect(missing.ok ? null : missing.problems[0]?.message.id).toBe('Wajib diisi');
    for (const p of result.problems) expect(`${p.message.id} ${p.message.en}`).not.toMatch(/\^|\\d|\/.*\/|expected|diharapkan|"[a-z_]+"/);
  });

  it('rejects an end date before the start date', () => {
    const result = parseWith(LearningActivity, { ...activity, endDate: '2024-05-01' });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path.join('/')])).toEqual([['activity.end_before_start', 'endDate']]);
  });

  it('rejects more attendance days than the span holds', () => {
    const result = parseWith(LearningActivity, { ...activity, days: 3 });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['activity.days_exceed_span']);
  });
});

describe('Employee', () => {
  const pns = { name: 'Budi', kind: 'PNS', nip: '198503122010011004' };

  it('accepts a PNS whose NIP agrees with the birth date and gender', () => {
    const result = parseWith(Employee, { ...pns, birthDate: '1985-03-12', gender: 'L' });
    expect(result.ok && employeeId(result.value)).toBe('198503122010011004');
  });

  it('cross-checks the NIP against the stated birth date', () => {
    const result = parseWith(Employee, { ...pns, birthDate: '1986-03-12' });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path.join('/')])).toEqual([['nip.birth_date_mismatch', 'nip']]);
  });

  it('requires the identifier that fits the kind', () => {
    const result = parseWith(Employee, { name: 'Sari', kind: 'PPPK' });
    expect(result.ok ? [] : result.problems.map((p) => [p.code, p.path.join('/')])).toEqual([['employee.identifier_missing', 'nip']]);
    // A PNS NIP given for a PPPK fails the NI PPPK layout (digit 13 is 2 for PPPK).
    const pnsNumber = parseWith(Employee, { name: 'Sari', kind: 'PPPK', nip: '198503122010011004' });
    expect(pnsNumber.ok ? [] : pnsNumber.problems.map((p) => [p.code, p.path.join('/')])).toEqual([['nipppk.kind_digit', 'nip']]);
  });

  it('rejects a position level of another kind', () => {
    const result = parseWith(Employee, { ...pns, positionKind: 'jpt', positionLevel: 'pengawas' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['employee.position_level_kind']);
  });
});
