import { join } from 'node:path';
import { LoginLimiter } from './auth.js';
import { bootstrapAdmin } from './bootstrap.js';
import type { Database } from './db/index.js';
import { openDatabase } from './db/index.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from './seed.js';
import { JOB_HANDLERS } from './job-handlers.js';
import { startJobRunner, stopJobRunner } from './jobs.js';
import { mailSettingsFromEnv, startMailer } from './mail.js';
import { ensureTotals } from './totals.js';
import { isDev } from './trpc.js';

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
  // Stored JP (per activity, per employee and year) made current in the background: the server
  // answers at once; until the recomputation ends, pages read the stored results and say how many
  // employees are still pending (a small scope is recomputed before it is read).
  void ensureTotals(database.db, (line) => console.log(line)).catch((e) => console.error('JP recomputation failed', e));
  startJobRunner(database.db, JOB_HANDLERS, { kind: database.kind });
  // Notifications by e-mail too, when SMTP_URL is set (off by default).
  const mail = mailSettingsFromEnv(env);
  if (mail) {
    startMailer(database.db, mail);
    console.log(`Pemberitahuan juga lewat e-mail / Notifications also by e-mail: ${mail.from}`);
  }
  console.log(
    `Basis data / Database: ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite ${env['BANGKOM_DATA_DIR'] || join(process.cwd(), 'data')}`}`,
  );
  // At SIGINT/SIGTERM the job in progress stops at its next checkpoint at once (queued again, to run
  // from the start next time) while adapter-node waits for open requests; once they are done it
  // emits sveltekit:shutdown: the background recomputation stops after its chunk, the database closes.
  // (Under `vite dev` the dev server owns the signals: a listener here would keep Ctrl-C from exiting.)
  if (!isDev) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stopJobRunner(database.db));
  process.once('sveltekit:shutdown' as 'exit', () => void database.close());
  return { database, limiter: new LoginLimiter() };
}
