import type { Employee } from '@bangkom/domain';
import { computeJp, summarizeUnits } from '@bangkom/jp';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { openDatabase, rowsOf } from '../src/lib/server/db/index.js';
import { activities, employees } from '../src/lib/server/db/schema.js';
import { activityOf, ruleProfile } from '../src/lib/server/routers/activities.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { drainStale, staleCount, verifyTotals } from '../src/lib/server/totals.js';
import { forEachDatabase } from './databases.js';
import { createFreshDatabase } from './fresh-postgres.mjs';
import { callerAs, coachingFields, pdfUpload, trainingFields } from './helpers.js';

const YEAR = 2025;

/** A small deterministic generator (mulberry32): the same sequence on every run, a different one per seed. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The dashboard the way it was computed before results were stored: the engine over every record of the year. */
async function engineDashboard(db: Db, year: number) {
  const emps = await db.select().from(employees);
  const acts = (await db.select().from(activities)).map(activityOf).filter((a) => a.endDate.startsWith(String(year)));
  const result = computeJp(
    { employees: emps.map((e) => e.data as unknown as Employee), activities: acts },
    { profile: await ruleProfile(db), year, trusted: true, trace: false, invalid: 'report' },
  );
  if (!result.ok) throw new Error('engine failed');
  const units = summarizeUnits(
    result.value.summaries,
    emps.map((e) => ({ ...(e.data as unknown as Employee), unit: e.unitId })),
  );
  const obliged = result.value.summaries.filter((s) => s.required > 0);
  return {
    units: units
      .map((u) => ({ unitId: u.unit, employees: u.employees, compliant: u.compliant, jp: u.totalJp }))
      .sort((a, b) => a.unitId.localeCompare(b.unitId)),
    below: obliged.filter((s) => !s.compliant).length,
    uncounted: result.value.results
      .filter((r) => r.problems !== undefined)
      .map((r) => r.id)
      .sort(),
  };
}

/**
 * A random but reproducible sequence of 40 operations that change stored JP: app mutations (create,
 * submit, verify, override, approve), kind changes through the import, writes in SQL outside the app,
 * and a change of the rule profile. Answers the log of what was tried and how it ended.
 */
