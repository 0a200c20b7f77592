import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { auditLog, employeeImportRows, employees, jobFiles, jobs, settings } from '../src/lib/server/db/schema.js';
import { importCsv } from '@bangkom/myasn';
import { IMPORT_CHUNK, parseEmployeeFile } from '../src/lib/server/employee-import.js';
import { JOB_HANDLERS } from '../src/lib/server/job-handlers.js';
import type { JobHandler, JobRun } from '../src/lib/server/jobs.js';
import { claimJob, enqueueJob, readJobFile, recoverJobs, runJob } from '../src/lib/server/jobs.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { ensureTotals, staleCount, verifyTotals } from '../src/lib/server/totals.js';
import { forEachDatabase } from './databases.js';
import { SUMMARY_HEADERS, SUMMARY_STATUS } from '../src/lib/monitoring-sheet.js';
import { callerAs } from './helpers.js';

const YEAR = 2025;
const never = () => false;

/** Claims the next job and runs it with the app's handler for its kind (or `handler`). */
async function runNext(db: Db, handler?: JobHandler, stopping = never) {
  const job = await claimJob(db);
  if (!job) throw new Error('no queued job');
  return runJob(db, job, handler ?? JOB_HANDLERS[job.kind], stopping);
}

const jobRow = async (db: Db, id: number) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0]!;

async function fileOf(db: Db, id: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of readJobFile(db, id, 'result')) pieces.push(piece);
  return Buffer.concat(pieces);
}

/** An employee file of `count` TKK employees in the import template, each the superior of the next. */
function employeeCsv(count: number, unit = 'Sekretariat', prefix = 'TKK-IMP'): string {
  const lines = ['ID Internal,Nama,Jenis Pegawai,Unit Kerja,NIP Atasan'];
  for (let i = 0; i < count; i++)
    lines.push(`${prefix}-${i},Pegawai Impor ${String(i).padStart(6, '0')},TKK,${unit},${i > 0 ? `${prefix}-${i - 1}` : ''}`);
  return lines.join('\n') + '\n';
}
const csvFile = (text: string) => new File([text], 'pegawai.csv', { type: 'text/csv' });

