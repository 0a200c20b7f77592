import type { IpAsnInput, LearningActivity, Message, Problem, performancePredicates } from '@bangkom/domain';
import { educationLevels, parseCsv, positionKinds } from '@bangkom/domain';
import type { GroupReport, Improvement, IpAsnScore, ScoreContext, ScoringProfile, SiasnDifference } from '@bangkom/ipasn';
import { compareWithSiasn, groupReport, improvements, notMeasuredReason, scoreParsed, scoringProfileFor } from '@bangkom/ipasn';
import type { SQL } from 'drizzle-orm';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { xlsxTable } from '@bangkom/myasn/documents';
import { anyOf } from './access.js';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import type { IpAsnPunishment } from './db/schema.js';
import { employees, employeeYearJp, ipasnFacts, ipasnSiasnScores, units } from './db/schema.js';
import { appError } from './errors.js';
import { ruleProfile } from './routers/activities.js';

/**
 * IP ASN in the app: each employee's score under the scoring profile of @bangkom/ipasn, from the
 * facts entered per year (education, position kind, performance predicate, discipline — each with
 * its source) and the JP the app has verified (the stored totals, aggregated in SQL). Unit and
 * agency reports are computed a batch of employees at a time.
 */

/** Employees scored per batch by the reports (one query each for facts, JP and SIASN scores). */
export const IPASN_BATCH = 500;

/** The scoring profile of a measured year (the version in force that year: PermenPANRB 38/2018). */
export function ipasnProfile(year: number): ScoringProfile {
  const profile = scoringProfileFor(undefined, year);
  if (!profile.ok)
    throw appError('INTERNAL_SERVER_ERROR', 'Profil penilaian IP ASN tidak dapat dimuat', 'The IP ASN scoring profile cannot be loaded');
  return profile.value;
}

type EmployeeRow = Pick<typeof employees.$inferSelect, 'id' | 'name' | 'kind' | 'unitId' | 'data'>;
type FactsRow = typeof ipasnFacts.$inferSelect;

/** Where each fact of a score came from: the entered fact with its source, or the employee record. */
export interface FactSources {
  education: { value: string | null; source: string | null };
  positionKind: { value: string | null; source: string | null };
  performancePredicate: { value: string | null; source: string | null };
  punishments: { value: IpAsnPunishment[] | null; source: string | null };
}

const EMPLOYEE_RECORD: Message = { id: 'data kepegawaian', en: 'employee record' };

/** The package's input for one employee: entered facts first, the employee record for education and position kind. */
function inputOf(employee: EmployeeRow, facts: FactsRow | undefined): { input: IpAsnInput; sources: FactSources } {
  const education = facts?.education ?? employee.data.education ?? null;
  const positionKind = facts?.positionKind ?? employee.data.positionKind ?? null;
  const input: IpAsnInput = {
    nip: employee.id,
    kind: employee.kind,
    ...(education ? { education } : {}),
    ...(positionKind ? { positionKind } : {}),
    ...(facts?.performancePredicate ? { performancePredicate: facts.performancePredicate } : {}),
    ...(facts?.punishments ? { disciplinaryPunishments: facts.punishments } : {}),
    activities: [],
  };
  const recordSource = `${EMPLOYEE_RECORD.id} / ${EMPLOYEE_RECORD.en}`;
  return {
    input,
    sources: {
      education: { value: education, source: facts?.education ? facts.educationSource : education ? recordSource : null },
      positionKind: { value: positionKind, source: facts?.positionKind ? facts.positionKindSource : positionKind ? recordSource : null },
      performancePredicate: { value: facts?.performancePredicate ?? null, source: facts?.performanceSource ?? null },
      punishments: { value: facts?.punishments ?? null, source: facts?.disciplineSource ?? null },
    },
  };
}

