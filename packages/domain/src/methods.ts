import type { Message } from './message.js';

/** Development path: classroom (klasikal) or workplace / outside class (nonklasikal). [P] art. 51; [K] I.E.13–15. */
export const learningPaths = ['klasikal', 'nonklasikal'] as const;
export type LearningPath = (typeof learningPaths)[number];

export interface LearningMethodInfo {
  path: LearningPath;
  label: Message;
  /** Where the regulation names this method (document + section). */
  source: string;
}

// [K] = Kutai Barat DPUPR SK 800.2.1/1683/DPUPR-KB/V/2024 (seed 003); [P] = Permen PUPR 2/2023 (seed 004).
const K_KLASIKAL = '[K] I.E.15.a';
const K_NONKLASIKAL = '[K] I.E.15.b';

/**
 * The method codes are a public contract: data files, JSON Schemas and CLI
 * inputs use exactly these strings. Order follows the regulations' lists.
 */
export const learningMethods = {
  pelatihan_struktural_kepemimpinan: {
    path: 'klasikal',
    label: { id: 'Pelatihan struktural kepemimpinan', en: 'Structural leadership training' },
    source: `${K_KLASIKAL}.1; [P] art. 51(1)a`,
  },
  pelatihan_dasar: {
    path: 'klasikal',
    label: { id: 'Pelatihan dasar (CPNS)', en: 'Basic training for civil servant candidates' },
    source: '[P] art. 51(1)b and the article defining it ("Pelatihan dasar ... bagi calon PNS selama masa percobaan")',
  },
  pelatihan_manajerial: {
    path: 'klasikal',
    label: { id: 'Pelatihan manajerial', en: 'Managerial training' },
    source: `${K_KLASIKAL}.2; [P] art. 51(1)`,
  },
  pelatihan_teknis: {
    path: 'klasikal',
    label: { id: 'Pelatihan teknis', en: 'Technical training' },
    source: `${K_KLASIKAL}.3; [P] art. 51(1)`,
  },
  pelatihan_fungsional: {
    path: 'klasikal',
    label: { id: 'Pelatihan fungsional', en: 'Functional-position training' },
    source: `${K_KLASIKAL}.4; [P] art. 51(1)e`,
  },
  pelatihan_sosial_kultural: {
    path: 'klasikal',
    label: { id: 'Pelatihan sosial kultural', en: 'Socio-cultural training' },
    source: `${K_KLASIKAL}.5; [P] art. 51(1)`,
  },
  seminar: {
    path: 'klasikal',
    label: { id: 'Seminar/konferensi/sarasehan', en: 'Seminar/conference' },
    source: `${K_KLASIKAL}.6`,
  },
  workshop: {
    path: 'klasikal',
    label: { id: 'Workshop/lokakarya', en: 'Workshop' },
    source: `${K_KLASIKAL}.7`,
  },
  kursus: { path: 'klasikal', label: { id: 'Kursus', en: 'Course' }, source: `${K_KLASIKAL}.8` },
  penataran: { path: 'klasikal', label: { id: 'Penataran', en: 'Upgrading course (penataran)' }, source: `${K_KLASIKAL}.9` },
  bimbingan_teknis: {
    path: 'klasikal',
    label: { id: 'Bimbingan teknis (bimtek)', en: 'Technical guidance (bimtek)' },
    source: `${K_KLASIKAL}.10; [P] art. 57`,
  },
  sosialisasi: { path: 'klasikal', label: { id: 'Sosialisasi', en: 'Socialisation briefing' }, source: `${K_KLASIKAL}.11` },
  klasikal_lainnya: {
    path: 'klasikal',
    label: { id: 'Pelatihan klasikal lainnya', en: 'Other classical training' },
    source: `${K_KLASIKAL}.12`,
  },
  coaching: { path: 'nonklasikal', label: { id: 'Coaching', en: 'Coaching' }, source: `${K_NONKLASIKAL}.1` },
  mentoring: { path: 'nonklasikal', label: { id: 'Mentoring', en: 'Mentoring' }, source: `${K_NONKLASIKAL}.2` },
  e_learning: { path: 'nonklasikal', label: { id: 'E-learning', en: 'E-learning' }, source: `${K_NONKLASIKAL}.3` },
  pelatihan_jarak_jauh: {
    path: 'nonklasikal',
    label: { id: 'Pelatihan jarak jauh', en: 'Distance learning' },
    source: `${K_NONKLASIKAL}.4`,
  },
  detasering: {
    path: 'nonklasikal',
    label: { id: 'Detasering (secondment)', en: 'Secondment' },
    source: `${K_NONKLASIKAL}.5`,
  },
  outbound: {
    path: 'nonklasikal',
    label: { id: 'Pembelajaran alam terbuka (outbound)', en: 'Outdoor learning (outbound)' },
    source: `${K_NONKLASIKAL}.6`,
  },
  benchmarking: {
    path: 'nonklasikal',
    label: { id: 'Patok banding (benchmarking)', en: 'Benchmarking visit' },
    source: `${K_NONKLASIKAL}.7`,
  },
  pertukaran_pegawai: {
    path: 'nonklasikal',
    label: {
      id: 'Pertukaran pegawai dengan swasta/BUMN/BUMD',
      en: 'Staff exchange with private sector or state/regional enterprises',
    },
    source: `${K_NONKLASIKAL}.8`,
  },
  belajar_mandiri: {
    path: 'nonklasikal',
    label: { id: 'Belajar mandiri (self development)', en: 'Self-directed learning' },
    source: `${K_NONKLASIKAL}.9`,
  },
  komunitas_belajar: {
    path: 'nonklasikal',
    label: { id: 'Komunitas belajar (community of practice)', en: 'Community of practice' },
    source: `${K_NONKLASIKAL}.10`,
  },
  bimbingan_di_tempat_kerja: {
    path: 'nonklasikal',
    label: { id: 'Bimbingan di tempat kerja', en: 'On-the-job guidance' },
    source: `${K_NONKLASIKAL}.11`,
  },
  magang: { path: 'nonklasikal', label: { id: 'Magang/praktik kerja', en: 'Internship/work practice' }, source: `${K_NONKLASIKAL}.12` },
  nonklasikal_lainnya: {
    path: 'nonklasikal',
    label: { id: 'Pelatihan nonklasikal lainnya', en: 'Other non-classical training' },
    source: `${K_NONKLASIKAL}.13`,
  },
} as const satisfies Record<string, LearningMethodInfo>;

export type LearningMethod = keyof typeof learningMethods;
export const learningMethodCodes = Object.keys(learningMethods) as [LearningMethod, ...LearningMethod[]];

export const methodPath = (method: LearningMethod): LearningPath => learningMethods[method].path;
