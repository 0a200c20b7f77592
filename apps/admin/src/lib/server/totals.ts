import { computeJp, resolveProfiles } from '@bangkom/jp';
import type { SQL } from 'drizzle-orm';
import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { isEmbedded, onClose, rowsOf } from './db/index.js';
import { activities, employees, settings } from './db/schema.js';
import { appError } from './errors.js';
import { written } from './read-cache.js';
import { anyOf } from './access.js';
import { activityOf, ruleProfile, versionOfYear } from './routers/activities.js';
import { unitFigureDifferences, warmUnitFigures } from './unit-figures.js';

/**
 * Stored JP results: `activity_jp` (one row per activity: the JP that counts after the limits,
 * the converted JP, the limit applied, the profile) and `employee_year_jp` (one row per employee
 * and year with activities: the JP that counts). Limits and obligations are per person and year
 * ([P] art. 19; [K] IV), so a change to one employee's records recomputes that employee only, in
 * the transaction of the change; dashboards and exports then aggregate the stored rows in SQL.
 */

/** Employees recomputed per transaction by the bulk rebuild and compared per step by the check. */
export const TOTALS_CHUNK = 500;
/**
 * On PGlite a chunk's transaction holds the only connection (and the engine the only event loop):
 * smaller chunks keep every other request's wait well under a second (~20 activities per employee).
 */
const EMBEDDED_CHUNK = 50;
const chunkOf = (db: Db) => (isEmbedded(db) ? EMBEDDED_CHUNK : TOTALS_CHUNK);

interface ActivityJpRow {
  activity_id: string;
  employee_id: string;
  year: number;
  jp: number;
  converted_jp: number;
  counted: 'true' | 'reduced' | 'false';
  limited_by: unknown;
  problems: unknown;
  profile: string;
}
interface EmployeeYearRow {
  employee_id: string;
  year: number;
  jp: number;
  activities: number;
  problems: number;
  profile: string;
}

/** The results the engine gives now for the records of these employees (every year they have activities in). */
async function expectedFor(db: Db, employeeIds: readonly string[], profile: string) {
  const empRows = await db.select({ id: employees.id, data: employees.data }).from(employees).where(anyOf(employees.id, employeeIds));
  const actRows = await db.select().from(activities).where(anyOf(activities.employeeId, employeeIds));
  const employeeOf = new Map(actRows.map((r) => [r.id, r.employeeId]));
  // A JP set by an admin replaces the conversion ([P] art. 12(2)f); the engine applies it with its reason.
  const list = actRows.map(activityOf);
  const result = computeJp(
    { employees: empRows.map((e) => e.data), activities: list },
    { profile, projected: false, trusted: true, trace: false, invalid: 'report' },
  );
  if (!result.ok)
    throw appError(
      'INTERNAL_SERVER_ERROR',
      'Profil aturan tidak dapat dimuat: ' + result.problems.map((p) => p.message.id).join('; '),
      'The rule profile cannot be loaded: ' + result.problems.map((p) => p.message.en).join('; '),
    );
  const activityRows: ActivityJpRow[] = result.value.results.map((r) => ({
    activity_id: r.id,
    employee_id: employeeOf.get(r.id) ?? r.nip,
    year: r.year,
    jp: r.jp,
    converted_jp: r.convertedJp,
    counted: String(r.counted) as ActivityJpRow['counted'],
    limited_by: r.limitedBy ?? null,
    problems: r.problems ?? null,
    profile,
  }));
  const counts = new Map<string, { activities: number; problems: number }>();
  for (const r of activityRows) {
    const key = `${r.employee_id}|${r.year}`;
    const count = counts.get(key) ?? { activities: 0, problems: 0 };
    count.activities++;
    if (r.problems !== null) count.problems++;
    counts.set(key, count);
  }
  const yearRows: EmployeeYearRow[] = result.value.summaries
    .filter((s) => counts.has(`${s.nip}|${s.year}`))
    .map((s) => ({ employee_id: s.nip, year: s.year, jp: s.jp, ...counts.get(`${s.nip}|${s.year}`)!, profile }));
  return { activityRows, yearRows };
}

/** JSON rows in one parameter (`jsonb_to_recordset`): no bind-parameter limit, one round trip. */
const json = (rows: unknown[]) => sql.param(JSON.stringify(rows));

/**
 * Recomputes the stored results of these employees, in the caller's transaction. Their rows are
 * locked first, so two changes to one employee's records never write stale totals over each other.
 */
