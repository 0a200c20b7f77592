import { desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtInProfiles } from '@bangkom/jp';
import { LoginLimiter, userForSession } from '../src/lib/server/auth.js';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { BELOW_SHOWN } from '../src/lib/server/unit-figures.js';
import { activities, auditLog, employees, employeeYearJp, notifications, settings, users } from '../src/lib/server/db/schema.js';
import { MAX_EVIDENCE_BYTES } from '../src/lib/server/evidence.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, coachingFields, countRows, outcome, PDF, pdfUpload, planInput, trainingFields, tubelFacts } from './helpers.js';

const YEAR = 2025;
const count = async (db: Db, table: 'activities' | 'evidence_files' | 'audit_log') =>
  rowsOf<{ n: number }>(await db.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))[0]!.n;
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    return error as { code: string; cause?: { messages?: { id: string; en: string }; problems?: { path: string[] }[]; issues?: unknown } };
  }
  throw new Error('expected the call to fail');
};

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 60, year: YEAR });
  });
  afterEach(async () => database.close());

  it('a non-classical activity goes draft → submitted → approved by the superior ([K] III.D.5) → verified, and then counts', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const before = await pegawai.caller.compliance.me({ year: YEAR });

    const preview = await pegawai.caller.activities.preview(coachingFields(YEAR));
    expect(preview.ok).toBe(true);
    if (!preview.ok) return;
    expect(preview.trace.length).toBeGreaterThan(0);
    expect(preview.trace.every((step) => step.citation.length > 0)).toBe(true);

    const draft = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
    expect(draft.status).toBe('draft');
    expect(draft.hasEvidence).toBe(true);
    await pegawai.caller.activities.submit({ id: draft.id, declaration: true });

    const admin = await callerAs(db, 'adminunit');
    // Before the superior has approved, the unit admin cannot verify it.
    expect(await outcome(() => admin.caller.activities.verify({ id: draft.id, verified: true }))).toBe('CONFLICT');

    const atasan = await callerAs(db, 'atasan');
    expect((await atasan.caller.activities.queue()).rows.map((a) => a.id)).toContain(draft.id);
    await atasan.caller.activities.review({ id: draft.id, approve: true });
    expect((await atasan.caller.activities.queue()).rows.map((a) => a.id)).not.toContain(draft.id);
    expect((await admin.caller.activities.queue()).rows.map((a) => a.id)).toContain(draft.id);
    const verified = await admin.caller.activities.verify({ id: draft.id, verified: true });
    expect(verified.status).toBe('verified');

    const after = await pegawai.caller.compliance.me({ year: YEAR });
    expect(after!.verified!.jp).toBeCloseTo(before!.verified!.jp + preview.jp, 5);

    const log = await db.select().from(auditLog).where(eq(auditLog.entityId, draft.id)).orderBy(auditLog.id);
    expect(log.map((e) => [e.action, e.username])).toEqual([
      ['activity.create', 'pegawai'],
      ['activity.submit', 'pegawai'],
      ['activity.approve', 'atasan'],
      ['activity.verified', 'adminunit'],
    ]);
    expect(log[1]!.before).toEqual({ status: 'draft' });
    expect(log[1]!.after).toEqual({ status: 'submitted', declaration: true });
  });

  it('explains "why N JP?" with the rules of the profile, each with its source', async () => {
    const { caller } = await callerAs(db, 'pegawai');
    const draft = await caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    const detail = await caller.activities.get({ id: draft.id });
    expect(detail.conversion.ok).toBe(true);
    if (!detail.conversion.ok) return;
    // The certificate states 32 JP; the classical path counts what the certificate states ([K] IV.C).
    expect(detail.conversion.jp).toBe(32);
    expect(detail.conversion.trace.map((s) => s.citation).join(' ')).toMatch(/\[K\]/);
    expect(detail.can).toMatchObject({ edit: true, submit: true, withdraw: false, verify: false });
  });

  it('rejections need a reason, and the reason is kept', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
    const admin = await callerAs(db, 'adminunit');
    const refused = await errorOf(() => admin.caller.activities.verify({ id: draft.id, verified: false }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.cause?.problems?.[0]?.path).toEqual(['reason']);
    const rejected = await admin.caller.activities.verify({ id: draft.id, verified: false, reason: 'Sertifikat tidak terbaca' });
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: 'Sertifikat tidak terbaca' });
    // A rejected activity is not withdrawn (nothing is pending); it goes back to its owner, who may fix and resubmit it.
    expect(await outcome(() => pegawai.caller.activities.withdraw({ id: draft.id }))).toBe('CONFLICT');
    expect((await pegawai.caller.activities.get({ id: draft.id })).can).toMatchObject({ edit: true, submit: true });
  });

  it('only drafts are edited; withdrawing returns a submission to draft', async () => {
    const { caller } = await callerAs(db, 'pegawai');
    const draft = await caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await caller.activities.submit({ id: draft.id, declaration: true });
    expect(await outcome(() => caller.activities.update({ id: draft.id, fields: trainingFields(YEAR) }))).toBe('CONFLICT');
    await caller.activities.withdraw({ id: draft.id });
    const edited = await caller.activities.update({
      id: draft.id,
      fields: { ...trainingFields(YEAR), title: 'Pelatihan teknis jembatan' },
    });
    expect(edited.data.title).toBe('Pelatihan teknis jembatan');
    // The file attached at creation stays attached after the edit.
    expect(edited.hasEvidence).toBe(true);
    expect(edited.data.evidence?.file?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('submitting needs the declaration that the data are true ([K] III.C)', async () => {
    const { caller } = await callerAs(db, 'pegawai');
    const draft = await caller.activities.create({ ...trainingFields(YEAR), summary: 'Perkerasan lentur dan kaku', evidence: pdfUpload() });
    expect(draft.data['summary']).toBe('Perkerasan lentur dan kaku');
    const refused = await errorOf(() => caller.activities.submit({ id: draft.id, declaration: false }));
    expect(refused.cause?.problems?.[0]?.path).toEqual(['declaration']);
    await caller.activities.submit({ id: draft.id, declaration: true });
    const entry = (await db.select().from(auditLog).where(eq(auditLog.entityId, draft.id)).orderBy(desc(auditLog.id)))[0]!;
    expect(entry.after).toEqual({ status: 'submitted', declaration: true });
  });

  it('submitting without an evidence file is refused', async () => {
    const { caller } = await callerAs(db, 'pegawai');
    const draft = await caller.activities.create(trainingFields(YEAR));
    const refused = await errorOf(() => caller.activities.submit({ id: draft.id, declaration: true }));
    expect(refused.code).toBe('BAD_REQUEST');
    expect(refused.cause?.problems?.[0]?.path).toEqual(['evidence']);
  });

  describe('bad input loses nothing', () => {
    it('a file that is not really a PDF/JPEG/PNG is refused and nothing is stored', async () => {
      const { caller } = await callerAs(db, 'pegawai');
      const [activitiesBefore, filesBefore] = [await count(db, 'activities'), await count(db, 'evidence_files')];
      const fake = new TextEncoder().encode('<html>not a certificate</html>');
      const refused = await errorOf(() =>
        caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload('sertifikat.pdf', fake) }),
      );
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.cause?.problems?.[0]?.path).toEqual(['evidence']);
      expect(refused.cause?.messages?.id).toMatch(/PDF, JPEG atau PNG/);
      expect([await count(db, 'activities'), await count(db, 'evidence_files')]).toEqual([activitiesBefore, filesBefore]);
    });

    it('an oversized file is refused and nothing is stored', async () => {
      const { caller } = await callerAs(db, 'pegawai');
      const before = await countRows(db);
      const filesBefore = await count(db, 'evidence_files');
      const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
      big.set(PDF);
      const refused = await errorOf(() => caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload('besar.pdf', big) }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(await countRows(db)).toBe(before);
      expect(await count(db, 'evidence_files')).toBe(filesBefore);
    });

    it('invalid fields come back field by field', async () => {
      const { caller } = await callerAs(db, 'pegawai');
      const before = await countRows(db);
      const bad = await errorOf(() => caller.activities.create({ ...trainingFields(YEAR), title: 'x', startDate: '2025-13-01' }));
      expect(bad.code).toBe('BAD_REQUEST');
      const paths = (bad.cause as unknown as { issues: { path: string[] }[] }).issues.map((i) => i.path.join('.'));
      expect(paths).toEqual(expect.arrayContaining(['title', 'startDate']));
      const reversed = await errorOf(() =>
        caller.activities.create({ ...trainingFields(YEAR), startDate: '2025-05-10', endDate: '2025-05-01' }),
      );
      expect(reversed.cause?.problems?.map((p) => p.path.join('.'))).toContain('endDate');
      expect(await countRows(db)).toBe(before);
    });
  });

  describe('who sees what', () => {
    it('a pegawai cannot see or change another employee’s activity', async () => {
      const other = (
        await db
          .select()
          .from(activities)
          .innerJoin(employees, eq(employees.id, activities.employeeId))
          .where(eq(employees.unitId, 'sekretariat'))
          .limit(1)
      )[0]!.activities;
      const { caller } = await callerAs(db, 'pegawai');
      expect(await outcome(() => caller.activities.get({ id: other.id }))).toBe('NOT_FOUND');
      expect(await outcome(() => caller.activities.evidence({ id: other.id }))).toBe('NOT_FOUND');
      expect(await outcome(() => caller.compliance.card({ employeeId: other.employeeId }))).toBe('FORBIDDEN');
      const listed = await caller.activities.list({});
      const me = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
      expect(listed.length).toBeGreaterThan(0);
      expect(listed.every((a) => a.employeeId === me.employeeId)).toBe(true);
    });

    it('a unit admin works only in the own unit', async () => {
      const { caller, user } = await callerAs(db, 'adminunit');
      const elsewhere = (
        await db
          .select()
          .from(activities)
          .innerJoin(employees, eq(employees.id, activities.employeeId))
          .where(eq(employees.unitId, 'sekretariat'))
          .limit(1)
      )[0]!.activities;
      expect(await outcome(() => caller.activities.verify({ id: elsewhere.id, verified: true }))).toBe('NOT_FOUND');
      expect(await outcome(() => caller.compliance.dashboard({ year: YEAR, unitId: 'sekretariat' }))).toBe('FORBIDDEN');
      const dashboard = await caller.compliance.dashboard({ year: YEAR });
      expect(dashboard.units.map((u) => u.unitId)).toEqual([user!.unitId]);
    });

    it('a superior reviews only direct subordinates, never the own activity', async () => {
      const atasan = await callerAs(db, 'atasan');
      const own = await atasan.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
      await atasan.caller.activities.submit({ id: own.id, declaration: true });
      expect(await outcome(() => atasan.caller.activities.review({ id: own.id, approve: true }))).toBe('FORBIDDEN');
    });

    it('an admin does not verify or re-score the own activity', async () => {
      const admin = await callerAs(db, 'adminunit');
      const own = await admin.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
      await admin.caller.activities.submit({ id: own.id, declaration: true });
      expect(await outcome(() => admin.caller.activities.verify({ id: own.id, verified: true }))).toBe('FORBIDDEN');
      expect(await outcome(() => admin.caller.activities.overrideJp({ id: own.id, jp: 100, reason: 'tidak boleh' }))).toBe('FORBIDDEN');
    });
  });

  it('a JP override replaces the conversion, with its reason in the audit log', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
    const admin = await callerAs(db, 'adminunit');
    await admin.caller.activities.verify({ id: draft.id, verified: true });
    const before = (await pegawai.caller.compliance.me({ year: YEAR }))!.verified!.jp;
    await admin.caller.activities.overrideJp({ id: draft.id, jp: 20, reason: 'Sertifikat menyebut 20 JP, bukan 32' });
    const after = (await pegawai.caller.compliance.me({ year: YEAR }))!.verified!.jp;
    expect(after).toBeCloseTo(before - 12, 5);
    const entry = (await db.select().from(auditLog).where(eq(auditLog.action, 'activity.jp_override')).orderBy(desc(auditLog.id)))[0]!;
    expect(entry.after).toEqual({ jp: 20, reason: 'Sertifikat menyebut 20 JP, bukan 32' });
    expect(entry.username).toBe('adminunit');
  });

  it('a JP override above the method’s rule needs a second confirmation (or is refused by the setting), and waits for the superior', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const admin = await callerAs(db, 'adminunit');
    const training = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: training.id, declaration: true });
    const ruleJp = (await admin.caller.activities.get({ id: training.id })).ruleJp!;
    expect(ruleJp).toBeGreaterThan(0);
    const above = { id: training.id, jp: ruleJp + 67, reason: 'Sertifikat menyebut JP lebih besar' };
    const unconfirmed = await errorOf(() => admin.caller.activities.overrideJp(above));
    expect(unconfirmed.code).toBe('CONFLICT');
    expect(unconfirmed.cause?.problems?.[0]).toMatchObject({ path: ['confirmAboveRule'], code: 'override_above_rule' });
    await admin.caller.activities.overrideJp({ ...above, confirmAboveRule: true });
    const entry = (await db.select().from(auditLog).where(eq(auditLog.action, 'activity.jp_override')).orderBy(desc(auditLog.id)))[0]!;
    expect(entry.after).toMatchObject({ jp: ruleJp + 67, confirmedAboveRule: true });
    await admin.caller.activities.overrideJp({ id: training.id, jp: ruleJp - 1, reason: 'Di bawah aturan: tanpa konfirmasi' });
    await db.insert(settings).values({ key: 'jpOverrideAboveRule', value: 'refuse' });
    expect(await outcome(() => admin.caller.activities.overrideJp({ ...above, confirmAboveRule: true }))).toBe('BAD_REQUEST');

    // A coaching session needs the direct superior's approval first ([K] III.D.5): no override before it.
    const coaching = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: coaching.id, declaration: true });
    // The form is not offered before it, and the procedure refuses it by the same rule.
    expect((await admin.caller.activities.get({ id: coaching.id })).can).toMatchObject({ overrideJp: false, overrideWaitsSuperior: true });
    const early = await errorOf(() => admin.caller.activities.overrideJp({ id: coaching.id, jp: 1, reason: 'Sebelum atasan menyetujui' }));
    expect([early.code, early.cause?.messages?.id]).toEqual(['CONFLICT', expect.stringContaining('atasan')]);
    await (await callerAs(db, 'atasan')).caller.activities.review({ id: coaching.id, approve: true });
    expect((await admin.caller.activities.get({ id: coaching.id })).can).toMatchObject({ overrideJp: true, overrideWaitsSuperior: false });
    await admin.caller.activities.overrideJp({ id: coaching.id, jp: 1, reason: 'Setelah atasan menyetujui' });
    // The owner hears of the superior's approval, and reads it in the app.
    const list = await pegawai.caller.notifications.list({});
    expect(list.rows[0]).toMatchObject({ kind: 'activity_approved', link: `/activities/${coaching.id}` });
    expect(list.unread).toBe(await pegawai.caller.notifications.unread());
    await pegawai.caller.notifications.markRead({});
    expect(await pegawai.caller.notifications.unread()).toBe(0);
  });

  it('a rule-profile change is previewed first: compliance before and after, recomputed, nothing written', async () => {
    const { caller } = await callerAs(db, 'adminsdm');
    const current = (await caller.admin.profiles()).current;
    const other = builtInProfiles.find((p) => p.id !== current)!.id;
    const storedTotals = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(employeeYearJp))[0]!.n;
    const year = new Date().getFullYear();
    const dashboard = await caller.compliance.dashboard({ year });
    const stored = await storedTotals();
    const { before, after } = await caller.admin.profilePreview({ profile: other });
    expect([before.profile, after.profile, before.year]).toEqual([current, other, year]);
    expect(before.obligated).toBeGreaterThan(0);
    expect(before.meeting, 'the current profile recomputed agrees with the stored totals').toBe(dashboard.compliant);
    expect(after.meeting).toBeLessThanOrEqual(after.obligated);
    expect((await caller.admin.profiles()).current).toBe(current);
    expect(await storedTotals()).toBe(stored);
  });

  it('the dashboard adds up: rate, distribution and the list below 20 JP agree', async () => {
    const { caller } = await callerAs(db, 'adminsdm');
    const d = await caller.compliance.dashboard({ year: YEAR });
    expect(d.distribution.reduce((sum, band) => sum + band.count, 0)).toBe(d.employees);
    expect(d.employees - d.belowTotal).toBe(d.compliant);
    expect(d.below).toHaveLength(Math.min(d.belowTotal, BELOW_SHOWN));
    expect(d.rate).toBeCloseTo(d.compliant / d.employees, 10);
    expect(d.below.every((b) => b.jp < b.required && b.shortfall === Math.round((b.required - b.jp) * 100) / 100)).toBe(true);
    for (let i = 1; i < d.below.length; i++) expect(d.below[i - 1]!.shortfall).toBeGreaterThanOrEqual(d.below[i]!.shortfall);
    expect(d.units.reduce((sum, u) => sum + u.employees, 0)).toBe(d.employees);
    // The bands come from the profile's obligation ([K] I.E.16a), not from a number in the app.
    const kutai = builtInProfiles.find((p) => p.id === 'kutai-barat-2024')!;
    expect(d.obligation).toEqual({ jp: kutai.obligations.PNS.requiredJp, source: kutai.obligations.PNS.source });
    expect(d.distribution.filter((b) => b.to !== null && b.to <= d.obligation.jp).reduce((sum, b) => sum + b.count, 0)).toBe(
      d.below.filter((b) => b.required === d.obligation.jp).length,
    );
  });

  it('the Kartu Data view and its XLSX/PDF exports carry the verified activities and yearly totals', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const { card, yearlyTotals } = await pegawai.caller.compliance.card({ employeeId: pegawai.user!.employeeId! });
    const verified = (await pegawai.caller.activities.list({ status: 'verified' })).length;
    expect(card.rows).toHaveLength(verified);
    expect(yearlyTotals.find((t) => t.year === YEAR)?.jp).toBe((await pegawai.caller.compliance.me({ year: YEAR }))!.verified!.jp);
    const xlsx = await pegawai.caller.exports.kartuData({ employeeId: pegawai.user!.employeeId!, format: 'xlsx' });
    expect(Buffer.from(xlsx.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const pdf = await pegawai.caller.exports.kartuData({ employeeId: pegawai.user!.employeeId!, format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it("a new employee's Kartu Data has this year's total (0 JP), and each unit's signatory from the settings", async () => {
    const { caller } = await callerAs(db, 'adminsdm');
    const csv = ['NIP,Nama,Jenis Pegawai,Unit Kerja,Tanggal Lahir', '199001012015031001,Rahmat Hidayat,PNS,Sekretariat,01-01-1990'].join(
      '\n',
    );
    await caller.admin.importEmployees({ csv });
    await caller.admin.setSignatory({
      unitId: '',
      name: 'Ir. Kepala Dinas',
      nip: '197001011995031001',
      title: 'Kepala Dinas',
      place: 'Sendawar',
    });
    await caller.admin.setSignatory({
      unitId: 'sekretariat',
      name: 'Sekretaris Dinas',
      nip: '197502022000031002',
      title: 'Sekretaris',
      place: '',
    });
    const thisYear = new Date().getUTCFullYear();
    const fresh = await caller.compliance.card({ employeeId: '199001012015031001' });
    expect(fresh.card.yearlyTotals).toContainEqual({ year: thisYear, jp: 0 });
    expect(fresh.card.signature).toMatchObject({ headName: 'Sekretaris Dinas', headNip: '197502022000031002', headTitle: 'Sekretaris' });
    const other = (await db.select().from(employees).where(eq(employees.unitId, 'bina-marga')).limit(1))[0]!;
    expect((await caller.compliance.card({ employeeId: other.id })).card.signature).toMatchObject({
      headName: 'Ir. Kepala Dinas',
      headNip: '197001011995031001',
      place: 'Sendawar',
    });
    await expect(
      caller.admin.setSignatory({ unitId: 'no-such-unit', name: 'X', nip: '197001011995031001', title: 'Kepala', place: '' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  describe('employee import (all or nothing)', () => {
    it('adds new employees and updates known ones, superiors included', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const known = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')).limit(1))[0]!;
      const csv = [
        'NIP,Nama,Jenis Pegawai,Unit Kerja,NIP Atasan,Tanggal Lahir',
        '199001012015031001,Rahmat Hidayat,PNS,Bidang Cipta Karya,,01-01-1990',
        '199202022019032002,Nurul Aini,PNS,cipta-karya,199001012015031001,02/02/1992',
        `${known.id},Nama Baru,PNS,Sekretariat,,`,
      ].join('\n');
      expect(await caller.admin.importEmployees({ csv })).toEqual({ created: 2, updated: 1 });
      const nurul = (await db.select().from(employees).where(eq(employees.id, '199202022019032002')))[0]!;
      expect(nurul).toMatchObject({ name: 'Nurul Aini', unitId: 'cipta-karya', supervisorId: '199001012015031001' });
      expect((await db.select().from(employees).where(eq(employees.id, known.id)))[0]!.name).toBe('Nama Baru');
    });

    it('a file with a bad cell or an unknown unit saves nothing and names the row and column', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const before = (await db.select({ id: employees.id }).from(employees)).length;
      const badDate = await errorOf(() =>
        caller.admin.importEmployees({
          csv: 'NIP,Nama,Jenis Pegawai,Unit Kerja,Tanggal Lahir\n199001012015031001,Rahmat,PNS,Sekretariat,31-02-1990\n',
        }),
      );
      expect(badDate.code).toBe('BAD_REQUEST');
      expect(badDate.cause?.problems?.[0]).toMatchObject({ path: [2, 'Tanggal Lahir'] });
      const unknownUnit = await errorOf(() =>
        caller.admin.importEmployees({
          csv: 'NIP,Nama,Jenis Pegawai,Unit Kerja\n199001012015031001,Rahmat,PNS,Sekretariat\n199202022019032002,Nurul,PNS,Dinas Antah\n',
        }),
      );
      expect(unknownUnit.cause?.problems?.map((p) => p.path.join('.'))).toEqual(['employees.1.unit']);
      expect((await db.select({ id: employees.id }).from(employees)).length).toBe(before);
    });
  });

  describe('Individual Development Plan ([P] art. 17)', () => {
    it('is drafted by the employee, checked by @bangkom/idp, approved by HR, then frozen', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const saved = await pegawai.caller.plans.save(planInput(YEAR + 1));
      expect(saved.validation.valid).toBe(true);
      expect(saved.validation.summary.countedJp).toBeGreaterThanOrEqual(20);
      expect(saved.plan.nip).toBe(pegawai.user!.employeeId);
      const hr = await callerAs(db, 'adminsdm');
      const plan = { employeeId: pegawai.user!.employeeId!, year: YEAR + 1 };
      expect(await outcome(() => hr.caller.plans.approve(plan)), 'a draft is not approved').toBe('CONFLICT');
      await pegawai.caller.plans.submit({ year: YEAR + 1 });
      expect(await outcome(() => pegawai.caller.plans.save(planInput(YEAR + 1))), 'a submitted plan waits').toBe('CONFLICT');
      const queue = await hr.caller.plans.overview({ year: YEAR + 1, status: 'submitted' });
      expect(queue.rows.map((r) => r.employeeId)).toEqual([plan.employeeId]);
      expect(queue.counts.submitted).toBe(1);
      await hr.caller.plans.approve(plan);
      const approved = await pegawai.caller.plans.get({ employeeId: pegawai.user!.employeeId!, year: YEAR + 1 });
      expect(approved.status).toBe('approved');
      expect(approved.plan.approvedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await outcome(() => pegawai.caller.plans.save(planInput(YEAR + 1)))).toBe('CONFLICT');
      const log = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.entityId, `${pegawai.user!.employeeId}/${YEAR + 1}`))
        .orderBy(auditLog.id);
      expect(log.map((e) => e.action)).toEqual(['plan.save', 'plan.submit', 'plan.approve']);
      const notices = await db
        .select({ kind: notifications.kind, userId: notifications.userId })
        .from(notifications)
        .orderBy(notifications.id);
      expect(notices.map((n) => n.kind)).toEqual(['plan_submitted', 'plan_approved']);
      expect(notices[0]!.userId).toBe(hr.user!.id);
      expect(notices[1]!.userId).toBe(pegawai.user!.id);
    });

    it('HR returns a submitted plan with a note; the employee sees it, changes the plan and submits again', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const hr = await callerAs(db, 'adminsdm');
      const plan = { employeeId: pegawai.user!.employeeId!, year: YEAR + 1 };
      await pegawai.caller.plans.save(planInput(YEAR + 1));
      await pegawai.caller.plans.submit({ year: YEAR + 1 });
      expect(await outcome(() => hr.caller.plans.return({ ...plan, reason: '' })), 'a return needs a note').toBe('BAD_REQUEST');
      await hr.caller.plans.return({ ...plan, reason: 'Tambahkan fasilitator pelatihan' });
      const returned = await pegawai.caller.plans.get(plan);
      // The note names who returned it as every person is shown: the officer's name and NIP.
      const officer = (await db.select().from(employees).where(eq(employees.id, hr.user!.employeeId!)))[0]!;
      expect(returned).toMatchObject({
        status: 'draft',
        returned: { reason: 'Tambahkan fasilitator pelatihan', by: { username: 'adminsdm', name: officer.name, nip: officer.id } },
      });
      await pegawai.caller.plans.save(planInput(YEAR + 1));
      expect((await pegawai.caller.plans.get(plan)).returned, 'saving clears the note').toBeNull();
      await pegawai.caller.plans.submit({ year: YEAR + 1 });
      expect((await pegawai.caller.plans.get(plan)).status).toBe('submitted');
      const kinds = (await db.select({ kind: notifications.kind }).from(notifications).orderBy(notifications.id)).map((n) => n.kind);
      expect(kinds).toEqual(['plan_submitted', 'plan_returned', 'plan_submitted']);
    });

    it('recommends methods for the plan’s need with reasons and the JP still missing', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const input = planInput(YEAR + 1);
      await pegawai.caller.plans.save({ ...input, header: { ...input.header, gapLevel: 'tinggi', cannotLeaveWorkplace: true }, items: [] });
      const r = await pegawai.caller.plans.recommend({ employeeId: pegawai.user!.employeeId!, year: YEAR + 1 });
      expect(r.missingJp).toBeGreaterThan(0);
      expect(r.recommended.length).toBeGreaterThan(0);
      expect(r.recommended[0]!.reasons.length).toBeGreaterThan(0);
      const scores = r.recommended.map((x) => x.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(r.excluded.some((x) => x.reasons[0]!.message.id.includes('luar tempat kerja'))).toBe(true);
    });

    it('a plan with errors is saved (nothing is lost) but not submitted; the errors name the item and the article', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const input = planInput(YEAR + 1);
      const bad = { ...input, items: [{ ...input.items[1]!, startDate: `${YEAR + 1}-06-10`, endDate: `${YEAR + 1}-06-01` }] };
      const saved = await pegawai.caller.plans.save(bad);
      const codes = saved.validation.issues.filter((i) => i.severity === 'error').map((i) => i.code);
      expect(codes).toEqual(expect.arrayContaining(['plan.item_dates_reversed', 'plan.total_below_minimum']));
      expect(saved.validation.issues.find((i) => i.code === 'plan.item_dates_reversed')).toMatchObject({
        path: '/items/0/endDate',
        source: '[P] art. 17(2)g',
      });
      const refused = await errorOf(() => pegawai.caller.plans.submit({ year: YEAR + 1 }));
      expect(refused.code).toBe('CONFLICT');
      expect(refused.cause?.problems?.length).toBeGreaterThanOrEqual(2);
    });

    it('the overview shows who has no plan and who plans below 20 JP; a pegawai sees only the own plan', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      await pegawai.caller.plans.save(planInput(YEAR + 1));
      const admin = await callerAs(db, 'adminunit');
      const overview = await admin.caller.plans.overview({ year: YEAR + 1, q: pegawai.user!.employeeId! });
      expect(overview.rows).toHaveLength(1);
      const mine = overview.rows[0]!;
      expect(mine).toMatchObject({ employeeId: pegawai.user!.employeeId, status: 'draft', errors: 0 });
      expect(mine.countedJp).toBeGreaterThanOrEqual(20);
      const all = await admin.caller.plans.overview({ year: YEAR + 1 });
      expect([all.counts.draft, all.counts.none]).toEqual([1, all.all - 1]);
      const none = await admin.caller.plans.overview({ year: YEAR + 1, status: 'none', sort: 'nip', limit: 5 });
      expect(none.total).toBe(all.all - 1);
      expect(none.rows.map((r) => r.employeeId)).toEqual(none.rows.map((r) => r.employeeId).sort());
      const other = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')).limit(1))[0]!;
      expect(await outcome(() => pegawai.caller.plans.get({ employeeId: other.id, year: YEAR + 1 }))).toBe('FORBIDDEN');
    });
  });

  describe('Tugas Belajar assessment ([P] art. 28–31)', () => {
    it('checks every criterion with its article, and keeps a saved assessment with its facts', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const pns = (await db.select().from(employees).where(eq(employees.kind, 'PNS')).limit(1))[0]!;
      const checked = await caller.tubel.assess({ employeeId: pns.id, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01` });
      expect(checked.id).toBeNull();
      expect(checked.result.criteria.length).toBe(19);
      expect(checked.result.criteria.every((c) => c.source.startsWith('[P] art.'))).toBe(true);
      // Identity facts come from the employee record, not from the form.
      expect(checked.candidate.nip).toBe(pns.id);
      const saved = await caller.tubel.assess({ employeeId: pns.id, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01`, save: true });
      expect(saved.id).toBeGreaterThan(0);
      const stored = await caller.tubel.get({ id: saved.id! });
      expect(stored.result).toEqual(saved.result);
      expect(stored.eligible).toBe(saved.result.eligible);
      expect((await caller.tubel.list()).rows.map((a) => a.id)).toContain(saved.id);
      const entry = (await db.select().from(auditLog).where(eq(auditLog.action, 'tubel.assess')))[0]!;
      expect(entry.entityId).toBe(String(saved.id));
    });

    it('an unknown fact makes its criterion unknown and the candidate not eligible', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const pns = (await db.select().from(employees).where(eq(employees.kind, 'PNS')).limit(1))[0]!;
      const facts = tubelFacts(YEAR);
      const { healthCertificate: _unknown, ...candidate } = facts.candidate;
      const result = (await caller.tubel.assess({ employeeId: pns.id, candidate, programme: facts.programme, asOf: `${YEAR}-06-01` }))
        .result;
      expect(result.criteria.find((c) => c.id === 'art28f.healthy')?.status).toBe('unknown');
      expect(result.eligible).toBe(false);
    });

    it('is for PNS only', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const tkk = (await db.select().from(employees).where(eq(employees.kind, 'TKK')).limit(1))[0]!;
      // [P] art. 1 angka 13; art. 26(3): a criterion of the assessment, not an error.
      const { result } = await caller.tubel.assess({ employeeId: tkk.id, ...tubelFacts(YEAR) });
      expect(result.eligible).toBe(false);
      expect(result.criteria.find((c) => c.id === 'art26.pns_only')?.status).toBe('fail');
    });
  });

  describe('login', () => {
    it('sets a session only for the right password; logout ends it', async () => {
      const anonymous = await callerAs(db, null);
      expect(await outcome(() => anonymous.caller.auth.login({ username: 'pegawai', password: 'salah' }))).toBe('UNAUTHORIZED');
      expect(anonymous.cookies).toEqual([]);
      const failed = (await db.select().from(auditLog).where(eq(auditLog.action, 'auth.login_failed')))[0]!;
      expect(failed).toMatchObject({ entityId: 'pegawai', userId: null, after: { ip: '127.0.0.1' } });
      await anonymous.caller.auth.login({ username: 'Pegawai', password: DEMO_PASSWORD });
      const token = anonymous.cookies[0]!;
      expect(token).toMatch(/^[\w-]{40,}$/);
      expect((await userForSession(db, token))?.username).toBe('pegawai');
      // Only the hash of the token is stored.
      expect(JSON.stringify(rowsOf(await db.execute(sql`SELECT id_hash FROM sessions`)))).not.toContain(token);
      const { createCallerFactory } = await import('../src/lib/server/trpc.js');
      const { appRouter } = await import('../src/lib/server/routers/index.js');
      const cleared: (string | null)[] = [];
      await createCallerFactory(appRouter)({
        db,
        user: null,
        ip: '127.0.0.1',
        setSession: (t) => cleared.push(t),
        sessionToken: token,
        limiter: new LoginLimiter(),
      }).auth.logout();
      expect(cleared).toEqual([null]);
      expect(await userForSession(db, token)).toBeNull();
    });

    it('blocks a sixth failed attempt within 15 minutes, even with the right password', async () => {
      const limiter = new LoginLimiter();
      const anonymous = await callerAs(db, null, limiter);
      for (let i = 0; i < 5; i++)
        expect(await outcome(() => anonymous.caller.auth.login({ username: 'atasan', password: `salah-${i}` }))).toBe('UNAUTHORIZED');
      expect(await outcome(() => anonymous.caller.auth.login({ username: 'atasan', password: DEMO_PASSWORD }))).toBe('TOO_MANY_REQUESTS');
    });

    it('stores passwords as salted scrypt hashes', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      await caller.admin.createUser({ username: 'satu', password: 'sama-sama-rahasia', role: 'auditor' });
      await caller.admin.createUser({ username: 'dua', password: 'sama-sama-rahasia', role: 'auditor' });
      const hashes = (
        await db
          .select({ hash: users.passwordHash })
          .from(users)
          .where(sql`username IN ('satu', 'dua')`)
      ).map((u) => u.hash);
      expect(hashes).toHaveLength(2);
      expect(hashes.every((h) => h.startsWith('scrypt$') && !h.includes('sama-sama-rahasia'))).toBe(true);
      expect(hashes[0]).not.toBe(hashes[1]);
      const anonymous = await callerAs(db, null);
      await expect(anonymous.caller.auth.login({ username: 'dua', password: 'sama-sama-rahasia' })).resolves.toMatchObject({
        username: 'dua',
      });
    });
  });
});
