import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { Employee, LearningActivity, Problem } from '@bangkom/domain';
import { Employee as EmployeeSchema, LearningActivity as ActivitySchema, employeeId, parseWith, today } from '@bangkom/domain';
import type { ComputeOptions, RuleProfile, TraceStep, YearSummary } from '@bangkom/jp';
import { computeJp, periodDateOf, resolveProfiles, withDefaults } from '@bangkom/jp';
import { csvRecord } from '../io.js';
import { fastActivity, validDate } from './fast.js';
import type { RowBatch } from './read.js';
import { InputError, readCsvInput, readJsonInput, readNdjsonInput } from './read.js';
import { ActivityStore } from './store.js';

export type TraceMode = 'none' | 'summary' | 'full';

/** Inputs up to this size get the full trace by default; larger ones the summary (README: `bangkom jp`). */
export const FULL_TRACE_LIMIT = 32 * 1024 * 1024;

/**
 * Activities per engine call: whole employees, so limits and yearly totals see all of a person's
 * records. Small, so the traces the engine builds die young (measured at 100,000 activities with
 * summary traces: 250 against 2,000 takes a third less CPU and memory; 100 against 250 another 5%
 * of CPU; 40 no better than 100).
 */
const BATCH = 100;
/** Problems kept for the report; a file wrong on every row does not need a million messages. */
const MAX_PROBLEMS = 1_000;

export type InputKind = 'json' | 'ndjson' | 'csv';
export const inputKindOf = (file: string): InputKind => {
  const ext = extname(file).toLowerCase();
  return ext === '.csv' ? 'csv' : ext === '.ndjson' || ext === '.jsonl' ? 'ndjson' : 'json';
};

export const defaultTrace = async (files: string[]): Promise<TraceMode> => {
  let size = 0;
  for (const f of files) size += (await stat(f).catch(() => ({ size: 0 }))).size;
  return size <= FULL_TRACE_LIMIT ? 'full' : 'summary';
};

export interface JpRunOptions {
  file: string;
  employeesFile?: string;
  profile?: string | RuleProfile;
  year?: number;
  projected: boolean;
  trace: TraceMode;
  /**
   * `--skip-invalid`: a record that fails the schema or that no rule can convert is set aside
   * (`counted: false`, 0 JP, its problems in `setAside`) and the rest is computed (engine `invalid: 'report'`).
   */
  skipInvalid?: boolean;
  /** Activities per engine call (default 100); tests make it small to cross batch boundaries. */
  batchSize?: number;
}

/** One step of a summary trace: which rule, its source, and the JP after it. */
export interface TraceSummaryStep {
  rule: string;
  citation: string;
  value?: number;
}

/** What a run produced, column by column in input order (numbers in typed arrays: 1,000,000 rows stay small). */
export interface JpRun {
  profile: string;
  /** Input rows by index (none where a row was not evaluated: outside `--year`, or refused). */
  activities: ActivityStore;
  /** Rows set aside (`--skip-invalid`): the id and NIP their result shows. */
  setAsideRows: Map<number, { id: string; nip: string }>;
  /** Problems of the rows set aside, with their paths and lines. */
  setAside: Problem[];
  jp: Float64Array;
  convertedJp: Float64Array;
  /** 0 does not count, 1 counts, 2 reduced by a limit. */
  counted: Uint8Array;
  year: Uint16Array;
  /** Per activity, as JSON text: the engine's steps (`full`) or the summary steps, shared between rows (`summary`). */
  traces: (string | undefined)[];
  summaries: YearSummary[];
  warnings: Problem[];
}

/**
 * Reads the input (streamed: JSON, NDJSON or CSV), validates every row (fast path, the schema for
 * the exact message), then runs the engine on batches of whole employees. The engine is the only
 * place rules live; batching changes only how much is held at once.
 */