/**
 * The verified JP of the two-year window of each employee, grouped by method and competency type,
 * as the kompetensi items read them: summed in SQL from the stored JP of each activity (the JP
 * that counts after the yearly limits), never by loading the activities.
 */
async function countedOf(db: Db, employeeIds: readonly string[], year: number): Promise<Map<string, ScoreContext['counted'][number][]>> {
  const rows = rowsOf<{
    employee_id: string;
    year: number;
    method: string;
    competency_type: string | null;
    jp: string | number;
    ids: string;
  }>(
    await db.execute(sql`
      SELECT j.employee_id, j.year, a.data->>'method' AS method, a.data->>'competencyType' AS competency_type,
             SUM(j.jp) AS jp, string_agg(j.activity_id, ', ' ORDER BY j.activity_id) AS ids
      FROM activity_jp j JOIN activities a ON a.id = j.activity_id
      WHERE j.employee_id = ANY(${sql.param(employeeIds)}::text[])
        AND j.year BETWEEN ${year - 1} AND ${year} AND j.jp > 0 AND a.status = 'verified'
      GROUP BY j.employee_id, j.year, a.data->>'method', a.data->>'competencyType'`),
  );
  const out = new Map<string, ScoreContext['counted'][number][]>();
  for (const r of rows) {
    const jp = Math.round(Number(r.jp) * 100) / 100;
    const entry = {
      // The JP engine already ran (../totals.ts): the result carries the JP that counts and its year.
      result: { year: Number(r.year), jp } as ScoreContext['counted'][number]['result'],
      activity: {
        id: r.ids,
        nip: r.employee_id,
        method: r.method,
        ...(r.competency_type ? { competencyType: r.competency_type } : {}),
      } as LearningActivity,
    };
    out.set(r.employee_id, [...(out.get(r.employee_id) ?? []), entry]);
  }
  return out;
}

export interface EmployeeScore {
  employee: { id: string; name: string; kind: string; unitId: string };
  year: number;
  /** Why the employee is not measured this year (TKK; PPPK before 2023), or null. */
  notMeasured: Message | null;
  score: IpAsnScore | null;
  improvements: Improvement[];
  sources: FactSources;
  /** The JP verified in the measured year (stored totals). */
  verifiedJp: number;
  siasn: { kualifikasi: number; kompetensi: number; kinerja: number; disiplin: number; total: number; fileName: string } | null;
  siasnDifferences: SiasnDifference[];
}

