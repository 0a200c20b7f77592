import { z } from 'zod';
import { isoDate } from './dates.js';
import { parseNiPppk, parseNip } from './nip.js';

/** Employment kinds. [K] I.E.16; UU 20/2023 (ASN = PNS + PPPK). */
export const employeeKinds = ['PNS', 'PPPK', 'TKK'] as const;
export type EmployeeKind = (typeof employeeKinds)[number];

/**
 * Position kind and level: enough to derive the retirement age (BUP, PP 11/2017 art. 239)
 * and the leadership-training level. `jpt` = pimpinan tinggi, `administrasi` =
 * administrator/pengawas/pelaksana, `fungsional` = jabatan fungsional.
 */
export const positionLevelsByKind = {
  jpt: ['jpt_utama', 'jpt_madya', 'jpt_pratama'],
  administrasi: ['administrator', 'pengawas', 'pelaksana'],
  fungsional: ['jf_ahli_utama', 'jf_ahli_madya', 'jf_ahli_muda', 'jf_ahli_pertama', 'jf_keterampilan'],
} as const;
export type PositionKind = keyof typeof positionLevelsByKind;
export type PositionLevel = (typeof positionLevelsByKind)[PositionKind][number];
/** Position kinds and levels in words, for messages (the level titles are the regulations' own). */
export const positionKindLabels: Record<PositionKind, { id: string; en: string }> = {
  jpt: { id: 'Jabatan Pimpinan Tinggi', en: 'senior leadership position (JPT)' },
  administrasi: { id: 'Jabatan Administrasi', en: 'administrative position' },
  fungsional: { id: 'Jabatan Fungsional', en: 'functional position' },
};
export const positionLevelLabels: Record<PositionLevel, string> = {
  jpt_utama: 'Pimpinan Tinggi Utama',
  jpt_madya: 'Pimpinan Tinggi Madya',
  jpt_pratama: 'Pimpinan Tinggi Pratama',
  administrator: 'Administrator',
  pengawas: 'Pengawas',
  pelaksana: 'Pelaksana',
  jf_ahli_utama: 'Ahli Utama',
  jf_ahli_madya: 'Ahli Madya',
  jf_ahli_muda: 'Ahli Muda',
  jf_ahli_pertama: 'Ahli Pertama',
  jf_keterampilan: 'Keterampilan',
};
export const positionKinds = Object.keys(positionLevelsByKind) as [PositionKind, ...PositionKind[]];
export const positionLevels = Object.values(positionLevelsByKind).flat() as [PositionLevel, ...PositionLevel[]];

export const positionKindOf = (level: PositionLevel): PositionKind =>
  positionKinds.find((kind) => (positionLevelsByKind[kind] as readonly string[]).includes(level))!;

/** Highest completed education, lowest first (used for IP ASN kualifikasi and Tugas Belajar). */
export const educationLevels = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof educationLevels)[number];

export const genders = ['L', 'P'] as const;

/** Pangkat/golongan ruang of PNS (I/a … IV/e) and PPPK golongan (I … XVII). */
export const golonganPattern = /^(I|II|III|IV)\/[a-e]$|^(I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII)$/;

