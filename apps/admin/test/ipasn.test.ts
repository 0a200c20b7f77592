import type { Employee } from '@bangkom/domain';
import { scoreEmployee, scoreOffice } from '@bangkom/ipasn';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, auditLog, employees, ipasnFacts, ipasnSiasnScores, users } from '../src/lib/server/db/schema.js';
import { activityOf, agencyTimeZone, ruleProfile } from '../src/lib/server/routers/activities.js';
import { tableOf } from '../src/lib/server/ipasn.js';
import { DEFAULT_STEP_OF_ACTION } from '../src/lib/server/routers/ipasn.js';
import { todayIso } from '../src/lib/values.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, pdfUpload } from './helpers.js';

const YEAR = 2025;
const UNIT = 'bina-marga';

const csv = (text: string, name = 'data.csv') => new File([text], name, { type: 'text/csv' });

async function problemsOf(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (error instanceof TRPCError)
      return {
        code: error.code,
        problems: (error.cause as { problems?: { path: unknown[]; message: { id: string; en: string } }[] })?.problems ?? [],
      };
    throw error;
  }
  throw new Error('the call succeeded');
}

/** Everything the package needs to score a unit directly: employees, verified activities, entered facts. */
async function officeInput(db: Db, unitId: string, year: number) {
  const people = await db.select().from(employees).where(eq(employees.unitId, unitId));
  const rows = rowsOf<typeof activities.$inferSelect & { employee_id: string }>(
    await db.execute(
      sql`SELECT a.* FROM activities a JOIN employees e ON e.id = a.employee_id WHERE e.unit_id = ${unitId} AND a.status = 'verified'`,
    ),
  );
  const list = (
    await db
      .select()
      .from(activities)
      .where(sql`${activities.id} = ANY(${sql.param(rows.map((r) => r.id))}::text[])`)
  ).map(activityOf);
  const facts = await db.select().from(ipasnFacts).where(eq(ipasnFacts.year, year));
  const factOf = new Map(facts.map((f) => [f.employeeId, f]));
  const siasn = await db.select().from(ipasnSiasnScores).where(eq(ipasnSiasnScores.year, year));
  return {
    employees: people.map((p) => {
      const f = factOf.get(p.id);
      // An entered position kind replaces the record's; its level (of the old kind) is left out.
      const { positionLevel: _level, ...data } = p.data;
      return {
        ...(f?.positionKind ? data : p.data),
        ...(f?.education ? { education: f.education } : {}),
        ...(f?.positionKind ? { positionKind: f.positionKind } : {}),
      } as Employee;
    }),
    activities: list,
    facts: facts
      .filter((f) => people.some((p) => p.id === f.employeeId))
      .map((f) => ({
        nip: f.employeeId,
        ...(f.performancePredicate ? { performancePredicate: f.performancePredicate } : {}),
        ...(f.punishments ? { disciplinaryPunishments: f.punishments } : {}),
      })),
    siasn: siasn
      .filter((s) => people.some((p) => p.id === s.employeeId))
      .map((s) => ({
        nip: s.employeeId,
        kualifikasi: s.kualifikasi,
        kompetensi: s.kompetensi,
        kinerja: s.kinerja,
        disiplin: s.disiplin,
        total: s.total,
      })),
  };
}

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  let pegawai: string;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 60, year: YEAR });
    pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!.employeeId!;
  });
  afterAll(async () => database.close());

  describe('per employee', () => {
    it('scores with the entered facts, each with its source, and matches the package scored directly', async () => {
      const hr = (await callerAs(db, 'adminsdm')).caller;
      await hr.ipasn.saveFacts({
        employeeId: pegawai,
        year: YEAR,
        education: 'S2',
        educationSource: 'Ijazah S2 Universitas Mulawarman',
        positionKind: 'fungsional',
        positionKindSource: 'SK jabatan fungsional',
        performancePredicate: 'baik',
        performanceSource: `SKP ${YEAR}`,
        punishments: [],
        disciplineSource: 'Tidak ada SK hukuman disiplin',
      });
      const own = (await callerAs(db, 'pegawai')).caller;
      const result = await own.ipasn.employee({ employeeId: pegawai, year: YEAR });
      const score = result.score!;
      // S2 = 20 (verified); Baik = 25 (unverified); no punishment = 5 (unverified).
      expect(score.dimensions.kualifikasi.score).toBe(20);
      expect(score.dimensions.kinerja.score).toBe(25);
      expect(score.dimensions.disiplin.score).toBe(5);
      expect(score.unverified).toBe(true);
      expect(score.missing).toEqual([]);
      expect(score.trace.find((s) => s.rule === 'kualifikasi/S2')).toMatchObject({ confidence: 'verified', points: 20 });
      expect(score.trace.find((s) => s.rule === 'kinerja/baik')?.confidence).toBe('unverified');
      expect(result.sources.education).toEqual({ value: 'S2', source: 'Ijazah S2 Universitas Mulawarman' });
      expect(result.sources.performancePredicate).toEqual({ value: 'baik', source: `SKP ${YEAR}` });
      expect(result.canEdit).toBe(false);
      expect(result.improvements.every((i) => i.gain > 0)).toBe(true);

      // The same employee scored by the package from the raw verified activities.
      const employee = (await db.select().from(employees).where(eq(employees.id, pegawai)))[0]!;
      const verified = (
        await db
          .select()
          .from(activities)
          .where(and(eq(activities.employeeId, pegawai), eq(activities.status, 'verified')))
      ).map(activityOf);
      const direct = scoreEmployee(
        {
          nip: pegawai,
          kind: employee.kind,
          education: 'S2',
          positionKind: 'fungsional',
          performancePredicate: 'baik',
          disciplinaryPunishments: [],
          activities: verified,
        },
        { year: YEAR, jpProfile: await ruleProfile(db) },
      );
      expect(direct.ok).toBe(true);
      if (!direct.ok) return;
      expect(score.total).toBe(direct.value.total);
      expect(score.dimensions).toEqual(direct.value.dimensions);
      expect(score.category).toBe(direct.value.category);
      const audited = await db.select().from(auditLog).where(eq(auditLog.action, 'ipasn.facts'));
      expect(audited.at(-1)!.entityId).toBe(`${pegawai}/${YEAR}`);
    });

    it('refuses a fact without its source, and another unit for a unit admin', async () => {
      const hr = (await callerAs(db, 'adminsdm')).caller;
      const refused = await problemsOf(() =>
        hr.ipasn.saveFacts({
          employeeId: pegawai,
          year: YEAR,
          education: 'S1',
          educationSource: null,
          positionKind: null,
          positionKindSource: null,
          performancePredicate: null,
          performanceSource: null,
          punishments: null,
          disciplineSource: null,
        }),
      );
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.problems.map((p) => p.path)).toEqual([['educationSource']]);
      const other = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')))[0]!;
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const forbidden = await problemsOf(() =>
        unitAdmin.ipasn.saveFacts({
          employeeId: other.id,
          year: YEAR,
          education: null,
          educationSource: null,
          positionKind: null,
          positionKindSource: null,
          performancePredicate: 'baik',
          performanceSource: 'SKP',
          punishments: null,
          disciplineSource: null,
        }),
      );
      expect(forbidden.code).toBe('FORBIDDEN');
    });
  });

  describe('imports', () => {
    it('reports every bad row with its line and column, and saves nothing', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const people = await db.select().from(employees).where(eq(employees.unitId, UNIT)).orderBy(employees.id);
      const other = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')))[0]!;
      const before = (await db.select().from(ipasnFacts)).length;
      const file = csv(
        [
          'NIP,Pendidikan,Sumber Pendidikan,Predikat Kinerja,Sumber Kinerja,Hukuman Disiplin,Tanggal Hukuman,Sumber Disiplin',
          `${people[1]!.id},S1,Ijazah,Sangat Baik,SKP ${YEAR},Tidak ada,,Tidak ada SK`,
          `${people[2]!.id},S7,Ijazah,Baik,SKP,,,`,
          `${people[3]!.id},D3,,Baik,SKP,Ringan,12-03-2025,SK 800/3`,
          `${other.id},S1,Ijazah,Baik,SKP,,,`,
        ].join('\n'),
      );
      const refused = await problemsOf(() => unitAdmin.ipasn.importFacts({ year: YEAR, file }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.problems.map((p) => p.path)).toEqual([
        ['rows', 3, 'Pendidikan'],
        ['rows', 4, 'Tanggal Hukuman'],
        ['rows', 5, 'NIP'],
      ]);
      expect(refused.problems[0]!.message.en).toContain('S7');
      expect((await db.select().from(ipasnFacts)).length).toBe(before);

      const missingSource = await problemsOf(() =>
        unitAdmin.ipasn.importFacts({ year: YEAR, file: csv(`NIP,Predikat Kinerja\n${people[1]!.id},Baik\n`) }),
      );
      expect(missingSource.problems.map((p) => p.path)).toEqual([['rows', 2, 'Sumber Kinerja']]);
    });

    it('imports an XLSX file of facts all at once', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const people = await db.select().from(employees).where(eq(employees.unitId, UNIT)).orderBy(employees.id);
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Fakta');
      sheet.addRow([
        'NIP',
        'Pendidikan',
        'Sumber Pendidikan',
        'Predikat Kinerja',
        'Sumber Kinerja',
        'Hukuman Disiplin',
        'Tanggal Hukuman',
        'Sumber Disiplin',
      ]);
      sheet.addRow([people[4]!.id, 'D3', 'Ijazah D3', 'Butuh Perbaikan', `SKP ${YEAR}`, 'Sedang', `${YEAR}-05-02`, 'SK 800/12']);
      sheet.addRow([people[5]!.id, 'S1', 'Ijazah S1', 'Sangat Baik', `SKP ${YEAR}`, 'Tidak ada', '', 'Tidak ada SK']);
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const result = await unitAdmin.ipasn.importFacts({ year: YEAR, file: new File([bytes], 'fakta.xlsx') });
      expect(result.imported).toBe(2);
      const stored = (await db.select().from(ipasnFacts).where(eq(ipasnFacts.employeeId, people[4]!.id)))[0]!;
      expect(stored).toMatchObject({
        education: 'D3',
        performancePredicate: 'butuh_perbaikan',
        punishments: [{ level: 'sedang', date: `${YEAR}-05-02` }],
        disciplineSource: 'SK 800/12',
      });
      const score = (await unitAdmin.ipasn.employee({ employeeId: people[4]!.id, year: YEAR })).score!;
      // D3 = 10, Butuh Perbaikan = 15, sedang = 3 (the default profile's values).
      expect([score.dimensions.kualifikasi.score, score.dimensions.kinerja.score, score.dimensions.disiplin.score]).toEqual([10, 15, 3]);
    });
    it('an 18-digit NIP kept as a number cell is named, never read as digits that look exact', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const person = (await db.select().from(employees).where(eq(employees.unitId, UNIT)).orderBy(employees.id))[6]!;
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Fakta');
      sheet.addRow(['NIP', 'Pendidikan', 'Sumber Pendidikan']);
      // 18 digits as a number: past 2^53, the last digits are already gone in the cell.
      sheet.addRow([Number(person.id), 'S2', 'Ijazah S2']);
      expect(typeof sheet.getRow(2).getCell(1).value).toBe('number');
      const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
      const table = await tableOf('fakta.xlsx', bytes);
      expect(table.rows[0]!.cells[0]).toMatch(/^\d\.\d+E\+17$/);
      const refused = await problemsOf(() => unitAdmin.ipasn.importFacts({ year: YEAR, file: new File([bytes], 'fakta.xlsx') }));
      expect(refused.code).toBe('BAD_REQUEST');
      expect(refused.problems.map((p) => p.message.id)).toEqual([
        expect.stringMatching(/^Baris 2: NIP tertulis \d\.\d+E\+17: simpan kolom NIP sebagai teks$/),
      ]);
      expect(await db.select().from(ipasnFacts).where(eq(ipasnFacts.employeeId, person.id))).toEqual([]);
    });
  });

  describe('unit report', () => {
    it('gives the numbers the package computes directly, and the SIASN differences', async () => {
      const hr = (await callerAs(db, 'adminsdm')).caller;
      await hr.ipasn.importSiasn({
        year: YEAR,
        file: csv(`NIP;Kualifikasi;Kompetensi;Kinerja;Disiplin;Total\n${pegawai};20;25;25;5;75\n`),
      });
      const report = await hr.ipasn.report({ year: YEAR, unitId: UNIT });
      const direct = scoreOffice(await officeInput(db, UNIT, YEAR), { year: YEAR, jpProfile: await ruleProfile(db) });
      expect(direct.ok ? [] : direct.problems).toEqual([]);
      if (!direct.ok) return;
      const agency = direct.value.summary.agency;
      expect(report.scope.employees).toBe(agency.employees);
      expect(report.scope.employees).toBeGreaterThan(3);
      expect(report.scope.mean).toBe(agency.mean);
      expect(report.scope.distribution.map((d) => d.count)).toEqual(agency.distribution.map((d) => d.count));
      expect(report.scope.dimensionGaps).toEqual(agency.dimensionGaps);
      // The package's office report lists the lowest five; the app lists ten, the same five first.
      expect(report.scope.lowest.slice(0, 5).map((l) => [l.nip, l.total])).toEqual(agency.lowest.map((l) => [l.nip, l.total]));
      expect(report.scope.lowest.every((l) => l.name.length > 0 && l.name !== l.nip)).toBe(true);
      expect(report.notMeasured).toBe(direct.value.notMeasured.length);
      expect(report.siasn.compared).toBe(1);
      expect(report.siasn.differences.map((d) => [d.nip, d.field, d.computed, d.siasn])).toEqual(
        direct.value.summary.siasnDifferences.map((d) => [d.nip, d.field, d.computed, d.siasn]),
      );
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      expect((await problemsOf(() => unitAdmin.ipasn.report({ year: YEAR, unitId: 'sekretariat' }))).code).toBe('FORBIDDEN');
    });
  });

  describe('recap cycle', () => {
    it('submit → return → resubmit → accept → upload recorded, each audited; steps due in working days', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const hr = (await callerAs(db, 'adminsdm')).caller;
      const auditor = (await callerAs(db, 'auditor')).caller;
      const y = YEAR;
      await hr.ipasn.openCycle({ year: y, startedOn: `${y}-11-03` });
      expect((await unitAdmin.ipasn.submitRecap({ unitId: UNIT, year: y, letterNumber: '800/101/BM/2025' })).status).toBe('submitted');
      // Accepting twice, or returning an accepted recap, is refused: every action starts from its status.
      expect((await problemsOf(() => unitAdmin.ipasn.submitRecap({ unitId: UNIT, year: y, letterNumber: 'x' }))).code).toBe('CONFLICT');
      // The unit's step of the SOP ([D] step 4) is ticked by the recap arriving, not by hand.
      const today = todayIso(await agencyTimeZone(db));
      expect((await hr.ipasn.recap({ unitId: UNIT, year: y })).steps[3]).toMatchObject({ step: 4, doneOn: today });
      expect((await problemsOf(() => hr.ipasn.completeStep({ unitId: UNIT, year: y, step: 4, doneOn: today }))).code).toBe('CONFLICT');
      await hr.ipasn.returnRecap({ unitId: UNIT, year: y, note: 'Pendidikan tiga pegawai belum diisi' });
      const returned = await unitAdmin.ipasn.recap({ unitId: UNIT, year: y });
      expect(returned.status).toBe('returned');
      expect(returned.returnNote).toBe('Pendidikan tiga pegawai belum diisi');
      // Sent back: the unit's step is open again, and the unit admin's home shows it.
      expect(returned.steps[3]).toMatchObject({ step: 4, doneOn: null });
      const unitDue = await unitAdmin.ipasn.due();
      expect(unitDue?.year).toBe(y);
      expect(unitDue?.items).toMatchObject([{ unitId: UNIT, step: 4 }]);
      expect((await problemsOf(() => hr.ipasn.acceptRecap({ unitId: UNIT, year: y }))).code).toBe('CONFLICT');
      await unitAdmin.ipasn.submitRecap({ unitId: UNIT, year: y, letterNumber: '800/102/BM/2025' });
      expect((await unitAdmin.ipasn.due())?.items).toEqual([]);
      await hr.ipasn.acceptRecap({ unitId: UNIT, year: y });
      await hr.ipasn.recordUpload({ unitId: UNIT, year: y, uploadedOn: `${y}-12-01`, result: pdfUpload('hasil-unggah-bkn.pdf') });
      const done = await auditor.ipasn.recap({ unitId: UNIT, year: y });
      expect(done.status).toBe('uploaded');
      expect(done.uploadedOn).toBe(`${y}-12-01`);
      expect(done.letterNumber).toBe('800/102/BM/2025');
      // Each event names the person behind the account: the employee's name and NIP (joined from the stored username).
      const people = await db
        .select({ username: users.username, name: employees.name, nip: employees.id })
        .from(users)
        .innerJoin(employees, eq(employees.id, users.employeeId))
        .where(sql`${users.username} IN ('adminunit', 'adminsdm')`);
      for (const h of done.history) expect(h.by).toEqual(people.find((p) => p.username === h.by.username));
      expect(done.history.map((h) => [h.action, h.by.username])).toEqual([
        ['submit', 'adminunit'],
        ['return', 'adminsdm'],
        ['submit', 'adminunit'],
        ['accept', 'adminsdm'],
        ['upload', 'adminsdm'],
      ]);
      const result = await auditor.ipasn.document({ unitId: UNIT, year: y, kind: 'result' });
      expect(result.filename).toBe('hasil-unggah-bkn.pdf');
      const letter = await unitAdmin.ipasn.document({ unitId: UNIT, year: y, kind: 'coverLetter' });
      expect(Buffer.from(letter.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      const sheet = await unitAdmin.ipasn.document({ unitId: UNIT, year: y, kind: 'recap' });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(sheet.contentBase64, 'base64') as unknown as ArrayBuffer);
      const unitSize = (await db.select().from(employees).where(eq(employees.unitId, UNIT))).length;
      expect(workbook.worksheets[0]!.rowCount).toBe(2 + unitSize);
      const actions = (
        await db
          .select({ action: auditLog.action })
          .from(auditLog)
          .where(eq(auditLog.entityId, `${UNIT}/${y}`))
      ).map((a) => a.action);
      for (const a of ['ipasn.recap_submit', 'ipasn.recap_return', 'ipasn.recap_accept', 'ipasn.recap_upload', 'ipasn.step_reopen'])
        expect(actions).toContain(a);
      expect(actions.filter((a) => a === 'ipasn.step_done')).toHaveLength(4);
      // The steps the actions stand for: the unit's recap (4), HR's acceptance (6), the recorded upload (9).
      expect(done.steps.filter((s) => s.doneOn).map((s) => [s.step, s.doneOn])).toEqual([
        [4, today],
        [6, today],
        [9, today],
      ]);

      // Steps: step 1 (1 working day) from Monday 3 November is due Tuesday 4 November.
      expect(done.steps[0]).toMatchObject({ step: 1, dueOn: `${y}-11-04`, status: 'late' });
      await unitAdmin.ipasn.completeStep({ unitId: UNIT, year: y, step: 1, doneOn: `${y}-11-04` });
      const after = await hr.ipasn.recap({ unitId: UNIT, year: y });
      // Step 2 (3 working days) starts on 4 November: due Friday 7 November.
      expect(after.steps[1]).toMatchObject({ step: 2, startsOn: `${y}-11-04`, dueOn: `${y}-11-07` });
      expect(after.currentStep).toBe(2);
      const overview = await hr.ipasn.overview({ year: y });
      const unitRow = overview.units.find((u) => u.unitId === UNIT)!;
      expect(unitRow).toMatchObject({ status: 'uploaded', overdue: true, currentStep: { step: 2 } });
      expect(overview.overdue).toBe(overview.units.length);
      // HR's home: every unit's current step is HR's and late, late ones first; the unit's own step is not HR's.
      const hrDue = (await hr.ipasn.due())!;
      expect(hrDue).toMatchObject({ year: y, total: overview.units.length, late: overview.units.length });
      // Five shown, the most overdue first: the other units' step 1 (due 4 November) before this unit's step 2 (7 November).
      expect(hrDue.items.length).toBe(Math.min(5, overview.units.length));
      expect(hrDue.items[0]).toMatchObject({ step: 1, dueOn: `${y}-11-04`, late: true });
      expect(hrDue.items.map((i) => i.dueOn)).toEqual(hrDue.items.map((i) => i.dueOn).sort());
    });

    it('ticks the SOP steps the agency maps to the recap actions (policy ipasnStepOfAction), audited and validated', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const hr = (await callerAs(db, 'adminsdm')).caller;
      const y = YEAR - 1; // a cycle of its own (the test before runs YEAR's)
      // The default: the unit's part is [D] step 4, HR's acceptance step 6, the recorded upload step 9.
      expect((await hr.ipasn.recap({ unitId: UNIT, year: y })).appSteps).toEqual(DEFAULT_STEP_OF_ACTION);
      // Out of order or outside the 12 steps: refused with the field, nothing stored.
      expect((await problemsOf(() => hr.ipasn.setStepOfAction({ submit: 8, accept: 7, upload: 9 }))).code).toBe('BAD_REQUEST');
      expect((await problemsOf(() => hr.ipasn.setStepOfAction({ submit: 7, accept: 8, upload: 13 }))).code).toBe('BAD_REQUEST');
      expect((await problemsOf(() => unitAdmin.ipasn.setStepOfAction({ submit: 7, accept: 8, upload: 9 }))).code).toBe('FORBIDDEN');
      expect((await hr.ipasn.recap({ unitId: UNIT, year: y })).appSteps).toEqual(DEFAULT_STEP_OF_ACTION);

      await hr.ipasn.setStepOfAction({ submit: 7, accept: 8, upload: 10 });
      await hr.ipasn.openCycle({ year: y, startedOn: `${y}-11-03` });
      await unitAdmin.ipasn.submitRecap({ unitId: UNIT, year: y, letterNumber: '800/201/BM/2025' });
      const today = todayIso(await agencyTimeZone(db));
      const sent = await hr.ipasn.recap({ unitId: UNIT, year: y });
      expect(sent.appSteps).toEqual({ submit: 7, accept: 8, upload: 10 });
      expect(sent.steps.filter((s) => s.doneOn).map((s) => s.step)).toEqual([7]);
      // Step 4 is now ticked by hand; step 7 only by the recap arriving.
      await hr.ipasn.completeStep({ unitId: UNIT, year: y, step: 4, doneOn: today });
      expect((await problemsOf(() => hr.ipasn.completeStep({ unitId: UNIT, year: y, step: 7, doneOn: today }))).code).toBe('CONFLICT');
      await hr.ipasn.acceptRecap({ unitId: UNIT, year: y });
      await hr.ipasn.recordUpload({ unitId: UNIT, year: y, uploadedOn: `${y}-12-01`, result: pdfUpload('hasil.pdf') });
      const done = await hr.ipasn.recap({ unitId: UNIT, year: y });
      expect(done.steps.filter((s) => s.doneOn).map((s) => s.step)).toEqual([4, 7, 8, 10]);
      const changes = await db.select().from(auditLog).where(eq(auditLog.action, 'settings.ipasn_step_of_action'));
      expect(changes).toHaveLength(1);
      expect(changes[0]!.before).toEqual(DEFAULT_STEP_OF_ACTION);
      await hr.ipasn.setStepOfAction({ ...DEFAULT_STEP_OF_ACTION });
    });

    it('keeps a unit admin to the own unit and the auditor read-only', async () => {
      const unitAdmin = (await callerAs(db, 'adminunit')).caller;
      const auditor = (await callerAs(db, 'auditor')).caller;
      expect((await problemsOf(() => unitAdmin.ipasn.submitRecap({ unitId: 'sekretariat', year: YEAR, letterNumber: '1' }))).code).toBe(
        'FORBIDDEN',
      );
      expect((await problemsOf(() => unitAdmin.ipasn.recap({ unitId: 'sekretariat', year: YEAR }))).code).toBe('FORBIDDEN');
      expect((await problemsOf(() => auditor.ipasn.acceptRecap({ unitId: UNIT, year: YEAR }))).code).toBe('FORBIDDEN');
      expect((await problemsOf(() => unitAdmin.ipasn.overview({ year: YEAR }))).code).toBe('FORBIDDEN');
    });
  });
});