it('reads an employee file a piece at a time with the same records and problems as a whole-file read', async () => {
  const lines = ['ID Internal,Nama,Jenis Pegawai,Unit Kerja'];
  // A quoted line break in the first piece: later rows' line numbers must still be the file's.
  lines.push('TKK-Q,"Nama dengan\nbaris baru",TKK,Sekretariat');
  for (let i = 0; i < 4500; i++) lines.push(`TKK-P${i},"Pegawai ""${i}""",TKK,Sekretariat`);
  lines[3000] = 'TKK-BAD,Pegawai Salah,Bukan Jenis,Sekretariat';
  lines[4400] = 'TKK-BAD2,,TKK,Sekretariat';
  const text = lines.join('\r\n') + '\r\n';
  const whole = importCsv(text, 'employees');
  const steps: number[] = [];
  const pieces = await parseEmployeeFile(new TextEncoder().encode('\uFEFF' + text), async (done) => void steps.push(done));
  if (whole.ok || pieces.ok) throw new Error('both reads must fail');
  expect(pieces.problems).toEqual(whole.problems);
  expect(pieces.problems.map((p) => p.row)).toEqual([3002, 4402]);
  expect(steps.length).toBeGreaterThan(2);
  // Without the bad rows both give the same records.
  const good = lines.filter((_, i) => i !== 3000 && i !== 4400).join('\n') + '\n';
  const wholeGood = importCsv(good, 'employees');
  const piecesGood = await parseEmployeeFile(new TextEncoder().encode(good));
  if (!wholeGood.ok || !piecesGood.ok) throw new Error('both reads must succeed');
  expect(piecesGood.records).toEqual(wholeGood.value);
  expect(piecesGood.records[0]!.name).toBe('Nama dengan\nbaris baru');
});

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
  });
  afterEach(async () => database.close());

  describe('the runner', () => {
    it('claims the oldest queued job once, records progress, and marks it done with its result', async () => {
      const first = await enqueueJob(db, { kind: 'monitoring_export', params: { n: 1 }, createdBy: null });
      const second = await enqueueJob(db, { kind: 'monitoring_export', params: { n: 2 }, createdBy: null });
      const seen: number[] = [];
      const status = await runNext(db, async (run) => {
        seen.push(run.job.id);
        await run.progress(0, 3);
        for (let i = 1; i <= 3; i++) {
          await run.checkpoint();
          await run.progress(i);
          seen.push((await jobRow(db, run.job.id)).progressDone);
        }
        await db.transaction(async (tx) => run.complete(tx as unknown as Db, { answer: 42 }));
      });
      expect(status).toBe('done');
      expect(seen).toEqual([first, 1, 2, 3]);
      const done = await jobRow(db, first);
      expect(done).toMatchObject({ status: 'done', result: { answer: 42 }, progressDone: 3, progressTotal: 3, attempts: 1 });
      expect(done.finishedAt).not.toBeNull();
      // The second is still queued, and it is the next one claimed; then none is left.
      expect((await jobRow(db, second)).status).toBe('queued');
      expect((await claimJob(db))?.id).toBe(second);
      expect(await claimJob(db)).toBeNull();
    });

    it('a failing job leaves nothing of its transaction and keeps the reason', async () => {
      const id = await enqueueJob(db, { kind: 'monitoring_export', params: {}, createdBy: null });
      const status = await runNext(db, async (run) => {
        await db.transaction(async (tx) => {
          await tx.insert(settings).values({ key: 'half-written', value: true });
          await run.complete(tx as unknown as Db, { never: true });
          throw new Error('disk full');
        });
      });
      expect(status).toBe('failed');
      expect((await db.select().from(settings).where(eq(settings.key, 'half-written'))).length).toBe(0);
      const failed = await jobRow(db, id);
      expect(failed.status).toBe('failed');
      expect(failed.result).toBeNull();
      expect(failed.error?.message.en).toMatch(/server error/);
    });

    it('after a restart a job left running runs again from the start; after three starts it fails', async () => {
      const id = await enqueueJob(db, { kind: 'monitoring_export', params: {}, createdBy: null });
      // A server claimed it and died: the row says running, nothing was committed.
      expect((await claimJob(db))?.id).toBe(id);
      // Another PostgreSQL server does not take it while its heartbeat is fresh …
      expect(await recoverJobs(db, false)).toBe(0);
      expect((await jobRow(db, id)).status).toBe('running');
      // … but one whose heartbeat stopped is queued again (the next start of a PGlite server: all of them).
      await db
        .update(jobs)
        .set({ heartbeatAt: sql`now() - interval '1 hour'` })
        .where(eq(jobs.id, id));
      expect(await recoverJobs(db, false)).toBe(1);
      expect((await jobRow(db, id)).status).toBe('queued');
      await claimJob(db);
      await recoverJobs(db, true);
      await claimJob(db);
      expect((await jobRow(db, id)).attempts).toBe(3);
      await recoverJobs(db, true);
      const failed = await jobRow(db, id);
      expect(failed.status).toBe('failed');
      expect(failed.error?.message.id).toMatch(/terhenti 3 kali/);
    });

    it('at shutdown a job stops at its next checkpoint and waits in the queue; a cancel stops it for good', async () => {
      const id = await enqueueJob(db, { kind: 'monitoring_export', params: {}, createdBy: null });
      let reached = 0;
      const handler: JobHandler = async (run) => {
        reached++;
        await run.checkpoint();
        await db.transaction(async (tx) => run.complete(tx as unknown as Db, {}));
      };
      expect(await runNext(db, handler, () => true)).toBe('queued');
      expect(await jobRow(db, id)).toMatchObject({ status: 'queued', attempts: 0 });
      await db.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
      expect(await runNext(db, handler)).toBe('cancelled');
      expect((await jobRow(db, id)).status).toBe('cancelled');
      expect(reached).toBe(2);
    });
  });

  it('at start the stored JP is recomputed in the background while pages already answer', async () => {
    await seedDemo(db, { employees: 60, year: YEAR });
    // As after an upgrade to another profile: every stored result is out of date.
    await db
      .update(settings)
      .set({ value: { profile: 'an-earlier-profile' } })
      .where(eq(settings.key, 'jpTotals'));
    const recomputation = ensureTotals(db);
    const { caller } = await callerAs(db, 'adminsdm');
    // The page answers without waiting for the start-up's recomputation to end.
    const dashboard = await caller.compliance.dashboard({ year: YEAR });
    await recomputation;
    expect(dashboard.employees).toBe((await caller.compliance.dashboard({ year: YEAR })).employees);
    expect(await staleCount(db)).toBe(0);
    expect((await verifyTotals(db)).differences).toEqual([]);
  });

  describe('the monitoring export', () => {
    beforeEach(async () => {
      await seedDemo(db, { employees: 60, year: YEAR });
    });

    it('writes the sheet of every unit as a stream; read back with exceljs it has every verified activity of the year', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const { id } = await caller.jobs.exportMonitoring({ year: YEAR });
      expect(await runNext(db)).toBe('done');
      const job = await caller.jobs.get({ id });
      const expected = rowsOf<{ employee_id: string; title: string; name: string; unit: string }>(
        await db.execute(sql`SELECT e.id AS employee_id, a.data->>'title' AS title, e.name, u.name AS unit
          FROM activity_jp j JOIN activities a ON a.id = j.activity_id JOIN employees e ON e.id = j.employee_id JOIN units u ON u.id = e.unit_id
          WHERE j.year = ${YEAR} AND a.status = 'verified'`),
      );
      expect(expected.length).toBeGreaterThan(20);
      const people = rowsOf<{ id: string; kind: string; jp: number }>(
        await db.execute(sql`SELECT e.id, e.kind, coalesce(t.jp, 0)::float8 AS jp FROM employees e
          LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${YEAR}`),
      );
      const rowsWritten = expected.length + people.length;
      expect(job).toMatchObject({ status: 'done', progress: { done: rowsWritten, total: rowsWritten } });
      expect(job.result).toMatchObject({ filename: `monitoring-semua-unit-${YEAR}.xlsx`, rows: rowsWritten });

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await fileOf(db, id)) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((w) => w.name)).toEqual(['Rekap', 'Rincian Kegiatan']);
      // The summary: every employee with an obligation, with NIP, JP, obligation, shortfall and status, then the totals; TKK apart.
      const summary = workbook.getWorksheet('Rekap')!;
      expect(summary.getRow(1).getCell(1).value).toBe(`MONITORING PENGEMBANGAN KOMPETENSI ${YEAR}`);
      expect(summary.getRow(3).values).toEqual([undefined, ...SUMMARY_HEADERS]);
      const listed = new Map<string, unknown[]>();
      summary.eachRow((row, n) => {
        if (n > 3 && row.cellCount >= 9) listed.set(String(row.getCell(2).value), (row.values as unknown[]).slice(1));
      });
      const obliged = people.filter((p) => p.kind !== 'TKK');
      expect(obliged.length).toBeGreaterThan(0);
      for (const p of people) {
        const row = listed.get(p.id)!;
        expect(row[5]).toBeCloseTo(Number(p.jp), 1);
        if (p.kind === 'TKK') expect(row[8]).toBe(SUMMARY_STATUS.notObliged);
        else {
          expect(row[6]).toBeGreaterThan(0);
          expect(row[7]).toBeCloseTo(Math.max(0, Number(row[6]) - Number(p.jp)), 1);
          expect(row[8]).toBe(Number(p.jp) >= Number(row[6]) ? SUMMARY_STATUS.met : SUMMARY_STATUS.below);
        }
      }
      const below = obliged.filter((p) => listed.get(p.id)![8] === SUMMARY_STATUS.below).length;
      expect(below).toBeGreaterThan(0);
      const texts: string[] = [];
      summary.eachRow((row) => texts.push((row.values as unknown[]).filter(Boolean).join(' ')));
      expect(texts).toContainEqual(
        expect.stringContaining(`JUMLAH PEGAWAI WAJIB: ${obliged.length} MEMENUHI: ${obliged.length - below} BELUM MEMENUHI: ${below}`),
      );
      const sheet = workbook.getWorksheet('Rincian Kegiatan')!;
      expect(sheet.getRow(1).getCell(1).value).toBe(`RINCIAN KEGIATAN PENGEMBANGAN KOMPETENSI (TERVERIFIKASI) ${YEAR}`);
      expect(sheet.getRow(3).getCell(2).value).toBe('NAMA');
      const rows: { no: number; name: string; nip: string; unit: string; title: string }[] = [];
      sheet.eachRow((row, n) => {
        if (n > 3)
          rows.push({
            no: Number(row.getCell(1).value),
            name: String(row.getCell(2).value),
            nip: String(row.getCell(3).value),
            unit: String(row.getCell(4).value),
            title: String(row.getCell(5).value),
          });
      });
      expect(rows.map((r) => r.no)).toEqual(expected.map((_, i) => i + 1));
      const key = (r: { nip: string; title: string; name: string; unit: string }) => `${r.nip}|${r.name}|${r.unit}|${r.title}`;
      expect(rows.map(key).sort()).toEqual(expected.map((e) => key({ ...e, nip: e.employee_id })).sort());
      // Grouped by unit (by name), then by employee name.
      const order = rows.map((r) => `${r.unit}\u0000${r.name}`);
      expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(
        (await db.select().from(auditLog).where(eq(auditLog.action, 'export.monitoring'))).some(
          (a) => (a.after as { job?: number }).job === id,
        ),
      ).toBe(true);
    });

    it("a unit admin's export is of the own unit only, as CSV when asked; another unit is refused", async () => {
      const { caller, user } = await callerAs(db, 'adminunit');
      await expect(caller.jobs.exportMonitoring({ year: YEAR, unitId: 'no-such-unit' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const { id } = await caller.jobs.exportMonitoring({ year: YEAR, format: 'csv' });
      expect(await runNext(db)).toBe('done');
      const text = (await fileOf(db, id)).toString('utf8');
      expect(text.startsWith('\uFEFFMONITORING PENGEMBANGAN KOMPETENSI')).toBe(true);
      const [unitName] = rowsOf<{ name: string }>(await db.execute(sql`SELECT name FROM units WHERE id = ${user!.unitId}`));
      // The summary comes first; the activity detail follows its own heading.
      const all = text.trim().split('\r\n');
      const lines = all.slice(all.indexOf('RINCIAN KEGIATAN PENGEMBANGAN KOMPETENSI (TERVERIFIKASI)') + 3);
      const [expected] = rowsOf<{ n: string }>(
        await db.execute(sql`SELECT count(*) AS n FROM activity_jp j JOIN activities a ON a.id = j.activity_id JOIN employees e ON e.id = j.employee_id
          WHERE j.year = ${YEAR} AND a.status = 'verified' AND e.unit_id = ${user!.unitId}`),
      );
      expect(lines.length).toBe(Number(expected!.n));
      for (const line of lines) expect(line).toContain(unitName!.name);
      // Another user does not see the job, nor download its file.
      const other = (await callerAs(db, 'adminsdm')).caller;
      await expect(other.jobs.get({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(other.jobs.download({ id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await caller.jobs.download({ id })).toMatchObject({ filename: `monitoring-${user!.unitId}-${YEAR}.csv` });
    });
  });

  describe('the employee import job', () => {
    beforeEach(async () => {
      await seedDemo(db, { employees: 30, year: YEAR });
    });
    const count = IMPORT_CHUNK * 2 + 500;

    it('applies a file of several chunks in one go: created, superiors set, audited; again it updates', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const before = (await db.select({ id: employees.id }).from(employees)).length;
      const { id } = await caller.jobs.importEmployees({ file: csvFile(employeeCsv(count)) });
      expect(await runNext(db)).toBe('done');
      const job = await caller.jobs.get({ id });
      expect(job).toMatchObject({
        status: 'done',
        result: { created: count, updated: 0 },
        progress: { done: count * 3, total: count * 3 },
      });
      expect((await db.select({ id: employees.id }).from(employees)).length).toBe(before + count);
      const [last] = await db
        .select()
        .from(employees)
        .where(eq(employees.id, `TKK-IMP-${count - 1}`));
      expect(last).toMatchObject({ supervisorId: `TKK-IMP-${count - 2}`, unitId: 'sekretariat', kind: 'TKK' });
      expect(await db.select().from(employeeImportRows)).toEqual([]);
      // The input is not kept once the job has ended.
      expect((await db.select().from(jobFiles).where(eq(jobFiles.jobId, id))).length).toBe(0);

      // The same people again, five of them moved to another unit: updates, each audited with before and after.
      const moved = employeeCsv(count)
        .split('\n')
        .map((line, i) => (i >= 1 && i <= 5 ? line.replace('Sekretariat', 'Bidang Bina Marga') : line))
        .join('\n');
      // First a preview: the counts and what changes per row, nothing applied.
      const preview = await caller.jobs.importEmployees({ file: csvFile(moved), preview: true });
      expect(await runNext(db)).toBe('done');
      const seen = (await caller.jobs.get({ id: preview.id })).result as Record<string, unknown>;
      expect(seen).toMatchObject({ preview: true, rows: count, created: 0, changed: 5, unchanged: count - 5 });
      expect((seen['changes'] as unknown[])[0]).toEqual({
        row: 2,
        id: 'TKK-IMP-0',
        name: 'Pegawai Impor 000000',
        fields: [{ column: 'Unit Kerja', before: 'Sekretariat', after: 'Bidang Bina Marga' }],
      });
      expect(await db.select().from(auditLog).where(eq(auditLog.action, 'employee.update'))).toEqual([]);
      // Confirmed once: the preview's file is applied; a second confirmation is refused.
      const again = await caller.jobs.confirmImport({ id: preview.id });
      await expect(caller.jobs.confirmImport({ id: preview.id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await runNext(db)).toBe('done');
      expect((await caller.jobs.get({ id: again.id })).result).toEqual({ created: 0, updated: count });
      const updates = await db.select().from(auditLog).where(eq(auditLog.action, 'employee.update'));
      expect(updates.map((u) => u.entityId).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `TKK-IMP-${i}`).sort());
      expect(updates[0]).toMatchObject({ before: { unitId: 'sekretariat' }, after: { unitId: 'bina-marga' }, username: 'adminsdm' });
    });

    it('a file with a bad row fails with the row named and saves nothing', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const before = (await db.select({ id: employees.id }).from(employees)).length;
      const bad = employeeCsv(count).replace(`TKK-IMP-${count - 3},Pegawai Impor`, `TKK-IMP-${count - 3},Pegawai Salah`);
      const withUnknownUnit = bad.replace(/(Pegawai Salah \d+,TKK,)Sekretariat/, '$1Unit Entah');
      const { id } = await caller.jobs.importEmployees({ file: csvFile(withUnknownUnit) });
      expect(await runNext(db)).toBe('failed');
      const job = await caller.jobs.get({ id });
      expect(job.error?.message.en).toBe('1 problems; nothing was saved');
      expect(job.error?.problems).toEqual([
        expect.objectContaining({
          path: ['employees', count - 3, 'unit'],
          code: 'employee.unknown_unit',
          row: count - 1,
          column: 'Unit Kerja',
        }),
      ]);
      expect((await db.select({ id: employees.id }).from(employees)).length).toBe(before);
    });

    it('reports the unreadable rows and the rows the database refuses in one pass, by row and column', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const file = [
        'ID Internal,Nama,Jenis Pegawai,Unit Kerja,Tanggal Lahir',
        'TKK-X1,Pegawai Satu,TKK,Sekretariat,31-02-1990',
        'TKK-X2,Pegawai Dua,TKK,Unit Entah,',
        'TKK-X3,Pegawai Tiga,Honorer,Sekretariat,',
      ].join('\n');
      const { id } = await caller.jobs.importEmployees({ file: csvFile(file), preview: true });
      expect(await runNext(db)).toBe('failed');
      const job = await caller.jobs.get({ id });
      expect((job.error?.problems as { message: { id: string } }[]).map((p) => p.message.id)).toEqual([
        expect.stringMatching(/^Baris 2, kolom "Tanggal Lahir": "31-02-1990" bukan tanggal/),
        'Baris 3, kolom "Unit Kerja": unit kerja "Unit Entah" tidak ada di aplikasi',
      ]);
      // "Honorer" is HR's word for a TKK: row 4 is fine.
      await expect(caller.jobs.confirmImport({ id })).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('cancelled while applying, nothing of it stays (one transaction)', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const before = (await db.select({ id: employees.id }).from(employees)).length;
      const auditBefore = (await db.select({ id: auditLog.id }).from(auditLog)).length;
      const { id } = await caller.jobs.importEmployees({ file: csvFile(employeeCsv(count)) });
      // The user presses cancel after the second chunk has gone into `employees` (inside the transaction).
      let checkpoints = 0;
      const applying = { chunks: 0 };
      const status = await runNext(db, (run: JobRun) =>
        JOB_HANDLERS.employee_import({
          ...run,
          checkpoint: async (tx) => {
            checkpoints++;
            if (tx && ++applying.chunks === 2) {
              const inside = rowsOf<{ n: string }>(await tx.execute(sql`SELECT count(*) AS n FROM employees`))[0]!;
              expect(Number(inside.n)).toBe(before + IMPORT_CHUNK * 2);
              await tx.update(jobs).set({ cancelRequested: true }).where(eq(jobs.id, id));
            }
            return run.checkpoint(tx);
          },
        }),
      );
      expect(status).toBe('cancelled');
      expect(checkpoints).toBeGreaterThan(3);
      expect((await db.select({ id: employees.id }).from(employees)).length).toBe(before);
      expect(await db.select().from(employeeImportRows)).toEqual([]);
      // Only the job's own start is in the audit log, no employee.
      const entries = (await db.select().from(auditLog)).slice(auditBefore).map((a) => a.action);
      expect(entries).toEqual(['job.create']);
      expect((await caller.jobs.get({ id })).status).toBe('cancelled');
    });

    it('cancel from the page: a queued job never runs; an ended one cannot be cancelled', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const { id } = await caller.jobs.importEmployees({ file: csvFile(employeeCsv(3)) });
      expect((await caller.jobs.cancel({ id })).status).toBe('cancelled');
      expect(await claimJob(db)).toBeNull();
      await expect(caller.jobs.cancel({ id })).rejects.toMatchObject({ code: 'CONFLICT' });
      expect((await caller.jobs.list({ kind: 'employee_import' })).map((j) => j.id)).toEqual([id]);
    });
  });
});