async function randomOperations(db: Db, seed: number): Promise<string[]> {
  const r = random(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(r() * list.length)];
  const pegawai = await callerAs(db, 'pegawai');
  const sdm = await callerAs(db, 'adminsdm');
  const unitAdmin = await callerAs(db, 'adminunit');
  const log: string[] = [];
  for (let step = 0; step < 40; step++) {
    const rows = await db.select().from(activities);
    const of = (status: string) => rows.filter((a) => a.status === status && a.employeeId !== sdm.user!.employeeId);
    const op = Math.floor(r() * 11);
    const attempt = async (name: string, call: () => Promise<unknown>) => {
      // A refused step (e.g. superior approval still missing) is part of a random sequence too.
      const outcome = await call().then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      );
      log.push(`${name}:${outcome}`);
    };
    if (op === 0)
      await attempt('create', () =>
        pegawai.caller.activities.create({
          ...(r() < 0.5 ? trainingFields(YEAR - Math.floor(r() * 2)) : coachingFields(YEAR)),
          evidence: pdfUpload(),
        }),
      );
    else if (op === 1) {
      const own = rows.filter((a) => a.employeeId === pegawai.user!.employeeId && a.status === 'draft' && a.evidenceSha256);
      const a = pick(own);
      if (a) await attempt('submit', () => pegawai.caller.activities.submit({ id: a.id, declaration: true }));
    } else if (op === 2 || op === 3) {
      const a = pick(of('submitted'));
      if (a) await attempt('verify', () => sdm.caller.activities.verify({ id: a.id, verified: r() < 0.8, reason: 'Bukti tidak terbaca' }));
    } else if (op === 4) {
      const a = pick(of('verified'));
      if (a)
        await attempt('override', () =>
          sdm.caller.activities.overrideJp({ id: a.id, jp: r() < 0.8 ? Math.round(r() * 40) : null, reason: 'Sesuai daftar hadir' }),
        );
    } else if (op === 5) {
      const a = pick(rows.filter((x) => x.status === 'submitted'));
      if (a) await attempt('unit-verify', () => unitAdmin.caller.activities.verify({ id: a.id, verified: true }));
    } else if (op === 6) {
      // A change of kind (PNS ↔ PPPK) through the import: limits and obligations change.
      const e = pick(
        await db
          .select()
          .from(employees)
          .where(sql`${employees.kind} IN ('PNS', 'PPPK')`),
      );
      if (e) {
        const unit = (await sdm.caller.admin.units()).find((u) => u.id === e.unitId)!;
        const kind = e.kind === 'PNS' ? 'PPPK' : 'PNS';
        const csv = `NIP,Nama,Jenis Pegawai,Unit Kerja${e.supervisorId ? ',NIP Atasan' : ''}\n${e.id},${e.name},${kind},${unit.name}${e.supervisorId ? `,${e.supervisorId}` : ''}\n`;
        await attempt('kind', () => sdm.caller.admin.importEmployees({ csv }));
      }
    } else if (op === 7) {
      // A write outside the app (SQL): the trigger marks the employee, the next read recomputes.
      const a = pick(of('submitted'));
      if (a) {
        await db
          .update(activities)
          .set({ status: 'verified', data: { ...a.data, status: 'verified' } })
          .where(eq(activities.id, a.id));
        log.push('sql-verify:ok');
      }
    } else if (op === 9) {
      // An employee moves to another unit in SQL: both units' stored figures go out of date.
      const e = pick(await db.select().from(employees).orderBy(employees.id));
      const units = await sdm.caller.admin.units();
      const to = pick(units.filter((u) => u.id !== e?.unitId));
      if (e && to) {
        await db.update(employees).set({ unitId: to.id }).where(eq(employees.id, e.id));
        log.push('sql-move:ok');
      }
    } else if (op === 10) {
      // A rename in SQL: the order of the below-obligation overview may change.
      const e = pick(await db.select().from(employees).orderBy(employees.id));
      if (e) {
        await db
          .update(employees)
          .set({ name: `A ${e.name}` })
          .where(eq(employees.id, e.id));
        log.push('sql-rename:ok');
      }
    } else {
      const a = pick(rows.filter((x) => x.status === 'verified'));
      if (a) await attempt('approve', () => sdm.caller.activities.approveConversion({ id: a.id }));
    }
    // Dashboards read between the writes store units' figures that later writes make out of date.
    if (step % 4 === 3) {
      await attempt('dashboard', () => sdm.caller.compliance.dashboard({ year: YEAR }));
      await attempt('unit-dashboard', () => unitAdmin.caller.compliance.dashboard({ year: YEAR }));
    }
    if (step === 25) {
      await sdm.caller.admin.setProfile({ profile: 'pupr-2023' });
      await drainStale(db);
      log.push('profile:ok');
    }
  }
  return log;
}

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 40, year: YEAR });
    await drainStale(db);
  });
  afterEach(async () => database.close());

  it('after random operations the stored JP equals a recomputation from scratch, and the dashboard equals the engine’s', async () => {
    const log = await randomOperations(db, Number(process.env['TOTALS_SEED'] ?? 19));
    const sdm = await callerAs(db, 'adminsdm');
    expect(log.filter((l) => l.endsWith(':ok')).length).toBeGreaterThan(10);
    // Reading a dashboard recomputes what SQL changed; then nothing is stale and nothing differs.
    const dashboard = await sdm.caller.compliance.dashboard({ year: YEAR });
    expect(await staleCount(db)).toBe(0);
    const check = await verifyTotals(db);
    expect(check.differences, log.join(' ')).toEqual([]);
    expect(check.employees).toBe((await db.select({ id: employees.id }).from(employees)).length);
    expect(check.units).toBeGreaterThan(0);
    const engine = await engineDashboard(db, YEAR);
    expect(dashboard.units.map((u) => ({ unitId: u.unitId, employees: u.employees, compliant: u.compliant, jp: u.jp }))).toEqual(
      engine.units,
    );
    expect(dashboard.belowTotal).toBe(engine.below);
    expect(dashboard.uncounted.map((u) => u.activityId).sort()).toEqual(engine.uncounted);
  }, 120_000);

  it('a write recomputes the stored figures of its own unit only; a figure changed behind the app is reported', async () => {
    const sdm = await callerAs(db, 'adminsdm');
    const before = await sdm.caller.compliance.dashboard({ year: YEAR });
    const snapshots = async () =>
      new Map(
        rowsOf<{ unit_id: string; snapshot: string }>(
          await db.execute(sql`SELECT unit_id, snapshot::text AS snapshot FROM unit_year_jp WHERE year = ${YEAR}`),
        ).map((r) => [r.unit_id, r.snapshot]),
      );
    const stored = await snapshots();
    expect(stored.size).toBe((await sdm.caller.admin.units()).length);
    const submitted = (await db.select().from(activities)).find((a) => a.status === 'submitted' && a.employeeId !== sdm.user!.employeeId)!;
    const [owner] = await db.select().from(employees).where(eq(employees.id, submitted.employeeId));
    await sdm.caller.activities.verify({ id: submitted.id, verified: true });
    const after = await sdm.caller.compliance.dashboard({ year: YEAR });
    const recomputed = [...(await snapshots())].filter(([unit, snapshot]) => stored.get(unit) !== snapshot).map(([unit]) => unit);
    expect(recomputed).toEqual([owner!.unitId]);
    expect(after.units.find((u) => u.unitId === owner!.unitId)!.jp).toBeGreaterThanOrEqual(
      before.units.find((u) => u.unitId === owner!.unitId)!.jp,
    );
    // A stored figure written behind the app's back (while its row still counts as current) is a difference.
    await db.execute(sql`UPDATE unit_year_jp SET compliant = compliant + 1 WHERE unit_id = ${owner!.unitId} AND year = ${YEAR}`);
    const check = await verifyTotals(db);
    expect(check.differences.map((d) => `${d.what} ${d.key}`)).toEqual([`unit ${owner!.unitId}|${YEAR}`]);
  });

  it('the check reports a stored total that does not match', async () => {
    const row = (await db.execute(sql`SELECT employee_id, year FROM employee_year_jp WHERE jp > 0 LIMIT 1`)) as unknown;
    const first = (Array.isArray(row) ? row : (row as { rows: { employee_id: string; year: number }[] }).rows)[0] as {
      employee_id: string;
      year: number;
    };
    await db.execute(sql`UPDATE employee_year_jp SET jp = jp + 1 WHERE employee_id = ${first.employee_id} AND year = ${first.year}`);
    const check = await verifyTotals(db);
    expect(check.differences.map((d) => d.key)).toEqual([`${first.employee_id}|${first.year}`]);
  });

  it('closing the database stops the background recomputation after its chunk, without an error', async () => {
    const other = await open();
    await seedDemo(other.db, { employees: 40, year: YEAR });
    await other.db.execute(sql`INSERT INTO jp_stale (employee_id) SELECT id FROM employees ON CONFLICT DO NOTHING`);
    const running = drainStale(other.db);
    await other.close();
    await expect(running).resolves.toBeTypeOf('number');
  });
});