export async function refreshTotals(tx: Db, employeeIds: readonly string[], profile?: string): Promise<void> {
  if (employeeIds.length === 0) return;
  const ids = [...new Set(employeeIds)].sort();
  await tx.execute(sql`SELECT id FROM employees WHERE ${anyOf(employees.id, ids)} ORDER BY id FOR NO KEY UPDATE`);
  const { activityRows, yearRows } = await expectedFor(tx, ids, profile ?? (await ruleProfile(tx)));
  await tx.execute(sql`DELETE FROM activity_jp WHERE employee_id = ANY(${sql.param(ids)}::text[])`);
  await tx.execute(sql`DELETE FROM employee_year_jp WHERE employee_id = ANY(${sql.param(ids)}::text[])`);
  if (activityRows.length)
    await tx.execute(sql`INSERT INTO activity_jp (activity_id, employee_id, year, jp, converted_jp, counted, limited_by, problems, profile)
      SELECT activity_id, employee_id, year, jp, converted_jp, counted, limited_by, problems, profile
      FROM jsonb_to_recordset(${json(activityRows)}::jsonb) AS x(activity_id text, employee_id text, year integer, jp numeric,
        converted_jp numeric, counted text, limited_by jsonb, problems jsonb, profile text)`);
  if (yearRows.length)
    await tx.execute(sql`INSERT INTO employee_year_jp (employee_id, year, jp, activities, problems, profile)
      SELECT employee_id, year, jp, activities, problems, profile
      FROM jsonb_to_recordset(${json(yearRows)}::jsonb) AS x(employee_id text, year integer, jp numeric, activities integer, problems integer, profile text)`);
  // The triggers marked them stale when their records changed: now they are current.
  await tx.execute(sql`DELETE FROM jp_stale WHERE employee_id = ANY(${sql.param(ids)}::text[])`);
}

/** Employees whose stored results wait for a recomputation (rows of `jp_stale`, kept by triggers). */
export async function staleCount(db: Db): Promise<number> {
  return Number(rowsOf<{ n: string }>(await db.execute(sql`SELECT count(*) AS n FROM jp_stale`))[0]?.n ?? 0);
}

/** Recomputes the employees marked stale, a chunk per transaction, until none is left (or `max` were done). */
async function drainOnce(db: Db, max = Infinity, onProgress?: (done: number) => void, stop = { requested: false }): Promise<number> {
  let done = 0;
  const profile = await ruleProfile(db);
  const size = chunkOf(db);
  while (done < max && !stop.requested) {
    const chunk = rowsOf<{ employee_id: string }>(
      await db.execute(sql`SELECT employee_id FROM jp_stale ORDER BY employee_id LIMIT ${size}`),
    ).map((r) => r.employee_id);
    if (chunk.length === 0) break;
    await db.transaction(async (tx) => refreshTotals(tx as unknown as Db, chunk, profile));
    written();
    done += chunk.length;
    onProgress?.(done);
    // Other requests get their turn between chunks (one event loop, one PGlite connection).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return done;
}

const draining = new WeakMap<Db, Promise<number>>();

/**
 * The background recomputation: drains `jp_stale` (one run per database at a time). Closing the
 * database stops it after the chunk in progress; a restart resumes it, since the marks are rows
 * and each chunk replaces its employees' results whole or not at all.
 */
export function drainStale(db: Db, onProgress?: (done: number) => void): Promise<number> {
  let running = draining.get(db);
  if (!running) {
    const stop = { requested: false };
    const forget = onClose(db, async () => {
      stop.requested = true;
      await running?.catch(() => {});
    });
    running = drainOnce(db, Infinity, onProgress, stop)
      .then(async (done) => {
        if (done > TOTALS_CHUNK && !stop.requested) {
          // A bulk recomputation rewrote every stored row: VACUUM frees the old versions and marks
          // the pages all-visible (index-only scans), ANALYZE gives the planner the new row counts.
          // PGlite has no autovacuum, and a PostgreSQL's may come much later (or be switched off).
          await db.execute(sql`VACUUM ANALYZE activity_jp, employee_year_jp, jp_stale`);
          // Every unit's figures changed: computed now, not by the first reader of a dashboard.
          await warmUnitFigures(db);
        }
        return done;
      })
      .finally(() => {
        draining.delete(db);
        forget();
      });
    draining.set(db, running);
  }
  return running;
}

/** Marks every employee stale (the rule profile changed): the background recomputation follows. */
export async function markAllStale(tx: Db, profile: string): Promise<void> {
  await tx.execute(sql`INSERT INTO jp_stale (employee_id) SELECT id FROM employees ON CONFLICT DO NOTHING`);
  await tx
    .insert(settings)
    .values({ key: 'jpTotals', value: { profile } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { profile } } });
}

