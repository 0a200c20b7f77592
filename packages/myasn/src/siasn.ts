import type { LearningActivity, Problem, Result } from '@bangkom/domain';
import { fail, learningMethodCodes, learningMethods, ok } from '@bangkom/domain';
import { z } from 'zod';
import { parseDate, toDmy } from './dates.js';
import type { SiasnReference } from './reference.js';
import { jenisDiklat, methodOfJenisDiklat, recordKindOf, siasnReference } from './reference.js';

const documentPath = z.object({ dok_id: z.string(), dok_nama: z.string(), dok_uri: z.string(), object: z.string(), slug: z.string() });

/** Body of `POST /apisiasn/1.0/diklat/save` — field names, types and spellings as SIASN expects them. */
export const SiasnDiklatSave = z
  .object({
    id: z.string().describe('Empty for a new record.'),
    pnsOrangId: z.string(),
    latihanStrukturalId: z.string(),
    nomor: z.string().max(100),
    tanggal: z
      .string()
      .regex(/^\d{2}-\d{2}-\d{4}$/)
      .describe('dd-mm-yyyy'),
    tanggalSelesai: z.string().regex(/^\d{2}-\d{2}-\d{4}$/),
    tahun: z.number().int(),
    jumlahJam: z.number(),
    institusiPenyelenggara: z.string().max(100),
    jenisKompetensi: z.string(),
    bobot: z.number(),
    path: z.array(documentPath),
  })
  .meta({ title: 'SiasnDiklatSave', description: 'Body of SIASN diklat/save (structural training).' });
export type SiasnDiklatSave = z.output<typeof SiasnDiklatSave>;

/** Body of `POST /apisiasn/1.0/kursus/save` — note `jenisKursusSertipikat` and `nomorSertipikat`. */
export const SiasnKursusSave = z
  .object({
    id: z.string(),
    pnsOrangId: z.string(),
    instansiId: z.string(),
    institusiPenyelenggara: z.string().max(100),
    jenisDiklatId: z.string(),
    jenisKursus: z.string(),
    jenisKursusSertipikat: z.string(),
    jumlahJam: z.number(),
    lokasiId: z.string(),
    namaKursus: z.string().max(100),
    nomorSertipikat: z.string().max(100),
    tahunKursus: z.number().int(),
    tanggalKursus: z.string().regex(/^\d{2}-\d{2}-\d{4}$/),
    tanggalSelesaiKursus: z.string().regex(/^\d{2}-\d{2}-\d{4}$/),
    path: z.array(documentPath),
  })
  .meta({ title: 'SiasnKursusSave', description: 'Body of SIASN kursus/save (every jenis diklat but 1).' });
export type SiasnKursusSave = z.output<typeof SiasnKursusSave>;

export interface SiasnPayload {
  activityId: string;
  nip: string;
  kind: 'diklat' | 'kursus';
  endpoint: '/apisiasn/1.0/diklat/save' | '/apisiasn/1.0/kursus/save';
  body: SiasnDiklatSave | SiasnKursusSave;
  /** The certificate upload that follows (`upload-dok-rw`): the new record's id goes in `id_riwayat`. */
  document: { id_ref_dokumen: string; name: string; file: string | null };
}

export interface SiasnContext {
  /** SIASN person id per NIP (`pnsOrangId`). */
  pnsOrangIds?: Record<string, string>;
  instansiId?: string;
  lokasiId?: string;
  reference?: SiasnReference;
}

const COMPETENCY_LABEL: Record<string, string> = { teknis: 'Teknis', manajerial: 'Manajerial', sosial_kultural: 'Sosial Kultural' };

const problem = (path: (string | number)[], code: string, id: string, en: string): Problem => ({ path, code, message: { id, en } });

/**
 * The SIASN save body for a verified activity: a `diklat` record for structural leadership training,
 * a `kursus` record for everything else. `jumlahJam` is the activity's JP as converted by the rules.
 */
