import type { RuleProfile } from '@bangkom/jp';
import { jpBands } from '@bangkom/jp';
import { sql } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import type { StoredBelow } from './db/schema.js';
import { obligationsSql } from './monitoring-export.js';
import { profileOfYear, ruleProfile } from './routers/activities.js';

/**
 * Stored dashboard figures per unit and year (`unit_year_jp`): the agency's dashboard adds up one
 * row per unit instead of reading 50,000 employees, and after a write only the units it touched
 * are computed again.
 *
 * A row is current while every change recorded for its unit in `unit_jp_changes` (by triggers on
 * employees and employee_year_jp, whoever writes) is visible in the snapshot the row was computed
 * in (`pg_visible_in_snapshot`), and the rule profile it was computed under is still in force. No
 * writer waits for a reader: a change that commits while a row is computed is not in the row's
 * snapshot, so the row is computed again at the next read.
 */

/** Employees kept per unit in the below-obligation overview (the dashboard shows the agency's largest shortfalls). */
export const BELOW_SHOWN = 50;

/** One unit's figures of a year, as stored. */
export interface UnitFigures {
  unitId: string;
  employees: number;
  compliant: number;
  jp: number;
  free: number;
  problems: number;
  bands: number[];
  below: StoredBelow[];
  belowTotal: number;
}

/** A row is current: computed under `profile`, and every change to its unit is visible in its snapshot. */
const current = (profile: string) =>
  sql`a.profile = ${profile} AND NOT EXISTS (SELECT 1 FROM unit_jp_changes c WHERE c.unit_id = a.unit_id AND NOT pg_visible_in_snapshot(c.xid, a.snapshot))`;

/** Units (of the scope) without a current row for the year. */
async function outdatedUnits(db: Db, year: number, unitId: string | undefined, profile: string): Promise<string[]> {
  const rows = await db.execute(
    sql`SELECT u.id FROM units u WHERE ${unitId === undefined ? sql`TRUE` : sql`u.id = ${unitId}`}
      AND NOT EXISTS (SELECT 1 FROM unit_year_jp a WHERE a.unit_id = u.id AND a.year = ${year} AND ${current(profile)})
      ORDER BY u.id`,
  );
  return rowsOf<{ id: string }>(rows).map((r) => r.id);
}

/**
 * The figures of these units in a year under the year's profile version (`profileOfYear`),
 * computed from the stored JP of their employees (one pass per unit): the counts, the JP bands as
 * SQL (they follow the PNS obligation, [P] art. 19(2)), and each unit's largest shortfalls.
 */
export function unitFiguresSql(profile: RuleProfile, year: number, unitIds: readonly string[]) {
  const bands = jpBands(profile.obligations.PNS.requiredJp);
  const bandCounts = sql.join(
    bands.map((b) => sql`count(*) FILTER (WHERE required > 0 AND jp >= ${b.from}${b.to === null ? sql`` : sql` AND jp < ${b.to}`})`),
    sql`, `,
  );
  const zeros = sql.raw(`'[${bands.map(() => 0).join(',')}]'::jsonb`);
  return sql`WITH ob(kind, required, cap) AS (VALUES ${obligationsSql(profile)}),
    s AS (
      SELECT e.id, e.name, e.kind, e.unit_id, coalesce(t.jp, 0) AS jp, ob.required, coalesce(t.problems, 0) AS problems,
        (coalesce(t.jp, 0) >= ob.required AND (ob.cap IS NULL OR coalesce(t.jp, 0) <= ob.cap)) AS compliant
      FROM employees e JOIN ob ON ob.kind = e.kind
      LEFT JOIN employee_year_jp t ON t.employee_id = e.id AND t.year = ${year}
      WHERE e.unit_id = ANY(${sql.param([...unitIds])}::text[])
    ),
    agg AS (
      SELECT unit_id, count(*) FILTER (WHERE required > 0)::int AS employees,
        count(*) FILTER (WHERE required > 0 AND compliant)::int AS compliant,
        coalesce(sum(jp) FILTER (WHERE required > 0), 0) AS jp,
        count(*) FILTER (WHERE required = 0)::int AS free, coalesce(sum(problems), 0)::int AS problems,
        count(*) FILTER (WHERE required > 0 AND NOT compliant)::int AS below_total,
        jsonb_build_array(${bandCounts}) AS bands
      FROM s GROUP BY unit_id
    ),
    ranked AS (
      SELECT unit_id, id, name, kind, jp::float8 AS jp, required::float8 AS required, greatest(0, required - jp)::float8 AS shortfall,
        row_number() OVER (PARTITION BY unit_id ORDER BY greatest(0, required - jp) DESC, name, id) AS n
      FROM s WHERE required > 0 AND NOT compliant
    ),
    below AS (
      SELECT unit_id, jsonb_agg(jsonb_build_object('id', id, 'name', name, 'kind', kind, 'jp', jp, 'required', required, 'shortfall', shortfall) ORDER BY n) AS below
      FROM ranked WHERE n <= ${BELOW_SHOWN} GROUP BY unit_id
    )
    SELECT u.id AS unit_id, coalesce(a.employees, 0) AS employees, coalesce(a.compliant, 0) AS compliant, coalesce(a.jp, 0) AS jp,
      coalesce(a.free, 0) AS free, coalesce(a.problems, 0) AS problems, coalesce(a.bands, ${zeros}) AS bands,
      coalesce(b.below, '[]'::jsonb) AS below, coalesce(a.below_total, 0) AS below_total
    FROM unnest(${sql.param([...unitIds])}::text[]) AS u(id) LEFT JOIN agg a ON a.unit_id = u.id LEFT JOIN below b ON b.unit_id = u.id`;
}