/** Scores a batch of employees (at most IPASN_BATCH) for a year: three queries, then the package. */
export async function scoreBatch(db: Db, batch: readonly EmployeeRow[], year: number, withImprovements = false): Promise<EmployeeScore[]> {
  if (batch.length === 0) return [];
  const ids = batch.map((e) => e.id);
  const profile = ipasnProfile(year);
  const jpProfile = await ruleProfile(db);
  const [facts, counted, jpRows, siasnRows] = await Promise.all([
    db
      .select()
      .from(ipasnFacts)
      .where(and(eq(ipasnFacts.year, year), anyOf(ipasnFacts.employeeId, ids))),
    countedOf(db, ids, year),
    db
      .select({ employeeId: employeeYearJp.employeeId, jp: employeeYearJp.jp })
      .from(employeeYearJp)
      .where(and(eq(employeeYearJp.year, year), anyOf(employeeYearJp.employeeId, ids))),
    db
      .select()
      .from(ipasnSiasnScores)
      .where(and(eq(ipasnSiasnScores.year, year), anyOf(ipasnSiasnScores.employeeId, ids))),
  ]);
  const factsOf = new Map(facts.map((f) => [f.employeeId, f]));
  const jpOf = new Map(jpRows.map((r) => [r.employeeId, Number(r.jp)]));
  const siasnOf = new Map(siasnRows.map((r) => [r.employeeId, r]));
  return batch.map((employee) => {
    const { input, sources } = inputOf(employee, factsOf.get(employee.id));
    const siasnRow = siasnOf.get(employee.id);
    const siasn = siasnRow
      ? {
          kualifikasi: Number(siasnRow.kualifikasi),
          kompetensi: Number(siasnRow.kompetensi),
          kinerja: Number(siasnRow.kinerja),
          disiplin: Number(siasnRow.disiplin),
          total: Number(siasnRow.total),
          fileName: siasnRow.fileName,
        }
      : null;
    const base = {
      employee: { id: employee.id, name: employee.name, kind: employee.kind, unitId: employee.unitId },
      year,
      sources,
      verifiedJp: jpOf.get(employee.id) ?? 0,
      siasn,
    };
    // IP ASN measures ASN (PNS, and PPPK from 2023): TKK never.
    const notMeasured =
      employee.kind === 'TKK'
        ? { id: 'TKK bukan ASN; IP ASN mengukur PNS dan PPPK', en: 'TKK are not ASN; IP ASN measures PNS and PPPK' }
        : (notMeasuredReason(employee.kind, profile, year)?.message ?? null);
    if (notMeasured) return { ...base, notMeasured, score: null, improvements: [], siasnDifferences: [] };
    const options = { year, profile, jpProfile, counted: counted.get(employee.id) ?? [] };
    const scored = scoreParsed(input, profile, options);
    if (!scored.ok) return { ...base, notMeasured: scored.problems[0]!.message, score: null, improvements: [], siasnDifferences: [] };
    return {
      ...base,
      notMeasured: null,
      score: scored.value,
      improvements: withImprovements ? improvements(input, scored.value, profile, options) : [],
      siasnDifferences: siasn ? compareWithSiasn([scored.value], [{ nip: employee.id, ...siasn }]) : [],
    };
  });
}

/** Employees of a scope in id order, a batch at a time (keyset paging: constant cost per batch). */
export async function* employeeBatches(db: Db, scope: SQL | undefined): AsyncGenerator<EmployeeRow[]> {
  let last = '';
  for (;;) {
    const batch = await db
      .select({ id: employees.id, name: employees.name, kind: employees.kind, unitId: employees.unitId, data: employees.data })
      .from(employees)
      .where(and(gt(employees.id, last), scope))
      .orderBy(asc(employees.id))
      .limit(IPASN_BATCH);
    if (batch.length === 0) return;
    yield batch;
    last = batch.at(-1)!.id;
  }
}

export interface NamedGroupReport extends Omit<GroupReport, 'lowest'> {
  name: string;
  lowest: { nip: string; name: string; total: number }[];
}

export interface IpAsnReport {
  year: number;
  profile: string;
  profileVersion: string;
  scope: NamedGroupReport;
  units: NamedGroupReport[];
  notMeasured: number;
  /** Employees with at least one fact unknown (scored 0 on it). */
  incomplete: number;
  siasn: { compared: number; differing: number; differences: (SiasnDifference & { name: string })[] };
}

/** Shown differences with SIASN (all are counted). */
const SHOWN_DIFFERENCES = 200;
const LOWEST = 10;

/**
 * The report of a unit or the agency for a year: the package's group report over every measured
 * employee, computed a batch at a time; only the few numbers each score contributes are kept.
 */
