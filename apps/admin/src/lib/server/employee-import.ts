import type { Employee, Problem } from '@bangkom/domain';
import { employeeId as idOf, parseCsv } from '@bangkom/domain';
import { employeeChoices, employeeColumns, readRows } from '@bangkom/myasn';
import { xlsxTable } from '@bangkom/myasn/documents';
import { eq, sql } from 'drizzle-orm';
import type { SessionUser } from './auth.js';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import { employeeImportRows, units, users } from './db/schema.js';
import { appError } from './errors.js';
import type { JobRun } from './jobs.js';
import { jobInput } from './jobs.js';
import { drainStale } from './totals.js';

/**
 * The employee import: one place reads an uploaded file into Employee records
 * (`parseEmployeeFile`), one place checks them against the database (`employeeProblems`); the
 * request-sized path (`admin.importEmployees`) and the background job (`employeeImportJob`,
 * any size) both use them.
 */

/** Rows per multi-row statement of the import job (one bind parameter each: a JSON array). */
export const IMPORT_CHUNK = 1000;
/** Problems kept with a failed import job (the message gives the full count). */
const MAX_PROBLEMS_KEPT = 1000;

/** Rows converted per step of `parseEmployeeFile` (a few milliseconds each). */
const PARSE_STEP = 2000;

/**
 * The records of a CSV text a piece at a time: each piece ends at a line break outside quotes
 * after about `rows` lines (a quoted cell may hold line breaks), so each piece parses on its own.
 * `firstLine` is the file's line number of the piece's first line.
 */
function* csvPieces(text: string, rows: number): Generator<{ text: string; firstLine: number }> {
  let start = 0;
  let line = 1;
  while (start < text.length) {
    let end = start;
    let lines = 0;
    let quotes = 0;
    for (;;) {
      const next = text.indexOf('\n', end);
      const stop = next === -1 ? text.length : next + 1;
      for (let q = text.indexOf('"', end); q !== -1 && q < stop; q = text.indexOf('"', q + 1)) quotes++;
      end = stop;
      lines++;
      if (stop === text.length || (quotes % 2 === 0 && lines >= rows)) break;
    }
    yield { text: text.slice(start, end), firstLine: line };
    line += lines;
    start = end;
  }
}

/** What a file gave: the records of the rows that could be read (with their row numbers), and the problems of the others. */
export type ParsedFile =
  { ok: true; records: Employee[]; lines: number[] } | { ok: false; problems: Problem[]; records: Employee[]; lines: number[] };

const emptyFile = (): ParsedFile => ({
  ok: false,
  problems: [{ path: [], code: 'import.empty', message: { id: 'Berkas kosong', en: 'The file is empty' } }],
  records: [],
  lines: [],
});

/** An XLSX workbook (a ZIP file) rather than CSV text. */
const isXlsx = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads an uploaded employee file (the import template, CSV or XLSX) into records and the problems
 * of every row that cannot be read, all in one pass. A CSV is parsed, converted and checked a piece
 * at a time, an XLSX converted a piece at a time, and `between(done, total)` runs after each
 * piece: the import job yields there, so 100,000 rows (seconds of work) never hold the event loop
 * for more than one piece. Problems keep the file's row numbers.
 */