export async function runJp(options: JpRunOptions): Promise<{ ok: true; run: JpRun } | { ok: false; problems: Problem[] }> {
  const problems: Problem[] = [];
  let dropped = 0;
  const report = (p: Problem) => (problems.length < MAX_PROBLEMS ? problems.push(p) : dropped++);
  const skipInvalid = options.skipInvalid === true;
  const setAside: Problem[] = [];
  let setAsideDropped = 0;
  const putAside = (p: Problem) => (setAside.length < MAX_PROBLEMS ? setAside.push(p) : setAsideDropped++);
  const activities = new ActivityStore();
  /** Rows that failed the schema, kept as read for the engine to set aside (`--skip-invalid`). */
  const rejected = new Map<number, unknown>();
  /** Second and later rows of an id (`--skip-invalid`): set aside here, never converted. */
  const duplicates = new Map<number, LearningActivity>();
  const lines: number[] = [];
  let rowCount = 0;
  const employees: Employee[] = [];
  const firstById = new Map<string, number>();
  const policy = withDefaults({});
  const withLine = (p: Problem, line: number | undefined): Problem =>
    line === undefined ? p : { ...p, row: line, column: String(p.path.at(-1) ?? '') };

  const addActivity = (row: unknown, index: number, line: number | undefined) => {
    rowCount = Math.max(rowCount, index + 1);
    // As in the engine: a record dated outside the year asked is not evaluated at all.
    if (options.year !== undefined) {
      const year = rawYear(row, policy.periodDate);
      if (year !== undefined && year !== options.year) return;
    }
    if (line !== undefined) lines[index] = line;
    let activity = fastActivity(row);
    if (!activity) {
      const parsed = parseWith(ActivitySchema, row, ['activities', index]);
      if (!parsed.ok) {
        for (const p of parsed.problems) (skipInvalid ? putAside : report)(withLine(p, line));
        if (skipInvalid) rejected.set(index, row);
        return;
      }
      activity = parsed.value;
    }
    const first = firstById.get(activity.id);
    if (first !== undefined) {
      (skipInvalid ? putAside : report)({
        path: ['activities', index, 'id'],
        ...(line !== undefined ? { row: line, column: 'id' } : {}),
        code: 'activity.duplicate_id',
        message: {
          id: `Id kegiatan ${activity.id} sudah dipakai oleh /activities/${first}`,
          en: `Activity id ${activity.id} is already used by /activities/${first}`,
        },
      });
      if (skipInvalid) duplicates.set(index, activity);
      return;
    }
    firstById.set(activity.id, index);
    activities.set(index, activity);
  };
  const addEmployee = (row: unknown, path: (string | number)[], line?: number) => {
    const parsed = parseWith(EmployeeSchema, row, path);
    if (parsed.ok) employees.push(parsed.value);
    // Set aside, an employee's activities count as a PNS's (as in the engine).
    else for (const p of parsed.problems) (skipInvalid ? putAside : report)(withLine(p, line));
  };
  const sink = (batch: RowBatch) => {
    batch.rows.forEach((row, k) => {
      const index = batch.firstIndex + k;
      if (batch.collection === 'employees') addEmployee(row, ['employees', index]);
      else addActivity(row, index, batch.lines?.[k]);
    });
  };

  try {
    if (options.employeesFile !== undefined) await readEmployees(options.employeesFile, addEmployee);
    const kind = inputKindOf(options.file);
    if (kind === 'json') await readJsonInput(options.file, sink);
    else if (kind === 'ndjson') await readNdjsonInput(options.file, sink);
    else {
      let index = 0;
      await readCsvInput(options.file, (header, rows) => {
        for (const { line, cells } of rows) {
          const before = problems.length;
          const record = csvRecord(header, cells, line, index, problems);
          // Conversion problems carry the row; the path names the activity like the other inputs do.
          for (let p = before; p < problems.length; p++) problems[p] = { ...problems[p]!, path: ['activities', ...problems[p]!.path] };
          if (problems.length === before) addActivity(record, index, line);
          index++;
        }
      });
    }
  } catch (error) {
    if (error instanceof InputError) return { ok: false, problems: error.problems };
    throw error;
  }
  if (problems.length > 0) return { ok: false, problems: withDropped(problems, dropped) };
  firstById.clear(); // a million ids: not needed any more

  // Employees and their activities, in the order they first appear.
  const employeeById = new Map<string, Employee>();
  for (const e of employees) employeeById.set(employeeId(e), e);
  const byPerson = new Map<string, number[]>();
  const n = rowCount;
  const nipOf = (i: number): string => (activities.has(i) ? activities.nip(i) : (rawText(rejected.get(i), 'nip') ?? ''));
  for (let i = 0; i < n; i++) {
    if (!activities.has(i) && !rejected.has(i)) continue;
    const nip = nipOf(i);
    let list = byPerson.get(nip);
    if (!list) byPerson.set(nip, (list = []));
    list.push(i);
  }

  const run: JpRun = {
    profile: '',
    activities,
    setAsideRows: new Map(),
    setAside,
    jp: new Float64Array(n),
    convertedJp: new Float64Array(n),
    counted: new Uint8Array(n),
    year: new Uint16Array(n),
    traces: options.trace === 'none' ? [] : new Array(n),
    summaries: [],
    warnings: [],
  };
  const engineOptions: ComputeOptions = {
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.year !== undefined ? { year: options.year } : {}),
    projected: options.projected,
    trusted: true,
    // A summary needs no step's description: the engine builds none.
    trace: options.trace === 'full' ? true : options.trace === 'summary' ? 'summary' : false,
    invalid: skipInvalid ? 'report' : 'fail',
    // Read once for the whole run, not once per batch, and only when a version can expire (the date formatter is slow to build).
    ...(needsToday(options.profile) ? { today: today() } : {}),
  };
  const compact = summaryCompactor();
  const allYears = new Set<number>(options.year !== undefined ? [options.year] : []);
  const batches: { employees: Employee[]; years: Set<number> }[] = [];

  const runBatch = (indices: number[], nips: string[]) => {
    const batchEmployees = nips.map((nip) => employeeById.get(nip)).filter((e): e is Employee => e !== undefined);
    // A batch holding a record that failed the schema goes through the engine's own validation,
    // which sets that record aside exactly as one call over the whole file would.
    const untrusted = rejected.size > 0 && indices.some((i) => rejected.has(i));
    const rows = indices.map((i) => activities.get(i) ?? rejected.get(i));
    const result = computeJp({ employees: batchEmployees, activities: rows }, { ...engineOptions, trusted: !untrusted });
    const atInput = (p: Problem): Problem | undefined => {
      const [head, local, ...rest] = p.path;
      const index = head === 'activities' && typeof local === 'number' ? indices[local] : undefined;
      if (index === undefined) return head === 'employees' ? undefined : p; // employees were checked when read
      if (rejected.has(index)) return undefined; // reported when read, with its line
      return withLine({ ...p, path: ['activities', index, ...rest] }, lines[index]);
    };
    if (!result.ok) {
      for (const p of result.problems) {
        const mapped = atInput(p);
        if (mapped) report(mapped);
      }
      return;
    }
    const { results, summaries, warnings, profile, problems: engineSetAside } = result.value;
    for (const p of engineSetAside ?? []) {
      const mapped = atInput(p);
      if (mapped) putAside(mapped);
    }
    if (results.length !== indices.length)
      throw new Error(`The engine returned ${results.length} results for ${indices.length} activities of one batch`);
    run.profile = profile;
    run.warnings = warnings;
    const years = new Set<number>();
    results.forEach((r, k) => {
      const i = indices[k]!;
      run.jp[i] = r.jp;
      run.convertedJp[i] = r.convertedJp;
      run.counted[i] = r.counted === true ? 1 : r.counted === 'reduced' ? 2 : 0;
      run.year[i] = r.year;
      if (r.problems !== undefined || !activities.has(i)) run.setAsideRows.set(i, { id: r.id, nip: r.nip });
      if (r.year > 0) {
        years.add(r.year);
        if (options.year === undefined) allYears.add(r.year);
      }
      // As JSON text at once: the steps' objects die young, one string per row lives on (less to collect).
      if (options.trace === 'full') run.traces[i] = JSON.stringify(r.trace);
      else if (options.trace === 'summary') run.traces[i] = compact(r.trace);
    });
    for (const s of summaries) run.summaries.push(s);
    batches.push({ employees: batchEmployees, years: options.year !== undefined ? new Set([options.year]) : years });
  };

  let indices: number[] = [];
  let nips: string[] = [];
  for (const [nip, list] of byPerson) {
    for (const i of list) indices.push(i);
    nips.push(nip);
    if (indices.length >= (options.batchSize ?? BATCH)) {
      runBatch(indices, nips);
      [indices, nips] = [[], []];
    }
  }
  if (indices.length > 0 || byPerson.size === 0) runBatch(indices, nips);
  if (problems.length > 0) return { ok: false, problems: withDropped(problems, dropped) };
  // A repeated id is set aside like any record the engine cannot take: 0 JP, does not count.
  for (const [i, a] of duplicates) {
    activities.set(i, a);
    run.setAsideRows.set(i, { id: a.id, nip: a.nip });
    run.year[i] = Number(periodDateOf(a, policy).slice(0, 4));
  }
  if (setAsideDropped > 0) setAside.push(...withDropped([], setAsideDropped));

  // Every employee listed gets a summary for every year of the run, as one engine call over all
  // records would give: employees without activities, and years another batch brought in.
  const missing = new Map<number, Employee[]>();
  const add = (year: number, e: Employee) => {
    let list = missing.get(year);
    if (!list) missing.set(year, (list = []));
    list.push(e);
  };
  for (const b of batches) for (const year of allYears) if (!b.years.has(year)) for (const e of b.employees) add(year, e);
  for (const e of employees) if (!byPerson.has(employeeId(e))) for (const year of allYears) add(year, e);
  for (const [year, list] of missing) {
    const result = computeJp({ employees: list, activities: [] }, { ...engineOptions, year });
    if (result.ok) for (const s of result.value.summaries) run.summaries.push(s);
  }
  run.summaries.sort((x, y) => x.year - y.year || (x.nip < y.nip ? -1 : x.nip > y.nip ? 1 : 0));
  return { ok: true, run };
}