export async function ipasnReport(db: Db, year: number, unitId: string | undefined): Promise<IpAsnReport> {
  const profile = ipasnProfile(year);
  const scope = unitId ? eq(employees.unitId, unitId) : undefined;
  const slim: (IpAsnScore & { unit: string })[] = [];
  const names = new Map<string, string>();
  let notMeasured = 0;
  let incomplete = 0;
  const siasn = { compared: 0, differing: 0, differences: [] as (SiasnDifference & { name: string })[] };
  for await (const batch of employeeBatches(db, scope)) {
    for (const s of await scoreBatch(db, batch, year)) {
      if (s.siasn) {
        siasn.compared++;
        if (s.siasnDifferences.length > 0 || !s.score) siasn.differing++;
        for (const d of s.score ? s.siasnDifferences : compareWithSiasn([], [{ nip: s.employee.id, ...s.siasn }]))
          if (siasn.differences.length < SHOWN_DIFFERENCES) siasn.differences.push({ ...d, name: s.employee.name });
      }
      if (!s.score) {
        notMeasured++;
        continue;
      }
      if (s.score.missing.length > 0) incomplete++;
      // The trace is dropped: a report of 50,000 keeps totals and dimensions only.
      slim.push({ ...s.score, trace: [], missing: [], unit: s.employee.unitId });
    }
  }
  const unitNames = new Map((await db.select().from(units)).map((u) => [u.id, u.name]));
  const named = (id: string, name: string, scores: readonly IpAsnScore[]): NamedGroupReport => {
    const report = groupReport(id, scores, profile, LOWEST);
    return { ...report, name, lowest: report.lowest.map((l) => ({ ...l, name: names.get(l.nip) ?? nameOf(l.nip) })) };
  };
  // Names of the lowest are looked up only for the few listed.
  const lowestIds = new Set<string>();
  const byUnit = new Map<string, IpAsnScore[]>();
  for (const s of slim) {
    const list = byUnit.get(s.unit);
    if (list) list.push(s);
    else byUnit.set(s.unit, [s]);
  }
  for (const list of [slim, ...byUnit.values()])
    for (const l of groupReport('', list, profile, LOWEST).lowest) if (!names.has(l.nip)) lowestIds.add(l.nip);
  if (lowestIds.size > 0)
    for (const r of await db
      .select({ id: employees.id, name: employees.name })
      .from(employees)
      .where(anyOf(employees.id, [...lowestIds])))
      names.set(r.id, r.name);
  function nameOf(nip: string) {
    return names.get(nip) ?? nip;
  }
  return {
    year,
    profile: profile.id,
    profileVersion: profile.version,
    scope: named(unitId ?? '', unitId ? (unitNames.get(unitId) ?? unitId) : '', slim),
    units: [...byUnit.entries()]
      .sort(([a], [b]) => (unitNames.get(a) ?? a).localeCompare(unitNames.get(b) ?? b))
      .map(([id, list]) => named(id, unitNames.get(id) ?? id, list)),
    notMeasured,
    incomplete,
    siasn,
  };
}

// ---------------------------------------------------------------------------------------------
// Imports: facts and SIASN scores, from CSV or XLSX; every row checked before anything is saved.

/**
 * A NIP in scientific notation ("1.98703122010012E+17", "1,98E+17"): an 18-digit NIP kept as a
 * number in a spreadsheet. Its last digits are lost, so it cannot be read back.
 */
const NIP_AS_NUMBER = /^[+-]?\d+(?:[.,]\d*)?e[+-]?\d+$/i;

/** Rows of a CSV or XLSX file: header and cells with their line number (header = line 1). */
export async function tableOf(
  fileName: string,
  bytes: Uint8Array,
): Promise<{ header: string[]; rows: { line: number; cells: string[] }[] }> {
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b; // PK: a zip container
  if (!isXlsx) {
    const table = parseCsv(new TextDecoder().decode(bytes));
    return { header: table.header, rows: table.rows.filter((r) => r.cells.some((c) => c.trim() !== '')) };
  }
  // The one XLSX reader of the imports: an 18-digit NIP kept as a number cell reads as the
  // spreadsheet shows it (1.98703122010012E+17), never as digits that look exact but are not.
  const table = await xlsxTable(bytes);
  if (!table.ok) {
    // An empty sheet is an empty table: the column checks say what is missing.
    if (table.problems.every((p) => p.code === 'import.empty')) return { header: [], rows: [] };
    throw importRefusal([
      { path: ['file'], code: 'import.bad_xlsx', message: { id: `Berkas ${fileName} tidak dapat dibaca`, en: `Cannot read ${fileName}` } },
    ]);
  }
  const trimmed = (cells: string[]) => cells.map((c) => c.trim());
  return { header: trimmed(table.value.header), rows: table.value.rows.map((r) => ({ line: r.line, cells: trimmed(r.cells) })) };
}