export async function parseEmployeeFile(
  bytes: Uint8Array,
  between: (done: number, total: number) => Promise<void> = async () => {},
): Promise<ParsedFile> {
  const records: Employee[] = [];
  const lines: number[] = [];
  const problems: Problem[] = [];
  let done = 0;
  const convert = async (header: string[], rows: { line: number; cells: string[] }[], total: number) => {
    const step = readRows(header, rows, 'employees');
    for (const r of step.records) {
      records.push(r.value as Employee);
      lines.push(r.line);
    }
    problems.push(...step.problems);
    done += rows.length;
    await between(Math.min(done, total), total);
    // A problem with the header row (a missing or unknown column) is the same in every piece.
    return !step.problems.some((p) => p.row === 1);
  };
  if (isXlsx(bytes)) {
    const table = await xlsxTable(bytes);
    if (!table.ok) return { ok: false, problems: table.problems, records, lines };
    const { header, rows } = table.value;
    if (header.every((h) => h.trim() === '')) return emptyFile();
    for (let at = 0; at === 0 || at < rows.length; at += PARSE_STEP)
      if (!(await convert(header, rows.slice(at, at + PARSE_STEP), rows.length))) break;
  } else {
    const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
    const headerText = csvPieces(text, 1).next().value?.text ?? '';
    const header = parseCsv(headerText).header;
    if (header.length === 0) return emptyFile();
    const body = text.slice(headerText.length);
    // Lines after the header: the progress total (a quoted line break makes it a little high).
    const total = body.split('\n').length - (body.endsWith('\n') ? 1 : 0);
    // A header without any row: the template's own checks (e.g. a missing column) still apply.
    if (body.trim() === '') await convert(header, [], 0);
    for (const piece of csvPieces(body, PARSE_STEP)) {
      // Each piece parses with the header line before it (line 1); its lines are then numbered as in the file.
      const rows = parseCsv(headerText + piece.text).rows.map((r) => ({ ...r, line: r.line - 1 + piece.firstLine }));
      if (!(await convert(header, rows, total))) break;
    }
  }
  return problems.length ? { ok: false, problems, records, lines } : { ok: true, records, lines };
}

/** The refusal of a file that cannot be read; nothing is saved. */
export const unreadableFile = (problems: readonly Problem[]) =>
  appError(
    'BAD_REQUEST',
    `Berkas tidak dapat diimpor (${problems.length} masalah); tidak ada yang disimpan`,
    `The file cannot be imported (${problems.length} problems); nothing was saved`,
    problems.slice(0, MAX_PROBLEMS_KEPT),
  );

/** Longest accepted values of an imported employee: identifiers (an 18-digit NIP, internal ids) and names. */
const MAX_ID = 40;
const MAX_NAME = 200;
const MAX_TEXT = 500;
function lengthLimits(e: Employee): [string, string, number][] {
  const limits: [string, string, number][] = [];
  for (const [field, value] of Object.entries(e)) {
    if (typeof value !== 'string') continue;
    const max = ['nip', 'nipppk', 'internalId', 'supervisorNip', 'nik'].includes(field) ? MAX_ID : field === 'name' ? MAX_NAME : MAX_TEXT;
    limits.push([field, value, max]);
  }
  return limits;
}

/** The cycle an employee's chain of superiors runs into (ids in order), or null when it ends. */
function superiorCycle(start: string, superiorOf: Map<string, string | null>): string[] | null {
  const chain = [start];
  const seen = new Set(chain);
  for (let id = superiorOf.get(start); id; id = superiorOf.get(id)) {
    if (id === start) return [...chain, id];
    // A cycle further up that does not come back here is reported on its own members.
    if (seen.has(id)) return null;
    chain.push(id);
    seen.add(id);
  }
  return null;
}

/** What the database knows that an import is checked against. */
export interface ImportContext {
  /** Unit id by lower-case name or id. */
  unitIdOf: Map<string, string>;
  /** Superior of every stored employee (the key set: who exists). */
  storedSuperiorOf: Map<string, string | null>;
}

export async function importContext(db: Db): Promise<ImportContext> {
  const unitRows = await db.select().from(units);
  const stored = rowsOf<{ id: string; supervisor_id: string | null }>(await db.execute(sql`SELECT id, supervisor_id FROM employees`));
  return {
    unitIdOf: new Map<string, string>([
      ...unitRows.map((u) => [u.name.toLowerCase(), u.id] as const),
      ...unitRows.map((u) => [u.id.toLowerCase(), u.id] as const),
    ]),
    storedSuperiorOf: new Map(stored.map((e) => [e.id, e.supervisor_id])),
  };
}

/**
 * The problems of a batch, each with the employee it concerns: an id twice, a value too long,
 * an unknown unit, a superior who does not exist (stored or in the batch), or a chain of
 * superiors that runs in a circle once the batch is in.
 */
