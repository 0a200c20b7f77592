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
import type { RuleProfile } from '@bangkom/jp';
import { roundJp } from '@bangkom/jp';
import { SUMMARY_HEADERS, SUMMARY_STATUS } from '../monitoring-sheet.js';
import { activityOf, profileOfYear } from './routers/activities.js';
import { freshen } from './totals.js';

/**
 * The monitoring sheet of a unit or of the whole agency for one year: a summary of every employee
 * (JP against the obligation, shortfall, status, with totals; TKK apart, without an obligation)
 * and the activity detail of [K] III.A. Written as a stream: employees are read a page at a time (by unit, then name: index `employees_unit_name`)
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

/**
 * The obligation of each kind of employee under a profile version (the one of the year,
 * `profileOfYear`), as SQL rows `(kind, required, cap)`: compliance is then decided in SQL, per employee.
 */
export function obligationsSql(profile: RuleProfile) {
  const kinds = ['PNS', 'PPPK', 'TKK'] as const;
  return sql.join(
    kinds.map((k) => sql`(${k}::text, ${profile.obligations[k].requiredJp}::numeric, ${profile.obligations[k].maxJp ?? null}::numeric)`),
    sql`, `,
  );
}

type SummaryRecord = {
  id: string;
  name: string;
  kind: string;
  unit: string;
  jp: number;
  required: number;
  compliant: boolean;
  free: boolean;
};
/** One employee of the summary sheet. */
export interface SummaryRow {
  nip: string;
  name: string;
  unit: string;
  kind: string;
  jp: number;
  /** 0: no obligation (TKK, [K] I.E.16b-c). */
  required: number;
  shortfall: number;
  compliant: boolean;
}

/** Why TKK are listed apart ([K] I.E.16b-c: development as the organisation needs, no JP obligation). */
export const TKK_NOTE =
  'Tenaga Kerja Kontrak (TKK) bukan ASN: dapat diikutkan pengembangan kompetensi sesuai kebutuhan organisasi, tetapi tidak wajib 20 JP, sehingga tidak dihitung dalam jumlah di atas (Pedoman Pengembangan Kompetensi DPUPR Kutai Barat 2024, I.E.16 huruf b–c).';
const statusOf = (r: SummaryRow) =>
  r.required === 0 ? SUMMARY_STATUS.notObliged : r.compliant ? SUMMARY_STATUS.met : SUMMARY_STATUS.below;
const summaryCells = (r: SummaryRow, no: number) => [
  no,
  r.nip,
  r.name,
  r.unit,
  r.kind,
  r.jp,
  r.required || '-',
  r.required ? r.shortfall : '-',
  statusOf(r),
];

/**
 * Every employee of the scope with the JP that counts in the year (stored totals, 0 without
 * activities), a page at a time: those with an obligation first, then those without (TKK); each
 * by unit name, name. `belowOnly`: those below the obligation only.
 */
export async function* summaryPages(db: Db, scope: MonitoringScope, options: { belowOnly?: boolean; signal?: AbortSignal } = {}) {
  const obligations = obligationsSql(await profileOfYear(db, scope.year));
  let after: { free: boolean; unit: string; name: string; id: string } | null = null;
  for (;;) {
    options.signal?.throwIfAborted();
    const rows: SummaryRecord[] = rowsOf<SummaryRecord>(
      await db.execute(sql`WITH ob(kind, required, cap) AS (VALUES ${obligations}),
        s AS (
          SELECT e.id, e.name, e.kind, u.name AS unit, coalesce(t.jp, 0)::float8 AS jp, ob.required::float8 AS required,
            (coalesce(t.jp, 0) >= ob.required AND (ob.cap IS NULL OR coalesce(t.jp, 0) <= ob.cap)) AS compliant, ob.required = 0 AS free
          FROM employees e JOIN units u ON u.id = e.unit_id JOIN ob ON ob.kind = e.kind
          LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${scope.year}
          ${scope.unitId ? sql`WHERE e.unit_id = ${scope.unitId}` : sql``}
        )
        SELECT * FROM s WHERE true
          ${options.belowOnly ? sql`AND NOT free AND NOT compliant` : sql``}
          ${after ? sql`AND (free, unit, name, id) > (${after.free}, ${after.unit}, ${after.name}, ${after.id})` : sql``}
        ORDER BY free, unit, name, id LIMIT ${EMPLOYEES_PER_PAGE}`),
    );
    if (rows.length === 0) return;
    const last = rows.at(-1)!;
    after = { free: last.free === true || String(last.free) === 'true', unit: last.unit, name: last.name, id: last.id };
    yield rows.map((r): SummaryRow => ({
      nip: r.id,
      name: r.name,
      unit: r.unit,
      kind: r.kind,
      jp: roundJp(Number(r.jp)),
      required: Number(r.required),
      shortfall: roundJp(Math.max(0, Number(r.required) - Number(r.jp))),
      compliant: r.compliant === true || String(r.compliant) === 'true',
    }));
  }
}