/**
 * Computes and stores the figures of the scope's outdated units for a year. Readers compute one at a
 * time (an advisory lock: twenty readers after a write wait for one computation, and the removal of
 * changes every row has seen never races with a row being written); writers never wait.
 */
async function refreshUnits(db: Db, year: number, unitId: string | undefined, profile: RuleProfile): Promise<void> {
  await db.transaction(async (txOuter) => {
    const tx = txOuter as unknown as Db;
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('bangkom.unit_year_jp'))`);
    const outdated = await outdatedUnits(tx, year, unitId, profile.id);
    if (outdated.length === 0) return;
    const ids = sql.param(outdated);
    await tx.execute(
      sql`INSERT INTO unit_year_jp (unit_id, year, profile, snapshot, employees, compliant, jp, free, problems, bands, below, below_total)
        SELECT unit_id, ${year}, ${profile.id}, pg_current_snapshot(), employees, compliant, jp, free, problems, bands, below, below_total
        FROM (${unitFiguresSql(profile, year, outdated)}) f
        ON CONFLICT (unit_id, year) DO UPDATE SET profile = excluded.profile, snapshot = excluded.snapshot, employees = excluded.employees,
          compliant = excluded.compliant, jp = excluded.jp, free = excluded.free, problems = excluded.problems, bands = excluded.bands,
          below = excluded.below, below_total = excluded.below_total`,
    );
    // The units' rows of other years that are out of date go (they are computed again when read),
    // then the changes every remaining row has seen: the table of changes stays small.
    await tx.execute(sql`DELETE FROM unit_year_jp a WHERE a.unit_id = ANY(${ids}::text[]) AND NOT (${current(profile.id)})`);
    await tx.execute(
      sql`DELETE FROM unit_jp_changes c WHERE c.unit_id = ANY(${ids}::text[])
        AND NOT EXISTS (SELECT 1 FROM unit_year_jp a WHERE a.unit_id = c.unit_id AND NOT pg_visible_in_snapshot(c.xid, a.snapshot))`,
    );
  });
}

type FiguresRow = {
  unit_id: string;
  employees: number;
  compliant: number;
  jp: string | number;
  free: number;
  problems: number;
  bands: number[];
  below: StoredBelow[];
  below_total: number;
};
const figuresOf = (r: FiguresRow): UnitFigures => ({
  unitId: r.unit_id,
  employees: Number(r.employees),
  compliant: Number(r.compliant),
  jp: Number(r.jp),
  free: Number(r.free),
  problems: Number(r.problems),
  bands: r.bands.map(Number),
  below: r.below.map((b) => ({ ...b, jp: Number(b.jp), required: Number(b.required), shortfall: Number(b.shortfall) })),
  belowTotal: Number(r.below_total),
});
const FIGURE_COLUMNS = sql`unit_id, employees, compliant, jp::float8 AS jp, free, problems, bands, below, below_total`;

/**
 * The current figures of a year (under its profile version, `profileOfYear`) for one unit or (no
 * unit) every unit: the outdated ones are computed first. Units without any employee are left out.
 */
export async function unitFigures(db: Db, profile: RuleProfile, year: number, unitId: string | undefined): Promise<UnitFigures[]> {
  if ((await outdatedUnits(db, year, unitId, profile.id)).length) await refreshUnits(db, year, unitId, profile);
  const rows = await db.execute(
    sql`SELECT ${FIGURE_COLUMNS} FROM unit_year_jp
      WHERE year = ${year} AND profile = ${profile.id} ${unitId === undefined ? sql`` : sql`AND unit_id = ${unitId}`}
        AND (employees > 0 OR free > 0) ORDER BY unit_id`,
  );
  return rowsOf<FiguresRow>(rows).map(figuresOf);
}

/**
 * Computes the figures of every unit for the years with stored JP (after a bulk recomputation,
 * which changed them all): the first dashboard opened afterwards reads them at once.
 */
export async function warmUnitFigures(db: Db): Promise<void> {
  const years = rowsOf<{ year: number }>(await db.execute(sql`SELECT DISTINCT year FROM employee_year_jp ORDER BY year DESC`));
  for (const { year } of years) await refreshUnits(db, Number(year), undefined, await profileOfYear(db, Number(year)));
}

export interface UnitFiguresDifference {
  unitId: string;
  year: number;
  stored: UnitFigures;
  expected: UnitFigures;
}

/**
 * Every stored row that counts as current, compared with the figures computed now from the stored
 * JP (nothing is written): part of `npm run verify-totals`.
 */
export async function unitFigureDifferences(db: Db): Promise<{ checked: number; differences: UnitFiguresDifference[] }> {
  const profile = await ruleProfile(db);
  const stored = rowsOf<FiguresRow & { year: number }>(
    await db.execute(sql`SELECT a.year, ${FIGURE_COLUMNS} FROM unit_year_jp a WHERE ${current(profile)} ORDER BY a.year, a.unit_id`),
  );
  const differences: UnitFiguresDifference[] = [];
  for (const year of [...new Set(stored.map((r) => Number(r.year)))]) {
    const ofYear = stored.filter((r) => Number(r.year) === year).map(figuresOf);
    const computed = rowsOf<FiguresRow>(
      await db.execute(
        sql`SELECT ${FIGURE_COLUMNS} FROM (${unitFiguresSql(
          await profileOfYear(db, year),
          year,
          ofYear.map((f) => f.unitId),
        )}) f`,
      ),
    ).map(figuresOf);
    const expectedOf = new Map(computed.map((f) => [f.unitId, f]));
    for (const f of ofYear) {
      const expected = expectedOf.get(f.unitId)!;
      if (JSON.stringify(expected) !== JSON.stringify(f)) differences.push({ unitId: f.unitId, year, stored: f, expected });
    }
  }
  return { checked: stored.length, differences };
}