/** Whether the engine reads today's date under the profile asked for: only a version with an end date does (its expiry warning). */
function needsToday(profile: JpRunOptions['profile']): boolean {
  const versions = resolveProfiles(profile);
  return !versions.ok || versions.value.some((v) => v.effectiveTo !== undefined);
}

/** The year a raw (possibly invalid) record falls in, when its period date is a real date (as the engine reads it). */
function rawYear(raw: unknown, periodDate: 'start' | 'end'): number | undefined {
  const date = rawText(raw, periodDate === 'start' ? 'startDate' : 'endDate');
  return validDate(date) ? Number(date.slice(0, 4)) : undefined;
}

const rawText = (raw: unknown, key: string): string | undefined => {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

const withDropped = (problems: Problem[], dropped: number): Problem[] =>
  dropped === 0
    ? problems
    : [
        ...problems,
        {
          path: [],
          code: 'cli.more_problems',
          message: { id: `… dan ${dropped} masalah lain`, en: `… and ${dropped} more problems` },
        },
      ];

/** A step sequence seen before: its summary as JSON text, and the sequences that continue it (by rule, citation, value). */
interface SummaryNode {
  text?: string;
  next?: Map<string, Map<string, Map<number | undefined, SummaryNode>>>;
}

/**
 * Summary traces as JSON text, one string per distinct sequence of steps (rule, source, value):
 * a million rows share a few thousand strings instead of holding a million arrays of objects.
 * Sequences are found step by step in a tree keyed by the steps' own strings (the engine shares
 * one string per rule id and citation), so no key text is built per row.
 */
function summaryCompactor(): (trace: readonly TraceStep[]) => string {
  const root: SummaryNode = {};
  /** Nodes held; past the bound a sequence is written out without being kept. */
  let nodes = 0;
  const childOf = (node: SummaryNode, s: TraceStep): SummaryNode | undefined => {
    const byRule = (node.next ??= new Map());
    let byCitation = byRule.get(s.rule);
    if (!byCitation) byRule.set(s.rule, (byCitation = new Map()));
    let byValue = byCitation.get(s.citation);
    if (!byValue) byCitation.set(s.citation, (byValue = new Map()));
    let child = byValue.get(s.value);
    if (!child && nodes < 100_000) {
      byValue.set(s.value, (child = {}));
      nodes++;
    }
    return child;
  };
  return (trace) => {
    let node: SummaryNode | undefined = root;
    for (let k = 0; k < trace.length && node; k++) node = childOf(node, trace[k]!);
    if (node?.text !== undefined) return node.text;
    const steps: TraceSummaryStep[] = trace.map((s) => ({
      rule: s.rule,
      citation: s.citation,
      ...(s.value !== undefined ? { value: s.value } : {}),
    }));
    const text = JSON.stringify(steps);
    if (node) node.text = text;
    return text;
  };
}

/** `--employees`: a JSON array, `{ "employees": [...] }`, NDJSON or a CSV with the field names as headers. */
async function readEmployees(file: string, add: (row: unknown, path: (string | number)[], line?: number) => void) {
  const kind = inputKindOf(file);
  if (kind === 'csv') {
    let index = 0;
    await readCsvInput(file, (header, rows) => {
      for (const { line, cells } of rows) {
        const problems: Problem[] = [];
        const record = csvRecord(header, cells, line, index, problems);
        if (problems.length > 0) throw new InputError(problems.map((p) => ({ ...p, path: ['employees', ...p.path] })));
        add(record, ['employees', index++], line);
      }
    });
  } else if (kind === 'ndjson') {
    await readNdjsonInput(file, (batch) => batch.rows.forEach((row, k) => add(row, ['employees', batch.firstIndex + k], batch.lines?.[k])));
  } else {
    const { readJson } = await import('../io.js');
    const json = await readJson(file);
    if (!json.ok) throw new InputError(json.problems);
    const value = json.value as { employees?: unknown } | unknown[];
    const list = Array.isArray(value) ? value : (value as { employees?: unknown }).employees;
    if (!Array.isArray(list))
      throw new InputError([
        {
          path: ['--employees'],
          code: 'schema.invalid_type',
          message: {
            id: `${file}: harus daftar pegawai atau { "employees": [...] }`,
            en: `${file}: expected a list of employees or { "employees": [...] }`,
          },
        },
      ]);
    list.forEach((row, i) => add(row, ['employees', i]));
  }
}