/**
 * At start: the stored results are made current — all employees when the results were computed
 * under another profile (or never), else those marked stale (e.g. rows written by SQL). Logged
 * with progress. The server does not wait for it: meanwhile a read recomputes its own scope
 * first when few are stale (`freshen`), else shows the stored figures and how many are pending.
 */
export async function ensureTotals(db: Db, log: (line: string) => void = () => {}): Promise<number> {
  const profile = await ruleProfile(db);
  const state = (await db.select().from(settings).where(eq(settings.key, 'jpTotals')))[0]?.value as { profile?: string } | undefined;
  if (state?.profile !== profile) await db.transaction(async (tx) => markAllStale(tx as unknown as Db, profile));
  const total = await staleCount(db);
  if (total === 0) return 0;
  const started = Date.now();
  let reported = Date.now();
  const done = await drainStale(db, (n) => {
    if (Date.now() - reported > 5000) {
      reported = Date.now();
      log(`Menghitung JP tersimpan / Computing stored JP: ${n}/${total} pegawai / employees`);
    }
  });
  log(`JP tersimpan siap / Stored JP ready: ${done} pegawai / employees, ${Math.round((Date.now() - started) / 100) / 10} s`);
  return done;
}

/** Employees of a scope whose results are stale, up to `limit` (a subquery decides the scope). */
const SYNC_LIMIT = 1000;

/**
 * Before a read of stored results: the scope's stale employees are recomputed now when they are
 * few (a direct SQL write, a change another server made); when many (a profile change) the
 * background recomputation runs and the answer says how many are still pending.
 */
export async function freshen(db: Db, scope: SQL | undefined): Promise<{ pending: number }> {
  const stale = rowsOf<{ employee_id: string }>(
    await db.execute(
      scope
        ? sql`SELECT s.employee_id FROM jp_stale s JOIN employees ON employees.id = s.employee_id WHERE ${scope} ORDER BY s.employee_id LIMIT ${SYNC_LIMIT + 1}`
        : sql`SELECT employee_id FROM jp_stale ORDER BY employee_id LIMIT ${SYNC_LIMIT + 1}`,
    ),
  ).map((r) => r.employee_id);
  if (stale.length === 0) return { pending: 0 };
  if (stale.length <= SYNC_LIMIT) {
    const size = chunkOf(db);
    for (let i = 0; i < stale.length; i += size)
      await db.transaction(async (tx) => refreshTotals(tx as unknown as Db, stale.slice(i, i + size)));
    written();
    return { pending: 0 };
  }
  void drainStale(db).catch((e) => console.error('JP recomputation failed', e));
  return { pending: await staleCount(db) };
}

/** Employee ids in order, a chunk at a time (keyset: constant cost per chunk). */
async function* employeeChunks(db: Db): AsyncGenerator<string[]> {
  let last = '';
  for (;;) {
    const chunk = (
      await db.select({ id: employees.id }).from(employees).where(gt(employees.id, last)).orderBy(asc(employees.id)).limit(TOTALS_CHUNK)
    ).map((r) => r.id);
    if (chunk.length === 0) return;
    yield chunk;
    last = chunk.at(-1)!;
  }
}

/** How many employees with an obligation meet it in a year, and their JP in all. */
export interface Compliance {
  profile: string;
  year: number;
  /** The obligation of a PNS in the year under the profile ([P] art. 19(2)). */
  requiredPns: number;
  obligated: number;
  meeting: number;
  totalJp: number;
}

/**
 * The year's compliance under a rule profile, recomputed from the records a chunk of employees at
 * a time (nothing is written): what a change of profile would make of the stored totals.
 */
