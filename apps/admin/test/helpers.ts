import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { LoginLimiter } from '../src/lib/server/auth.js';
import type { Db } from '../src/lib/server/db/index.js';
import { activities, users } from '../src/lib/server/db/schema.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import type { EventFields } from '../src/lib/server/routers/events.js';
import { createCallerFactory } from '../src/lib/server/trpc.js';

const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

/** A caller acting as a demo user (or anonymous), the way the app's server calls procedures. */
export async function callerAs(db: Db, username: string | null, limiter = new LoginLimiter()) {
  const user = username ? (await db.select().from(users).where(eq(users.username, username)))[0] : undefined;
  if (username && !user) throw new Error(`no user ${username}`);
  const cookies: (string | null)[] = [];
  const caller = createCaller({
    db,
    user: user ? { id: user.id, username: user.username, role: user.role, employeeId: user.employeeId, unitId: user.unitId } : null,
    ip: '127.0.0.1',
    setSession: (token) => cookies.push(token),
    sessionToken: undefined,
    limiter,
  });
  return { caller, user: user ?? null, cookies };
}

/** The tRPC error code a call fails with, or 'OK'. */
export async function outcome(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** A tiny but valid PDF (header, one empty page, trailer). */
export const PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);
/** An evidence file as a multipart form carries it. */
export const pdfUpload = (name = 'sertifikat.pdf', bytes: Uint8Array = PDF) =>
  new File([bytes as BlobPart], name, { type: 'application/pdf' });

/** An evidence upload as an API client sends it (`activities.attachEvidence`): a multipart body. */
export function evidenceForm(id: string, file: File = pdfUpload()) {
  const form = new FormData();
  form.set('id', id);
  form.set('file', file);
  return form;
}

/** A coaching activity (non-classical: [K] I.E.15.b) as the form sends it. */
export const coachingFields = (year: number) => ({
  method: 'coaching' as const,
  title: 'Coaching penyusunan RAB jalan',
  organizer: 'Bidang Bina Marga',
  startDate: `${year}-03-10`,
  endDate: `${year}-03-10`,
  sessions: 2,
  competencyType: 'teknis' as const,
});

/** A technical training (classical) with the JP printed on its certificate. */
export const trainingFields = (year: number) => ({
  method: 'pelatihan_teknis' as const,
  title: 'Pelatihan teknis perkerasan jalan',
  organizer: 'Balai Diklat PUPR Wilayah IV',
  startDate: `${year}-04-14`,
  endDate: `${year}-04-17`,
  statedJp: 32,
  certificateNumber: '123/SERT/2025',
  certificateDate: `${year}-04-17`,
});

export async function countRows(db: Db) {
  const all = await db.select({ id: activities.id }).from(activities);
  return all.length;
}

/** A complete Tugas Belajar file for a PNS: every fact known and favourable ([P] art. 28–31). */
export const tubelFacts = (year: number) => ({
  candidate: {
    fieldFits: true,
    underInvestigation: false,
    servingSentence: false,
    onUnpaidLeave: false,
    temporarilyDismissed: false,
    disciplinaryPunishments: [],
    criminalSentences: [],
    previousTugasBelajar: [],
    performanceRatings: [
      { year: year - 2, predicate: 'baik' as const },
      { year: year - 1, predicate: 'sangat_baik' as const },
    ],
    healthCertificate: true,
    proposedBySecretary: true,
    recommendationLetter: true,
    selectionPassed: true,
    agreementSigned: true,
  },
  programme: {
    level: 'S2' as const,
    normativeDurationMonths: 24,
    startDate: `${year}-09-01`,
    location: 'domestic' as const,
    universityType: 'negeri' as const,
    accreditation: 'A' as const,
  },
});

/** A plan the Kutai Barat profile accepts ([K] III.F.1): position, gap, and items worth 20 JP or more. */
export const planInput = (year: number) => ({
  year,
  header: {
    position: 'Pengawas Jalan dan Jembatan',
    gapLevel: 'sedang' as const,
    performancePredicate: 'baik' as const,
    performanceData: 'SKP 2025',
    cannotLeaveWorkplace: false,
    budgetAvailable: 10_000_000,
  },
  items: [
    {
      competencyType: 'teknis' as const,
      method: 'pelatihan_teknis' as const,
      title: 'Pelatihan perkerasan jalan',
      organizer: 'Balai Diklat PUPR',
      facilitator: 'Widyaiswara Balai',
      startDate: `${year}-03-02`,
      endDate: `${year}-03-06`,
      programmeJp: 40,
      jp: 40,
      curriculumFit: 'Sesuai standar kurikulum LAN',
      budget: 5_000_000,
    },
    {
      competencyType: 'manajerial' as const,
      method: 'coaching' as const,
      title: 'Coaching kepemimpinan',
      organizer: 'Sekretariat',
      facilitator: 'Kepala Dinas',
      startDate: `${year}-05-04`,
      endDate: `${year}-05-04`,
      sessions: 2,
      jp: 4,
      curriculumFit: 'Sesuai',
      budget: 0,
    },
  ],
});

/** A three-day bimtek of 24 JP, one session a day. */
export const bimtek = (overrides: Partial<EventFields> = {}, year = 2025): EventFields => ({
  title: 'Bimbingan Teknis Penyusunan Dokumen Lelang Konstruksi',
  theme: 'Penyusunan dokumen pemilihan penyedia jasa konstruksi',
  objective: 'Pegawai mampu menyusun dokumen pemilihan sesuai ketentuan terbaru',
  problemAddressed: 'Banyak dokumen lelang dikembalikan karena persyaratan tidak sesuai',
  method: 'bimbingan_teknis',
  competencyType: 'teknis',
  organizer: 'Sekretariat DPUPR',
  runByWorkUnit: false,
  startDate: `${year}-07-14`,
  endDate: `${year}-07-16`,
  sessions: [{ date: `${year}-07-14` }, { date: `${year}-07-15` }, { date: `${year}-07-16` }],
  programmeJp: 24,
  facilitators: [{ name: 'Ir. Bambang Sutrisno, M.T.', institution: 'Balai Jasa Konstruksi' }],
  location: { mode: 'offline', venue: 'Aula DPUPR' },
  minimumAttendance: 1,
  signatory: { name: 'Dr. Ir. Hartono', nip: '196801011990031001', position: 'Kepala Dinas' },
  ...overrides,
});
