import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LoginLimiter, passwordProblem, touchSession, userForSession } from '../src/lib/server/auth.js';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { bootstrapAdmin } from '../src/lib/server/bootstrap.js';
import { sessions, users } from '../src/lib/server/db/schema.js';
import { appRouter } from '../src/lib/server/routers/index.js';
import { DEMO_PASSWORD, seedDemo } from '../src/lib/server/seed.js';
import { createCallerFactory } from '../src/lib/server/trpc.js';
import { forEachDatabase } from './databases.js';
import { callerAs, outcome } from './helpers.js';

const YEAR = 2025;
const NEW_PASSWORD = 'Sungai-Mahakam-2031';
const createCaller = createCallerFactory(appRouter);

/** Logs in like the login form does; returns the session token set in the cookie. */
async function login(db: Db, username: string, password: string): Promise<string> {
  const { caller, cookies } = await callerAs(db, null);
  await caller.auth.login({ username, password });
  return cookies.at(-1)!;
}

/** A caller acting through a session token, the way every request after the login does. */
async function callerWithSession(db: Db, token: string) {
  return createCaller({
    db,
    user: await userForSession(db, token),
    ip: '127.0.0.1',
    setSession: () => {},
    sessionToken: token,
    limiter: new LoginLimiter(),
  });
}

