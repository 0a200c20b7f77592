import { eq } from 'drizzle-orm';
import { audit } from './audit.js';
import { generatePassword, hashPassword } from './auth.js';
import type { Db } from './db/index.js';
import { users } from './db/schema.js';

/**
 * The first admin SDM of a new installation (BANGKOM_ADMIN=username): created only when the
 * database has no admin SDM yet, with a one-time password to change at the first login. Returns
 * that password (printed once to the server log), or null when nothing was created.
 */
export async function bootstrapAdmin(db: Db, username: string): Promise<string | null> {
  const name = username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(name)) throw new Error(`BANGKOM_ADMIN: invalid username "${username}" / nama pengguna tidak valid`);
  if ((await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin_sdm')).limit(1)).length) return null;
  if ((await db.select({ id: users.id }).from(users).where(eq(users.username, name))).length)
    throw new Error(`BANGKOM_ADMIN: username "${name}" is taken by another role / nama pengguna sudah dipakai peran lain`);
  const password = generatePassword();
  const passwordHash = await hashPassword(password, { generated: true });
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ username: name, passwordHash, role: 'admin_sdm', mustChangePassword: true })
      .returning({ id: users.id });
    await audit(tx, null, 'user.create', 'user', String(user!.id), null, { username: name, role: 'admin_sdm', bootstrap: true });
  });
  return password;
}