export const Employee = z
  .object({
    nip: z
      .string()
      .regex(/^\d{18}$/)
      .optional()
      .describe('NIP of a PNS, or the NI PPPK of a PPPK (as SIASN nipBaru and MyASN carry it): 18 digits.'),
    nipppk: z
      .string()
      .regex(/^\d{18}$/)
      .optional()
      .describe('NI PPPK of a PPPK: 18 digits. An alias of `nip` for a PPPK; when both are given they must be equal.'),
    internalId: z.string().min(1).optional().describe('Agency-internal id, for TKK who have no NIP.'),
    name: z.string().trim().min(1),
    kind: z.enum(employeeKinds),
    pangkat: z.string().min(1).optional().describe('Pangkat, e.g. "Penata Muda".'),
    golongan: z.string().regex(golonganPattern).optional().describe('Golongan ruang, e.g. "III/a" (PNS) or "IX" (PPPK).'),
    positionTitle: z.string().min(1).optional().describe('Nama jabatan.'),
    positionKind: z.enum(positionKinds).optional(),
    positionLevel: z.enum(positionLevels).optional(),
    unit: z.string().min(1).optional().describe('Unit kerja (bidang/subbag/UPT).'),
    birthPlace: z.string().min(1).optional(),
    birthDate: isoDate.optional(),
    tmtPns: isoDate.optional().describe('Date of appointment as PNS (TMT PNS).'),
    gender: z.enum(genders).optional().describe('L = laki-laki, P = perempuan.'),
    education: z.enum(educationLevels).optional().describe('Highest completed education.'),
    supervisorNip: z.string().min(1).optional().describe('Identifier of the direct superior (atasan langsung).'),
  })
  .superRefine((e, ctx) => {
    // A PPPK is identified by the NI PPPK, in `nip` (SIASN, MyASN) or its alias `nipppk`.
    const missing =
      e.kind === 'PNS'
        ? e.nip === undefined
        : e.kind === 'PPPK'
          ? e.nip === undefined && e.nipppk === undefined
          : e.internalId === undefined;
    if (missing) {
      const key = e.kind === 'TKK' ? 'internalId' : 'nip';
      const what = { PNS: 'NIP', PPPK: 'NI PPPK', TKK: 'id internal' }[e.kind];
      ctx.addIssue({
        code: 'custom',
        path: [key],
        params: {
          code: 'employee.identifier_missing',
          message: { id: `Pegawai ${e.kind} wajib memiliki ${what}`, en: `A ${e.kind} employee needs a ${what}` },
        },
      });
    }
    const expected = { birthDate: e.birthDate, gender: e.gender };
    if (e.kind === 'PNS' && e.nip !== undefined) {
      const parsed = parseNip(e.nip, expected, ['nip']);
      if (!parsed.ok)
        for (const p of parsed.problems) ctx.addIssue({ code: 'custom', path: p.path, params: { code: p.code, message: p.message } });
    }
    if (e.kind === 'PPPK') {
      if (e.nip !== undefined && e.nipppk !== undefined && e.nip !== e.nipppk) {
        ctx.addIssue({
          code: 'custom',
          path: ['nipppk'],
          params: {
            code: 'employee.nipppk_mismatch',
            message: {
              id: `NI PPPK ${e.nipppk} berbeda dengan NIP ${e.nip}; isi satu nomor saja`,
              en: `NI PPPK ${e.nipppk} differs from NIP ${e.nip}; give one number`,
            },
          },
        });
      } else {
        const [key, value] = e.nip !== undefined ? (['nip', e.nip] as const) : (['nipppk', e.nipppk] as const);
        if (value !== undefined) {
          const parsed = parseNiPppk(value, expected, [key]);
          if (!parsed.ok)
            for (const p of parsed.problems) ctx.addIssue({ code: 'custom', path: p.path, params: { code: p.code, message: p.message } });
        }
      }
    }
    if (e.positionKind && e.positionLevel && positionKindOf(e.positionLevel) !== e.positionKind) {
      ctx.addIssue({
        code: 'custom',
        path: ['positionLevel'],
        params: {
          code: 'employee.position_level_kind',
          message: {
            id: `Jenjang jabatan ${positionLevelLabels[e.positionLevel]} bukan bagian dari ${positionKindLabels[e.positionKind].id}`,
            en: `Position level ${positionLevelLabels[e.positionLevel]} is not a level of a ${positionKindLabels[e.positionKind].en}`,
          },
        },
      });
    }
  })
  .meta({ title: 'Employee', description: 'A civil servant (PNS, PPPK) or contract worker (TKK) whose development is recorded.' });
export type Employee = z.output<typeof Employee>;
export type EmployeeInput = z.input<typeof Employee>;

/** The identifier that activities use in their `nip` field: NIP, NI PPPK (in `nip` or `nipppk`) or internal id. */
export const employeeId = (e: Pick<Employee, 'kind' | 'nip' | 'nipppk' | 'internalId'>): string =>
  (e.kind === 'PNS' ? e.nip : e.kind === 'PPPK' ? (e.nip ?? e.nipppk) : e.internalId) ?? e.nip ?? e.nipppk ?? e.internalId ?? '';
