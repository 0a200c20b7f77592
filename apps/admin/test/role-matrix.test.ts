import { and, eq, isNotNull, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import type { Role } from '../src/lib/server/db/schema.js';
import { activities, employees, myasnUploads, plans, roles, users } from '../src/lib/server/db/schema.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import { JOB_HANDLERS } from '../src/lib/server/job-handlers.js';
import { claimJob, runJob } from '../src/lib/server/jobs.js';
import { forEachDatabase } from './databases.js';
import type { Caller } from './helpers.js';
import { bimtek, callerAs, coachingFields, evidenceForm, outcome, pdfUpload, planInput, trainingFields, tubelFacts } from './helpers.js';

/**
 * The role matrix of the app (issue: pegawai, atasan, admin unit, admin SDM, auditor): which roles may
 * call each procedure. Every procedure of the router must appear here, so a new one cannot slip in
 * unchecked. Allowed calls must succeed with a realistic input; denied ones must fail with
 * UNAUTHORIZED (anonymous) or FORBIDDEN.
 */
type Who = Role | 'anonymous';
const ALL: Role[] = [...roles];
const STAFF: Role[] = ['pegawai', 'atasan', 'admin_unit', 'admin_sdm'];
const YEAR = 2025;
/** Who may start and follow background jobs (exports; imports are admin SDM's). */
const JOB_ROLES: Role[] = ['admin_unit', 'admin_sdm', 'auditor'];
const EMPTY_HISTORY = JSON.stringify({ diklat: [], kursus: [] });
/** Who organises events (Penyelenggaraan): admin SDM, and admin unit for their own unit. */
const ORGANISERS: Role[] = ['admin_unit', 'admin_sdm'];
const ORGANISERS_AND_AUDITOR: Role[] = [...ORGANISERS, 'auditor'];

interface Targets {
  /** A draft of the caller's own (with evidence). */
  ownDraft: string;
  ownSubmitted: string;
  /** The pegawai's submitted coaching (non-classical): what the superior reviews. */
  subordinateCoaching: string;
  /** The pegawai's submitted technical training (classical): what the unit admin verifies. */
  subordinateTraining: string;
  pegawaiEmployee: string;
  /** Employees (no account's own) with a plan submitted for approval: one to approve, one to return. */
  submittedPlans: [string, string];
  ownEmployee: string;
  tubelAssessment: number;
  /** A verified activity of the pegawai, not marked as uploaded; another one marked. */
  verifiedActivity: string;
  markedActivity: string;
  /** A reconciliation of the pegawai's SIASN history (bina-marga) and one of its lines. */
  reconciliation: number;
  reconciliationLine: number;
  /** Events of the admin unit's unit (Bidang Bina Marga): open with the pegawai, empty, ready to close, closed. */
  openEvent: string;
  pickEvent: string;
  closingEvent: string;
  /** The pegawai's certificate of the closed event. */
  certificate: string;
  /** Employees of that unit: a participant to remove, one to invite, one to find by the picker's filter. */
  spareParticipant: string;
  invitee: string;
  matchingInvitee: string;
  /** Accounts an admin SDM may change (not the caller's own). */
  auditorUser: number;
  spareUser: number;
  /** A finished export of the caller's own (0 for roles that cannot start one). */
  ownFinishedJob: number;
  /** A finished employee-import preview of the caller (admin_sdm only). */
  ownPreview: number;
}

const matrix: Record<string, { allowed: Role[] | 'public'; call: (c: Caller, t: Targets, who: Who) => Promise<unknown> }> = {
  'auth.login': { allowed: 'public', call: (c) => c.auth.login({ username: 'pegawai', password: DEMO_PASSWORD }) },
  'auth.logout': { allowed: 'public', call: (c) => c.auth.logout() },
  'auth.me': { allowed: ALL, call: (c) => c.auth.me() },
  'auth.setLanguage': { allowed: ALL, call: (c) => c.auth.setLanguage({ language: 'en' }) },
  'auth.changePassword': {
    allowed: ALL,
    call: (c) => c.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Sungai-Mahakam-2031' }),
  },
  'activities.count': { allowed: ALL, call: (c) => c.activities.count({ q: '19' }) },
  'activities.list': { allowed: ALL, call: (c) => c.activities.list({}) },
  'activities.queue': { allowed: ['atasan', 'admin_unit', 'admin_sdm'], call: (c) => c.activities.queue() },
  'activities.get': { allowed: ALL, call: (c, t) => c.activities.get({ id: t.subordinateCoaching }) },
  'activities.evidence': { allowed: ALL, call: (c, t) => c.activities.evidence({ id: t.subordinateCoaching }) },
  'activities.formInfo': { allowed: ALL, call: (c) => c.activities.formInfo() },
  'activities.create': { allowed: STAFF, call: (c) => c.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() }) },
  'activities.update': {
    allowed: STAFF,
    call: (c, t) => c.activities.update({ id: t.ownDraft, fields: { ...trainingFields(YEAR), title: 'Judul yang diperbaiki' } }),
  },
  'activities.attachEvidence': { allowed: STAFF, call: (c, t) => c.activities.attachEvidence(evidenceForm(t.ownDraft)) },
  'activities.submit': { allowed: STAFF, call: (c, t) => c.activities.submit({ id: t.ownDraft, declaration: true }) },
  'activities.withdraw': { allowed: STAFF, call: (c, t) => c.activities.withdraw({ id: t.ownSubmitted }) },
  'activities.review': { allowed: ['atasan'], call: (c, t) => c.activities.review({ id: t.subordinateCoaching, approve: true }) },
  'activities.verify': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) => c.activities.verify({ id: t.subordinateTraining, verified: true }),
  },
  'activities.overrideJp': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) => c.activities.overrideJp({ id: t.subordinateTraining, jp: 30, reason: 'JP pada sertifikat salah cetak' }),
  },
  'activities.approveConversion': { allowed: ['admin_sdm'], call: (c, t) => c.activities.approveConversion({ id: t.subordinateCoaching }) },
  'activities.preview': { allowed: ALL, call: (c) => c.activities.preview(coachingFields(YEAR)) },
  'compliance.me': { allowed: ALL, call: (c) => c.compliance.me({ year: YEAR }) },
  'compliance.dashboard': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.compliance.dashboard({ year: YEAR }) },
  'compliance.card': { allowed: ALL, call: (c, t) => c.compliance.card({ employeeId: t.pegawaiEmployee }) },
  'exports.kartuData': { allowed: ALL, call: (c, t) => c.exports.kartuData({ employeeId: t.pegawaiEmployee, format: 'xlsx' }) },
  'exports.monitoring': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.exports.monitoring({ year: YEAR }) },
  'plans.get': { allowed: ALL, call: (c, t) => c.plans.get({ employeeId: t.pegawaiEmployee, year: YEAR + 1 }) },
  'plans.save': { allowed: STAFF, call: (c) => c.plans.save(planInput(YEAR + 1)) },
  'plans.approve': { allowed: ['admin_sdm'], call: (c, t) => c.plans.approve({ employeeId: t.submittedPlans[0], year: YEAR + 1 }) },
  'plans.submit': { allowed: STAFF, call: (c) => c.plans.submit({ year: YEAR + 1 }) },
  'plans.withdraw': { allowed: STAFF, call: (c) => c.plans.withdraw({ year: YEAR + 1 }) },
  'plans.return': {
    allowed: ['admin_sdm'],
    call: (c, t) => c.plans.return({ employeeId: t.submittedPlans[1], year: YEAR + 1, reason: 'Lengkapi fasilitator' }),
  },
  'plans.recommend': { allowed: ALL, call: (c, t) => c.plans.recommend({ employeeId: t.pegawaiEmployee, year: YEAR + 1 }) },
  'plans.overview': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.plans.overview({ year: YEAR + 1 }) },
  'tubel.assess': {
    allowed: ['admin_sdm'],
    call: (c, t) => c.tubel.assess({ employeeId: t.pegawaiEmployee, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01` }),
  },
  'tubel.list': { allowed: ['admin_sdm', 'auditor'], call: (c) => c.tubel.list() },
  'tubel.candidates': { allowed: ['admin_sdm'], call: (c) => c.tubel.candidates({ q: '19' }) },
  'tubel.get': { allowed: ['admin_sdm', 'auditor'], call: (c, t) => c.tubel.get({ id: t.tubelAssessment }) },
  'myasn.activity': { allowed: ALL, call: (c, t) => c.myasn.activity({ id: t.verifiedActivity }) },
  'myasn.mark': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) => c.myasn.mark({ id: t.verifiedActivity, uploadedOn: `${YEAR}-12-01`, siasnId: 'rw-matrix' }),
  },
  'myasn.unmark': { allowed: ['admin_sdm'], call: (c, t) => c.myasn.unmark({ id: t.markedActivity, reason: 'Salah tandai' }) },
  'myasn.unit': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.myasn.unit({ unitId: 'bina-marga', year: YEAR }) },
  'myasn.exportZip': {
    allowed: ['admin_unit', 'admin_sdm', 'auditor'],
    call: (c) => c.myasn.exportZip({ unitId: 'bina-marga', year: YEAR }),
  },
  'myasn.exportForm': {
    allowed: ['admin_unit', 'admin_sdm', 'auditor'],
    call: (c) => c.myasn.exportForm({ unitId: 'bina-marga', year: YEAR }),
  },
  'myasn.reconcile': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) =>
      c.myasn.reconcile({ unitId: 'bina-marga', year: YEAR, employeeId: t.pegawaiEmployee, fileName: 'rw.json', content: EMPTY_HISTORY }),
  },
  'myasn.reconciliations': {
    allowed: ['admin_unit', 'admin_sdm', 'auditor'],
    call: (c) => c.myasn.reconciliations({ unitId: 'bina-marga', year: YEAR }),
  },
  'myasn.reconciliation': {
    allowed: ['admin_unit', 'admin_sdm', 'auditor'],
    call: (c, t) => c.myasn.reconciliation({ id: t.reconciliation }),
  },
  'myasn.resolve': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) => c.myasn.resolve({ itemId: t.reconciliationLine, action: 'ignore', reason: 'Diunggah pekan depan' }),
  },
  'myasn.markAgreeing': { allowed: ['admin_unit', 'admin_sdm'], call: (c, t) => c.myasn.markAgreeing({ id: t.reconciliation }) },
  'admin.users': { allowed: ['admin_sdm', 'auditor'], call: (c) => c.admin.users() },
  'admin.createUser': {
    allowed: ['admin_sdm'],
    call: (c, _t, who) => c.admin.createUser({ username: `baru-${who}`, password: 'Tepian-Mahakam-2031', role: 'auditor' }),
  },
  'admin.updateUser': {
    allowed: ['admin_sdm'],
    call: async (c, t) => c.admin.updateUser({ userId: t.auditorUser, role: 'auditor' }),
  },
  'admin.setDisabled': { allowed: ['admin_sdm'], call: (c, t) => c.admin.setDisabled({ userId: t.auditorUser, disabled: false }) },
  'admin.resetPassword': { allowed: ['admin_sdm'], call: (c, t) => c.admin.resetPassword({ userId: t.spareUser }) },
  'admin.createAccounts': { allowed: ['admin_sdm'], call: (c) => c.admin.createAccounts({ unitId: 'sekretariat' }) },
  'admin.sessionSettings': { allowed: ['admin_sdm', 'auditor'], call: (c) => c.admin.sessionSettings() },
  'admin.setSessionSettings': {
    allowed: ['admin_sdm'],
    call: (c) => c.admin.setSessionSettings({ idleMinutes: 60, lifetimeHours: 12 }),
  },
  'admin.employees': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.admin.employees({}) },
  'admin.employeePage': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.admin.employeePage({ limit: 10 }) },
  'admin.importEmployees': {
    allowed: ['admin_sdm'],
    call: (c, _t, who) =>
      c.admin.importEmployees({ csv: `Nama,Jenis Pegawai,ID Internal,Unit Kerja\nPegawai ${who},TKK,TKK-MATRIX-${who},Sekretariat\n` }),
  },
  'admin.units': { allowed: ALL, call: (c) => c.admin.units() },
  'admin.profiles': { allowed: ALL, call: (c) => c.admin.profiles() },
  'notifications.list': { allowed: ALL, call: (c) => c.notifications.list({}) },
  'notifications.unread': { allowed: ALL, call: (c) => c.notifications.unread() },
  'notifications.markRead': { allowed: ALL, call: (c) => c.notifications.markRead({}) },
  'notifications.mail': { allowed: ALL, call: (c) => c.notifications.mail() },
  'notifications.setEmail': { allowed: ALL, call: (c, _t, who) => c.notifications.setEmail({ email: `${who}@instansi.go.id` }) },
  'admin.profilePreview': { allowed: ['admin_sdm'], call: (c) => c.admin.profilePreview({ profile: 'pupr-2023' }) },
  'admin.setProfile': { allowed: ['admin_sdm'], call: (c) => c.admin.setProfile({ profile: 'pupr-2023' }) },
  'admin.setTimeZone': { allowed: ['admin_sdm'], call: (c) => c.admin.setTimeZone({ timeZone: 'Asia/Makassar' }) },
  'audit.list': { allowed: ['auditor'], call: (c) => c.audit.list({ limit: 10 }) },
  'ipasn.employee': { allowed: ALL, call: (c, t) => c.ipasn.employee({ employeeId: t.pegawaiEmployee, year: YEAR }) },
  'ipasn.saveFacts': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) =>
      c.ipasn.saveFacts({
        employeeId: t.pegawaiEmployee,
        year: YEAR,
        education: 'S1',
        educationSource: 'Ijazah S1',
        positionKind: null,
        positionKindSource: null,
        performancePredicate: 'baik',
        performanceSource: `SKP ${YEAR}`,
        punishments: [],
        disciplineSource: 'Tidak ada SK hukuman disiplin',
      }),
  },
  'ipasn.importFacts': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) =>
      c.ipasn.importFacts({
        year: YEAR,
        file: csvUpload(`NIP,Predikat Kinerja,Sumber Kinerja\n${t.pegawaiEmployee},Sangat Baik,SKP ${YEAR}\n`),
      }),
  },
  'ipasn.importSiasn': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c, t) =>
      c.ipasn.importSiasn({
        year: YEAR,
        file: csvUpload(`NIP,Kualifikasi,Kompetensi,Kinerja,Disiplin,Total\n${t.pegawaiEmployee},15,20,25,5,65\n`),
      }),
  },
  'ipasn.report': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.ipasn.report({ year: YEAR }) },
  'ipasn.openCycle': { allowed: ['admin_sdm'], call: (c) => c.ipasn.openCycle({ year: YEAR, startedOn: `${YEAR}-11-03` }) },
  'ipasn.overview': { allowed: ['admin_sdm', 'auditor'], call: (c) => c.ipasn.overview({ year: YEAR }) },
  'ipasn.due': { allowed: ['admin_unit', 'admin_sdm'], call: (c) => c.ipasn.due() },
  'ipasn.recap': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.ipasn.recap({ unitId: RECAP_UNIT, year: YEAR }) },
  // Each recap action has a recap of its own year in the status it starts from (set up below).
  'ipasn.submitRecap': {
    allowed: ['admin_unit'],
    call: (c) => c.ipasn.submitRecap({ unitId: RECAP_UNIT, year: YEAR + 1, letterNumber: '800/1/BM/2026' }),
  },
  'ipasn.returnRecap': {
    allowed: ['admin_sdm'],
    call: (c) => c.ipasn.returnRecap({ unitId: RECAP_UNIT, year: YEAR, note: 'Data pendidikan dua pegawai belum ada' }),
  },
  'ipasn.acceptRecap': { allowed: ['admin_sdm'], call: (c) => c.ipasn.acceptRecap({ unitId: RECAP_UNIT, year: YEAR - 1 }) },
  'ipasn.recordUpload': {
    allowed: ['admin_sdm'],
    call: (c) => c.ipasn.recordUpload({ unitId: RECAP_UNIT, year: YEAR - 2, uploadedOn: `${YEAR}-12-10`, result: pdfUpload('hasil.pdf') }),
  },
  'ipasn.completeStep': {
    allowed: ['admin_unit', 'admin_sdm'],
    call: (c) => c.ipasn.completeStep({ unitId: RECAP_UNIT, year: YEAR, step: 1, doneOn: `${YEAR}-11-04` }),
  },
  'ipasn.setStepOfAction': { allowed: ['admin_sdm'], call: (c) => c.ipasn.setStepOfAction({ submit: 4, accept: 6, upload: 9 }) },
  'ipasn.document': {
    allowed: ['admin_unit', 'admin_sdm', 'auditor'],
    call: (c) => c.ipasn.document({ unitId: RECAP_UNIT, year: YEAR, kind: 'coverLetter' }),
  },
  'audit.recordExport': { allowed: ['auditor'], call: (c) => c.audit.recordExport({ filter: {}, format: 'csv' }) },
  'jobs.exportMonitoring': { allowed: JOB_ROLES, call: (c) => c.jobs.exportMonitoring({ year: YEAR }) },
  'jobs.importEmployees': {
    allowed: ['admin_sdm'],
    call: (c, _t, who) =>
      c.jobs.importEmployees({
        file: new File([`Nama,Jenis Pegawai,ID Internal,Unit Kerja\nPegawai ${who},TKK,TKK-JOB-${who},Sekretariat\n`], 'pegawai.csv'),
      }),
  },
  // The caller's own job (started in the same call): a job is seen only by who started it.
  'jobs.get': { allowed: JOB_ROLES, call: async (c) => c.jobs.get(await c.jobs.exportMonitoring({ year: YEAR })) },
  'jobs.list': { allowed: JOB_ROLES, call: (c) => c.jobs.list({}) },
  'jobs.cancel': { allowed: JOB_ROLES, call: async (c) => c.jobs.cancel(await c.jobs.exportMonitoring({ year: YEAR })) },
  'jobs.download': { allowed: JOB_ROLES, call: (c, t) => c.jobs.download({ id: t.ownFinishedJob }) },
  'admin.setSignatory': {
    allowed: ['admin_sdm'],
    call: (c) =>
      c.admin.setSignatory({ unitId: '', name: 'Ir. Kepala Dinas', nip: '197001011995031001', title: 'Kepala Dinas', place: '' }),
  },
  'admin.signatories': { allowed: ['admin_sdm', 'admin_unit', 'auditor'], call: (c) => c.admin.signatories() },
  'jobs.confirmImport': { allowed: ['admin_sdm'], call: (c, t) => c.jobs.confirmImport({ id: t.ownPreview }) },
  'activities.attention': { allowed: ALL, call: (c) => c.activities.attention() },
  'team.list': { allowed: ['atasan'], call: (c) => c.team.list({}) },
  'events.list': { allowed: ORGANISERS_AND_AUDITOR, call: (c) => c.events.list({ limit: 10 }) },
  'events.get': { allowed: ORGANISERS_AND_AUDITOR, call: (c, t) => c.events.get({ id: t.openEvent }) },
  'events.participants': { allowed: ORGANISERS_AND_AUDITOR, call: (c, t) => c.events.participants({ eventId: t.openEvent, limit: 10 }) },
  'events.create': { allowed: ORGANISERS, call: (c) => c.events.create(bimtek()) },
  'events.candidates': { allowed: ORGANISERS, call: (c, t) => c.events.candidates({ eventId: t.openEvent, limit: 10 }) },
  'events.addParticipants': {
    allowed: ORGANISERS,
    call: (c, t) => c.events.addParticipants({ eventId: t.pickEvent, employeeIds: [t.invitee] }),
  },
  'events.addMatching': { allowed: ORGANISERS, call: (c, t) => c.events.addMatching({ eventId: t.pickEvent, q: t.matchingInvitee }) },
  'events.removeParticipant': {
    allowed: ORGANISERS,
    call: (c, t) => c.events.removeParticipant({ eventId: t.openEvent, employeeId: t.spareParticipant }),
  },
  'events.setAttendance': {
    allowed: ORGANISERS,
    call: (c, t) => c.events.setAttendance({ eventId: t.openEvent, rows: [{ employeeId: t.pegawaiEmployee, attended: ['s1'] }] }),
  },
  'events.importAttendance': {
    allowed: ORGANISERS,
    call: (c, t) =>
      c.events.importAttendance({ eventId: t.openEvent, file: new File([`NIP,Sesi 1\n${t.pegawaiEmployee},1\n`], 'kehadiran.csv') }),
  },
  'events.close': { allowed: ORGANISERS, call: (c, t) => c.events.close({ eventId: t.closingEvent }) },
  'events.revoke': { allowed: ORGANISERS, call: (c, t) => c.events.revoke({ number: t.certificate, reason: 'Peserta keliru' }) },
  'events.certificate': {
    allowed: ['pegawai', ...ORGANISERS_AND_AUDITOR],
    call: (c, t) => c.events.certificate({ number: t.certificate, format: 'json' }),
  },
  'events.document': {
    allowed: ORGANISERS_AND_AUDITOR,
    call: (c, t) => c.events.document({ eventId: t.openEvent, kind: 'participants', format: 'xlsx' }),
  },
  'events.mine': { allowed: ALL, call: (c) => c.events.mine() },
  'events.evaluate': {
    allowed: ['pegawai'],
    call: (c, t) => c.events.evaluate({ eventId: t.openEvent, relevance: 5, facilitator: 4, material: 4 }),
  }, // Last: a bulk decision may decide the targets (an item the caller may not decide is reported as skipped, not refused).
  'activities.decideMany': {
    allowed: ['atasan', 'admin_unit', 'admin_sdm'],
    call: (c, t) => c.activities.decideMany({ ids: [t.subordinateTraining], decision: 'reject', reason: 'Sertifikat tidak terbaca' }),
  },
};

/** The unit of the demo admin unit (and of the pegawai), whose IP ASN recap the matrix acts on. */
const RECAP_UNIT = 'bina-marga';
const csvUpload = (text: string) => new File([text], 'data.csv', { type: 'text/csv' });

/** Recaps in the status each action starts from: submitted (YEAR, YEAR − 1), accepted (YEAR − 2); the cycle of YEAR opened. */
async function prepareRecaps(db: Db) {
  const unitAdmin = (await callerAs(db, 'adminunit')).caller;
  const hr = (await callerAs(db, 'adminsdm')).caller;
  await hr.ipasn.openCycle({ year: YEAR, startedOn: `${YEAR}-11-03` });
  for (const y of [YEAR, YEAR - 1, YEAR - 2]) await unitAdmin.ipasn.submitRecap({ unitId: RECAP_UNIT, year: y, letterNumber: `800/${y}` });
  await hr.ipasn.acceptRecap({ unitId: RECAP_UNIT, year: YEAR - 2 });
}

const usernameOf: Record<Role, string> = {
  pegawai: 'pegawai',
  atasan: 'atasan',
  admin_unit: 'adminunit',
  admin_sdm: 'adminsdm',
  auditor: 'auditor',
};

async function insertActivity(
  db: Db,
  employeeId: string,
  status: 'draft' | 'submitted' | 'verified',
  fields: ReturnType<typeof trainingFields> | ReturnType<typeof coachingFields>,
  key: string,
) {
  const { caller } = await callerAs(db, 'pegawai');
  // Created through the procedures as the pegawai (the rules apply), then moved to the owner wanted.
  const created = await caller.activities.create({ ...fields, evidence: pdfUpload() });
  const id = `T-${key}`;
  await db
    .update(activities)
    .set({ id, employeeId, status, data: { ...created.data, id, nip: employeeId, status } })
    .where(eq(activities.id, created.id));
  return id;
}

/** The events the matrix calls on, prepared by the admin SDM for the admin unit's unit. */
/** Two employees without an account, each with a sound plan for next year submitted for approval. */
async function submittedPlans(db: Db): Promise<[string, string]> {
  const owners = db.select({ id: users.employeeId }).from(users).where(isNotNull(users.employeeId));
  const found = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.kind, 'PNS'), notInArray(employees.id, owners)))
    .orderBy(employees.id)
    .limit(2);
  const { header, items } = planInput(YEAR + 1);
  for (const e of found)
    await db.insert(plans).values({
      employeeId: e.id,
      year: YEAR + 1,
      status: 'submitted',
      data: { ...header, items: items.map((i) => ({ international: false, runByWorkUnit: false, ...i })) },
    });
  return [found[0]!.id, found[1]!.id];
}

async function eventTargets(db: Db, pegawaiEmployee: string) {
  const { caller: sdm } = await callerAs(db, 'adminsdm');
  const accounts = (await db.select({ employeeId: users.employeeId }).from(users)).map((u) => u.employeeId);
  const [spareParticipant, invitee, matchingInvitee] = (
    await db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, 'bina-marga')).orderBy(employees.id)
  )
    .map((e) => e.id)
    .filter((id) => !accounts.includes(id));
  const unitEvent = async () => (await sdm.events.create(bimtek({ unitId: 'bina-marga' }))).id;
  const openEvent = await unitEvent();
  await sdm.events.addParticipants({ eventId: openEvent, employeeIds: [pegawaiEmployee, spareParticipant!] });
  const full = [{ employeeId: pegawaiEmployee, attended: ['s1', 's2', 's3'] }];
  const closingEvent = await unitEvent();
  await sdm.events.addParticipants({ eventId: closingEvent, employeeIds: [pegawaiEmployee] });
  await sdm.events.setAttendance({ eventId: closingEvent, rows: full });
  const closedEvent = await unitEvent();
  await sdm.events.addParticipants({ eventId: closedEvent, employeeIds: [pegawaiEmployee] });
  await sdm.events.setAttendance({ eventId: closedEvent, rows: full });
  await sdm.events.close({ eventId: closedEvent });
  const certificate = (await sdm.events.participants({ eventId: closedEvent })).rows[0]!.certificate!;
  return {
    openEvent,
    pickEvent: await unitEvent(),
    closingEvent,
    certificate,
    spareParticipant: spareParticipant!,
    invitee: invitee!,
    matchingInvitee: matchingInvitee!,
  };
}

it('the matrix names every procedure of the router', () => {
  expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(matrix).sort());
});

forEachDatabase((open) => {
  const who: Who[] = ['anonymous', ...roles];
  for (const role of who) {
    describe(`as ${role}`, () => {
      let database: Database;
      let targets: Targets;
      let caller: Caller;
      beforeAll(async () => {
        database = await open();
        const { db } = database;
        await seedDemo(db, { employees: 60, year: YEAR });
        const pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
        const me = role === 'anonymous' ? undefined : (await db.select().from(users).where(eq(users.username, usernameOf[role])))[0];
        const ownEmployee = me?.employeeId ?? pegawai.employeeId!;
        const supervisor = (await db.select().from(employees).where(eq(employees.id, pegawai.employeeId!)))[0]!.supervisorId;
        expect(supervisor).toBe((await db.select().from(users).where(eq(users.username, 'atasan')))[0]!.employeeId);
        targets = {
          ownDraft: await insertActivity(db, ownEmployee, 'draft', trainingFields(YEAR), 'own-draft'),
          ownSubmitted: await insertActivity(db, ownEmployee, 'submitted', trainingFields(YEAR), 'own-submitted'),
          subordinateCoaching: await insertActivity(db, pegawai.employeeId!, 'submitted', coachingFields(YEAR), 'coaching'),
          subordinateTraining: await insertActivity(db, pegawai.employeeId!, 'submitted', trainingFields(YEAR), 'training'),
          pegawaiEmployee: pegawai.employeeId!,
          submittedPlans: await submittedPlans(db),
          ownEmployee,
          // The pegawai's plan for next year, waiting for approval.
          ...(await (await callerAs(db, 'pegawai')).caller.plans.save(planInput(YEAR + 1)), {}),
          verifiedActivity: await insertActivity(db, pegawai.employeeId!, 'verified', trainingFields(YEAR), 'verified'),
          markedActivity: await insertActivity(db, pegawai.employeeId!, 'verified', trainingFields(YEAR), 'marked'),
          reconciliation: 0,
          reconciliationLine: 0,
          ...(await eventTargets(db, pegawai.employeeId!)),
          auditorUser: 0,
          spareUser: 0,
          ownFinishedJob: 0,
          ownPreview: 0,
          tubelAssessment: (
            await (
              await callerAs(db, 'adminsdm')
            ).caller.tubel.assess({ employeeId: pegawai.employeeId!, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01`, save: true })
          ).id!,
        };
        await db.insert(myasnUploads).values({ activityId: targets.markedActivity, uploadedOn: `${YEAR}-11-01`, source: 'manual' });
        const sdm = (await callerAs(db, 'adminsdm')).caller;
        targets.reconciliation = (
          await sdm.myasn.reconcile({
            unitId: 'bina-marga',
            year: YEAR,
            employeeId: pegawai.employeeId!,
            fileName: 'rw.json',
            content: EMPTY_HISTORY,
          })
        ).id;
        targets.reconciliationLine = (await sdm.myasn.reconciliation({ id: targets.reconciliation })).items.find(
          (i) => i.activityId === targets.verifiedActivity,
        )!.id;
        await prepareRecaps(db);
        caller = (await callerAs(db, role === 'anonymous' ? null : usernameOf[role])).caller;
        if (role !== 'anonymous' && JOB_ROLES.includes(role)) {
          targets.ownFinishedJob = (await caller.jobs.exportMonitoring({ year: YEAR })).id;
          const job = (await claimJob(db))!;
          expect(await runJob(db, job, JOB_HANDLERS[job.kind], () => false)).toBe('done');
        }
        if (role === 'admin_sdm') {
          const file = new File(
            ['Nama,Jenis Pegawai,ID Internal,Unit Kerja\nPegawai Pratinjau,TKK,TKK-PREVIEW,Sekretariat\n'],
            'pegawai.csv',
          );
          targets.ownPreview = (await caller.jobs.importEmployees({ file, preview: true })).id;
          const job = (await claimJob(db))!;
          expect(await runJob(db, job, JOB_HANDLERS[job.kind], () => false)).toBe('done');
        }
        await db.insert(users).values({ username: 'cadangan', passwordHash: 'x', role: 'auditor' });
        targets.auditorUser = (await db.select().from(users).where(eq(users.username, 'auditor')))[0]!.id;
        targets.spareUser = (await db.select().from(users).where(eq(users.username, 'cadangan')))[0]!.id;
      });
      afterAll(async () => database.close());

      for (const [path, rule] of Object.entries(matrix)) {
        const allowed = rule.allowed === 'public' || (role !== 'anonymous' && rule.allowed.includes(role));
        it(`${path}: ${allowed ? 'allowed' : 'denied'}`, async () => {
          const result = await outcome(() => rule.call(caller, targets, role));
          expect(result).toBe(allowed ? 'OK' : role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
        });
      }
    });
  }
});
