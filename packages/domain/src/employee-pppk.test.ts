import { describe, expect, it } from 'vitest';
import { Employee, employeeId } from './employee.js';
import { parseNiPppk } from './nip.js';
import { parseWith } from './problem.js';

// NI PPPK: birth date yyyymmdd + TMT year yyyy + 2 (PPPK) + frequency 1–9 + sex 1/2 + serial 001–999.
const NI_PPPK = '199001012023211001';

describe('PPPK numbers (NI PPPK)', () => {
  it('splits an NI PPPK into birth date, TMT year, frequency, gender and serial', () => {
    expect(parseNiPppk(NI_PPPK)).toEqual({
      ok: true,
      value: { nip: NI_PPPK, birthDate: '1990-01-01', appointmentYear: 2023, frequency: 1, gender: 'L', sequence: 1 },
    });
  });

  it.each([
    ['199001012023111001', 'nipppk.kind_digit'],
    ['199001012023201001', 'nipppk.frequency'],
    ['199013012023211001', 'nipppk.birth_date'],
    ['199001012023213001', 'nipppk.gender'],
    ['199001012023211000', 'nipppk.sequence'],
    ['1990010120232110', 'nipppk.length'],
  ])('rejects %s with %s', (nip, code) => {
    const result = parseNiPppk(nip, {}, ['nip']);
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toContain(code);
  });

  it('a PPPK whose NI PPPK is in nip (as SIASN nipBaru and MyASN logins carry it) is accepted and identified by it', () => {
    const parsed = parseWith(Employee, { nip: NI_PPPK, name: 'Rina Marlina', kind: 'PPPK' });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(employeeId(parsed.value)).toBe(NI_PPPK);
  });

  it('keeps nipppk as an alias, and validates either with the PPPK layout', () => {
    expect(parseWith(Employee, { nipppk: NI_PPPK, name: 'Rina', kind: 'PPPK' }).ok).toBe(true);
    const bad = parseWith(Employee, { nip: '198503122010011004', name: 'Rina', kind: 'PPPK' });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.path.join('/'), p.code])).toEqual([['nip', 'nipppk.kind_digit']]);
    const both = parseWith(Employee, { nip: NI_PPPK, nipppk: '199001012023211002', name: 'Rina', kind: 'PPPK' });
    expect(both.ok ? [] : both.problems.map((p) => p.code)).toEqual(['employee.nipppk_mismatch']);
  });

  it('cross-checks the birth date and gender given with the NI PPPK', () => {
    const parsed = parseWith(Employee, { nip: NI_PPPK, name: 'Rina', kind: 'PPPK', birthDate: '1990-01-02', gender: 'P' });
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.code)).toEqual(['nipppk.birth_date_mismatch', 'nipppk.gender_mismatch']);
  });
});