export const importRefusal = (problems: Problem[]) =>
  appError(
    'BAD_REQUEST',
    `Berkas tidak dapat diimpor (${problems.length} masalah); tidak ada yang disimpan`,
    `The file cannot be imported (${problems.length} problems); nothing was saved`,
    problems,
  );

const normalise = (header: string) => header.trim().toLowerCase().replace(/\s+/g, ' ');

/** The columns of the facts file (header names as an HR officer writes them). */
export const FACT_COLUMNS = {
  nip: 'NIP',
  education: 'Pendidikan',
  educationSource: 'Sumber Pendidikan',
  positionKind: 'Jenis Jabatan',
  positionKindSource: 'Sumber Jenis Jabatan',
  performancePredicate: 'Predikat Kinerja',
  performanceSource: 'Sumber Kinerja',
  punishment: 'Hukuman Disiplin',
  punishmentDate: 'Tanggal Hukuman',
  disciplineSource: 'Sumber Disiplin',
} as const;

export const SIASN_COLUMNS = {
  nip: 'NIP',
  kualifikasi: 'Kualifikasi',
  kompetensi: 'Kompetensi',
  kinerja: 'Kinerja',
  disiplin: 'Disiplin',
  total: 'Total',
} as const;

/** Which cell holds each column; a missing required column is a problem on the header. */
function columnIndex<K extends string>(header: string[], columns: Record<K, string>, required: readonly K[], problems: Problem[]) {
  const at = {} as Record<K, number>;
  for (const [key, name] of Object.entries(columns) as [K, string][]) {
    at[key] = header.findIndex((h) => normalise(h) === normalise(name));
    if (at[key] === -1 && required.includes(key))
      problems.push({
        path: ['header'],
        code: 'import.missing_column',
        message: { id: `Kolom "${name}" tidak ada`, en: `Column "${name}" is missing` },
      });
  }
  return at;
}

const PREDICATE_NAMES: Record<string, (typeof performancePredicates)[number]> = {
  'sangat baik': 'sangat_baik',
  baik: 'baik',
  'butuh perbaikan': 'butuh_perbaikan',
  kurang: 'kurang',
  'sangat kurang': 'sangat_kurang',
};
const NO_PUNISHMENT = new Set(['tidak ada', 'tidak', 'nihil', '-', 'none']);

export interface FactRecord {
  line: number;
  employeeId: string;
  education: (typeof educationLevels)[number] | null;
  educationSource: string | null;
  positionKind: (typeof positionKinds)[number] | null;
  positionKindSource: string | null;
  performancePredicate: (typeof performancePredicates)[number] | null;
  performanceSource: string | null;
  punishments: IpAsnPunishment[] | null;
  disciplineSource: string | null;
}

