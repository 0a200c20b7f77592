import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs } from './helpers.js';

forEachDatabase((open) => {
  let database: Database;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(async () => database.close());

  it('seeds a fictional office with units, employees of every kind and activities in every state, once', async () => {
    const { db } = database;
    expect(await seedDemo(db, { employees: 200, year: 2025 })).toEqual({ seeded: true });
    const count = async (q: ReturnType<typeof sql>) => rowsOf<{ n: number }>(await db.execute(q))[0]!.n;
    expect(await count(sql`SELECT count(*)::int AS n FROM units`)).toBeGreaterThanOrEqual(5);
    expect(await count(sql`SELECT count(*)::int AS n FROM employees`)).toBe(200);
    const kinds = rowsOf<{ kind: string }>(await db.execute(sql`SELECT DISTINCT kind FROM employees ORDER BY kind`)).map((r) => r.kind);
    expect(kinds).toEqual(['PNS', 'PPPK', 'TKK']);
    const statuses = rowsOf<{ status: string }>(await db.execute(sql`SELECT DISTINCT status FROM activities ORDER BY status`)).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(['draft', 'rejected', 'submitted', 'verified']);
    // Everything submitted carries a (sample) evidence file that opens as a PDF.
    expect(await count(sql`SELECT count(*)::int AS n FROM activities WHERE status <> 'draft' AND evidence_sha256 IS NULL`)).toBe(0);
    const file = rowsOf<{ content: Uint8Array }>(await db.execute(sql`SELECT content FROM evidence_files LIMIT 1`))[0]!;
    expect(Buffer.from(file.content).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await seedDemo(db, { employees: 200, year: 2025 })).toEqual({ seeded: false });
    expect(await count(sql`SELECT count(*)::int AS n FROM employees`)).toBe(200);
  });

  it('every demo login works with the printed password, and the office computes without errors', async () => {
    const { db } = database;
    await seedDemo(db, { employees: 200, year: 2025 });
    for (const username of DEMO_USERS) {
      const { caller, cookies } = await callerAs(db, null);
      await expect(caller.auth.login({ username, password: DEMO_PASSWORD })).resolves.toMatchObject({ username });
      expect(cookies).toHaveLength(1);
    }
    const { caller } = await callerAs(db, 'adminsdm');
    const dashboard = await caller.compliance.dashboard({ year: 2025 });
    expect(dashboard.employees).toBeGreaterThan(100);
    expect(dashboard.compliant).toBeGreaterThan(0);
    expect(dashboard.below.length).toBeGreaterThan(0);
  });
});
