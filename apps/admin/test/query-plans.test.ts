// The query plans of the hot pages at the size of a small agency, on both databases (PGlite with
// its own planner settings): the SQL the procedures really send is recorded, explained, printed
// (so a regression is visible in the test output) and checked for the access paths that keep the
// page's cost independent of the agency's size: lists and a unit's figures read through indexes,
// never a whole table; the agency's figures never read the activities.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { activitySlices, employeesSql } from '../scripts/bench-seed.mjs';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { users } from '../src/lib/server/db/schema.js';
import { drainStale } from '../src/lib/server/totals.js';
import { profileOfYear } from '../src/lib/server/routers/activities.js';
import { unitFiguresSql } from '../src/lib/server/unit-figures.js';
import { forEachDatabase } from './databases.js';
import { callerAs } from './helpers.js';

const EMPLOYEES = 4_000;
const ACTIVITIES = 40_000;
const UNITS = 40;
const YEAR = 2025;
/** Tables whose size grows with the agency: a page may read them whole only where said. */
const LARGE = ['activities', 'activity_jp', 'employees', 'employee_year_jp'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];
/** One line per node: `Index Scan activities_updated`, `Seq Scan units`, `Hash Join`. */
const outline = (node: PlanNode, depth = 0): string[] => [
  `${'  '.repeat(depth)}${node['Node Type']}${node['Index Name'] ? ` ${node['Index Name']}` : ''}${node['Relation Name'] ? ` on ${node['Relation Name']}` : ''}`,
  ...(node.Plans ?? []).flatMap((child) => outline(child, depth + 1)),
];

/** Records the statements a call sends (drizzle's query logger) and answers their plans. */
async function plansOf(database: Database, call: () => Promise<unknown>) {
  const session = (database.db as unknown as { session: { logger: { logQuery(query: string, params: unknown[]): void } } }).session;
  const previous = session.logger;
  const statements: { query: string; params: unknown[] }[] = [];
  session.logger = { logQuery: (query, params) => statements.push({ query, params }) };
  try {
    await call();
  } finally {
    session.logger = previous;
  }
  const client = (database.db as unknown as { $client: unknown }).$client;
  const explain = async (query: string, params: unknown[]) => {
    const text = `EXPLAIN (FORMAT JSON) ${query}`;
    const rows =
      database.kind === 'pglite'
        ? (await (client as { query(t: string, p: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }).query(text, params)).rows
        : await (client as { unsafe(t: string, p: unknown[]): Promise<Record<string, unknown>[]> }).unsafe(text, params as never[]);
    const json = rows[0]!['QUERY PLAN'];
    return (typeof json === 'string' ? JSON.parse(json) : json)[0].Plan as PlanNode;
  };
  const plans = [];
  for (const { query, params } of statements.filter((s) => /^\s*(select|with)\b/i.test(s.query)))
    plans.push({ query, plan: await explain(query, params) });
  return plans;
}

/** Whole-table reads (sequential scans) of the large tables in these plans. */
const seqScans = (plans: { plan: PlanNode }[]) =>
  plans.flatMap(({ plan }) =>
    nodesOf(plan)
      .filter((n) => n['Node Type'] === 'Seq Scan' && LARGE.includes(n['Relation Name'] ?? ''))
      .map((n) => n['Relation Name']),
  );
const indexesOf = (plans: { plan: PlanNode }[]) =>
  new Set(plans.flatMap(({ plan }) => nodesOf(plan).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []))));

