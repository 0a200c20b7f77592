import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, employees, notifications, users } from '../src/lib/server/db/schema.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { drainStale } from '../src/lib/server/totals.js';
import { forEachDatabase } from './databases.js';
import { callerAs, coachingFields, outcome, tubelFacts } from './helpers.js';

/**
 * The lists of the office's daily work are paged on the server, searched by name or NIP, with the
 * number found: the accounts of the admin page, the PNS a Tugas Belajar is checked for (a search
 * box, not one option per employee), the saved assessments, and the employee list's position.
 */
const YEAR = 2025;
const EXTRA_ACCOUNTS = 70;
const TIMEOUT = 120_000;

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 120, year: YEAR });
    // More accounts than a page: some disabled, some superiors.
    const passwordHash = (await db.select({ h: users.passwordHash }).from(users).limit(1))[0]!.h;
    await db.insert(users).values(
      Array.from({ length: EXTRA_ACCOUNTS }, (_, i) => ({
        username: `akun-${String(i).padStart(3, '0')}`,
        passwordHash,
        role: i % 7 === 0 ? ('atasan' as const) : ('pegawai' as const),
        disabled: i % 5 === 0,
      })),
    );
  }, TIMEOUT);
  afterAll(async () => database?.close());

  it(
    'the accounts list comes a page at a time, with the number found, searched by username, name or NIP, by role and status',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const all = (await db.select({ username: users.username }).from(users)).map((u) => u.username);
      const first = await caller.admin.users({ limit: 50 });
      expect(first.total).toBe(all.length);
      expect(first.rows).toHaveLength(50);
      const second = await caller.admin.users({ offset: 50, limit: 50 });
      expect(second.offset).toBe(50);
      expect(second.rows).toHaveLength(all.length - 50);
      const listed = [...first.rows, ...second.rows].map((u) => u.username);
      expect(new Set(listed).size).toBe(all.length);
      expect([...listed].sort()).toEqual([...all].sort());
      // By username, in the database's order of text (the next page starts after the last of this one).
      expect(first.rows.at(-1)!.username < second.rows[0]!.username).toBe(true);

      // The employee behind an account is found by part of their name and by NIP.
      const pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
      const employee = (await db.select().from(employees).where(eq(employees.id, pegawai.employeeId!)))[0]!;
      const byNip = await caller.admin.users({ q: employee.id });
      expect(byNip.rows.map((u) => u.username)).toContain('pegawai');
      expect(byNip.rows.every((u) => u.employeeId?.includes(employee.id))).toBe(true);
      const namePart = employee.name.split(' ')[0]!.toLowerCase();
      const byName = await caller.admin.users({ q: namePart });
      expect(byName.rows.find((u) => u.username === 'pegawai')?.employeeName).toBe(employee.name);
      expect(byName.total).toBe(byName.rows.length);
      // A username part; `%` and `_` are taken literally.
      expect((await caller.admin.users({ q: 'akun-06' })).rows.map((u) => u.username)).toEqual(
        Array.from({ length: 10 }, (_, i) => `akun-06${i}`),
      );
      expect((await caller.admin.users({ q: '%' })).total).toBe(0);

      const disabled = await caller.admin.users({ status: 'disabled', limit: 50 });
      const disabledInDb = (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(eq(users.disabled, true))
      )[0]!.n;
      expect(disabled.total).toBe(disabledInDb);
      expect(disabled.rows.every((u) => u.disabled)).toBe(true);
      const superiors = await caller.admin.users({ role: 'atasan', status: 'active', limit: 50 });
      const superiorsInDb = (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(users)
          .where(and(eq(users.role, 'atasan'), eq(users.disabled, false)))
      )[0]!.n;
      expect(superiors.total).toBe(superiorsInDb);
      expect(superiors.rows.every((u) => u.role === 'atasan' && !u.disabled)).toBe(true);

      // A page is never larger than the list's page size, and only the admin SDM and the auditor see accounts.
      expect(await outcome(() => caller.admin.users({ limit: 51 }))).toBe('BAD_REQUEST');
      expect(await outcome(async () => (await callerAs(db, 'adminunit')).caller.admin.users({}))).toBe('FORBIDDEN');
      expect((await (await callerAs(db, 'auditor')).caller.admin.users({})).total).toBe(all.length);
    },
    TIMEOUT,
  );

  it(
    'the Tugas Belajar picker returns a page of PNS by name, searched by name or NIP, and keeps a choice off the page',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const pns = await db.select().from(employees).where(eq(employees.kind, 'PNS')).orderBy(employees.name, employees.id);
      expect(pns.length).toBeGreaterThan(20);
      const first = await caller.tubel.candidates({ limit: 10 });
      expect(first.total).toBe(pns.length);
      expect(first.rows.map((e) => e.id)).toEqual(pns.slice(0, 10).map((e) => e.id));
      const third = await caller.tubel.candidates({ offset: 20, limit: 10 });
      expect(third.rows.map((e) => e.id)).toEqual(pns.slice(20, 30).map((e) => e.id));
      // Every row names the person and their unit.
      expect(third.rows.every((e) => e.name && e.unit)).toBe(true);

      // Tugas Belajar is for PNS ([P] art. 26(3)): another kind is never offered, even searched by its id.
      const other = (await db.select().from(employees).where(ne(employees.kind, 'PNS')).limit(1))[0]!;
      expect((await caller.tubel.candidates({ q: other.id })).rows.map((e) => e.id)).not.toContain(other.id);
      expect((await caller.tubel.candidates({ chosen: other.id })).chosen).toBeNull();

      const last = pns.at(-1)!;
      const byNip = await caller.tubel.candidates({ q: last.id });
      expect(byNip.rows.map((e) => e.id)).toEqual([last.id]);
      expect(byNip.total).toBe(1);
      const byName = await caller.tubel.candidates({ q: last.name.toUpperCase() });
      expect(byName.rows.map((e) => e.id)).toContain(last.id);
      // The chosen employee comes back with name and NIP when the page shown does not hold it.
      const kept = await caller.tubel.candidates({ limit: 10, chosen: last.id });
      expect(kept.rows.map((e) => e.id)).not.toContain(last.id);
      expect(kept.chosen).toMatchObject({ id: last.id, name: last.name });

      expect(await outcome(async () => (await callerAs(db, 'auditor')).caller.tubel.candidates({}))).toBe('FORBIDDEN');
    },
    TIMEOUT,
  );

  it(
    'saved Tugas Belajar assessments are listed a page at a time, newest first, searched by name or NIP',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const picked = (await caller.tubel.candidates({ limit: 3 })).rows;
      const saved = [];
      for (const e of picked)
        saved.push(await caller.tubel.assess({ employeeId: e.id, ...tubelFacts(YEAR), asOf: `${YEAR}-06-01`, save: true }));
      const ids = saved.map((s) => s.id!).reverse();
      const first = await caller.tubel.list({ limit: 2 });
      expect(first.total).toBe(3);
      expect(first.rows.map((a) => a.id)).toEqual(ids.slice(0, 2));
      const second = await caller.tubel.list({ offset: 2, limit: 2 });
      expect(second.rows.map((a) => a.id)).toEqual(ids.slice(2));
      const found = await caller.tubel.list({ q: picked[1]!.id });
      expect(found.total).toBe(1);
      expect(found.rows[0]).toMatchObject({ employeeId: picked[1]!.id, employeeName: picked[1]!.name });
    },
    TIMEOUT,
  );

  it(
    'the employee list says where its page starts in the whole list',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      let page = await caller.admin.employeePage({ limit: 40 });
      let seen = 0;
      for (;;) {
        expect(page.skipped).toBe(seen);
        seen += page.rows.length;
        if (!page.next) break;
        page = await caller.admin.employeePage({ limit: 40, after: page.next });
      }
      expect(seen).toBe(page.total);
      expect(seen).toBeGreaterThan(80);
    },
    TIMEOUT,
  );

  it(
    'the employee list sorts by name, NIP or unit, and pages through each order without skipping or repeating anyone',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const expected = {
        name: sql`e.name, e.id`,
        nip: sql`e.id`,
        unit: sql`u.name, e.unit_id, e.name, e.id`,
      };
      for (const sort of ['name', 'nip', 'unit'] as const) {
        const all = rowsOf<{ id: string }>(
          await db.execute(sql`SELECT e.id FROM employees e JOIN units u ON u.id = e.unit_id ORDER BY ${expected[sort]}`),
        ).map((r) => r.id);
        const walked: string[] = [];
        let page = await caller.admin.employeePage({ sort, limit: 17 });
        for (;;) {
          expect(page.skipped).toBe(walked.length);
          walked.push(...page.rows.map((r) => r.id));
          if (!page.next) break;
          page = await caller.admin.employeePage({ sort, limit: 17, after: page.next });
        }
        expect(walked).toEqual(all);
        expect(new Set(walked).size).toBe(all.length);
      }
      // The orders differ, and each is what it says: NIP ascending, units together.
      const byNip = (await caller.admin.employeePage({ sort: 'nip', limit: 500 })).rows.map((r) => r.id);
      expect([...byNip].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(byNip);
      const byName = (await caller.admin.employeePage({ sort: 'name', limit: 500 })).rows.map((r) => r.id);
      expect(byName).not.toEqual(byNip);
      const byUnit = (await caller.admin.employeePage({ sort: 'unit', limit: 500 })).rows.map((r) => r.unitId);
      const runs = byUnit.filter((u, i) => i === 0 || byUnit[i - 1] !== u);
      expect(new Set(runs).size).toBe(runs.length);
      expect(runs.length).toBeGreaterThan(1);
      // A search keeps its order and paging.
      const searched = await caller.admin.employeePage({ sort: 'nip', q: byNip[0]!.slice(0, 4), limit: 500 });
      expect(searched.rows.map((r) => r.id)).toEqual(byNip.filter((id) => searched.rows.some((r) => r.id === id)));
    },
    TIMEOUT,
  );

  it(
    'the accounts list sorts by username, employee name, role or newest account, and its pages cover every account once',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const accounts = await db
        .select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt, name: employees.name })
        .from(users)
        .leftJoin(employees, eq(employees.id, users.employeeId));
      for (const sort of ['username', 'name', 'role', 'created'] as const) {
        const walked: string[] = [];
        for (let offset = 0; ; offset += 13) {
          const page = await caller.admin.users({ sort, offset, limit: 13 });
          expect(page.total).toBe(accounts.length);
          walked.push(...page.rows.map((r) => r.username));
          if (page.rows.length < 13) break;
        }
        expect(new Set(walked).size).toBe(accounts.length);
        // In the order the database's own collation gives, for every page together.
        const order = {
          username: sql`u.username`,
          name: sql`e.name ASC NULLS LAST, u.username`,
          role: sql`u.role, u.username`,
          created: sql`u.created_at DESC, u.id DESC`,
        }[sort];
        const expected = rowsOf<{ username: string }>(
          await db.execute(sql`SELECT u.username FROM users u LEFT JOIN employees e ON e.id = u.employee_id ORDER BY ${order}`),
        ).map((r) => r.username);
        expect(walked).toEqual(expected);
        const rows = walked.map((u) => accounts.find((a) => a.username === u)!);
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          if (sort === 'role') expect(a.role <= b.role).toBe(true);
          if (sort === 'created') expect(a.createdAt.getTime()).toBeGreaterThanOrEqual(b.createdAt.getTime());
          // Accounts without an employee come last.
          if (sort === 'name' && a.name === null) expect(b.name).toBeNull();
        }
      }
      const byName = (await caller.admin.users({ sort: 'name', limit: 50 })).rows;
      expect(byName[0]!.employeeName).not.toBeNull();
      const named = byName.filter((r) => r.employeeName !== null).map((r) => r.employeeName!);
      const inDb = rowsOf<{ name: string }>(
        await db.execute(sql`SELECT e.name FROM users u JOIN employees e ON e.id = u.employee_id ORDER BY e.name, u.username`),
      ).map((r) => r.name);
      expect(named).toEqual(inDb.slice(0, named.length));
    },
    TIMEOUT,
  );

  it(
    'the audit log names the employee behind an account (name and NIP), and finds their entries by either',
    async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const employee = (await db.select().from(employees).where(eq(employees.id, pegawai.user!.employeeId!)))[0]!;
      await pegawai.caller.activities.create(coachingFields(YEAR));
      const { caller } = await callerAs(db, 'auditor');
      for (const who of [employee.id, employee.name.toUpperCase()]) {
        const found = await caller.audit.list({ who });
        expect(found.total).toBeGreaterThan(0);
        expect(found.entries.every((e) => e.username === 'pegawai')).toBe(true);
        expect(found.entries[0]).toMatchObject({ employeeId: employee.id, employeeName: employee.name });
      }
      // An account without an employee is still found by its own name, with nobody behind it.
      const own = await caller.audit.list({ who: 'adminsdm' });
      expect(own.total).toBeGreaterThan(0);
      expect(own.entries.every((e) => e.username === 'adminsdm')).toBe(true);
    },
    TIMEOUT,
  );

  it(
    'the activity list is searched by name or NIP and counts what it holds and where each page starts',
    async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const all = await caller.activities.count({});
      const inDb = (await db.select({ n: sql<number>`count(*)::int` }).from(activities))[0]!.n;
      expect(all).toMatchObject({ total: inDb, more: false, skipped: 0 });
      expect(inDb).toBeGreaterThan(20);
      // Page by page (keyset), each page says where it starts.
      let seen = 0;
      let after: string | undefined;
      for (;;) {
        const rows = await caller.activities.list({ limit: 20, ...(after ? { after } : {}) });
        expect((await caller.activities.count(after ? { after } : {})).skipped).toBe(seen);
        seen += rows.length;
        if (rows.length < 20) break;
        after = rows.at(-1)!.id;
      }
      expect(seen).toBe(inDb);
      // Each order pages (keyset) without skipping or repeating a row, the count of each page's start in the same order.
      const orders = {
        updated: sql`updated_at DESC, id ASC`,
        start: sql`data->>'startDate' DESC, id DESC`,
        title: sql`lower(data->>'title') ASC, id ASC`,
      };
      const walks: Record<string, string[]> = {};
      for (const sort of ['updated', 'start', 'title'] as const) {
        const expected = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM activities ORDER BY ${orders[sort]}`)).map((r) => r.id);
        const walked: string[] = [];
        let cursor: string | undefined;
        for (;;) {
          const rows = await caller.activities.list({ sort, limit: 13, ...(cursor ? { after: cursor } : {}) });
          expect((await caller.activities.count({ sort, ...(cursor ? { after: cursor } : {}) })).skipped).toBe(walked.length);
          walked.push(...rows.map((r) => r.id));
          if (rows.length < 13) break;
          cursor = rows.at(-1)!.id;
        }
        expect(walked).toEqual(expected);
        walks[sort] = walked;
      }
      // Each order is what it says, whatever SQL made of it: latest start first (ties by id), titles together.
      const byStart = await caller.activities.list({ sort: 'start', limit: 200 });
      for (let i = 1; i < byStart.length; i++) {
        const [a, b] = [byStart[i - 1]!, byStart[i]!];
        expect(a.data.startDate > b.data.startDate || (a.data.startDate === b.data.startDate && a.id > b.id)).toBe(true);
      }
      const titles = (await caller.activities.list({ sort: 'title', limit: 200 })).map((r) => r.data.title.toLowerCase());
      const runs = titles.filter((t, i) => i === 0 || titles[i - 1] !== t);
      expect(new Set(runs).size).toBe(runs.length);
      expect(walks['start']).not.toEqual(walks['updated']);
      expect(walks['title']).not.toEqual(walks['updated']);
      // One employee's activities, by NIP or by name; every row carries the NIP beside the name.
      const someone = (await db.select({ employeeId: activities.employeeId }).from(activities).limit(1))[0]!.employeeId;
      const person = (await db.select().from(employees).where(eq(employees.id, someone)))[0]!;
      const theirs = (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(activities)
          .where(eq(activities.employeeId, someone))
      )[0]!.n;
      const byNip = await caller.activities.list({ q: someone });
      expect(byNip).toHaveLength(theirs);
      expect(byNip.every((a) => a.employeeId === someone && a.employeeName === person.name)).toBe(true);
      expect((await caller.activities.count({ q: someone })).total).toBe(theirs);
      const byName = await caller.activities.list({ q: person.name.toLowerCase() });
      expect(byName.map((a) => a.employeeId)).toContain(someone);
      // Filters by unit, by the year the stored JP counts the activity in, and by method: each as SQL counts them.
      await drainStale(db);
      const sample = (await db.select().from(activities).limit(1))[0]!;
      const unitOf = (await db.select().from(employees).where(eq(employees.id, sample.employeeId)))[0]!.unitId;
      const yearOf = rowsOf<{ year: number }>(await db.execute(sql`SELECT year FROM activity_jp WHERE activity_id = ${sample.id}`))[0]!
        .year;
      const [expected] = rowsOf<{ unit: number; year: number; method: number; all3: number }>(
        await db.execute(sql`SELECT count(*) FILTER (WHERE e.unit_id = ${unitOf})::int AS unit,
            count(*) FILTER (WHERE j.year = ${yearOf})::int AS year,
            count(*) FILTER (WHERE a.data->>'method' = ${sample.data.method})::int AS method,
            count(*) FILTER (WHERE e.unit_id = ${unitOf} AND j.year = ${yearOf} AND a.data->>'method' = ${sample.data.method})::int AS all3
          FROM activities a JOIN employees e ON e.id = a.employee_id LEFT JOIN activity_jp j ON j.activity_id = a.id`),
      );
      expect((await caller.activities.count({ unitId: unitOf })).total).toBe(expected!.unit);
      expect((await caller.activities.count({ year: yearOf })).total).toBe(expected!.year);
      expect(expected!.all3).toBeGreaterThan(0);
      expect((await caller.activities.count({ method: sample.data.method })).total).toBe(expected!.method);
      const filtered = await caller.activities.list({ unitId: unitOf, year: yearOf, method: sample.data.method });
      expect(filtered).toHaveLength(expected!.all3);
      expect(filtered.every((a) => a.data.method === sample.data.method)).toBe(true);
      expect(expected!.unit).toBeLessThan(inDb);
      // The pegawai counts only what they may see: their own.
      const pegawai = await callerAs(db, 'pegawai');
      const own = (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(activities)
          .where(eq(activities.employeeId, pegawai.user!.employeeId!))
      )[0]!.n;
      expect((await pegawai.caller.activities.count({})).total).toBe(own);
    },
    TIMEOUT,
  );

  it(
    'the notifications list says how many there are and where each page starts',
    async () => {
      const atasan = await callerAs(db, 'atasan');
      await db.insert(notifications).values(
        Array.from({ length: 70 }, (_, i) => ({
          userId: atasan.user!.id,
          kind: 'plan_approved' as const,
          params: { year: String(2000 + i) },
          link: '/plan',
        })),
      );
      const total = (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(notifications)
          .where(eq(notifications.userId, atasan.user!.id))
      )[0]!.n;
      const first = await atasan.caller.notifications.list({});
      expect(first).toMatchObject({ total, skipped: 0, unread: total });
      expect(first.rows).toHaveLength(50);
      const second = await atasan.caller.notifications.list({ before: first.next! });
      expect(second).toMatchObject({ total, skipped: 50, next: null });
      expect(second.rows).toHaveLength(total - 50);
    },
    TIMEOUT,
  );
});
