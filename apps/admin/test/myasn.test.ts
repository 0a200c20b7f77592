import type { Employee, LearningActivity } from '@bangkom/domain';
import { SiasnDiklatSave, SiasnKursusSave } from '@bangkom/myasn';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { storedActivity } from '../src/lib/server/db/records.js';
import {
  activities,
  activityJp,
  auditLog,
  employees,
  evidenceFiles,
  myasnUploads,
  siasnReconciliations,
} from '../src/lib/server/db/schema.js';
import { bundleZip, evidenceContent } from '../src/lib/server/myasn.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { refreshTotals } from '../src/lib/server/totals.js';
import { forEachDatabase } from './databases.js';
import { callerAs, outcome } from './helpers.js';

const YEAR = 2025;
const HISTORY = readFileSync(new URL('./fixtures/siasn-history.json', import.meta.url), 'utf8');
/** The employee of the fixture history file, added to Bidang Bina Marga (the demo unit admin's unit). */
const NIP = '198807142012011003';

const auditRows = (db: Db, action: string) => db.select().from(auditLog).where(eq(auditLog.action, action));
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    return error as {
      code: string;
      cause?: { problems?: { path: (string | number)[]; code: string; message: { id: string; en: string } }[] };
    };
  }
  throw new Error('expected the call to fail');
};

/** A verified activity of the demo unit Bidang Bina Marga in YEAR: of a PNS or PPPK, or of a TKK. */
async function verifiedOf(db: Db, kind: 'ASN' | 'TKK') {
  const rows = rowsOf<{ id: string; employee_id: string }>(
    await db.execute(sql`SELECT a.id, a.employee_id FROM activities a JOIN employees e ON e.id = a.employee_id
      JOIN activity_jp j ON j.activity_id = a.id
      WHERE a.status = 'verified' AND e.unit_id = 'bina-marga' AND j.problems IS NULL AND j.year = ${YEAR}
        AND e.kind ${kind === 'TKK' ? sql`= 'TKK'` : sql`<> 'TKK'`}
      ORDER BY a.id LIMIT 1`),
  );
  return rows[0];
}

/** The Kartu Data column "Telah diupload pada MyASN" of each row, read back from the XLSX (title → Ya/Tidak). */
async function kartuUploaded(db: Db, employeeId: string): Promise<Map<string, string>> {
  const { caller } = await callerAs(db, 'adminsdm');
  const file = await caller.exports.kartuData({ employeeId, format: 'xlsx' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  let header = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(1).value === 'No' && header === 0) header = n;
  });
  const result = new Map<string, string>();
  for (let n = header + 1; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    if (typeof row.getCell(1).value !== 'number') break;
    result.set(String(row.getCell(2).value), String(row.getCell(11).value));
  }
  return result;
}

