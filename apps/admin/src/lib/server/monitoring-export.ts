import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Employee } from '@bangkom/domain';
import { toCsv } from '@bangkom/domain';
import type { MonitoringRow } from '@bangkom/myasn/documents';
import { MONITORING_HEADERS, monitoringRows } from '@bangkom/myasn/documents';
import { asc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { audit } from './audit.js';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import type { StoredActivity } from './db/schema.js';
import { employees, units, users } from './db/schema.js';
import type { JobRun } from './jobs.js';
import { storeJobFile } from './jobs.js';
import { activityOf } from './routers/activities.js';
import { freshen } from './totals.js';

/**
 * The monitoring sheet ([K] III.A) of a unit or of the whole agency for one year, written as a
 * stream: employees are read a page at a time (by unit, then name: index `employees_unit_name`)
 * with their verified activities of the year (`activity_jp_employee_year`), and each page's rows
 * go to the file before the next page is read, so memory stays the same for 50 or 50,000 people.
 */

export type MonitoringFormat = 'xlsx' | 'csv';
export interface MonitoringScope {
  year: number;
  /** One unit, or the whole agency. */
  unitId: string | null;
}

/** Employees per page of the export. */
const EMPLOYEES_PER_PAGE = 500;
const COLUMN_WIDTHS = [6, 30, 22, 30, 40, 34, 22, 34];
export const MEDIA_TYPES: Record<MonitoringFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export const monitoringTitle = (year: number) => `MONITORING PENGEMBANGAN KOMPETENSI ${year}`;
export const monitoringFilename = (scope: MonitoringScope, format: MonitoringFormat) =>
  `monitoring-${scope.unitId ?? 'semua-unit'}-${scope.year}.${format}`;

/** Rows the sheet will have (the verified activities of the year in the scope): the job's progress total. */
export async function monitoringRowCount(db: Db, scope: MonitoringScope): Promise<number> {
  const [row] = rowsOf<{ n: string }>(
    await db.execute(sql`SELECT count(*) AS n FROM activity_jp j JOIN activities a ON a.id = j.activity_id
      ${scope.unitId ? sql`JOIN employees e ON e.id = j.employee_id` : sql``}
      WHERE j.year = ${scope.year} AND a.status = 'verified' ${scope.unitId ? sql`AND e.unit_id = ${scope.unitId}` : sql``}`),
  );
  return Number(row?.n ?? 0);
}

/**
 * The sheet's rows a page at a time: units by name, employees by name within a unit, each
 * employee's activities by start date. `signal` (a request whose client left) stops it between pages.
 */
export async function* monitoringPages(db: Db, scope: MonitoringScope, signal?: AbortSignal): AsyncGenerator<MonitoringRow[]> {
  const unitRows = await db.select().from(units).orderBy(asc(units.name), asc(units.id));
  for (const unit of unitRows) {
    if (scope.unitId && unit.id !== scope.unitId) continue;
    let after: { name: string; id: string } | null = null;
    for (;;) {
      signal?.throwIfAborted();
      const people: { id: string; data: Employee }[] = rowsOf<{ id: string; data: Employee }>(
        await db.execute(sql`SELECT id, data FROM employees WHERE unit_id = ${unit.id}
          ${after ? sql`AND (name, id) > (${after.name}, ${after.id})` : sql``}
          ORDER BY name, id LIMIT ${EMPLOYEES_PER_PAGE}`),
      );
      if (people.length === 0) break;
      const last = people.at(-1)!;
      after = { name: last.data.name, id: last.id };
      const found = rowsOf<{
        data: StoredActivity;
        jpOverride: number | null;
        jpOverrideReason: string | null;
        jpOverrideBy: string | null;
      }>(
        // The admin's JP override ([P] art. 12(2)f) goes with each activity, as on every other page.
        await db.execute(sql`SELECT a.data, a.jp_override::float8 AS "jpOverride", a.jp_override_reason AS "jpOverrideReason",
            a.jp_override_by AS "jpOverrideBy"
          FROM activity_jp j JOIN activities a ON a.id = j.activity_id
          WHERE j.employee_id = ANY(${sql.param(people.map((p) => p.id))}::text[]) AND j.year = ${scope.year} AND a.status = 'verified'`),
      );
      if (found.length === 0) continue;
      const order = new Map(people.map((p, i) => [p.id, i]));
      // monitoringRows orders by start date; the stable sort then groups them by employee in name order.
      const rows = monitoringRows(
        people.map((p) => ({ ...p.data, unit: unit.name })),
        found.map((r) => activityOf({ ...r, status: 'verified' })),
      ).sort((x, y) => (order.get(x.nip) ?? 0) - (order.get(y.nip) ?? 0));
      yield rows;
    }
  }
}

const cells = (r: MonitoringRow, no: number) => [no, r.name, r.nip, r.unit, r.activity, r.timeAndPlace, r.presented, r.category];

/**
 * Writes the sheet to `path` from the pages as they come: XLSX through exceljs's streaming writer
 * (each row committed to the file at once, strings inline), CSV with a byte-order mark so Excel
 * reads it as UTF-8. `onRows` hears the running count after each page.
 */
export async function writeMonitoringFile(
  pages: AsyncIterable<MonitoringRow[]>,
  format: MonitoringFormat,
  title: string,
  path: string,
  onRows: (rows: number) => Promise<void> = async () => {},
): Promise<number> {
  let count = 0;
  if (format === 'csv') {
    const out = createWriteStream(path);
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    await write('\uFEFF' + toCsv([[title], [], [...MONITORING_HEADERS]]));
    for await (const page of pages) {
      await write(toCsv(page.map((r) => cells(r, ++count))));
      await onRows(count);
    }
    out.end();
    await once(out, 'finish');
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bangkom';
  const sheet = workbook.addWorksheet('Monitoring', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  sheet.columns = COLUMN_WIDTHS.map((width) => ({ width }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 13 };
  titleRow.commit();
  sheet.addRow([]).commit();
  const header = sheet.addRow([...MONITORING_HEADERS]);
  header.font = { bold: true };
  header.commit();
  for await (const page of pages) {
    for (const r of page) sheet.addRow(cells(r, ++count)).commit();
    await onRows(count);
  }
  sheet.commit();
  await workbook.commit();
  return count;
}

/** A scratch directory for one file, removed afterwards whatever happens. */
export async function withScratchFile<T>(name: string, work: (path: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'bangkom-'));
  try {
    return await work(join(dir, name));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The sheet of a small scope (one unit) as bytes, for a download in the request itself. */
export async function monitoringBytes(db: Db, scope: MonitoringScope, format: MonitoringFormat, signal?: AbortSignal) {
  await freshen(db, scope.unitId ? eq(employees.unitId, scope.unitId) : undefined);
  return withScratchFile(monitoringFilename(scope, format), async (path) => {
    await writeMonitoringFile(monitoringPages(db, scope, signal), format, monitoringTitle(scope.year), path);
    return new Uint8Array(await readFile(path));
  });
}

/** The background job: the sheet is written to a scratch file, stored in `job_files`, then the job is done. */
export async function monitoringExportJob(run: JobRun): Promise<void> {
  const { db, job } = run;
  const scope = { year: Number(job.params['year']), unitId: (job.params['unitId'] as string | null) ?? null };
  const format = job.params['format'] === 'csv' ? 'csv' : 'xlsx';
  await freshen(db, scope.unitId ? eq(employees.unitId, scope.unitId) : undefined);
  const total = await monitoringRowCount(db, scope);
  await run.progress(0, total);
  const filename = monitoringFilename(scope, format);
  const { rows, bytes } = await withScratchFile(filename, async (path) => {
    const rows = await writeMonitoringFile(monitoringPages(db, scope), format, monitoringTitle(scope.year), path, async (done) => {
      await run.progress(done);
      await run.checkpoint();
    });
    const bytes = await storeJobFile(db, job.id, 'result', createReadStream(path));
    return { rows, bytes };
  });
  await db.transaction(async (tx) => {
    const user = job.createdBy ? (await tx.select().from(users).where(eq(users.id, job.createdBy)))[0] : undefined;
    const who = user ? { id: user.id, username: user.username, role: user.role, employeeId: user.employeeId, unitId: user.unitId } : null;
    await audit(tx, who, 'export.monitoring', 'unit', scope.unitId, null, { year: scope.year, format, rows, job: job.id });
    await run.complete(tx as unknown as Db, { filename, mediaType: MEDIA_TYPES[format], bytes, rows });
  });
}