/** `npm run verify-totals` as an operator runs it from a shell, on a database the app left behind. */
async function verifyCommand(env: Record<string, string>) {
  const run = promisify(execFile);
  return run('npm', ['run', '-s', 'verify-totals'], { cwd: join(import.meta.dirname, '..'), env: { ...process.env, ...env } }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
  );
}

describe('npm run verify-totals', () => {
  const databases: [string, () => Promise<{ env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> }>][] = [
    [
      'PGlite folder',
      async () => {
        const dir = mkdtempSync(join(tmpdir(), 'bangkom-verify-'));
        return {
          env: { BANGKOM_DATA_DIR: dir, DATABASE_URL: '' },
          open: () => openDatabase({ dataDir: dir }),
          drop: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    ],
    [
      'PostgreSQL',
      async () => {
        const fresh = await createFreshDatabase();
        return { env: { DATABASE_URL: fresh.url }, open: () => openDatabase({ url: fresh.url }), drop: fresh.drop };
      },
    ],
  ];
  for (const [name, create] of databases)
    it(`finds no difference after random operations, and names a wrong total (${name})`, async () => {
      const target = await create();
      try {
        let database = await target.open();
        await seedDemo(database.db, { employees: 20, year: YEAR });
        const log = await randomOperations(database.db, 7);
        expect(log.filter((l) => l.endsWith(':ok')).length).toBeGreaterThan(5);
        // What the running server's background recomputation does with the SQL writes' marks.
        await drainStale(database.db);
        await database.close();
        const clean = await verifyCommand(target.env);
        expect(clean.stdout).toContain('No differences');
        expect(clean.code).toBe(0);

        database = await target.open();
        const [wrong] = rowsOf<{ employee_id: string; year: number }>(
          await database.db.execute(sql`UPDATE employee_year_jp SET jp = jp + 1
            WHERE (employee_id, year) IN (SELECT employee_id, year FROM employee_year_jp ORDER BY employee_id, year LIMIT 1)
            RETURNING employee_id, year`),
        );
        await database.close();
        const dirty = await verifyCommand(target.env);
        expect(dirty.code).toBe(1);
        expect(dirty.stdout).toContain(`${wrong!.employee_id}|${wrong!.year}`);
      } finally {
        await target.drop();
      }
    }, 600_000);
});