describe('password rules', () => {
  it('at least 12 characters, not the username, not a well-known password', () => {
    expect(passwordProblem('pendek', 'budi')?.en).toMatch(/12 characters/);
    expect(passwordProblem('budi-santoso-2031', 'budi')?.en).toMatch(/username/);
    expect(passwordProblem('password12345', 'budi')?.en).toMatch(/easy to guess/);
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'budi')?.en).toMatch(/easy to guess/);
    expect(passwordProblem(NEW_PASSWORD, 'budi')).toBeNull();
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
  const userId = async (username: string) => (await db.select().from(users).where(eq(users.username, username)))[0]!.id;

  it('changing the own password asks for the current one and ends the other sessions', async () => {
    const here = await login(db, 'pegawai', DEMO_PASSWORD);
    const elsewhere = await login(db, 'pegawai', DEMO_PASSWORD);
    const caller = await callerWithSession(db, here);
    expect(await outcome(() => caller.auth.changePassword({ currentPassword: 'salah-sekali', newPassword: NEW_PASSWORD }))).toBe(
      'BAD_REQUEST',
    );
    expect(await outcome(() => caller.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'pendek' }))).toBe('BAD_REQUEST');
    await caller.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(await userForSession(db, here)).not.toBeNull();
    expect(await userForSession(db, elsewhere)).toBeNull();
    expect(await outcome(() => login(db, 'pegawai', DEMO_PASSWORD))).toBe('UNAUTHORIZED');
    await login(db, 'pegawai', NEW_PASSWORD);
  });

  it('a password reset by admin SDM ends the sessions and must be changed at the next login', async () => {
    const open = await login(db, 'atasan', DEMO_PASSWORD);
    const sdm = await callerAs(db, 'adminsdm');
    const { password } = await sdm.caller.admin.resetPassword({ userId: await userId('atasan') });
    expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(await userForSession(db, open)).toBeNull();
    const token = await login(db, 'atasan', password);
    const caller = await callerWithSession(db, token);
    expect((await caller.auth.me()).mustChangePassword).toBe(true);
    expect(await outcome(() => caller.activities.list({}))).toBe('PRECONDITION_FAILED');
    // Every page's header still asks for the unread count before the change.
    expect(await outcome(() => caller.notifications.unread())).toBe('OK');
    expect(await outcome(() => caller.notifications.list({}))).toBe('PRECONDITION_FAILED');
    await caller.auth.changePassword({ currentPassword: password, newPassword: NEW_PASSWORD });
    expect(await outcome(async () => (await callerWithSession(db, token)).activities.list({}))).toBe('OK');
    // Nobody resets, disables or changes their own account.
    expect(await outcome(() => sdm.caller.admin.resetPassword({ userId: sdm.user!.id }))).toBe('FORBIDDEN');
  });

  it('a disabled account stops working at once and cannot log in; enabled again, it can', async () => {
    const open = await login(db, 'auditor', DEMO_PASSWORD);
    expect(await userForSession(db, open)).not.toBeNull();
    const sdm = await callerAs(db, 'adminsdm');
    await sdm.caller.admin.setDisabled({ userId: await userId('auditor'), disabled: true });
    expect(await userForSession(db, open)).toBeNull();
    expect(await outcome(() => login(db, 'auditor', DEMO_PASSWORD))).toBe('UNAUTHORIZED');
    await sdm.caller.admin.setDisabled({ userId: await userId('auditor'), disabled: false });
    await login(db, 'auditor', DEMO_PASSWORD);
  });

  it('changing the role, unit or employee of an account ends its sessions', async () => {
    const open = await login(db, 'adminunit', DEMO_PASSWORD);
    const sdm = await callerAs(db, 'adminsdm');
    const id = await userId('adminunit');
    // An admin unit without a unit would see every unit: refused.
    expect(await outcome(() => sdm.caller.admin.updateUser({ userId: id, role: 'admin_unit' }))).toBe('BAD_REQUEST');
    await sdm.caller.admin.updateUser({ userId: id, role: 'auditor' });
    expect(await userForSession(db, open)).toBeNull();
    const token = await login(db, 'adminunit', DEMO_PASSWORD);
    expect((await userForSession(db, token))?.role).toBe('auditor');
  });

  it('sessions end after the idle timeout and the absolute lifetime; expired ones are purged', async () => {
    const sdm = await callerAs(db, 'adminsdm');
    expect(await outcome(() => sdm.caller.admin.setSessionSettings({ idleMinutes: 1, lifetimeHours: 12 }))).toBe('BAD_REQUEST');
    await sdm.caller.admin.setSessionSettings({ idleMinutes: 30, lifetimeHours: 8 });
    const idle = await login(db, 'pegawai', DEMO_PASSWORD);
    await touchSession(db, idle, new Date(Date.now() - 31 * 60_000));
    expect(await userForSession(db, idle)).toBeNull();
    const old = await login(db, 'pegawai', DEMO_PASSWORD);
    const lifetime = rowsOf<{ hours: number }>(
      await db.execute(
        sql`SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM sessions ORDER BY created_at DESC LIMIT 1`,
      ),
    )[0]!.hours;
    expect(lifetime).toBe(8);
    await db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) });
    expect(await userForSession(db, old)).toBeNull();
    await login(db, 'pegawai', DEMO_PASSWORD);
    // Only the new session is left: the idle and the expired ones were purged at the login.
    expect((await db.select().from(sessions)).length).toBe(1);
  });

  it('creates login accounts for employees without one, with one-time passwords shown once', async () => {
    const sdm = await callerAs(db, 'adminsdm');
    const before = (await db.select().from(users)).length;
    const { accounts } = await sdm.caller.admin.createAccounts({ unitId: 'sekretariat' });
    expect(accounts.length).toBeGreaterThan(0);
    expect((await db.select().from(users)).length).toBe(before + accounts.length);
    expect(accounts.every((a) => a.username === a.employeeId.toLowerCase() && a.password.length >= 16)).toBe(true);
    // Nothing stores the password in clear, not even the audit log.
    const stored =
      JSON.stringify(rowsOf(await db.execute(sql`SELECT * FROM users`))) +
      JSON.stringify(rowsOf(await db.execute(sql`SELECT * FROM audit_log`)));
    expect(stored).not.toContain(accounts[0]!.password);
    const token = await login(db, accounts[0]!.username, accounts[0]!.password);
    expect((await userForSession(db, token))?.mustChangePassword).toBe(true);
    expect((await sdm.caller.admin.createAccounts({ unitId: 'sekretariat' })).accounts).toEqual([]);
  });

  it('a new installation gets its first admin SDM from BANGKOM_ADMIN, once, with a one-time password', async () => {
    // The demo office has an admin SDM: nothing is created.
    expect(await bootstrapAdmin(db, 'kepala-sdm')).toBeNull();
    await db.update(users).set({ role: 'auditor' }).where(eq(users.role, 'admin_sdm'));
    const password = (await bootstrapAdmin(db, 'Kepala-SDM'))!;
    expect(password).toMatch(/^[a-z2-9-]{19}$/);
    const token = await login(db, 'kepala-sdm', password);
    expect(await userForSession(db, token)).toMatchObject({ role: 'admin_sdm', mustChangePassword: true });
    expect(await bootstrapAdmin(db, 'kepala-sdm')).toBeNull();
  });
});