forEachDatabase((open, kind) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    await database.inTransaction(async (run) => {
      await run(employeesSql({ employees: EMPLOYEES, units: UNITS }));
      for (const slice of activitySlices({ employees: EMPLOYEES, activities: ACTIVITIES, year: YEAR })) await run(slice.sql);
    });
    await db.insert(users).values([
      { username: 'sdm', passwordHash: 'x', role: 'admin_sdm' },
      { username: 'unit', passwordHash: 'x', role: 'admin_unit', unitId: 'U002' },
    ]);
    await drainStale(db);
    await db.execute(sql`ANALYZE`);
  }, 600_000);
  afterAll(async () => database?.close());

  const show = (name: string, plans: { query: string; plan: PlanNode }[]) =>
    console.log(
      `\n${kind}: ${name}\n` +
        plans.map(({ query, plan }) => `  ${query.replace(/\s+/g, ' ').slice(0, 160)}…\n${outline(plan, 2).join('\n')}`).join('\n'),
    );

  it('the agency dashboard aggregates employees and their stored yearly JP, never the activities', async () => {
    const sdm = await callerAs(db, 'sdm');
    const plans = await plansOf(database, () => sdm.caller.compliance.dashboard({ year: YEAR }));
    show('agency dashboard', plans);
    expect(plans.length).toBeGreaterThanOrEqual(4);
    // Every unit's figures are stored (computed after the bulk recomputation): the agency's add them up.
    expect(seqScans(plans)).toEqual([]);
    // Computing every unit's figures at once (after a bulk recomputation) reads employees and their stored JP, never the activities.
    const all = unitFiguresSql(
      await profileOfYear(db, YEAR),
      YEAR,
      Array.from({ length: UNITS }, (_, i) => `U${String(i + 1).padStart(3, '0')}`),
    );
    const computed = await plansOf(database, () => db.execute(sql`SELECT * FROM (${all}) f`));
    show('figures of every unit', computed);
    expect(computed).toHaveLength(1);
    expect(seqScans(computed).filter((t) => t === 'activity_jp' || t === 'activities')).toEqual([]);
  });

  it('a unit dashboard reads its employees through the unit index, and no activities whole', async () => {
    const unit = await callerAs(db, 'unit');
    const plans = await plansOf(database, () => unit.caller.compliance.dashboard({ year: YEAR }));
    // After a change to one of its employees the unit's stored figures are computed again, from its employees alone.
    const figures = unitFiguresSql(await profileOfYear(db, YEAR), YEAR, ['U002']);
    plans.push(...(await plansOf(database, () => db.execute(sql`SELECT * FROM (${figures}) f`))));
    show('unit dashboard', plans);
    // The stored yearly JP (one row per employee and year) may be hashed whole at this size; the printed plan shows it.
    expect(seqScans(plans).filter((t) => t !== 'employee_year_jp')).toEqual([]);
    expect([...indexesOf(plans)].some((i) => i.startsWith('employees_unit'))).toBe(true);
  });

  it('a page of all activities, newest first, reads the index on the update time', async () => {
    const sdm = await callerAs(db, 'sdm');
    const plans = await plansOf(database, () => sdm.caller.activities.list({ limit: 51 }));
    show('activity list page', plans);
    expect(seqScans(plans)).toEqual([]);
    expect(indexesOf(plans).has('activities_updated')).toBe(true);
  });

  it('the review queue reads the submitted activities through its index, in its order', async () => {
    const sdm = await callerAs(db, 'sdm');
    const plans = await plansOf(database, () => sdm.caller.activities.queue({ tab: 'now', offset: 0, limit: 50 }));
    show('review queue', plans);
    expect(seqScans(plans).filter((t) => t !== 'employees')).toEqual([]);
    expect(indexesOf(plans).has('activities_queue')).toBe(true);
    // The home page's count of what waits reads the same index, oldest first, up to its bound.
    const home = await plansOf(database, () => sdm.caller.activities.attention());
    show('home: what waits', home);
    expect(seqScans(home).filter((t) => t !== 'employees')).toEqual([]);
    expect(indexesOf(home).has('activities_queue')).toBe(true);
  });

  it('employees of a unit, a page by name, read a unit index', async () => {
    const sdm = await callerAs(db, 'sdm');
    const plans = await plansOf(database, () => sdm.caller.admin.employeePage({ unitId: 'U003', limit: 100 }));
    show('employees by unit', plans);
    expect(seqScans(plans)).toEqual([]);
    expect([...indexesOf(plans)].some((i) => i.startsWith('employees_unit'))).toBe(true);
  });
});