export async function employeeProblems(
  records: readonly Employee[],
  context: ImportContext,
  between: () => Promise<void> = async () => {},
  lines?: readonly number[],
): Promise<Problem[]> {
  const batchIds = new Set(records.map(idOf));
  // Superiors after the import: the file's, over the ones already stored.
  const superiorOf = new Map(context.storedSuperiorOf);
  for (const e of records) superiorOf.set(idOf(e), e.supervisorNip ?? null);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const [i, e] of records.entries()) {
    // The job yields to other requests every few thousand employees.
    if (i > 0 && i % PARSE_STEP === 0) await between();
    const id = idOf(e);
    const line = lines?.[i];
    // In a file: "Baris 12, kolom "Unit Kerja": …" (the column's template header); otherwise the employee.
    const where = (field: string) => {
      const column = employeeColumns.find((c) => c.field === field)?.header ?? field;
      return line === undefined
        ? { id: `Pegawai ke-${i + 1} (${e.name}, ${id})`, en: `Employee ${i + 1} (${e.name}, ${id})`, row: {} }
        : { id: `Baris ${line}, kolom "${column}"`, en: `Row ${line}, column "${column}"`, row: { row: line, column } };
    };
    const at = (field: string, code: string, id: string, en: string): Problem => {
      const w = where(field);
      return { path: ['employees', i, field], code, message: { id: `${w.id}: ${id}`, en: `${w.en}: ${en}` }, ...w.row };
    };
    const idField = e.kind === 'TKK' ? 'internalId' : e.nip === undefined ? 'nipppk' : 'nip';
    if (seen.has(id))
      problems.push(
        at(idField, 'employee.duplicate', `${id} muncul lebih dari sekali di berkas`, `${id} appears more than once in the file`),
      );
    seen.add(id);
    for (const [field, value, max] of lengthLimits(e))
      if (value.length > max) problems.push(at(field, 'employee.too_long', `lebih dari ${max} karakter`, `longer than ${max} characters`));
    if (e.supervisorNip === id)
      problems.push(
        at(
          'supervisorNip',
          'employee.own_superior',
          'pegawai tidak boleh menjadi atasan dirinya sendiri',
          'an employee cannot be their own superior',
        ),
      );
    else {
      const cycle = superiorCycle(id, superiorOf);
      if (cycle)
        problems.push(
          at(
            'supervisorNip',
            'employee.superior_cycle',
            `rantai atasan berputar kembali ke pegawai ini (${cycle.join(' → ')})`,
            `the chain of superiors comes back to this employee (${cycle.join(' → ')})`,
          ),
        );
    }
    if (!e.unit) problems.push(at('unit', 'employee.unknown_unit', 'wajib diisi', 'required'));
    else if (!context.unitIdOf.has(e.unit.toLowerCase()))
      problems.push(
        at(
          'unit',
          'employee.unknown_unit',
          `unit kerja "${e.unit}" tidak ada di aplikasi`,
          `there is no work unit "${e.unit}" in the application`,
        ),
      );
    if (e.supervisorNip && !batchIds.has(e.supervisorNip) && !context.storedSuperiorOf.has(e.supervisorNip))
      problems.push(
        at(
          'supervisorNip',
          'employee.unknown_supervisor',
          `tidak ada pegawai dengan NIP ${e.supervisorNip} (di aplikasi maupun di berkas ini)`,
          `there is no employee with NIP ${e.supervisorNip} (in the application or in this file)`,
        ),
      );
  }
  return problems;
}

/** The refusal of a batch with problems; nothing is saved. */
export const refusedBatch = (problems: readonly Problem[]) =>
  appError(
    'BAD_REQUEST',
    `${problems.length} masalah; tidak ada yang disimpan`,
    `${problems.length} problems; nothing was saved`,
    problems.slice(0, MAX_PROBLEMS_KEPT),
  );

const json = (rows: unknown[]) => sql.param(JSON.stringify(rows));

/** Changed rows a preview lists one by one (the counts cover all). */
export const PREVIEW_ROWS = 200;

/** How an employee's stored values read in a preview: the template's words, not codes. */
function shown(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '–';
  const choices = (employeeChoices as Record<string, { code: string; labels: string[] }[]>)[field];
  return choices?.find((c) => c.code === value)?.labels[0] ?? String(value);
}

