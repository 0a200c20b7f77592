import { createHash, randomBytes, randomInt, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Db } from './db/index.js';
import type { Role } from './db/schema.js';
import { sessions, settings, users } from './db/schema.js';

const scrypt = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

/** OWASP password storage guidance for scrypt: N = 2^17, r = 8, p = 1 (128 MiB per hash). */
export const SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
/**
 * Generated one-time passwords (80 random bits, changed at first login) are hashed with N = 2^14:
 * guessing them is out of reach at any cost, and creating hundreds of accounts at once stays fast.
 */
const SCRYPT_GENERATED = { N: 2 ** 14, r: 8, p: 1 } as const;
/** The cost of new hashes of chosen passwords: `SCRYPT` unless the test setup lowered it. */
let chosenPasswordCost: { N: number; r: number; p: number } = SCRYPT;

/**
 * For the app's test suite only (its vitest setup file): hashes chosen passwords with a lower N, since
 * the suite creates and logs in hundreds of accounts on both databases. Nothing else calls it, and no
 * setting or environment variable reaches it, so the server always hashes with `SCRYPT`.
 */
export function lowerPasswordCostForTests(N: number): void {
  if (!Number.isInteger(Math.log2(N)) || N < SCRYPT_GENERATED.N || N > SCRYPT.N)
    throw new RangeError(`scrypt N must be a power of 2 from ${SCRYPT_GENERATED.N} to ${SCRYPT.N}`);
  chosenPasswordCost = { ...SCRYPT, N };
}

/** The N new hashes of chosen passwords get (`SCRYPT.N` outside the app's tests). */
export const chosenPasswordN = (): number => chosenPasswordCost.N;
const MAXMEM = 256 * 1024 * 1024;

/**
 * At most two hashes run at once: each takes 128 MiB and a core for a fraction of a second, so
 * parallel logins must not exhaust the server's memory or threads.
 */
let running = 0;
const waiting: (() => void)[] = [];
async function limited<T>(work: () => Promise<T>): Promise<T> {
  if (running >= 2) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

/** scrypt with a per-user random salt: `scrypt$N$r$p$salt$hash` (base64url). */
export async function hashPassword(password: string, { generated = false } = {}): Promise<string> {
  const { N, r, p } = generated ? SCRYPT_GENERATED : chosenPasswordCost;
  const salt = randomBytes(16);
  const hash = await limited(() => scrypt(password, salt, 32, { N, r, p, maxmem: MAXMEM }));
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64url')}$${hash.toString('base64url')}`;
}

const BASE64URL = /^[A-Za-z0-9_-]{16,}$/;

/** The parameters of a stored hash, or null when it is not one this app writes (then no password matches it). */
function parseHash(stored: string) {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split('$');
  const N = Number(n);
  const R = Number(r);
  const P = Number(p);
  if (scheme !== 'scrypt' || rest.length || !salt || !hash || !BASE64URL.test(salt) || !BASE64URL.test(hash)) return null;
  // Only costs this app ever wrote: a corrupted or hostile value must not make the server hash for minutes.
  if (!Number.isInteger(Math.log2(N)) || N < 2 ** 14 || N > 2 ** 17 || R !== 8 || P !== 1) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, 'base64url'), hash: Buffer.from(hash, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed || parsed.hash.length < 16) return false;
  const { N, r, p, salt, hash: expected } = parsed;
  const actual = await limited(() => scrypt(password, salt, expected.length, { N, r, p, maxmem: MAXMEM }));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Whether a stored hash is weaker than today's parameters (it is then replaced at the next login). */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return !parsed || parsed.N < chosenPasswordCost.N;
}

/** Checked against for an unknown username, so that timing does not tell which usernames exist. */
export const DUMMY_HASH = `scrypt$${SCRYPT.N}$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`;

