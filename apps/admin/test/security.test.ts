import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handleApi } from '../src/lib/server/api.js';
import { chosenPasswordN, hashPassword, LoginLimiter } from '../src/lib/server/auth.js';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, auditLog, employees, units, users } from '../src/lib/server/db/schema.js';
import { ENDPOINTS, OPEN_ENDPOINTS, refusesCrossSite, routeIdOf } from '../src/lib/server/endpoints.js';
import { safeNext } from '../src/lib/server/urls.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import type { Context } from '../src/lib/server/trpc.js';
import { publicProcedure, router } from '../src/lib/server/trpc.js';
import { forEachDatabase } from './databases.js';
import { bimtek, callerAs, coachingFields, outcome, pdfUpload, trainingFields } from './helpers.js';

const YEAR = 2025;
const auditCount = async (db: Db, action: string) =>
  rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = ${action}`))[0]!.n;
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    return error as { code: string; cause?: { problems?: { path: string[]; code: string }[] } };
  }
  throw new Error('expected the call to fail');
};
const contextOf = (db: Db, limiter = new LoginLimiter()): Context => ({
  db,
  user: null,
  ip: '203.0.113.7',
  setSession: () => {},
  sessionToken: undefined,
  limiter,
  requestId: 'req-test',
});
const ORIGIN = 'http://127.0.0.1:3000';
const post = (path: string, body: unknown) =>
  new Request(`${ORIGIN}/api/trpc/${path}`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('redirect after login (open redirect)', () => {
  it('keeps paths of this site and refuses every way to another site', () => {
    expect(safeNext('/plans?year=2026#x')).toBe('/plans?year=2026#x');
    // `/login?next=/%5Cevil.example/`: the query decodes to a backslash, which browsers read as a slash.
    for (const next of ['/\\evil.example/', '//evil.example/', 'https://evil.example/', '/\t/evil.example', '\\\\evil.example', null])
      expect(safeNext(next)).toBe('/');
  });
});

describe('login limiter', () => {
  it('counts an attempt before it is checked and stays bounded in memory', () => {
    const limiter = new LoginLimiter(5, 60_000, () => 1000, 50, 100);
    expect([...Array(8)].map(() => limiter.reserve('atasan', '10.0.0.1'))).toEqual([true, true, true, true, true, false, false, false]);
    // Another address is counted on its own; so is a spray of usernames from one address (50 at most).
    expect(limiter.reserve('atasan', '10.0.0.2')).toBe(true);
    const sprayed = [...Array(80)].map((_, i) => limiter.reserve(`user${i}`, '10.0.0.3')).filter(Boolean).length;
    expect(sprayed).toBe(50);
    // Successful logins do not use up the address's allowance (an office behind one address).
    for (let i = 0; i < 200; i++) {
      expect(limiter.reserve(`pegawai${i}`, '10.0.0.4')).toBe(true);
      limiter.succeed(`pegawai${i}`, '10.0.0.4');
    }
    for (let i = 0; i < 500; i++) limiter.reserve(`u${i}`, `10.1.${i}.1`);
    expect(limiter.size).toBeLessThanOrEqual(100);
  });
});

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 30, year: YEAR });
  });
  afterEach(async () => database.close());

  describe('High 1: guessing passwords in parallel', () => {
    it('40 parallel guesses: at most 5 are checked, the right one among them does not log in', async () => {
      const limiter = new LoginLimiter();
      const anonymous = await callerAs(db, null, limiter);
      const guesses = [...Array(39)].map((_, i) => `salah-${i}`).concat(DEMO_PASSWORD);
      const outcomes = await Promise.all(
        guesses.map((password) => outcome(() => anonymous.caller.auth.login({ username: 'atasan', password }))),
      );
      expect(outcomes.filter((o) => o === 'OK')).toEqual([]);
      expect(outcomes.filter((o) => o === 'UNAUTHORIZED').length).toBeLessThanOrEqual(5);
      expect(outcomes.filter((o) => o === 'TOO_MANY_REQUESTS').length).toBeGreaterThanOrEqual(35);
      expect(await auditCount(db, 'auth.login_failed')).toBeLessThanOrEqual(5);
    });

    it('a tRPC batch of logins is refused before any password is checked', async () => {
      const limiter = new LoginLimiter();
      const batch = Object.fromEntries([...Array(40)].map((_, i) => [String(i), { username: 'atasan', password: `salah-${i}` }]));
      const response = await handleApi(post(`${Array(40).fill('auth.login').join(',')}?batch=1`, batch), appRouter, async () =>
        contextOf(db, limiter),
      );
      expect(response.status).toBe(400);
      expect(await auditCount(db, 'auth.login_failed')).toBe(0);
      // One login per request still works.
      const single = await handleApi(post('auth.login', { username: 'atasan', password: DEMO_PASSWORD }), appRouter, async () =>
        contextOf(db, limiter),
      );
      expect(single.status).toBe(200);
    });
  });

  describe('High 2: a scope of 40,000 employees', () => {
    it('lists, queues and plans without sending every id to the database; logins keep working', async () => {
      await db.insert(units).values({ id: 'besar', name: 'Unit Besar' });
      await db.execute(sql`
        INSERT INTO employees (id, kind, name, unit_id, supervisor_id, data)
        SELECT 'TKK-B' || g, 'TKK', 'Pegawai ' || g, 'besar', NULL,
               jsonb_build_object('kind', 'TKK', 'internalId', 'TKK-B' || g, 'name', 'Pegawai ' || g, 'unit', 'Unit Besar')
        FROM generate_series(1, 40000) AS g`);
      await db.insert(users).values({ username: 'adminbesar', passwordHash: 'x', role: 'admin_unit', unitId: 'besar' });
      const admin = await callerAs(db, 'adminbesar');
      expect(await admin.caller.activities.list({})).toEqual([]);
      expect((await admin.caller.activities.queue()).rows).toEqual([]);
      expect((await admin.caller.activities.attention()).toDecide).toBe(0);
      const unitPlans = await admin.caller.plans.overview({ year: YEAR + 1 });
      expect([unitPlans.total, unitPlans.counts.none, unitPlans.rows.length]).toEqual([40_000, 40_000, 50]);
      const sdm = await callerAs(db, 'adminsdm');
      expect((await sdm.caller.plans.overview({ year: YEAR + 1, offset: 40_000 })).total).toBe(40_030);
      // The connection is still healthy: a login right after succeeds.
      const anonymous = await callerAs(db, null);
      await expect(anonymous.caller.auth.login({ username: 'pegawai', password: DEMO_PASSWORD })).resolves.toMatchObject({
        username: 'pegawai',
      });
    });
  });

  describe('Medium 3: errors and control characters', () => {
    it('an unexpected (database) error reaches the client without SQL or stack, with a request id; the log has the details', async () => {
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      const probe = router({
        boom: publicProcedure.query(async ({ ctx }) => ctx.db.execute(sql`SELECT secret_column FROM no_such_table`)),
      });
      const response = await handleApi(new Request(`${ORIGIN}/api/trpc/boom`), probe, async () => contextOf(db));
      const body = await response.text();
      expect(response.status).toBe(500);
      expect(body).not.toMatch(/no_such_table|secret_column|SELECT|stack|node_modules|\.ts:/);
      expect(body).toContain('req-test');
      expect(JSON.stringify(logged.mock.calls)).toMatch(/req-test/);
      expect(logged.mock.calls.flat().map(String).join(' ')).toMatch(/no_such_table/);
      logged.mockRestore();
      // A refusal of an anonymous call carries no stack either.
      const anonymous = await (await handleApi(new Request(`${ORIGIN}/api/trpc/auth.me`), appRouter, async () => contextOf(db))).text();
      expect(anonymous).not.toMatch(/stack|node_modules/);
    });

    it('NUL and control characters are refused with the field that holds them', async () => {
      const anonymous = await callerAs(db, null);
      const login = await errorOf(() => anonymous.caller.auth.login({ username: 'peg\u0000awai', password: 'x' }));
      expect(login.code).toBe('BAD_REQUEST');
      expect(login.cause?.problems?.[0]).toMatchObject({ path: ['username'], code: 'text.control_character' });
      const { caller } = await callerAs(db, 'pegawai');
      const title = await errorOf(() => caller.activities.create({ ...trainingFields(YEAR), title: 'Pelatihan\u0000' }));
      expect(title.cause?.problems?.[0]?.path).toEqual(['title']);
      const sdm = await callerAs(db, 'adminsdm');
      const cell = await errorOf(() =>
        sdm.caller.admin.importEmployees({ csv: 'Nama,Jenis Pegawai,ID Internal,Unit Kerja\nPeg\u0001awai,TKK,TKK-X1,Sekretariat\n' }),
      );
      expect(cell.cause?.problems?.[0]?.path).toEqual(['csv']);
      // A line break in a CSV or a summary is text, not a control character.
      expect(
        await outcome(() =>
          sdm.caller.admin.importEmployees({ csv: 'Nama,Jenis Pegawai,ID Internal,Unit Kerja\r\nPegawai Baru,TKK,TKK-X1,Sekretariat\r\n' }),
        ),
      ).toBe('OK');
    });
  });

  describe('Medium 5: superiors on import', () => {
    const csv = (rows: string[]) => `Nama,Jenis Pegawai,ID Internal,Unit Kerja,NIP Atasan\n${rows.join('\n')}\n`;
    it('an employee cannot be their own superior, and chains of superiors cannot loop', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const own = await errorOf(() => caller.admin.importEmployees({ csv: csv(['Satu,TKK,TKK-S1,Sekretariat,TKK-S1']) }));
      expect(own.cause?.problems?.map((p) => p.code)).toContain('employee.own_superior');
      const loop = await errorOf(() =>
        caller.admin.importEmployees({ csv: csv(['Satu,TKK,TKK-S1,Sekretariat,TKK-S2', 'Dua,TKK,TKK-S2,Sekretariat,TKK-S1']) }),
      );
      expect(loop.cause?.problems?.map((p) => p.code)).toEqual(['employee.superior_cycle', 'employee.superior_cycle']);
      expect(await db.select().from(employees).where(eq(employees.id, 'TKK-S1'))).toEqual([]);
    });

    it('a superior never reviews the own activity, even when the data say they supervise themself', async () => {
      const atasan = await callerAs(db, 'atasan');
      const own = await atasan.caller.activities.create({ ...coachingFields(YEAR), evidence: pdfUpload() });
      await atasan.caller.activities.submit({ id: own.id, declaration: true });
      await db.update(employees).set({ supervisorId: atasan.user!.employeeId }).where(eq(employees.id, atasan.user!.employeeId!));
      expect(await outcome(() => atasan.caller.activities.review({ id: own.id, approve: true }))).toBe('FORBIDDEN');
    });
  });

  describe('Medium 7: exports are not started by another site', () => {
    it('a cross-site request for an export is refused and writes no audit entry', async () => {
      const pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
      const context = async () => ({
        ...contextOf(db),
        user: { id: pegawai.id, username: pegawai.username, role: pegawai.role, employeeId: pegawai.employeeId, unitId: pegawai.unitId },
      });
      const url = `${ORIGIN}/api/trpc/exports.kartuData?input=${encodeURIComponent(JSON.stringify({ employeeId: pegawai.employeeId, format: 'xlsx' }))}`;
      const crossSite = await handleApi(new Request(url, { headers: { 'sec-fetch-site': 'cross-site' } }), appRouter, context);
      expect(crossSite.status).toBe(403);
      expect(await auditCount(db, 'export.kartu_data')).toBe(0);
      const sameOrigin = await handleApi(new Request(url, { headers: { 'sec-fetch-site': 'same-origin' } }), appRouter, context);
      expect(sameOrigin.status).toBe(200);
      expect(await auditCount(db, 'export.kartu_data')).toBe(1);
    });
  });

  describe('MyASN/SIASN: exports and comparisons stay within their unit and their site', () => {
    it('a cross-site request for the ZIP is refused unlogged; a unit admin cannot open or settle another unit’s comparison', async () => {
      const adminunit = (await db.select().from(users).where(eq(users.username, 'adminunit')))[0]!;
      const context = async () => ({
        ...contextOf(db),
        user: {
          id: adminunit.id,
          username: adminunit.username,
          role: adminunit.role,
          employeeId: adminunit.employeeId,
          unitId: adminunit.unitId,
        },
      });
      const url = `${ORIGIN}/api/trpc/myasn.exportZip?input=${encodeURIComponent(JSON.stringify({ year: YEAR }))}`;
      const crossSite = await handleApi(new Request(url, { headers: { 'sec-fetch-site': 'cross-site' } }), appRouter, context);
      expect(crossSite.status).toBe(403);
      expect(await auditCount(db, 'export.myasn_zip')).toBe(0);

      const sdm = await callerAs(db, 'adminsdm');
      const other = (await db.select().from(employees).where(eq(employees.unitId, 'sekretariat')).limit(1))[0]!;
      const compared = await sdm.caller.myasn.reconcile({
        unitId: 'sekretariat',
        year: YEAR,
        employeeId: other.id,
        fileName: 'rw.json',
        content: JSON.stringify({ diklat: [], kursus: [] }),
      });
      const line = (await sdm.caller.myasn.reconciliation({ id: compared.id })).items[0];
      const unit = await callerAs(db, 'adminunit');
      expect(await outcome(() => unit.caller.myasn.reconciliation({ id: compared.id }))).toBe('FORBIDDEN');
      expect(await outcome(() => unit.caller.myasn.markAgreeing({ id: compared.id }))).toBe('FORBIDDEN');
      if (line)
        expect(await outcome(() => unit.caller.myasn.resolve({ itemId: line.id, action: 'ignore', reason: 'bukan unit saya' }))).toBe(
          'FORBIDDEN',
        );
      // Nor compare a file for another unit's employee from the own unit.
      expect(
        await outcome(() =>
          unit.caller.myasn.reconcile({
            year: YEAR,
            employeeId: other.id,
            fileName: 'rw.json',
            content: JSON.stringify({ diklat: [], kursus: [] }),
          }),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  describe('Medium 7 (events): a certificate download is not started by another site', () => {
    it('refuses a cross-site request for a certificate and writes no audit entry', async () => {
      const sdm = await callerAs(db, 'adminsdm');
      const { id } = await sdm.caller.events.create(bimtek());
      const pegawai = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
      await sdm.caller.events.addParticipants({ eventId: id, employeeIds: [pegawai.employeeId!] });
      await sdm.caller.events.setAttendance({ eventId: id, rows: [{ employeeId: pegawai.employeeId!, attended: ['s1', 's2', 's3'] }] });
      await sdm.caller.events.close({ eventId: id });
      const number = (await sdm.caller.events.participants({ eventId: id })).rows[0]!.certificate!;
      const context = async () => ({
        ...contextOf(db),
        user: { id: pegawai.id, username: pegawai.username, role: pegawai.role, employeeId: pegawai.employeeId, unitId: pegawai.unitId },
      });
      const url = `${ORIGIN}/api/trpc/events.certificate?input=${encodeURIComponent(JSON.stringify({ number, format: 'pdf' }))}`;
      const crossSite = await handleApi(new Request(url, { headers: { 'sec-fetch-site': 'cross-site' } }), appRouter, context);
      expect(crossSite.status).toBe(403);
      expect(await auditCount(db, 'certificate.download')).toBe(0);
      const sameOrigin = await handleApi(new Request(url, { headers: { 'sec-fetch-site': 'same-origin' } }), appRouter, context);
      expect(sameOrigin.status).toBe(200);
      expect(await auditCount(db, 'certificate.download')).toBe(1);
    });
  });

  describe('Low 9: audit gaps', () => {
    it('logout, evidence downloads, refused calls and employees changed by an import leave rows', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
      await pegawai.caller.activities.evidence({ id: draft.id });
      expect(await auditCount(db, 'activity.evidence_download')).toBe(1);
      expect(await outcome(() => pegawai.caller.admin.users())).toBe('FORBIDDEN');
      const refused = (await db.select().from(auditLog).where(eq(auditLog.action, 'access.refused')))[0]!;
      expect(refused).toMatchObject({ username: 'pegawai', entityId: 'admin.users' });
      await pegawai.caller.auth.logout();
      expect(await auditCount(db, 'auth.logout')).toBe(1);

      const sdm = await callerAs(db, 'adminsdm');
      await sdm.caller.admin.importEmployees({ csv: 'Nama,Jenis Pegawai,ID Internal,Unit Kerja\nNama Lama,TKK,TKK-A1,Sekretariat\n' });
      await sdm.caller.admin.importEmployees({ csv: 'Nama,Jenis Pegawai,ID Internal,Unit Kerja\nNama Baru,TKK,TKK-A1,Sekretariat\n' });
      const change = (await db.select().from(auditLog).where(eq(auditLog.action, 'employee.update')))[0]!;
      expect(change.entityId).toBe('TKK-A1');
      expect(change.before).toMatchObject({ data: { name: 'Nama Lama' } });
      expect(change.after).toMatchObject({ data: { name: 'Nama Baru' } });
    });
  });

  describe('Low 10: accounts that would see too much', () => {
    it('an admin unit needs a unit; a pegawai or atasan needs an employee', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const unit = await errorOf(() =>
        caller.admin.createUser({ username: 'tanpaunit', password: 'Tepian-Mahakam-2031', role: 'admin_unit' }),
      );
      expect(unit.cause?.problems?.[0]?.path).toEqual(['unitId']);
      for (const role of ['pegawai', 'atasan'] as const) {
        const employee = await errorOf(() => caller.admin.createUser({ username: `tanpa${role}`, password: 'Tepian-Mahakam-2031', role }));
        expect(employee.cause?.problems?.[0]?.path).toEqual(['employeeId']);
      }
    });
  });

  describe('Low 11–12: dates and lengths', () => {
    it('refuses activity dates in year 0000, 9999 or after next year; one not ended yet stays a draft', async () => {
      const { caller } = await callerAs(db, 'pegawai');
      for (const date of ['0000-01-01', '9999-12-31', `${new Date().getUTCFullYear() + 2}-01-15`]) {
        const refused = await errorOf(() => caller.activities.create({ ...trainingFields(YEAR), startDate: date, endDate: date }));
        expect(refused.code).toBe('BAD_REQUEST');
      }
      const nextYear = `${new Date().getUTCFullYear() + 1}-01-15`;
      const planned = await caller.activities.create({
        ...trainingFields(YEAR),
        startDate: nextYear,
        endDate: nextYear,
        certificateDate: undefined,
        evidence: pdfUpload(),
      });
      expect((await errorOf(() => caller.activities.submit({ id: planned.id, declaration: true }))).code).toBe('BAD_REQUEST');
    });

    it('refuses imported ids and names that are too long', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      const longId = 'T'.repeat(100_000);
      const refused = await errorOf(() =>
        caller.admin.importEmployees({
          csv: `Nama,Jenis Pegawai,ID Internal,Unit Kerja\nPegawai,TKK,${longId},Sekretariat\n${'N'.repeat(300)},TKK,TKK-PANJANG,Sekretariat\n`,
        }),
      );
      expect(refused.cause?.problems?.map((p) => [p.code, p.path.at(-1)])).toEqual([
        ['employee.too_long', 'internalId'],
        ['employee.too_long', 'name'],
      ]);
      expect((await db.select().from(employees).where(eq(employees.id, 'TKK-PANJANG'))).length).toBe(0);
    });
  });

  describe('Low 13: no lost updates', () => {
    it('two admins verifying the same activity at once: one wins, the other is told', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
      await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
      const admin = await callerAs(db, 'adminunit');
      const sdm = await callerAs(db, 'adminsdm');
      const outcomes = await Promise.all([
        outcome(() => admin.caller.activities.verify({ id: draft.id, verified: true })),
        outcome(() => sdm.caller.activities.verify({ id: draft.id, verified: false, reason: 'Sertifikat tidak terbaca' })),
      ]);
      expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
      expect((await auditCount(db, 'activity.verified')) + (await auditCount(db, 'activity.rejected'))).toBe(1);
    });

    it('a conversion is approved once', async () => {
      const pegawai = await callerAs(db, 'pegawai');
      const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
      const sdm = await callerAs(db, 'adminsdm');
      const outcomes = await Promise.all([
        outcome(() => sdm.caller.activities.approveConversion({ id: draft.id })),
        outcome(() => sdm.caller.activities.approveConversion({ id: draft.id })),
      ]);
      expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
      expect(await auditCount(db, 'activity.conversion_approved')).toBe(1);
      void activities;
    });

    it('an event is closed once: two closings at once issue one set of certificates and activities', async () => {
      const sdm = await callerAs(db, 'adminsdm');
      const unit = await callerAs(db, 'adminunit');
      const { id } = await sdm.caller.events.create(bimtek({ unitId: 'bina-marga' }));
      await sdm.caller.events.addMatching({ eventId: id, unitId: 'bina-marga' });
      const people = (await sdm.caller.events.participants({ eventId: id, limit: 200 })).rows;
      await sdm.caller.events.setAttendance({
        eventId: id,
        rows: people.map((p) => ({ employeeId: p.employeeId, attended: ['s1', 's2', 's3'] })),
      });
      const outcomes = await Promise.all([
        outcome(() => sdm.caller.events.close({ eventId: id })),
        outcome(() => unit.caller.events.close({ eventId: id })),
      ]);
      expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
      expect(await auditCount(db, 'certificate.issue')).toBe(people.length);
      const created = rowsOf<{ n: number }>(
        await db.execute(sql`SELECT count(*)::int AS n FROM activities WHERE id LIKE ${`EVT-${id}-%`}`),
      );
      expect(created[0]!.n).toBe(people.length);
    });
  });

  describe('Low 14: password hashes', () => {
    // N = 2^17 on the server (password-cost.test.ts); the suite hashes at a lower cost (test setup).
    it('new hashes use the configured N; an old N = 2^14 hash still logs in and is replaced; a malformed hash refuses the login', async () => {
      const { caller } = await callerAs(db, 'adminsdm');
      await caller.admin.createUser({ username: 'baru', password: 'Tepian-Mahakam-2031', role: 'auditor' });
      const stored = (await db.select().from(users).where(eq(users.username, 'baru')))[0]!.passwordHash;
      expect(stored.split('$').slice(1, 4).map(Number)).toEqual([chosenPasswordN(), 8, 1]);

      // An account from before: its hash made with N = 2^14.
      const { scrypt, randomBytes } = await import('node:crypto');
      const salt = randomBytes(16);
      const old = await new Promise<Buffer>((resolve, reject) =>
        scrypt('Tepian-Mahakam-2031', salt, 32, { N: 16384, r: 8, p: 1 }, (e, key) => (e ? reject(e) : resolve(key))),
      );
      await db
        .update(users)
        .set({ passwordHash: `scrypt$16384$8$1$${salt.toString('base64url')}$${old.toString('base64url')}` })
        .where(eq(users.username, 'baru'));
      const anonymous = await callerAs(db, null);
      await anonymous.caller.auth.login({ username: 'baru', password: 'Tepian-Mahakam-2031' });
      const rehashed = (await db.select().from(users).where(eq(users.username, 'baru')))[0]!.passwordHash;
      expect(rehashed.startsWith(`scrypt$${chosenPasswordN()}$8$1$`)).toBe(true);
      await anonymous.caller.auth.login({ username: 'baru', password: 'Tepian-Mahakam-2031' });

      for (const malformed of [
        'scrypt$16384$8$1$only-four',
        'scrypt$abc$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
        'plain-text',
        'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAA',
      ]) {
        await db.update(users).set({ passwordHash: malformed }).where(eq(users.username, 'baru'));
        expect(await outcome(() => anonymous.caller.auth.login({ username: 'baru', password: 'Tepian-Mahakam-2031' }))).toBe(
          'UNAUTHORIZED',
        );
      }
      expect(await hashPassword('x', { generated: true })).toMatch(/^scrypt\$16384\$8\$1\$/);
    });
  });
});

/** Every file under `src/` whose name matches. */
const sourceFiles = (pattern: RegExp) => {
  const files: string[] = [];
  const walk = (dir: string) =>
    readdirSync(dir).forEach((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (pattern.test(name)) files.push(path);
    });
  walk(join(import.meta.dirname, '..', 'src'));
  return files;
};

describe('Medium 7: no endpoint is started by another site unless it is meant for anyone', () => {
  it('every +server.ts route refuses cross-site requests, except the public keys and the API that checks itself', () => {
    const routesDir = join(import.meta.dirname, '..', 'src', 'routes');
    const onDisk = sourceFiles(/^\+server\.ts$/).map((file) =>
      routeIdOf('/src/routes' + file.slice(routesDir.length).replaceAll('\\', '/')),
    );
    expect(onDisk.length).toBeGreaterThan(5);
    expect([...ENDPOINTS].sort()).toEqual([...onDisk].sort());
    const open = onDisk.filter((route) => !refusesCrossSite(route));
    expect(open.sort()).toEqual([...OPEN_ENDPOINTS].sort());
    expect(refusesCrossSite('/audit/export')).toBe(true);
    expect(refusesCrossSite('/jobs/[id]/file')).toBe(true);
    // Pages are not endpoints: a link from another site to a page still opens it.
    expect(refusesCrossSite('/dashboard')).toBe(false);
    expect(refusesCrossSite(null)).toBe(false);
  });
});

describe('no unbounded IN lists', () => {
  it('the app never passes a list of values to inArray (only subqueries); arrays go as one parameter (anyOf)', () => {
    const files = sourceFiles(/\.(ts|svelte)$/);
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/inArray\(\s*[\w.]+,\s*([^\n]*)/g)]
        .filter((m) => !/^(ctx\.)?(db|tx)\s*$|^(ctx\.)?(db|tx)\s*\.|^\s*$/.test(m[1]!.trim()))
        .map((m) => `${file}: ${m[0]}`),
    );
    expect(offending).toEqual([]);
  });
});