export function toSiasnPayload(activity: LearningActivity, jp: number, context: SiasnContext = {}): Result<SiasnPayload> {
  const ref = context.reference ?? siasnReference;
  const problems: Problem[] = [];
  if (activity.status !== 'verified')
    problems.push(
      problem(
        ['status'],
        'myasn.not_verified',
        `Kegiatan "${activity.title}" belum diverifikasi`,
        `Activity "${activity.title}" is not verified`,
      ),
    );
  const number = activity.evidence?.number;
  if (!number)
    problems.push(
      problem(
        ['evidence', 'number'],
        'myasn.certificate_number_missing',
        'Nomor sertifikat wajib untuk SIASN',
        'SIASN needs the certificate number',
      ),
    );
  const organizer = activity.organizer ?? activity.evidence?.issuer;
  if (!organizer)
    problems.push(
      problem(
        ['organizer'],
        'myasn.organizer_missing',
        'Institusi penyelenggara wajib untuk SIASN',
        'SIASN needs the organising institution',
      ),
    );
  const jenisId = ref.methodToJenisDiklat[activity.method];
  const jenis = jenisDiklat(jenisId, ref);
  if (!jenis)
    problems.push(
      problem(
        ['method'],
        'myasn.no_jenis_diklat',
        `Metode ${learningMethods[activity.method]?.label.id ?? activity.method} tidak dipetakan ke jenis diklat SIASN`,
        `Method ${learningMethods[activity.method]?.label.en ?? activity.method} has no SIASN training type (jenis diklat)`,
      ),
    );
  if (problems.length > 0) return fail(...problems);
  const pnsOrangId = context.pnsOrangIds?.[activity.nip] ?? '';
  const year = Number(activity.endDate.slice(0, 4));
  const kind = recordKindOf(jenisId);
  const document = { ...ref.documents[kind], file: activity.evidence?.file?.name ?? null };
  if (kind === 'diklat') {
    const level = typeof activity['leadershipLevel'] === 'string' ? activity['leadershipLevel'] : 'lainnya';
    const body: SiasnDiklatSave = {
      id: '',
      pnsOrangId,
      latihanStrukturalId: String(ref.leadershipLevelToLatihanStruktural[level] ?? ref.leadershipLevelToLatihanStruktural['lainnya'] ?? 8),
      nomor: number!,
      tanggal: toDmy(activity.startDate),
      tanggalSelesai: toDmy(activity.endDate),
      tahun: year,
      jumlahJam: jp,
      institusiPenyelenggara: organizer!.slice(0, 100),
      jenisKompetensi: COMPETENCY_LABEL[activity.competencyType ?? 'manajerial'] ?? 'Manajerial',
      // No public source explains `bobot`; clients send 0.
      bobot: 0,
      path: [],
    };
    return ok({ activityId: activity.id, nip: activity.nip, kind, endpoint: '/apisiasn/1.0/diklat/save', body, document });
  }
  const body: SiasnKursusSave = {
    id: '',
    pnsOrangId,
    instansiId: context.instansiId ?? '',
    institusiPenyelenggara: organizer!.slice(0, 100),
    jenisDiklatId: String(jenisId),
    jenisKursus: jenis!.name,
    jenisKursusSertipikat: jenis!.certificateCode,
    jumlahJam: jp,
    lokasiId: context.lokasiId ?? '',
    namaKursus: activity.title.slice(0, 100),
    nomorSertipikat: number!.slice(0, 100),
    tahunKursus: year,
    tanggalKursus: toDmy(activity.startDate),
    tanggalSelesaiKursus: toDmy(activity.endDate),
    path: [],
  };
  return ok({ activityId: activity.id, nip: activity.nip, kind, endpoint: '/apisiasn/1.0/kursus/save', body, document });
}

/** `GET /pns/rw-diklat/{nip}` item. */
export const SiasnRwDiklat = z.looseObject({
  id: z.string(),
  idPns: z.string().optional(),
  nipBaru: z.string(),
  nipLama: z.string().nullish(),
  latihanStrukturalId: z.union([z.string(), z.number()]).optional(),
  latihanStrukturalNama: z.string().nullish(),
  nomor: z.string().nullish(),
  tanggal: z.string(),
  tahun: z.union([z.string(), z.number()]).nullish(),
  jumlahJam: z.union([z.string(), z.number()]).nullish(),
  tanggalSelesai: z.string().nullish(),
  institusiPenyelenggara: z.string().nullish(),
});
/** `GET /pns/rw-kursus/{nip}` item — read-side spellings `noSertipikat`, `jenisKursusSertifikat`. */
export const SiasnRwKursus = z.looseObject({
  id: z.string(),
  idPns: z.string().optional(),
  nipBaru: z.string(),
  nipLama: z.string().nullish(),
  jenisKursusNama: z.string().nullish(),
  jenisKursusSertifikat: z.string().nullish(),
  institusiPenyelenggara: z.string().nullish(),
  jenisKursusId: z.union([z.string(), z.number()]).nullish(),
  jumlahJam: z.union([z.string(), z.number()]).nullish(),
  namaKursus: z.string().nullish(),
  noSertipikat: z.string().nullish(),
  tahunKursus: z.union([z.string(), z.number()]).nullish(),
  tanggalKursus: z.string(),
  jenisDiklatId: z.union([z.string(), z.number()]).nullish(),
  tanggalSelesaiKursus: z.string().nullish(),
});

