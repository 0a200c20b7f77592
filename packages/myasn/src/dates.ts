import { isValidIsoDate } from '@bangkom/domain';

const MONTHS_ID = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];

/** `2024-03-29` → `29-03-2024` (SIASN write side) or `29/03/2024` (MyASN form). */
export const toDmy = (iso: string, separator: '-' | '/' = '-'): string =>
  `${iso.slice(8, 10)}${separator}${iso.slice(5, 7)}${separator}${iso.slice(0, 4)}`;

/** `2024-03-29` → `29 Maret 2024`, as Indonesian documents write dates. */
export const toIndonesianDate = (iso: string): string =>
  `${Number(iso.slice(8, 10))} ${MONTHS_ID[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

/**
 * Reads the date spellings agencies use — ISO `yyyy-mm-dd`, `dd-mm-yyyy`, `dd/mm/yyyy`, `d/m/yyyy` —
 * into ISO, or undefined when it is not a real date.
 */
export function parseDate(text: string): string | undefined {
  const s = text.trim();
  let iso: string | undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) iso = s;
  else {
    const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(s);
    if (m) iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  }
  return iso !== undefined && isValidIsoDate(iso) ? iso : undefined;
}