/** Parses the facts file: one row per employee; every problem names its line and column. */
export function parseFactRows(table: { header: string[]; rows: { line: number; cells: string[] }[] }): {
  records: FactRecord[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const at = columnIndex<keyof typeof FACT_COLUMNS>(table.header, FACT_COLUMNS, ['nip'], problems);
  if (problems.length > 0) return { records: [], problems };
  const records: FactRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of table.rows) {
    const cell = (key: keyof typeof FACT_COLUMNS) => (at[key] >= 0 ? (cells[at[key]] ?? '').trim() : '');
    const problem = (key: keyof typeof FACT_COLUMNS, id: string, en: string) =>
      problems.push({
        path: ['rows', line, FACT_COLUMNS[key]],
        code: 'import.bad_value',
        message: { id: `Baris ${line}: ${id}`, en: `Line ${line}: ${en}` },
      });
    const nip = cell('nip');
    if (nip === '') {
      problem('nip', 'NIP kosong', 'NIP is empty');
      continue;
    }
    if (NIP_AS_NUMBER.test(nip)) {
      problem('nip', `NIP tertulis ${nip}: simpan kolom NIP sebagai teks`, `the NIP reads ${nip}: save the NIP column as text`);
      continue;
    }
    if (seen.has(nip))
      problem('nip', `NIP ${nip} sudah ada di baris ${seen.get(nip)}`, `NIP ${nip} already appears on line ${seen.get(nip)}`);
    seen.set(nip, line);
    /** A fact given needs its source: a score must say where each input was read. */
    const sourced = (key: keyof typeof FACT_COLUMNS, value: unknown, sourceKey: keyof typeof FACT_COLUMNS) => {
      const source = cell(sourceKey);
      if (value !== null && source === '')
        problem(sourceKey, `sumber untuk "${FACT_COLUMNS[key]}" wajib diisi`, `a source for "${FACT_COLUMNS[key]}" is required`);
      return value === null ? null : source;
    };
    const educationText = cell('education').toUpperCase().replace('SLTA', 'SMA');
    const education =
      educationText === '' ? null : (educationLevels as readonly string[]).includes(educationText) ? educationText : undefined;
    if (education === undefined)
      problem(
        'education',
        `pendidikan "${cell('education')}" tidak dikenal (${educationLevels.join(', ')})`,
        `unknown education "${cell('education')}" (${educationLevels.join(', ')})`,
      );
    const positionText = cell('positionKind').toLowerCase();
    const positionKind =
      positionText === '' ? null : (positionKinds as readonly string[]).includes(positionText) ? positionText : undefined;
    if (positionKind === undefined)
      problem(
        'positionKind',
        `jenis jabatan "${cell('positionKind')}" tidak dikenal (JPT, Administrasi, Fungsional)`,
        `unknown position kind "${cell('positionKind')}" (JPT, Administrasi, Fungsional)`,
      );
    const predicateText = normalise(cell('performancePredicate').replaceAll('_', ' '));
    const predicate = predicateText === '' ? null : PREDICATE_NAMES[predicateText];
    if (predicate === undefined)
      problem(
        'performancePredicate',
        `predikat kinerja "${cell('performancePredicate')}" tidak dikenal (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)`,
        `unknown performance predicate "${cell('performancePredicate')}" (Sangat Baik, Baik, Butuh Perbaikan, Kurang, Sangat Kurang)`,
      );
    const punishmentText = normalise(cell('punishment'));
    let punishments: IpAsnPunishment[] | null | undefined = null;
    if (NO_PUNISHMENT.has(punishmentText)) punishments = [];
    else if (['ringan', 'sedang', 'berat'].includes(punishmentText)) {
      const date = cell('punishmentDate');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
        problem('punishmentDate', `tanggal hukuman "${date}" harus berbentuk TTTT-BB-HH`, `punishment date "${date}" must be YYYY-MM-DD`);
        punishments = undefined;
      } else punishments = [{ level: punishmentText as IpAsnPunishment['level'], date }];
    } else if (punishmentText !== '') {
      problem(
        'punishment',
        `hukuman disiplin "${cell('punishment')}" tidak dikenal (Tidak ada, Ringan, Sedang, Berat)`,
        `unknown disciplinary punishment "${cell('punishment')}" (Tidak ada, Ringan, Sedang, Berat)`,
      );
      punishments = undefined;
    }
    if (education === undefined || positionKind === undefined || predicate === undefined || punishments === undefined) continue;
    records.push({
      line,
      employeeId: nip,
      education: education as FactRecord['education'],
      educationSource: sourced('education', education, 'educationSource'),
      positionKind: positionKind as FactRecord['positionKind'],
      positionKindSource: sourced('positionKind', positionKind, 'positionKindSource'),
      performancePredicate: predicate,
      performanceSource: sourced('performancePredicate', predicate, 'performanceSource'),
      punishments,
      disciplineSource: sourced('punishment', punishments, 'disciplineSource'),
    });
  }
  return { records, problems };
}

