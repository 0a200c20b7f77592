import type { LearningActivity } from '@bangkom/domain';
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
export type MyAsnFormRow = Record<(typeof myAsnFormFields)[number], string | number>;

/** One row per activity, ready to type into MyASN (dates dd/mm/yyyy as the form shows them). */
export function myAsnFormRow(activity: LearningActivity, jp: number, ref: SiasnReference = siasnReference): MyAsnFormRow {
  const rumpun = typeof activity['rumpun'] === 'string' ? activity['rumpun'] : ref.defaultRumpun;
  return {
    'Jenis Diklat': jenisDiklat(ref.methodToJenisDiklat[activity.method], ref)?.name ?? activity.method,
    'Nama Diklat': activity.title,
    'Institusi Penyelenggara': activity.organizer ?? activity.evidence?.issuer ?? '',
    'Nomor Sertifikat': activity.evidence?.number ?? '',
    'Tahun Diklat': Number(activity.endDate.slice(0, 4)),
    'Tanggal Mulai': toDmy(activity.startDate, '/'),
    'Tanggal Selesai': toDmy(activity.endDate, '/'),
    'Durasi (Jam)': jp,
    'Rumpun Diklat': rumpun,
  };
}

export const myAsnFormCsv = (rows: readonly MyAsnFormRow[]): string =>
  toCsv([[...myAsnFormFields], ...rows.map((r) => myAsnFormFields.map((f) => r[f]))]);
