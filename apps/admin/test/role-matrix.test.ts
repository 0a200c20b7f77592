import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import type { Role } from '../src/lib/server/db/schema.js';
import { activities, employees, roles, users } from '../src/lib/server/db/schema.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import type { Caller } from './helpers.js';
import { callerAs, coachingFields, outcome, pdfUpload, planInput, trainingFields, tubelFacts } from './helpers.js';

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

interface Targets {
  /** A draft of the caller's own (with evidence). */
  ownDraft: string;
  ownSubmitted: string;
  /** The pegawai's submitted coaching (non-classical): what the superior reviews. */
  subordinateCoaching: string;
  /** The pegawai's submitted technical training (classical): what the unit admin verifies. */
  subordinateTraining: string;
  pegawaiEmployee: string;
  ownEmployee: string;
  tubelAssessment: number;
  /** Accounts an admin SDM may change (not the caller's own). */
  auditorUser: number;
  spareUser: number;
}

const matrix: Record<string, { allowed: Role[] | 'public'; call: (c: Caller, t: Targets, who: Who) => Promise<unknown> }> = {
  'auth.login': { allowed: 'public', call: (c) => c.auth.login({ username: 'pegawai', password: DEMO_PASSWORD }) },
  'auth.logout': { allowed: 'public', call: (c) => c.auth.logout() },
  'auth.me': { allowed: ALL, call: (c) => c.auth.me() },
  'auth.changePassword': {
    allowed: ALL,
    call: (c) => c.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'Sungai-Mahakam-2031' }),
  },
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
  'plans.approve': { allowed: ['admin_sdm'], call: (c, t) => c.plans.approve({ employeeId: t.pegawaiEmployee, year: YEAR + 1 }) },
  'plans.overview': { allowed: ['admin_unit', 'admin_sdm', 'auditor'], call: (c) => c.plans.overview({ year: YEAR + 1 }) },
  'tubel.assess': {
    allowed: ['admin_sdm'],
    call: (c, t) => c.tubel.assess({ employeeId: t.pegawaiEmployee, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01` }),
  },
  'tubel.list': { allowed: ['admin_sdm', 'auditor'], call: (c) => c.tubel.list() },
  'tubel.get': { allowed: ['admin_sdm', 'auditor'], call: (c, t) => c.tubel.get({ id: t.tubelAssessment }) },
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
  'admin.setProfile': { allowed: ['admin_sdm'], call: (c) => c.admin.setProfile({ profile: 'pupr-2023' }) },
  'admin.setTimeZone': { allowed: ['admin_sdm'], call: (c) => c.admin.setTimeZone({ timeZone: 'Asia/Makassar' }) },
  'audit.list': { allowed: ['auditor'], call: (c) => c.audit.list({ limit: 10 }) },
  'audit.recordExport': { allowed: ['auditor'], call: (c) => c.audit.recordExport({ filter: {}, format: 'csv' }) },
};

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
  status: 'draft' | 'submitted',
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
          ownEmployee,
          // The pegawai's plan for next year, waiting for approval.
          ...(await (await callerAs(db, 'pegawai')).caller.plans.save(planInput(YEAR + 1)), {}),
          auditorUser: 0,
          spareUser: 0,
          tubelAssessment: (
            await (
              await callerAs(db, 'adminsdm')
            ).caller.tubel.assess({ employeeId: pegawai.employeeId!, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01`, save: true })
          ).id!,
        };
        caller = (await callerAs(db, role === 'anonymous' ? null : usernameOf[role])).caller;
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