/** A one-time password: 16 characters from an alphabet without look-alikes (80 random bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  let out = '';
  for (let i = 0; i < 16; i++) out += alphabet[randomInt(alphabet.length)];
  return `${out.slice(0, 4)}-${out.slice(4, 8)}-${out.slice(8, 12)}-${out.slice(12)}`;
}

/** Why a new password is refused (null: accepted). At least 12 characters, not the username, not a well-known password. */
export function passwordProblem(password: string, username: string): { id: string; en: string } | null {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      id: `Kata sandi minimal ${MIN_PASSWORD_LENGTH} karakter`,
      en: `The password needs at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  if (password.length > 200) return { id: 'Kata sandi maksimal 200 karakter', en: 'The password has at most 200 characters' };
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    return { id: 'Kata sandi tidak boleh memuat nama pengguna', en: 'The password must not contain the username' };
  if (new Set(lower).size < 5 || COMMON_PASSWORDS.some((c) => lower.includes(c)))
    return { id: 'Kata sandi terlalu mudah ditebak', en: 'The password is too easy to guess' };
  return null;
}
export const MIN_PASSWORD_LENGTH = 12;
const COMMON_PASSWORDS = ['password', 'katasandi', 'kata-sandi', '123456', 'qwerty', 'bangkom', 'admin123', 'rahasia123'];

export const SESSION_COOKIE = 'bangkom_session';
/** Defaults of the session settings (changed by admin SDM): idle timeout and absolute lifetime. */
export const SESSION_DEFAULTS = { idleMinutes: 60, lifetimeHours: 12 } as const;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function sessionSettings(db: Db): Promise<{ idleMinutes: number; lifetimeHours: number }> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'session')))[0];
  const value = (row?.value ?? {}) as Partial<{ idleMinutes: number; lifetimeHours: number }>;
  return {
    idleMinutes: Number.isInteger(value.idleMinutes) ? value.idleMinutes! : SESSION_DEFAULTS.idleMinutes,
    lifetimeHours: Number.isInteger(value.lifetimeHours) ? value.lifetimeHours! : SESSION_DEFAULTS.lifetimeHours,
  };
}

/**
 * Creates a session; the random token goes in the cookie, only its hash in the database. Expired
 * and idle sessions of everyone are purged at the same time.
 */
export async function createSession(db: Db, userId: number): Promise<{ token: string; expiresAt: Date }> {
  const { idleMinutes, lifetimeHours } = await sessionSettings(db);
  await purgeSessions(db, idleMinutes);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + lifetimeHours * 3_600_000);
  await db.insert(sessions).values({ idHash: hashToken(token), userId, expiresAt });
  return { token, expiresAt };
}

/** Deletes sessions past their lifetime or idle for longer than the idle timeout. */
export async function purgeSessions(db: Db, idleMinutes: number): Promise<void> {
  await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, new Date()), lt(sessions.lastSeenAt, new Date(Date.now() - idleMinutes * 60_000))));
}

export interface SessionUser {
  id: number;
  username: string;
  role: Role;
  employeeId: string | null;
  unitId: string | null;
  /** A password set by an administrator (or generated) must be changed before anything else. */
  mustChangePassword?: boolean;
}

/**
 * The user of a session cookie: none when the session is unknown, past its lifetime, idle for
 * longer than the idle timeout, or its account is disabled. Using a session keeps it alive.
 */
export async function userForSession(db: Db, token: string | undefined): Promise<SessionUser | null> {
  if (!token) return null;
  const { idleMinutes } = await sessionSettings(db);
  const now = new Date();
  const idHash = hashToken(token);
  const rows = await db
    .select({
      id: users.id,
      username: users.username,
      role: users.role,
      employeeId: users.employeeId,
      unitId: users.unitId,
      mustChangePassword: users.mustChangePassword,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.idHash, idHash),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000)),
        eq(users.disabled, false),
      ),
    );
  const row = rows[0];
  if (!row) return null;
  // Written at most once a minute per session, not on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000)
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.idHash, hashToken(token)));
}

/** Ends every session of a user, except the one whose token is given (the caller's own). */
export async function endSessions(db: Pick<Db, 'delete'>, userId: number, except?: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ...(except ? [ne(sessions.idHash, hashToken(except))] : [])));
}

/** For tests and tools: backdates a session's last use (to test the idle timeout). */
export async function touchSession(db: Db, token: string, lastSeenAt: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt })
    .where(eq(sessions.idHash, hashToken(token)));
}

/**
 * Login attempts: at most `max` per username and address within the window, and at most
 * `maxPerAddress` failed ones per address whatever the username. An attempt is counted *before* its password
 * is hashed (synchronously, so parallel or batched guesses cannot all pass the check); a
 * successful login clears its username's count. The map is pruned so that it cannot grow without
 * bound.
 */
export class LoginLimiter {
  private attempts = new Map<string, number[]>();
  constructor(
    private readonly max = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now = () => Date.now(),
    private readonly maxPerAddress = 50,
    private readonly maxKeys = 10_000,
  ) {}
  private recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const list = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.attempts.set(key, list);
    else this.attempts.delete(key);
    return list;
  }
  /** Counts an attempt for this username and address; false (nothing counted) when either is at its limit. */
  reserve(username: string, address: string): boolean {
    const key = `${username}|${address}`;
    const addressKey = `|${address}`;
    const forKey = this.recent(key);
    const forAddress = this.recent(addressKey);
    if (forKey.length >= this.max || forAddress.length >= this.maxPerAddress) return false;
    if (this.attempts.size >= this.maxKeys) this.prune();
    const now = this.now();
    this.attempts.set(key, [...forKey, now]);
    this.attempts.set(addressKey, [...forAddress, now]);
    return true;
  }
  /**
   * After the right password: the username's attempts from this address no longer count, and this
   * attempt no longer counts for the address (its limit is on failures: an office behind one
   * address logs in all morning).
   */
  succeed(username: string, address: string): void {
    this.attempts.delete(`${username}|${address}`);
    const forAddress = this.recent(`|${address}`);
    forAddress.pop();
    if (forAddress.length) this.attempts.set(`|${address}`, forAddress);
    else this.attempts.delete(`|${address}`);
  }
  blocked(username: string, address: string): boolean {
    return this.recent(`${username}|${address}`).length >= this.max || this.recent(`|${address}`).length >= this.maxPerAddress;
  }
  get size(): number {
    return this.attempts.size;
  }
  /** Drops expired entries, then the oldest ones, down to three quarters of the cap. */
  private prune(): void {
    for (const key of [...this.attempts.keys()]) this.recent(key);
    const excess = this.attempts.size - Math.floor(this.maxKeys * 0.75);
    if (excess > 0) [...this.attempts.keys()].slice(0, excess).forEach((k) => this.attempts.delete(k));
  }
}
