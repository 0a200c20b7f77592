import type { TrainingEventInput } from '../event.js';

/** A three-day bimtek run by the SDM unit: 3 sessions, 24 JP. */
export const bimtek: TrainingEventInput = {
  id: 'bimtek-2025-07',
  title: 'Bimbingan Teknis Penyusunan Dokumen Lelang Konstruksi',
  theme: 'Penyusunan dokumen pemilihan penyedia jasa konstruksi',
  objective: 'Pegawai mampu menyusun dokumen pemilihan sesuai ketentuan terbaru',
  problemAddressed: 'Banyak dokumen lelang dikembalikan karena persyaratan tidak sesuai',
  method: 'bimbingan_teknis',
  competencyType: 'teknis',
  organizer: 'Subbagian Umum dan Kepegawaian',
  startDate: '2025-07-14',
  endDate: '2025-07-16',
  sessions: [
    { id: 'h1', date: '2025-07-14', jp: 8 },
    { id: 'h2', date: '2025-07-15', jp: 8 },
    { id: 'h3', date: '2025-07-16', jp: 8 },
  ],
  programmeJp: 24,
  facilitators: [{ name: 'Ir. Bambang Sutrisno, M.T.', institution: 'Balai Jasa Konstruksi' }],
  location: { mode: 'offline', venue: 'Aula DPUPR', city: 'Sendawar' },
};

/** Five days, 40 JP, run by a work unit (above the 30 JP of [P] art. 57(7)). */
export const longWorkUnitBimtek: TrainingEventInput = {
  ...bimtek,
  id: 'bimtek-2025-09',
  runByWorkUnit: true,
  startDate: '2025-09-01',
  endDate: '2025-09-05',
  sessions: ['01', '02', '03', '04', '05'].map((d) => ({ id: `d${d}`, date: `2025-09-${d}` })),
  programmeJp: 40,
};
