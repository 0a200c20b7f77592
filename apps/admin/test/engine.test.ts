import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { activities, employees, users } from '../src/lib/server/db/schema.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, coachingFields, outcome, pdfUpload } from './helpers.js';

const YEAR = 2025;

/** Records as real agency data has them: a verified 2023 training and a draft coaching without sessions. */
async function addRealRecords(db: Db, employeeId: string) {
  await db.insert(activities).values([
    {
      id: 'OLD-2023',
      employeeId,
      status: 'verified',
      data: {
        id: 'OLD-2023',
        nip: employeeId,
        method: 'pelatihan_teknis',
        title: 'Pelatihan teknis 2023',
        international: false,
        runByWorkUnit: false,
        startDate: '2023-02-01',
        endDate: '2023-02-03',
        statedJp: 24,
      },
    },
    {
      id: 'DRAFT-NO-SESSIONS',
      employeeId,
      status: 'draft',
      data: {
        id: 'DRAFT-NO-SESSIONS',
        nip: employeeId,
        method: 'coaching',
        title: 'Coaching tanpa jumlah pertemuan',
        international: false,
        runByWorkUnit: false,
        startDate: `${YEAR}-05-05`,
        endDate: `${YEAR}-05-05`,
      },
    },
  ]);
}

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 40, year: YEAR });
  });
  afterEach(async () => database.close());

  it('a verified 2023 activity and a draft without sessions take no page down; the dashboard says what could not be counted', async () => {
    const pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
    await addRealRecords(db, pegawai.employeeId!);
    const admin = await callerAs(db, 'adminsdm');
    const dashboard = await admin.caller.compliance.dashboard({ year: YEAR });
    expect(dashboard.employees).toBeGreaterThan(0);
    // [K] IV.D.1.j: coaching counts per session; without sessions it cannot be counted.
    expect(dashboard.uncounted.map((u) => u.activityId)).toEqual(['DRAFT-NO-SESSIONS']);
    expect(dashboard.uncounted[0]!.messages[0]!.id).toContain('jumlah pertemuan');
    // Every year's card and export works for the employee with the bad records.
    const card = await admin.caller.compliance.card({ employeeId: pegawai.employeeId! });
    expect(card.uncounted.map((u) => u.activityId)).toContain('OLD-2023');
    expect(await outcome(() => admin.caller.exports.kartuData({ employeeId: pegawai.employeeId!, format: 'xlsx' }))).toBe('OK');
    expect(await outcome(() => admin.caller.exports.monitoring({ year: YEAR }))).toBe('OK');
    expect(await outcome(() => admin.caller.exports.monitoring({ year: 2023 }))).toBe('OK');
    const me = await callerAs(db, 'pegawai');
    expect(await outcome(() => me.caller.compliance.me({ year: YEAR }))).toBe('OK');
    expect(await outcome(() => me.caller.compliance.me({ year: 2023 }))).toBe('OK');
  });

  it('an override of a coaching replaces the computed JP on the activity page, the dashboard and the Kartu Data ([P] art. 12(2)f)', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const draft = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
    const admin = await callerAs(db, 'adminsdm');
    const before = await admin.caller.compliance.card({ employeeId: pegawai.user!.employeeId! });
    const totalBefore = before.yearlyTotals.find((y) => y.year === YEAR)?.jp ?? 0;
    // The superior approved it ([K] III.D.5) and 5 JP is above the rule's 4, so the override is confirmed twice.
    await db.update(activities).set({ status: 'verified', supervisorApproved: true }).where(eq(activities.id, draft.id));
    await admin.caller.activities.overrideJp({
      id: draft.id,
      jp: 5,
      reason: 'Tiga pertemuan menurut daftar hadir',
      confirmAboveRule: true,
    });
    const page = await admin.caller.activities.get({ id: draft.id });
    expect(page.conversion.ok && page.conversion.jp).toBe(5);
    // The officer who set it is named as every person is shown: name and NIP (the record keeps the username).
    const officer = (await db.select().from(employees).where(eq(employees.id, admin.user!.employeeId!)))[0]!;
    expect(page.overrideBy).toEqual({ username: 'adminsdm', name: officer.name, nip: officer.id });
    expect(
      page.conversion.ok &&
        page.conversion.trace.some((s) => s.rule.endsWith('/override') && s.description.id.includes(`${officer.name}, NIP ${officer.id}`)),
    ).toBe(true);
    expect(page.jpOverrideBy).toBe('adminsdm');
    const after = await admin.caller.compliance.card({ employeeId: pegawai.user!.employeeId! });
    // Coaching converts to 2 JP × 2 sessions = 4 JP ([K] IV.D.1.j); the override makes it 5.
    expect(after.yearlyTotals.find((y) => y.year === YEAR)!.jp).toBe(totalBefore + 5);
  });

  it('imports a PPPK whose NI PPPK is in the NIP column and computes them as PPPK', async () => {
    const admin = await callerAs(db, 'adminsdm');
    const unit = (await admin.caller.admin.units())[0]!;
    const niPppk = '199203102022212010';
    const csv = `NIP,Nama,Jenis Pegawai,Unit Kerja\n${niPppk},Rina Oktaviani,PPPK,${unit.name}\n`;
    expect(await admin.caller.admin.importEmployees({ csv })).toEqual({ created: 1, updated: 0 });
    const card = await admin.caller.compliance.card({ employeeId: niPppk });
    expect(card.card.employee.nip).toBe(niPppk);
    const dashboard = await admin.caller.compliance.dashboard({ year: YEAR, unitId: unit.id });
    expect(dashboard.units[0]!.employees).toBeGreaterThan(0);
    const row = (await db.select().from(employees).where(eq(employees.id, niPppk)))[0]!;
    expect(row.kind).toBe('PPPK');
  });

  it('the agency’s time zone is a setting, WITA by default, and dates follow it', async () => {
    const admin = await callerAs(db, 'adminsdm');
    expect((await admin.caller.admin.profiles()).timeZone).toBe('Asia/Makassar');
    expect((await admin.caller.auth.me()).timeZone).toBe('Asia/Makassar');
    expect(await outcome(() => admin.caller.admin.setTimeZone({ timeZone: 'Mars/Olympus' }))).toBe('BAD_REQUEST');
    await admin.caller.admin.setTimeZone({ timeZone: 'Asia/Jakarta' });
    expect((await admin.caller.auth.me()).timeZone).toBe('Asia/Jakarta');
  });

  it('refuses to save or submit an activity no profile can convert, with the rule’s message', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    // [K] Diktum KEEMPAT: the guideline is in force from 3 May 2024.
    const before = { ...coachingFields(2023), evidence: pdfUpload() };
    const error = await pegawai.caller.activities.create(before).then(
      () => null,
      (e: { code: string; cause?: { problems?: { code: string }[] } }) => e,
    );
    expect(error?.code).toBe('BAD_REQUEST');
    expect(error?.cause?.problems?.map((p) => p.code)).toEqual(['jp.no_profile_in_force']);
    const { sessions: _, ...withoutSessions } = coachingFields(YEAR);
    expect(await outcome(() => pegawai.caller.activities.create({ ...withoutSessions, evidence: pdfUpload() }))).toBe('BAD_REQUEST');
    // A draft stored before the check (e.g. an import) cannot be submitted either.
    await addRealRecords(db, pegawai.user!.employeeId!);
    await db.update(activities).set({ evidenceName: 'x.pdf' }).where(eq(activities.id, 'DRAFT-NO-SESSIONS'));
    const stored = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
    const sha = (await db.select().from(activities).where(eq(activities.id, stored.id)))[0]!.evidenceSha256;
    await db.update(activities).set({ evidenceSha256: sha }).where(eq(activities.id, 'DRAFT-NO-SESSIONS'));
    expect(await outcome(() => pegawai.caller.activities.submit({ id: 'DRAFT-NO-SESSIONS', declaration: true }))).toBe('BAD_REQUEST');
    expect((await db.select().from(employees).where(eq(employees.id, pegawai.user!.employeeId!))).length).toBe(1);
  });
});
