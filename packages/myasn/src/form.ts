import type { Employee, LearningActivity } from '@bangkom/domain';
import { toCsv } from '@bangkom/domain';
import { toDmy } from './dates.js';
import type { SiasnReference } from './reference.js';
import { jenisDiklat, siasnReference } from './reference.js';

/** The nine fields of the MyASN "Riwayat Diklat/Kursus" form ([K] III.C), in form order. */
export const myAsnFormFields = [
  'Jenis Diklat',
  'Nama Diklat',
  'Institusi Penyelenggara',
  'Nomor Sertifikat',
  'Tahun Diklat',
  'Tanggal Mulai',
  'Tanggal Selesai',
  'Durasi (Jam)',
  'Rumpun Diklat',
] as const;
/**
 * A row of an office-wide MyASN export: who (NIP and name, so that rows can be matched to people),
 * the nine form fields, and a note of what must still be filled in.
 */
export const myAsnExportColumns = ['NIP', 'Nama', ...myAsnFormFields, 'Catatan'] as const;
export type MyAsnFormRow = Record<(typeof myAsnExportColumns)[number], string | number>;

/** The note of a row whose Rumpun Diklat is unknown: it is left empty, never guessed. */
export const RUMPUN_MISSING = 'isi rumpun';

/** One row per activity, ready to type into MyASN (dates dd/mm/yyyy as the form shows them). */
export function myAsnFormRow(
  activity: LearningActivity,
  jp: number,
  ref: SiasnReference = siasnReference,
  employee?: Pick<Employee, 'name'>,
): MyAsnFormRow {
  const rumpun = typeof activity['rumpun'] === 'string' ? activity['rumpun'].trim() : '';
  return {
    NIP: activity.nip,
    Nama: employee?.name ?? '',
    'Jenis Diklat': jenisDiklat(ref.methodToJenisDiklat[activity.method], ref)?.name ?? activity.method,
    'Nama Diklat': activity.title,
    'Institusi Penyelenggara': activity.organizer ?? activity.evidence?.issuer ?? '',
    'Nomor Sertifikat': activity.evidence?.number ?? '',
    'Tahun Diklat': Number(activity.endDate.slice(0, 4)),
    'Tanggal Mulai': toDmy(activity.startDate, '/'),
    'Tanggal Selesai': toDmy(activity.endDate, '/'),
    'Durasi (Jam)': jp,
    'Rumpun Diklat': rumpun,
    Catatan: rumpun === '' ? RUMPUN_MISSING : '',
  };
}

export const myAsnFormCsv = (rows: readonly MyAsnFormRow[]): string =>
  toCsv([[...myAsnExportColumns], ...rows.map((r) => myAsnExportColumns.map((f) => r[f]))]);
