import { join } from 'node:path';
import { LoginLimiter } from './auth.js';
import { bootstrapAdmin } from './bootstrap.js';
import type { Database } from './db/index.js';
import { openDatabase } from './db/index.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed.js';
import { ensureTotals } from './totals.js';

export interface App {
  database: Database;
  limiter: LoginLimiter;
}

let app: Promise<App> | undefined;

/**
 * The server's one database and login limiter. PostgreSQL when DATABASE_URL is set, otherwise
 * embedded PGlite in BANGKOM_DATA_DIR (default ./data). BANGKOM_DEMO=1 seeds the demo office
 * into an empty database.
 */
export function getApp(): Promise<App> {
  return (app ??= start());
}

async function start(): Promise<App> {
  const env = process.env;
  const database = await openDatabase({
    url: env['DATABASE_URL'] || undefined,
    dataDir: env['BANGKOM_DATA_DIR'] || join(process.cwd(), 'data'),
  });
  if (env['BANGKOM_DEMO'] === '1') {
    const { seeded } = await seedDemo(database.db, {});
    console.log(seeded ? 'Data demo dibuat / Demo data created' : 'Data demo sudah ada / Demo data already present');
    console.log(`Akun demo / Demo logins: ${DEMO_USERS.join(', ')} — kata sandi / password: ${DEMO_PASSWORD}`);
  }
  if (env['BANGKOM_ADMIN']) {
    const password = await bootstrapAdmin(database.db, env['BANGKOM_ADMIN']);
    if (password)
      console.log(
        `Admin SDM pertama / First HR admin: ${env['BANGKOM_ADMIN']} — kata sandi sekali pakai / one-time password: ${password} (wajib diganti saat masuk / must be changed at login)`,
      );
  }
  // Stored JP (per activity, per employee and year) made current before the first request.
  await ensureTotals(database.db, (line) => console.log(line));
  console.log(
    `Basis data / Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${env['BANGKOM_DATA_DIR'] || join(process.cwd(), 'data')}`}`,
  );
  // adapter-node emits this on SIGINT/SIGTERM once requests are done: close the database and its lock.
  process.once('sveltekit:shutdown' as 'exit', () => void database.close());
  return { database, limiter: new LoginLimiter() };
}