export async function complianceUnder(db: Db, profile: string, year: number): Promise<Compliance> {
  const versions = resolveProfiles(profile);
  if (!versions.ok) throw appError('BAD_REQUEST', `Profil tidak dikenal: ${profile}`, `Unknown profile: ${profile}`, versions.problems);
  const version = versionOfYear(versions.value, year);
  const result: Compliance = { profile, year, requiredPns: version.obligations.PNS.requiredJp, obligated: 0, meeting: 0, totalJp: 0 };
  for await (const chunk of employeeChunks(db)) {
    const kinds = await db.select({ id: employees.id, kind: employees.kind }).from(employees).where(anyOf(employees.id, chunk));
    const { yearRows } = await expectedFor(db, chunk, profile);
    const jpOf = new Map(yearRows.filter((r) => r.year === year).map((r) => [r.employee_id, r.jp]));
    for (const e of kinds) {
      const required = version.obligations[e.kind].requiredJp;
      const jp = jpOf.get(e.id) ?? 0;
      result.totalJp += jp;
      if (required <= 0) continue;
      result.obligated += 1;
      if (jp >= required) result.meeting += 1;
    }
  }
  result.totalJp = Math.round(result.totalJp * 100) / 100;
  return result;
}

export interface TotalsDifference {
  /** The employee whose results differ; none for a unit's figures. */
  employeeId?: string;
  what: 'activity' | 'year' | 'unit';
  key: string;
  stored: unknown;
  expected: unknown;
}

/**
 * Recomputes every result from scratch and compares it with the stored rows, then every unit's
 * current dashboard figures with a computation from those rows (nothing is written): the check
 * behind `npm run verify-totals`. Returns up to `limit` differences.
 */
export async function verifyTotals(
  db: Db,
  limit = 100,
): Promise<{ employees: number; activities: number; units: number; differences: TotalsDifference[] }> {
  const profile = await ruleProfile(db);
  const differences: TotalsDifference[] = [];
  let employeeCount = 0;
  let activityCount = 0;
  const same = (a: object, b: object) => canonical(normalise(a)) === canonical(normalise(b));
  for await (const chunk of employeeChunks(db)) {
    employeeCount += chunk.length;
    const { activityRows, yearRows } = await expectedFor(db, chunk, profile);
    activityCount += activityRows.length;
    const storedActivities = rowsOf<ActivityJpRow>(
      await db.execute(
        sql`SELECT activity_id, employee_id, year, jp::float8 AS jp, converted_jp::float8 AS converted_jp, counted, limited_by, problems, profile
            FROM activity_jp WHERE employee_id = ANY(${sql.param(chunk)}::text[])`,
      ),
    );
    const storedYears = rowsOf<EmployeeYearRow>(
      await db.execute(
        sql`SELECT employee_id, year, jp::float8 AS jp, activities, problems, profile FROM employee_year_jp WHERE employee_id = ANY(${sql.param(chunk)}::text[])`,
      ),
    );
    const compare = <T extends object>(what: 'activity' | 'year', expected: T[], stored: T[], keyOf: (r: T) => string) => {
      const storedBy = new Map(stored.map((r) => [keyOf(r), r]));
      for (const e of expected) {
        const key = keyOf(e);
        const s = storedBy.get(key);
        storedBy.delete(key);
        if (!s || !same(s, e)) differences.push({ employeeId: key.split('|')[0]!, what, key, stored: s ?? null, expected: e });
      }
      for (const [key, s] of storedBy) differences.push({ employeeId: key.split('|')[0]!, what, key, stored: s, expected: null });
    };
    compare('activity', activityRows, storedActivities, (r) => `${r.employee_id}|${r.activity_id}`);
    compare('year', yearRows, storedYears, (r) => `${r.employee_id}|${r.year}`);
    if (differences.length >= limit) break;
  }
  // The units' stored dashboard figures that count as current, against the stored JP just checked.
  let units = 0;
  if (differences.length < limit) {
    const figures = await unitFigureDifferences(db);
    units = figures.checked;
    for (const d of figures.differences)
      differences.push({ what: 'unit', key: `${d.unitId}|${d.year}`, stored: d.stored, expected: d.expected });
  }
  return { employees: employeeCount, activities: activityCount, units, differences: differences.slice(0, limit) };
}

/** Same fields in the same order, numbers as numbers (numeric columns come back as text from some drivers). */
function normalise(row: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row).sort()) {
    const value = (row as Record<string, unknown>)[key];
    out[key] = ['jp', 'converted_jp', 'year', 'activities'].includes(key) ? Number(value) : (value ?? null);
  }
  return out;
}

/** JSON with object keys sorted at every level (jsonb columns do not keep key order). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}