/** The summary's rows with the totals under those with an obligation and the TKK apart, as table rows. */
async function* summaryTable(pages: AsyncIterable<SummaryRow[]>): AsyncGenerator<{ cells: unknown[]; style?: 'bold' | 'note' }[]> {
  let no = 0;
  let obliged = 0;
  let compliant = 0;
  let jp = 0;
  let freeStarted = false;
  const totals = () => [
    { cells: [] },
    {
      cells: ['', '', `JUMLAH PEGAWAI WAJIB: ${obliged}`, `MEMENUHI: ${compliant}`, `BELUM MEMENUHI: ${obliged - compliant}`, roundJp(jp)],
      style: 'bold' as const,
    },
  ];
  for await (const page of pages) {
    const out: { cells: unknown[]; style?: 'bold' | 'note' }[] = [];
    for (const r of page) {
      if (r.required === 0 && !freeStarted) {
        freeStarted = true;
        no = 0;
        out.push(
          ...totals(),
          { cells: [] },
          { cells: ['TENAGA KERJA KONTRAK (TIDAK WAJIB 20 JP)'], style: 'bold' },
          { cells: [TKK_NOTE], style: 'note' },
        );
      }
      if (r.required > 0) {
        obliged++;
        if (r.compliant) compliant++;
        jp += r.jp;
      }
      out.push({ cells: summaryCells(r, ++no) });
    }
    yield out;
  }
  if (!freeStarted) yield totals();
}

