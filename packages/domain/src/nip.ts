import { isValidIsoDate } from './dates.js';
import type { Problem, Result } from './problem.js';
import { fail, ok } from './problem.js';

export type Gender = 'L' | 'P';

/** The parts encoded in an 18-digit NIP (PP 11/2017 numbering of civil servants; BKN's NIP format). */
export interface NipParts {
  nip: string;
  /** Digits 1–8: birth date, as ISO `yyyy-mm-dd`. */
  birthDate: string;
  /** Digits 9–14: year and month of appointment as CPNS, as `yyyy-mm`. */
  appointmentMonth: string;
  /** Digit 15: 1 = laki-laki (L), 2 = perempuan (P). */
  gender: Gender;
  /** Digits 16–18: sequence number, 001–999. */
  sequence: number;
}

export interface NipCrossCheck {
  birthDate?: string | undefined;
  gender?: Gender | undefined;
}

const problem = (code: string, id: string, en: string, path: (string | number)[]): Problem => ({
  path,
  code,
  message: { id, en },
});

/**
 * Parses and validates a NIP: 18 digits = birth date yyyymmdd + CPNS appointment
 * yyyymm + gender 1/2 + 3-digit sequence. Spaces (as printed on documents) are ignored.
 * When `expected` gives a birth date or gender, they are cross-checked against the NIP.
 */
export function parseNip(input: string, expected: NipCrossCheck = {}, path: (string | number)[] = []): Result<NipParts> {
  const nip = input.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) {
    return fail(problem('nip.not_digits', `NIP hanya boleh berisi angka: "${input}"`, `A NIP contains digits only: "${input}"`, path));
  }
  if (nip.length !== 18) {
    return fail(problem('nip.length', `NIP harus 18 digit, bukan ${nip.length}`, `A NIP has 18 digits, not ${nip.length}`, path));
  }
  const problems: Problem[] = [];
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isValidIsoDate(birthDate)) {
    problems.push(
      problem(
        'nip.birth_date',
        `Digit 1–8 NIP bukan tanggal lahir yang sah (${birthDate})`,
        `Digits 1–8 of the NIP are not a valid birth date (${birthDate})`,
        path,
      ),
    );
  }
  const year = Number(nip.slice(8, 12));
  const month = Number(nip.slice(12, 14));
  const appointmentMonth = `${nip.slice(8, 12)}-${nip.slice(12, 14)}`;
  if (month < 1 || month > 12) {
    problems.push(
      problem(
        'nip.appointment_month',
        `Digit 13–14 NIP bukan bulan yang sah (${nip.slice(12, 14)})`,
        `Digits 13–14 of the NIP are not a valid month (${nip.slice(12, 14)})`,
        path,
      ),
    );
  } else if (isValidIsoDate(birthDate) && year < Number(nip.slice(0, 4)) + 15) {
    problems.push(
      problem(
        'nip.appointment_before_working_age',
        `TMT CPNS ${appointmentMonth} terlalu dekat dengan tanggal lahir ${birthDate}`,
        `CPNS appointment ${appointmentMonth} is implausibly close to birth date ${birthDate}`,
        path,
      ),
    );
  }
  const genderDigit = nip.charAt(14);
  if (genderDigit !== '1' && genderDigit !== '2') {
    problems.push(
      problem(
        'nip.gender',
        `Digit 15 NIP harus 1 (laki-laki) atau 2 (perempuan), bukan ${genderDigit}`,
        `Digit 15 of the NIP must be 1 (male) or 2 (female), not ${genderDigit}`,
        path,
      ),
    );
  }
  const sequence = Number(nip.slice(15, 18));
  if (sequence === 0) {
    problems.push(
      problem('nip.sequence', 'Nomor urut NIP (digit 16–18) tidak boleh 000', 'The NIP sequence number (digits 16–18) cannot be 000', path),
    );
  }
  if (problems.length > 0) return fail(...problems);

  const gender: Gender = genderDigit === '1' ? 'L' : 'P';
  if (expected.birthDate !== undefined && expected.birthDate !== birthDate) {
    problems.push(
      problem(
        'nip.birth_date_mismatch',
        `Tanggal lahir ${expected.birthDate} tidak sesuai dengan NIP (${birthDate})`,
        `Birth date ${expected.birthDate} does not match the NIP (${birthDate})`,
        path,
      ),
    );
  }
  if (expected.gender !== undefined && expected.gender !== gender) {
    problems.push(
      problem(
        'nip.gender_mismatch',
        `Jenis kelamin ${expected.gender} tidak sesuai dengan NIP (${gender})`,
        `Gender ${expected.gender} does not match the NIP (${gender})`,
        path,
      ),
    );
  }
  if (problems.length > 0) return fail(...problems);
  return ok({ nip, birthDate, appointmentMonth, gender, sequence });
}