/** Adds the fixture's employee and the activities the app holds of them (verified, YEAR). */
async function addFixtureEmployee(db: Db) {
  const employee: Employee = {
    name: 'Rahmat Hidayat',
    kind: 'PNS',
    nip: NIP,
    unit: 'Bidang Bina Marga',
    positionLevel: 'pengawas',
    positionKind: 'administrasi',
  } as Employee;
  await db
    .insert(employees)
    .values({ id: NIP, kind: 'PNS', name: employee.name, unitId: 'bina-marga', supervisorId: null, data: employee });
  const base = { nip: NIP, international: false, runByWorkUnit: false, status: 'verified' as const };
  const local: LearningActivity[] = [
    // The same as SIASN's kursus 2 (number, dates, 32 JP).
    {
      ...base,
      id: 'L-TEKNIS',
      method: 'pelatihan_teknis',
      title: 'Pelatihan Teknis Perkerasan Jalan',
      organizer: 'Balai Diklat PUPR Wilayah IV',
      startDate: '2025-04-14',
      endDate: '2025-04-17',
      statedJp: 32,
      evidence: { kind: 'sertifikat', number: 'PT/2025/11' },
    },
    // SIASN's kursus 3 says 8 JP; a seminar of one day is worth less here.
    {
      ...base,
      id: 'L-SEMINAR',
      method: 'seminar',
      title: 'Seminar Jalan Daerah',
      organizer: 'Dinas PUPR',
      startDate: '2025-05-05',
      endDate: '2025-05-05',
      evidence: { kind: 'sertifikat', number: 'SEM/2025/5' },
    },
    // Not in SIASN at all.
    {
      ...base,
      id: 'L-WORKSHOP',
      method: 'workshop',
      title: 'Lokakarya BIM',
      organizer: 'Dinas PUPR',
      startDate: '2025-08-04',
      endDate: '2025-08-04',
      evidence: { kind: 'sertifikat', number: 'WS/2025/2' },
    },
  ];
  for (const a of local) await db.insert(activities).values({ id: a.id, employeeId: NIP, status: 'verified', data: storedActivity(a) });
  await db.transaction(async (tx) => refreshTotals(tx as unknown as Db, [NIP]));
}

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 40, year: YEAR });
    await addFixtureEmployee(db);
  });
  afterAll(async () => database.close());

  describe('upload marks', () => {
    it('shows the MyASN entry and the SIASN body of a verified activity, with the JP it is worth on its own', async () => {
      const target = (await verifiedOf(db, 'ASN'))!;
      const { caller } = await callerAs(db, 'adminunit');
      const view = await caller.myasn.activity({ id: target.id });
      const stored = (await db.select().from(activityJp).where(eq(activityJp.activityId, target.id)))[0]!;
      expect(view.excluded).toBe(false);
      expect(view.form!['Durasi (Jam)']).toBe(stored.convertedJp);
      expect(view.form!['Tahun Diklat']).toBe(YEAR);
      expect(view.form!['Tanggal Mulai']).toMatch(/^\d{2}\/\d{2}\/2025$/);
      expect(view.payload!.body.jumlahJam).toBe(stored.convertedJp);
      const schema = view.payload!.kind === 'diklat' ? SiasnDiklatSave : SiasnKursusSave;
      expect(schema.safeParse(view.payload!.body).success).toBe(true);
      expect(JSON.parse(view.payloadJson!)).toMatchObject({
        endpoint: view.payload!.endpoint,
        uploadDocument: { id_ref_dokumen: /^(874|881)$/ },
      });
      expect(view.can).toEqual({ mark: true, link: false, unmark: false });
    });

    it('marks, refuses a second mark, shows it in the Kartu Data, and is undone by admin SDM with a reason only', async () => {
      const target = (await verifiedOf(db, 'ASN'))!;
      const title = (await db.select().from(activities).where(eq(activities.id, target.id)))[0]!.data.title;
      expect((await kartuUploaded(db, target.employee_id)).get(title)).toBe('Tidak');
      const unit = await callerAs(db, 'adminunit');
      const marked = await unit.caller.myasn.mark({ id: target.id, uploadedOn: `${YEAR}-12-01`, siasnId: 'rw-123' });
      expect(marked).toMatchObject({ uploadedOn: `${YEAR}-12-01`, siasnId: 'rw-123', source: 'manual', recordedByUsername: 'adminunit' });
      expect(marked!.recordedByName).toBeTruthy();
      expect((await errorOf(() => unit.caller.myasn.mark({ id: target.id, uploadedOn: `${YEAR}-12-02` }))).code).toBe('CONFLICT');
      expect((await kartuUploaded(db, target.employee_id)).get(title)).toBe('Ya');
      expect((await auditRows(db, 'myasn.mark_uploaded')).map((r) => r.entityId)).toEqual([target.id]);
      // The employee sees it on the own activity; another employee is told it does not exist.
      const card = await unit.caller.compliance.card({ employeeId: target.employee_id });
      expect(card.uploads[target.id]).toMatchObject({ siasnId: 'rw-123' });

      expect(await outcome(() => unit.caller.myasn.unmark({ id: target.id, reason: 'Salah tandai' }))).toBe('FORBIDDEN');
      const sdm = await callerAs(db, 'adminsdm');
      expect((await errorOf(() => sdm.caller.myasn.unmark({ id: target.id, reason: '' }))).code).toBe('BAD_REQUEST');
      await sdm.caller.myasn.unmark({ id: target.id, reason: 'Ternyata belum masuk SIASN' });
      expect(await db.select().from(myasnUploads).where(eq(myasnUploads.activityId, target.id))).toEqual([]);
      const undone = (await auditRows(db, 'myasn.unmark_uploaded'))[0]!;
      expect(undone.before).toMatchObject({ siasnId: 'rw-123', uploadedOn: `${YEAR}-12-01` });
      expect(undone.after).toEqual({ reason: 'Ternyata belum masuk SIASN' });
      expect((await kartuUploaded(db, target.employee_id)).get(title)).toBe('Tidak');
      expect((await errorOf(() => sdm.caller.myasn.unmark({ id: target.id, reason: 'Lagi' }))).code).toBe('CONFLICT');
    });

    it('refuses TKK, unverified activities, future dates and other units', async () => {
      const tkk = await verifiedOf(db, 'TKK');
      const { caller } = await callerAs(db, 'adminsdm');
      if (tkk) {
        expect((await caller.myasn.activity({ id: tkk.id })).excluded).toBe(true);
        expect((await errorOf(() => caller.myasn.mark({ id: tkk.id, uploadedOn: `${YEAR}-12-01` }))).code).toBe('CONFLICT');
      }
      const draft = (await db.select().from(activities).where(eq(activities.status, 'draft')).limit(1))[0]!;
      expect((await errorOf(() => caller.myasn.mark({ id: draft.id, uploadedOn: `${YEAR}-12-01` }))).code).toBe('CONFLICT');
      const target = (await verifiedOf(db, 'ASN'))!;
      const future = await errorOf(() => caller.myasn.mark({ id: target.id, uploadedOn: '2099-01-01' }));
      expect(future.cause?.problems?.[0]).toMatchObject({ path: ['uploadedOn'], code: 'myasn.future_date' });
      const other = rowsOf<{ id: string }>(
        await db.execute(sql`SELECT a.id FROM activities a JOIN employees e ON e.id = a.employee_id
          WHERE a.status = 'verified' AND e.unit_id <> 'bina-marga' LIMIT 1`),
      )[0]!;
      const unit = await callerAs(db, 'adminunit');
      expect(await outcome(() => unit.caller.myasn.mark({ id: other.id, uploadedOn: `${YEAR}-12-01` }))).toBe('NOT_FOUND');
      expect(await outcome(() => unit.caller.myasn.unit({ unitId: 'sekretariat', year: YEAR }))).toBe('FORBIDDEN');
      const pegawai = await callerAs(db, 'pegawai');
      expect(await outcome(() => pegawai.caller.myasn.activity({ id: other.id }))).toBe('NOT_FOUND');
    });
  });

  describe('bulk export', () => {
    it('the ZIP holds one SIASN body per verified ASN activity of the unit and year, its evidence, the MyASN form and an index; no TKK', async () => {
      const { caller } = await callerAs(db, 'adminunit');
      const plan = await caller.myasn.exportZip({ year: YEAR });
      expect(plan.filename).toBe(`myasn-siasn-bina-marga-${YEAR}.zip`);
      // Streamed: each evidence file is read when the ZIP reaches it.
      const read: string[] = [];
      const { stream } = bundleZip(
        plan.items,
        (sha) => {
          read.push(sha);
          return evidenceContent(db, sha);
        },
        plan.title,
      );
      expect(read).toEqual([]);
      const chunks: Buffer[] = [];
      await new Promise((resolve, reject) =>
        stream
          .on('data', (chunk: Buffer) => chunks.push(chunk))
          .on('end', resolve)
          .on('error', reject),
      );
      const zip = await JSZip.loadAsync(Buffer.concat(chunks));
      expect(read.length).toBe(plan.items.filter((i) => i.row.evidenceSha256).length);
      const index = JSON.parse(await zip.file('daftar.json')!.async('string')) as {
        activityId: string;
        nip: string;
        body: string | null;
        evidence: string | null;
        endpoint: string | null;
      }[];
      const expected = rowsOf<{ id: string }>(
        await db.execute(sql`SELECT a.id FROM activity_jp j JOIN activities a ON a.id = j.activity_id JOIN employees e ON e.id = a.employee_id
          WHERE j.year = ${YEAR} AND a.status = 'verified' AND e.unit_id = 'bina-marga' AND e.kind <> 'TKK' ORDER BY a.id`),
      ).map((r) => r.id);
      expect(index.map((e) => e.activityId).sort()).toEqual(expected);
      const tkk = new Set((await db.select({ id: employees.id }).from(employees).where(eq(employees.kind, 'TKK'))).map((e) => e.id));
      expect(index.filter((e) => tkk.has(e.nip))).toEqual([]);
      const withBody = index.filter((e) => e.body !== null);
      expect(withBody.length).toBeGreaterThan(0);
      for (const entry of withBody) {
        const json = JSON.parse(await zip.file(entry.body!)!.async('string')) as { endpoint: string; body: unknown };
        expect(json.endpoint).toBe(entry.endpoint);
        const schema = json.endpoint.endsWith('diklat/save') ? SiasnDiklatSave : SiasnKursusSave;
        expect(schema.safeParse(json.body).success).toBe(true);
      }
      const withEvidence = index.find((e) => e.evidence !== null)!;
      const row = (await db.select().from(activities).where(eq(activities.id, withEvidence.activityId)))[0]!;
      const stored = (await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, row.evidenceSha256!)))[0]!;
      expect(Buffer.from(await zip.file(withEvidence.evidence!)!.async('uint8array')).equals(Buffer.from(stored.content))).toBe(true);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await zip.file('myasn-form.xlsx')!.async('nodebuffer')) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      expect(ws.getRow(2).getCell(3).value).toBe('Jenis Diklat');
      expect(ws.rowCount).toBe(2 + index.length);
      expect((await auditRows(db, 'export.myasn_zip'))[0]).toMatchObject({
        entityId: 'bina-marga',
        after: { year: YEAR, activities: index.length },
      });
    });
  });

  describe('reconciliation', () => {
    it('a malformed file or one with another unit’s employees is refused with the place of each problem; nothing is stored', async () => {
      const { caller } = await callerAs(db, 'adminunit');
      const notJson = await errorOf(() => caller.myasn.reconcile({ year: YEAR, fileName: 'rusak.json', content: '{"kursus": [' }));
      expect(notJson.code).toBe('BAD_REQUEST');
      expect(notJson.cause?.problems?.[0]).toMatchObject({ path: ['file'], code: 'myasn.not_json' });
      const broken = JSON.parse(HISTORY) as { kursus: Record<string, unknown>[] };
      broken.kursus[1]!['tanggalKursus'] = '31-02-2025';
      const badDate = await errorOf(() => caller.myasn.reconcile({ year: YEAR, fileName: 'x.json', content: JSON.stringify(broken) }));
      expect(badDate.cause?.problems?.[0]).toMatchObject({ path: ['kursus', 1, 'tanggalKursus'], code: 'myasn.bad_date' });
      expect(badDate.cause?.problems?.[0]?.message.en).toContain('31-02-2025');
      const outsider = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')).limit(1))[0]!.id;
      const moved = JSON.parse(HISTORY) as { kursus: Record<string, unknown>[] };
      moved.kursus[2]!['nipBaru'] = outsider;
      const outside = await errorOf(() => caller.myasn.reconcile({ year: YEAR, fileName: 'x.json', content: JSON.stringify(moved) }));
      expect(outside.cause?.problems).toEqual([
        expect.objectContaining({ path: ['kursus', 2, 'nipBaru'], code: 'myasn.nip_outside_scope' }),
      ]);
      expect(await db.select().from(siasnReconciliations)).toEqual([]);
      expect(await auditRows(db, 'myasn.reconcile')).toEqual([]);
    });

    it('lists missing in SIASN, missing locally and different, and settles each line: mark, import, ignore', async () => {
      const unit = await callerAs(db, 'adminunit');
      const result = await unit.caller.myasn.reconcile({
        year: YEAR,
        employeeId: NIP,
        fileName: 'rw-198807142012011003.json',
        content: HISTORY,
      });
      expect(result).toMatchObject({ siasnRecords: 4, otherYears: 1 });
      const view = await unit.caller.myasn.reconciliation({ id: result.id });
      const byKind = (kind: string) => view.items.filter((i) => i.kind === kind);
      expect(byKind('missing_in_siasn').map((i) => i.activityId)).toEqual(['L-WORKSHOP']);
      expect(
        byKind('missing_locally')
          .map((i) => i.siasnId)
          .sort(),
      ).toEqual(['8f0c1d2e-0001-4a1b-9c3d-000000000001', '8f0c1d2e-0004-4a1b-9c3d-000000000004']);
      const seminar = byKind('different').find((i) => i.activityId === 'L-SEMINAR')!;
      expect(seminar.siasnId).toBe('8f0c1d2e-0003-4a1b-9c3d-000000000003');
      expect(seminar.differences).toEqual([{ field: 'jp', local: expect.any(Number), siasn: 8 }]);
      expect(seminar.employeeName).toBe('Rahmat Hidayat');
      const agreeing = await unit.caller.myasn.reconciliation({ id: result.id, kind: 'agreeing' });
      expect(agreeing.items.map((i) => [i.activityId, i.siasnId])).toEqual([['L-TEKNIS', '8f0c1d2e-0002-4a1b-9c3d-000000000002']]);
      expect(view.counts).toMatchObject({ missing_in_siasn: { total: 1, open: 1 }, missing_locally: { total: 2, open: 2 } });

      // The auditor reads, never acts.
      const auditor = await callerAs(db, 'auditor');
      expect((await auditor.caller.myasn.reconciliation({ id: result.id })).can.resolve).toBe(false);
      expect(await outcome(() => auditor.caller.myasn.resolve({ itemId: seminar.id, action: 'mark' }))).toBe('FORBIDDEN');

      await unit.caller.myasn.resolve({ itemId: seminar.id, action: 'mark', uploadedOn: `${YEAR}-06-01` });
      expect((await db.select().from(myasnUploads).where(eq(myasnUploads.activityId, 'L-SEMINAR')))[0]).toMatchObject({
        siasnId: '8f0c1d2e-0003-4a1b-9c3d-000000000003',
        source: 'reconciliation',
        uploadedOn: `${YEAR}-06-01`,
      });
      expect((await errorOf(() => unit.caller.myasn.resolve({ itemId: seminar.id, action: 'ignore', reason: 'dua kali' }))).code).toBe(
        'CONFLICT',
      );

      const elearning = byKind('missing_locally').find((i) => i.siasnId?.endsWith('04'))!;
      const imported = await unit.caller.myasn.resolve({ itemId: elearning.id, action: 'import' });
      const activity = (await db.select().from(activities).where(eq(activities.id, imported.activityId!)))[0]!;
      expect(activity).toMatchObject({ employeeId: NIP, status: 'submitted', createdBy: unit.user!.id });
      expect(activity.data).toMatchObject({ method: 'e_learning', title: 'E-Learning Etika ASN', statedJp: 3, startDate: '2025-06-10' });
      expect((await db.select().from(myasnUploads).where(eq(myasnUploads.activityId, activity.id)))[0]).toMatchObject({
        source: 'siasn_import',
        siasnId: '8f0c1d2e-0004-4a1b-9c3d-000000000004',
      });
      // It waits for verification like any submitted activity.
      expect((await unit.caller.activities.queue({})).rows.map((a) => a.id)).toContain(activity.id);

      const workshop = byKind('missing_in_siasn')[0]!;
      expect((await errorOf(() => unit.caller.myasn.resolve({ itemId: workshop.id, action: 'ignore' }))).code).toBe('BAD_REQUEST');
      expect((await errorOf(() => unit.caller.myasn.resolve({ itemId: workshop.id, action: 'import' }))).code).toBe('CONFLICT');
      await unit.caller.myasn.resolve({ itemId: workshop.id, action: 'ignore', reason: 'Akan diunggah pegawai pekan ini' });

      expect(await unit.caller.myasn.markAgreeing({ id: result.id })).toEqual({ lines: 1, marked: 1 });
      expect((await db.select().from(myasnUploads).where(eq(myasnUploads.activityId, 'L-TEKNIS')))[0]?.siasnId).toBe(
        '8f0c1d2e-0002-4a1b-9c3d-000000000002',
      );
      const after = await unit.caller.myasn.reconciliation({ id: result.id });
      expect(after.items.find((i) => i.id === workshop.id)).toMatchObject({
        resolution: 'ignored',
        note: 'Akan diunggah pegawai pekan ini',
      });
      expect((await unit.caller.myasn.reconciliations({ year: YEAR }))[0]).toMatchObject({ id: result.id, open: 1 });
      const actions = (await db.select({ action: auditLog.action }).from(auditLog)).map((r) => r.action);
      for (const action of [
        'myasn.reconcile',
        'myasn.reconcile_marked',
        'myasn.reconcile_imported',
        'myasn.reconcile_ignored',
        'myasn.reconcile_mark_agreeing',
        'activity.import_siasn',
      ])
        expect(actions).toContain(action);

      // Read again, the marked activities now match on their SIASN ids: only the structural training is still missing locally.
      const again = await unit.caller.myasn.reconcile({ year: YEAR, employeeId: NIP, fileName: 'lagi.json', content: HISTORY });
      const lines = await unit.caller.myasn.reconciliation({ id: again.id });
      expect(lines.items.filter((i) => i.kind === 'missing_locally').map((i) => i.siasnId)).toEqual([
        '8f0c1d2e-0001-4a1b-9c3d-000000000001',
      ]);
      expect(lines.items.filter((i) => i.kind === 'different').map((i) => i.activityId)).toEqual(['L-SEMINAR']);
      expect(lines.items.filter((i) => i.kind === 'missing_in_siasn').map((i) => i.activityId)).toEqual(['L-WORKSHOP']);
    });
  });
});