export interface SiasnRecord {
  line: number;
  employeeId: string;
  kualifikasi: number;
  kompetensi: number;
  kinerja: number;
  disiplin: number;
  total: number;
}

/** Parses the SIASN scores file (nilaiipasn per employee). */
export function parseSiasnRows(table: { header: string[]; rows: { line: number; cells: string[] }[] }): {
  records: SiasnRecord[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const keys = Object.keys(SIASN_COLUMNS) as (keyof typeof SIASN_COLUMNS)[];
  const at = columnIndex(table.header, SIASN_COLUMNS, keys, problems);
  if (problems.length > 0) return { records: [], problems };
  const records: SiasnRecord[] = [];
  const seen = new Set<string>();
  for (const { line, cells } of table.rows) {
    const nip = (cells[at.nip] ?? '').trim();
    const record = { line, employeeId: nip } as SiasnRecord;
    let ok = true;
    if (nip === '' || seen.has(nip) || NIP_AS_NUMBER.test(nip)) {
      ok = false;
      problems.push({
        path: ['rows', line, SIASN_COLUMNS.nip],
        code: 'import.bad_value',
        message:
          nip === ''
            ? { id: `Baris ${line}: NIP kosong`, en: `Line ${line}: NIP is empty` }
            : NIP_AS_NUMBER.test(nip)
              ? {
                  id: `Baris ${line}: NIP tertulis ${nip}: simpan kolom NIP sebagai teks`,
                  en: `Line ${line}: the NIP reads ${nip}: save the NIP column as text`,
                }
              : { id: `Baris ${line}: NIP ${nip} berulang`, en: `Line ${line}: NIP ${nip} repeated` },
      });
    }
    seen.add(nip);
    for (const key of keys.filter((k) => k !== 'nip') as Exclude<keyof typeof SIASN_COLUMNS, 'nip'>[]) {
      const raw = (cells[at[key]] ?? '').trim().replace(',', '.');
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value) || value < 0 || value > 100) {
        ok = false;
        problems.push({
          path: ['rows', line, SIASN_COLUMNS[key]],
          code: 'import.bad_value',
          message: {
            id: `Baris ${line}: nilai ${SIASN_COLUMNS[key]} "${raw}" harus angka 0–100`,
            en: `Line ${line}: ${SIASN_COLUMNS[key]} "${raw}" must be a number 0–100`,
          },
        });
      } else record[key] = value;
    }
    if (ok) records.push(record);
  }
  return { records, problems };
}

/** Problems for NIPs that are not employees the caller may change (unknown, or another unit's for a unit admin). */
export async function unknownEmployeeProblems(
  db: Db,
  ids: readonly string[],
  lines: Map<string, number>,
  unitId: string | undefined,
): Promise<Problem[]> {
  if (ids.length === 0) return [];
  const found = rowsOf<{ id: string }>(
    await db.execute(
      sql`SELECT id FROM employees WHERE id = ANY(${sql.param(ids)}::text[]) ${unitId ? sql`AND unit_id = ${unitId}` : sql``}`,
    ),
  );
  const known = new Set(found.map((r) => r.id));
  return ids
    .filter((id) => !known.has(id))
    .map((id) => ({
      path: ['rows', lines.get(id) ?? 0, 'NIP'],
      code: 'import.unknown_employee',
      message: unitId
        ? {
            id: `Baris ${lines.get(id)}: NIP ${id} bukan pegawai unit ini`,
            en: `Line ${lines.get(id)}: NIP ${id} is not an employee of this unit`,
          }
        : { id: `Baris ${lines.get(id)}: NIP ${id} tidak ditemukan`, en: `Line ${lines.get(id)}: NIP ${id} not found` },
    }));
}