/** The parts encoded in an 18-digit NI PPPK (Nomor Induk PPPK, as issued by BKN). */
export interface NiPppkParts {
  nip: string;
  /** Digits 1–8: birth date, as ISO `yyyy-mm-dd`. */
  birthDate: string;
  /** Digits 9–12: year of appointment (TMT) as PPPK. */
  appointmentYear: number;
  /** Digit 14: the how-manieth PPPK appointment (1–9). */
  frequency: number;
  /** Digit 15: 1 = laki-laki (L), 2 = perempuan (P). */
  gender: Gender;
  /** Digits 16–18: sequence number, 001–999. */
  sequence: number;
}

/**
 * Parses and validates an NI PPPK: 18 digits = birth date yyyymmdd + TMT year yyyy + `2` (the
 * PPPK code) + appointment frequency 1–9 + gender 1/2 + 3-digit sequence. Spaces are ignored.
 */
export function parseNiPppk(input: string, expected: NipCrossCheck = {}, path: (string | number)[] = []): Result<NiPppkParts> {
  const nip = input.replace(/\s+/g, '');
  if (!/^\d+$/.test(nip)) {
    return fail(
      problem('nipppk.not_digits', `NI PPPK hanya boleh berisi angka: "${input}"`, `An NI PPPK contains digits only: "${input}"`, path),
    );
  }
  if (nip.length !== 18) {
    return fail(
      problem('nipppk.length', `NI PPPK harus 18 digit, bukan ${nip.length}`, `An NI PPPK has 18 digits, not ${nip.length}`, path),
    );
  }
  const problems: Problem[] = [];
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  if (!isValidIsoDate(birthDate))
    problems.push(
      problem(
        'nipppk.birth_date',
        `Digit 1–8 NI PPPK bukan tanggal lahir yang sah (${birthDate})`,
        `Digits 1–8 of the NI PPPK are not a valid birth date (${birthDate})`,
        path,
      ),
    );
  const appointmentYear = Number(nip.slice(8, 12));
  if (isValidIsoDate(birthDate) && appointmentYear < Number(nip.slice(0, 4)) + 15)
    problems.push(
      problem(
        'nipppk.appointment_before_working_age',
        `Tahun TMT PPPK ${appointmentYear} terlalu dekat dengan tanggal lahir ${birthDate}`,
        `PPPK appointment year ${appointmentYear} is implausibly close to birth date ${birthDate}`,
        path,
      ),
    );
  if (nip.charAt(12) !== '2')
    problems.push(
      problem(
        'nipppk.kind_digit',
        `Digit 13 NI PPPK harus 2 (kode PPPK), bukan ${nip.charAt(12)}; apakah ini NIP PNS?`,
        `Digit 13 of an NI PPPK must be 2 (the PPPK code), not ${nip.charAt(12)}; is this a PNS NIP?`,
        path,
      ),
    );
  const frequency = Number(nip.charAt(13));
  if (frequency === 0)
    problems.push(
      problem(
        'nipppk.frequency',
        'Digit 14 NI PPPK (pengangkatan ke-) harus 1–9',
        'Digit 14 of an NI PPPK (appointment count) must be 1–9',
        path,
      ),
    );
  const genderDigit = nip.charAt(14);
  if (genderDigit !== '1' && genderDigit !== '2')
    problems.push(
      problem(
        'nipppk.gender',
        `Digit 15 NI PPPK harus 1 (laki-laki) atau 2 (perempuan), bukan ${genderDigit}`,
        `Digit 15 of an NI PPPK must be 1 (male) or 2 (female), not ${genderDigit}`,
        path,
      ),
    );
  const sequence = Number(nip.slice(15, 18));
  if (sequence === 0)
    problems.push(
      problem(
        'nipppk.sequence',
        'Nomor urut NI PPPK (digit 16–18) tidak boleh 000',
        'The NI PPPK sequence (digits 16–18) cannot be 000',
        path,
      ),
    );
  if (problems.length > 0) return fail(...problems);
  const gender: Gender = genderDigit === '1' ? 'L' : 'P';
  if (expected.birthDate !== undefined && expected.birthDate !== birthDate)
    problems.push(
      problem(
        'nipppk.birth_date_mismatch',
        `Tanggal lahir ${expected.birthDate} tidak sesuai dengan NI PPPK (${birthDate})`,
        `Birth date ${expected.birthDate} does not match the NI PPPK (${birthDate})`,
        path,
      ),
    );
  if (expected.gender !== undefined && expected.gender !== gender)
    problems.push(
      problem(
        'nipppk.gender_mismatch',
        `Jenis kelamin ${expected.gender} tidak sesuai dengan NI PPPK (${gender})`,
        `Gender ${expected.gender} does not match the NI PPPK (${gender})`,
        path,
      ),
    );
  if (problems.length > 0) return fail(...problems);
  return ok({ nip, birthDate, appointmentYear, frequency, gender, sequence });
}

/** Validates the number of an employee with the layout of their kind: NIP for a PNS, NI PPPK for a PPPK. */
export const parseEmployeeNumber = (
  input: string,
  kind: 'PNS' | 'PPPK',
  expected: NipCrossCheck = {},
  path: (string | number)[] = [],
): Result<{ nip: string; birthDate: string; gender: Gender }> =>
  kind === 'PPPK' ? parseNiPppk(input, expected, path) : parseNip(input, expected, path);