/** What SIASN holds for a set of employees: its read-side records. */
export const SiasnHistory = z
  .object({ diklat: z.array(SiasnRwDiklat).default([]), kursus: z.array(SiasnRwKursus).default([]) })
  .meta({ title: 'SiasnHistory', description: 'SIASN read-side records (rw-diklat, rw-kursus) to import or reconcile.' });
export type SiasnHistory = z.input<typeof SiasnHistory>;

/** Turns SIASN's read-side records back into learning activities (status `verified`, id `siasn-…`). */
export function fromSiasn(history: unknown, ref: SiasnReference = siasnReference): Result<LearningActivity[]> {
  const parsed = SiasnHistory.safeParse(history);
  if (!parsed.success)
    return fail(
      ...parsed.error.issues.map((i) =>
        problem(
          i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
          'myasn.bad_siasn_record',
          `Data SIASN tidak sesuai: ${i.message}`,
          `SIASN record does not match: ${i.message}`,
        ),
      ),
    );
  const problems: Problem[] = [];
  const activities: LearningActivity[] = [];
  const dateOf = (value: string | null | undefined, path: (string | number)[]) => {
    const iso = value ? parseDate(value) : undefined;
    if (!iso) problems.push(problem(path, 'myasn.bad_date', `Tanggal SIASN tidak sah: ${value}`, `Invalid SIASN date: ${value}`));
    return iso ?? '';
  };
  /** A record SIASN holds, as a verified activity (the fields both record kinds share). */
  const held = (h: {
    kind: 'diklat' | 'kursus';
    record: {
      id: string;
      nipBaru: string;
      institusiPenyelenggara?: string | null | undefined;
      jumlahJam?: string | number | null | undefined;
    };
    method: LearningActivity['method'];
    title: string;
    startDate: string;
    endDate: string;
    number: string | null | undefined;
  }): LearningActivity => ({
    id: `siasn-${h.kind}-${h.record.id}`,
    nip: h.record.nipBaru,
    method: h.method,
    title: h.title,
    ...(h.record.institusiPenyelenggara ? { organizer: h.record.institusiPenyelenggara } : {}),
    international: false,
    startDate: h.startDate,
    endDate: h.endDate,
    ...(h.record.jumlahJam != null && h.record.jumlahJam !== '' ? { statedJp: Number(h.record.jumlahJam) } : {}),
    runByWorkUnit: false,
    status: 'verified',
    evidence: { kind: 'sertifikat', ...(h.number ? { number: h.number } : {}) },
    siasnId: h.record.id,
  });
  parsed.data.diklat.forEach((r, i) => {
    const startDate = dateOf(r.tanggal, ['diklat', i, 'tanggal']);
    const endDate = r.tanggalSelesai ? dateOf(r.tanggalSelesai, ['diklat', i, 'tanggalSelesai']) : startDate;
    activities.push(
      held({
        kind: 'diklat',
        record: r,
        method: 'pelatihan_struktural_kepemimpinan',
        title: r.latihanStrukturalNama ?? 'Diklat Struktural',
        startDate,
        endDate,
        number: r.nomor,
      }),
    );
  });
  parsed.data.kursus.forEach((r, i) => {
    const jenisId = Number(r.jenisDiklatId ?? r.jenisKursusId);
    const method = methodOfJenisDiklat(jenisId, ref);
    if (!method || !learningMethodCodes.includes(method)) {
      problems.push(
        problem(
          ['kursus', i, 'jenisDiklatId'],
          'myasn.unknown_jenis_diklat',
          `Jenis diklat SIASN tidak dikenal: ${String(r.jenisDiklatId ?? r.jenisKursusId)}`,
          `Unknown SIASN jenis diklat: ${String(r.jenisDiklatId ?? r.jenisKursusId)}`,
        ),
      );
      return;
    }
    const startDate = dateOf(r.tanggalKursus, ['kursus', i, 'tanggalKursus']);
    const endDate = r.tanggalSelesaiKursus ? dateOf(r.tanggalSelesaiKursus, ['kursus', i, 'tanggalSelesaiKursus']) : startDate;
    activities.push(
      held({
        kind: 'kursus',
        record: r,
        method,
        title: r.namaKursus ?? r.jenisKursusNama ?? method,
        startDate,
        endDate,
        number: r.noSertipikat,
      }),
    );
  });
  return problems.length > 0 ? fail(...problems) : ok(activities);
}