/** Rows the sheet will have (every employee in the scope, and the verified activities of the year): the job's progress total. */
export async function monitoringRowCount(db: Db, scope: MonitoringScope): Promise<number> {
  const [row] = rowsOf<{ n: string; people: string }>(
    await db.execute(sql`SELECT (SELECT count(*) FROM activity_jp j JOIN activities a ON a.id = j.activity_id
      ${scope.unitId ? sql`JOIN employees e ON e.id = j.employee_id` : sql``}
      WHERE j.year = ${scope.year} AND a.status = 'verified' ${scope.unitId ? sql`AND e.unit_id = ${scope.unitId}` : sql``}) AS n,
      (SELECT count(*) FROM employees ${scope.unitId ? sql`WHERE unit_id = ${scope.unitId}` : sql``}) AS people`),
  );
  return Number(row?.n ?? 0) + Number(row?.people ?? 0);
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

/** A row of the summary table that is an employee (not a total, a heading or a note). */
const isEmployeeRow = (r: { cells: unknown[] }) => r.cells.length === SUMMARY_HEADERS.length;
export const SUMMARY_WIDTHS = [6, 22, 30, 30, 14, 14, 14, 16, 20];
export const DETAIL_TITLE = 'RINCIAN KEGIATAN PENGEMBANGAN KOMPETENSI (TERVERIFIKASI)';

/**
 * Writes the sheet to `path` from the pages as they come: the summary of every employee, then
 * the activity detail. XLSX through exceljs's streaming writer (sheets "Rekap" and "Rincian
 * Kegiatan", each row committed to the file at once, strings inline); CSV as the two tables one
 * under the other, with a byte-order mark so Excel reads it as UTF-8. `onRows` hears the running
 * count of rows written after each page.
 */
export async function writeMonitoringFile(
  sheets: { summary: AsyncIterable<SummaryRow[]> | null; detail: AsyncIterable<MonitoringRow[]> | null },
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
    await write('\uFEFF');
    if (sheets.summary) {
      await write(toCsv([[title], [], SUMMARY_HEADERS]));
      for await (const page of summaryTable(sheets.summary)) {
        await write(toCsv(page.map((r) => r.cells.map((c) => c as string | number))));
        count += page.filter(isEmployeeRow).length;
        await onRows(count);
      }
    }
    if (sheets.detail) {
      await write(toCsv([...(sheets.summary ? [[], [DETAIL_TITLE]] : [[title]]), [], [...MONITORING_HEADERS]]));
      let no = 0;
      for await (const page of sheets.detail) {
        await write(toCsv(page.map((r) => cells(r, ++no))));
        count += page.length;
        await onRows(count);
      }
    }
    out.end();
    await once(out, 'finish');
    return count;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Bangkom';
  const start = (name: string, sheetTitle: string, headers: readonly string[], widths: number[]) => {
    const sheet = workbook.addWorksheet(name, {
      pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true },
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    sheet.columns = widths.map((width) => ({ width }));
    const titleRow = sheet.addRow([sheetTitle]);
    titleRow.font = { bold: true, size: 13 };
    titleRow.commit();
    sheet.addRow([]).commit();
    const header = sheet.addRow([...headers]);
    header.font = { bold: true };
    header.commit();
    return sheet;
  };
  if (sheets.summary) {
    const sheet = start('Rekap', title, SUMMARY_HEADERS, SUMMARY_WIDTHS);
    for await (const page of summaryTable(sheets.summary)) {
      for (const r of page) {
        const row = sheet.addRow(r.cells);
        if (r.style === 'bold') row.font = { bold: true };
        if (r.style === 'note') row.font = { italic: true };
        row.commit();
      }
      count += page.filter(isEmployeeRow).length;
      await onRows(count);
    }
    sheet.commit();
  }
  if (sheets.detail) {
    const sheet = start(
      'Rincian Kegiatan',
      sheets.summary ? `${DETAIL_TITLE} ${title.replace(/\D+/g, '')}` : title,
      MONITORING_HEADERS,
      COLUMN_WIDTHS,
    );
    let no = 0;
    for await (const page of sheets.detail) {
      for (const r of page) sheet.addRow(cells(r, ++no)).commit();
      count += page.length;
      await onRows(count);
    }
    sheet.commit();
  }
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

export const belowTitle = (year: number) => `PEGAWAI DI BAWAH KEWAJIBAN JP ${year}`;
export const belowFilename = (scope: MonitoringScope, format: MonitoringFormat) =>
  `dibawah-kewajiban-${scope.unitId ?? 'semua-unit'}-${scope.year}.${format}`;

/**
 * The sheet of a small scope (one unit) as bytes, for a download in the request itself; `belowOnly`:
 * the list of employees below the obligation only (the dashboard's table, every row of it).
 */
export async function monitoringBytes(db: Db, scope: MonitoringScope, format: MonitoringFormat, signal?: AbortSignal, belowOnly = false) {
  await freshen(db, scope.unitId ? eq(employees.unitId, scope.unitId) : undefined);
  return withScratchFile(monitoringFilename(scope, format), async (path) => {
    const summary = summaryPages(db, scope, { belowOnly, ...(signal ? { signal } : {}) });
    const sheets = { summary, detail: belowOnly ? null : monitoringPages(db, scope, signal) };
    await writeMonitoringFile(sheets, format, belowOnly ? belowTitle(scope.year) : monitoringTitle(scope.year), path);
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
    const sheets = { summary: summaryPages(db, scope), detail: monitoringPages(db, scope) };
    const rows = await writeMonitoringFile(sheets, format, monitoringTitle(scope.year), path, async (done) => {
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
