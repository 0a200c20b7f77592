import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNip } from './nip.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

describe('parseNip', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('splits a valid NIP into birth date, CPNS appointment month, gender and sequence', () => {
    const result = parseNip('198503122010011004');
    expect(result).toEqual({
      ok: true,
      value: { nip: '198503122010011004', birthDate: '1985-03-12', appointmentMonth: '2010-01', gender: 'L', sequence: 4 },
    });
  });

  it('ignores the spaces printed on documents', () => {
    const result = parseNip('19850312 201001 2 004');
    expect(result.ok && result.value.gender).toBe('P');
  });

  it.each([
    ['12345', 'nip.length'],
    ['1985031220100110a4', 'nip.not_digits'],
    ['198502302010011004', 'nip.birth_date'],
    ['198503122010131004', 'nip.appointment_month'],
    ['198503121990011004', 'nip.appointment_before_working_age'],
    ['198503122010013004', 'nip.gender'],
    ['198503122010011000', 'nip.sequence'],
  ])('rejects %s with %s', (nip, code) => {
    const result = parseNip(nip, {}, ['nip']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => p.code)).toContain(code);
      expect(result.problems[0]!.path).toEqual(['nip']);
      expect(result.problems[0]!.message.id.length).toBeGreaterThan(0);
      expect(result.problems[0]!.message.en.length).toBeGreaterThan(0);
    }
  });

  it('cross-checks a given birth date and gender', () => {
    const result = parseNip('198503122010011004', { birthDate: '1985-03-13', gender: 'P' });
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['nip.birth_date_mismatch', 'nip.gender_mismatch']);
  });

  it('round-trips any valid combination of parts', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2005-12-31'), noInvalidDate: true }),
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('1', '2'),
        fc.integer({ min: 1, max: 999 }),
        (birth, ageAtAppointment, month, genderDigit, seq) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const year = birth.getUTCFullYear() + ageAtAppointment;
          const nip =
            birthDate.replaceAll('-', '') + String(year) + String(month).padStart(2, '0') + genderDigit + String(seq).padStart(3, '0');
          const result = parseNip(nip);
          expect(result.ok).toBe(true);
          if (result.ok) {
            expect(result.value.birthDate).toBe(birthDate);
            expect(result.value.sequence).toBe(seq);
            expect(result.value.gender).toBe(genderDigit === '1' ? 'L' : 'P');
          }
        },
      ),
    );
  });
});