/** What one changed row of a preview changes: column, before, after. */
function changedFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): { column: string; before: string; after: string }[] {
  const fields = employeeColumns.map((c) => c.field).filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  return fields.map((f) => ({
    column: employeeColumns.find((c) => c.field === f)!.header,
    before: shown(f, before[f]),
    after: shown(f, after[f]),
  }));
}

/**
 * The import job. The file is read and checked first (nothing written, every problem of every row
 * in one refusal), then the records are staged in `employee_import_rows` a chunk per statement
 * (other requests run between chunks, on PGlite too). A preview (`params.preview`) then compares
 * the staged rows with the stored employees and ends with the counts (new, changed, unchanged)
 * and what changes per row, keeping its file for the import that follows it. An import moves the
 * staged rows into `employees` in ONE transaction of multi-row upserts — all or nothing; a cancel
 * or a shutdown before its commit leaves the employees as they were.
 */
export async function employeeImportJob(run: JobRun): Promise<void> {
  const { db, job } = run;
  const preview = (job.params as { preview?: boolean }).preview === true;
  // Progress in thirds: reading the rows, staging them, applying (or comparing) them.
  const parsed = await parseEmployeeFile(await jobInput(db, job.id), async (done, rows) => {
    await run.progress(done, rows * 3);
    await run.checkpoint();
  });
  const { records, lines } = parsed;
  const total = records.length;
  await run.progress(total, total * 3);
  const context = await importContext(db);
  // The rows that could be read are checked against the database too: every problem at once.
  const problems = [...(parsed.ok ? [] : parsed.problems), ...(await employeeProblems(records, context, () => run.checkpoint(), lines))];
  if (problems.length) throw parsed.ok ? refusedBatch(problems) : unreadableFile(problems);
  await run.checkpoint();

  await db.delete(employeeImportRows).where(eq(employeeImportRows.jobId, job.id));
  for (let at = 0; at < total; at += IMPORT_CHUNK) {
    const chunk = records.slice(at, at + IMPORT_CHUNK).map((e, i) => ({
      seq: at + i,
      id: idOf(e),
      kind: e.kind,
      name: e.name,
      unit_id: context.unitIdOf.get(e.unit!.toLowerCase())!,
      supervisor_id: e.supervisorNip ?? null,
      data: { ...e },
    }));
    await db.execute(sql`INSERT INTO employee_import_rows (job_id, seq, id, kind, name, unit_id, supervisor_id, data)
      SELECT ${job.id}, seq, id, kind, name, unit_id, supervisor_id, data
      FROM jsonb_to_recordset(${json(chunk)}::jsonb) AS x(seq integer, id text, kind text, name text, unit_id text, supervisor_id text, data jsonb)`);
    await run.progress(total + Math.min(at + IMPORT_CHUNK, total));
    await run.checkpoint();
  }

  // Fresh statistics for the joins below (a staging table the planner has never seen reads as empty).
  await db.execute(sql`ANALYZE employee_import_rows`);
  if (preview) {
    const differs = sql`(e.data IS DISTINCT FROM s.data OR e.unit_id IS DISTINCT FROM s.unit_id OR e.supervisor_id IS DISTINCT FROM s.supervisor_id)`;
    const [counts] = rowsOf<{ created: number; changed: number }>(
      await db.execute(sql`SELECT count(*) FILTER (WHERE e.id IS NULL)::integer AS created,
          count(*) FILTER (WHERE e.id IS NOT NULL AND ${differs})::integer AS changed
        FROM employee_import_rows s LEFT JOIN employees e ON e.id = s.id WHERE s.job_id = ${job.id}`),
    );
    const changedRows = rowsOf<{ seq: number; id: string; name: string; before: Record<string, unknown>; after: Record<string, unknown> }>(
      await db.execute(sql`SELECT s.seq, s.id, s.name, e.data AS before, s.data AS after
        FROM employee_import_rows s JOIN employees e ON e.id = s.id
        WHERE s.job_id = ${job.id} AND ${differs} ORDER BY s.seq LIMIT ${PREVIEW_ROWS}`),
    );
    const created = Number(counts?.created ?? 0);
    const changed = Number(counts?.changed ?? 0);
    await db.transaction(async (tx) =>
      run.complete(tx as unknown as Db, {
        preview: true,
        rows: total,
        created,
        changed,
        unchanged: total - created - changed,
        changes: changedRows.map((r) => ({
          row: lines[r.seq] ?? null,
          id: r.id,
          name: r.name,
          fields: changedFields(r.before ?? {}, r.after ?? {}),
        })),
      }),
    );
    return;
  }
  const creator = job.createdBy ? (await db.select().from(users).where(eq(users.id, job.createdBy)))[0] : undefined;
  const who: SessionUser | null = creator
    ? { id: creator.id, username: creator.username, role: creator.role, employeeId: creator.employeeId, unitId: creator.unitId }
    : null;
  await db.transaction(async (txDb) => {
    const tx = txDb as unknown as Db;
    let created = 0;
    const range = (at: number) => sql`s.job_id = ${job.id} AND s.seq >= ${at} AND s.seq < ${at + IMPORT_CHUNK}`;
    for (let at = 0; at < total; at += IMPORT_CHUNK) {
      // The audit log keeps what changed: before and after of every updated employee.
      await tx.execute(sql`INSERT INTO audit_log (user_id, username, action, entity, entity_id, before, after)
        SELECT ${who?.id ?? null}::integer, ${who?.username ?? null}::text, 'employee.update', 'employee', s.id,
          jsonb_build_object('unitId', e.unit_id, 'data', e.data), jsonb_build_object('unitId', s.unit_id, 'data', s.data)
        FROM employee_import_rows s JOIN employees e ON e.id = s.id
        WHERE ${range(at)} AND (e.data IS DISTINCT FROM s.data OR e.unit_id IS DISTINCT FROM s.unit_id)
        ORDER BY s.seq`);
      // New employees come in without superiors (a superior may be later in the file); superiors follow below.
      const inserted = rowsOf<{ inserted: boolean }>(
        await tx.execute(sql`INSERT INTO employees (id, kind, name, unit_id, supervisor_id, data)
          SELECT s.id, s.kind, s.name, s.unit_id, NULL, s.data FROM employee_import_rows s WHERE ${range(at)} ORDER BY s.seq
          ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, unit_id = excluded.unit_id, data = excluded.data
          RETURNING (xmax = 0) AS inserted`),
      );
      created += inserted.filter((r) => r.inserted === true || String(r.inserted) === 'true').length;
      // Progress from outside the transaction: on PGlite it is written once the transaction ends.
      void run.progress(2 * total + Math.min(at + IMPORT_CHUNK, total)).catch(() => {});
      await run.checkpoint(tx);
    }
    // The rows just written count for the planner (ANALYZE sees the transaction's own rows):
    // otherwise it takes `employees` for small and joins by scanning it once per staged row.
    await tx.execute(sql`ANALYZE employees`);
    for (let at = 0; at < total; at += IMPORT_CHUNK) {
      await tx.execute(sql`UPDATE employees e SET supervisor_id = s.supervisor_id FROM employee_import_rows s
        WHERE ${range(at)} AND e.id = s.id AND e.supervisor_id IS DISTINCT FROM s.supervisor_id`);
      await run.checkpoint(tx);
    }
    const result = { created, updated: total - created };
    await tx.execute(sql`INSERT INTO audit_log (user_id, username, action, entity, entity_id, before, after)
      SELECT ${who?.id ?? null}::integer, ${who?.username ?? null}::text, 'employee.import', 'employee', NULL, NULL,
        jsonb_build_object('created', ${created}::integer, 'updated', ${total - created}::integer, 'job', ${job.id}::bigint,
          'ids', (SELECT jsonb_agg(id ORDER BY seq) FROM employee_import_rows WHERE job_id = ${job.id}))`);
    await tx.delete(employeeImportRows).where(eq(employeeImportRows.jobId, job.id));
    await run.complete(tx, result);
  });
  // A change of kind changes limits and obligations ([P] art. 19(3)): the triggers marked those employees; recomputed now.
  void drainStale(db).catch((e) => console.error('JP recomputation failed', e));
}
