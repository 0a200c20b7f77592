/**
 * Applies the migrations drizzle-kit generated from ./schema.ts (apps/admin/drizzle/), in the order
 * of its journal, each once, and records each by name in `schema_migrations`; the ones a start applies
 * run in one transaction. Vite imports the SQL files as text, so the built server carries them.
 *
 * Databases created before the migrations were generated applied five hand-written migrations
 * (0001_init.sql … 0005_account_lifecycle.sql). The generated baseline (0000 to 0002) creates the same
 * schema (test/migrations.test.ts compares the two catalogues), so on such a database the baseline is
 * recorded as applied without running it; the migrations after it run as on any database.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import journal from '../../../../drizzle/meta/_journal.json';
import type { Database } from './index.js';

/**
 * The SQL files by path. Under Vite (the build, vitest) they are inlined, so the built server
 * carries them; plain Node (tsx: `npm run verify-totals`) has no `import.meta.glob` nor
 * `import.meta.env`, and reads them from the folder.
 */
function sqlFiles(): Record<string, string> {
  if (import.meta.env) return import.meta.glob('../../../../drizzle/*.sql', { query: '?raw', import: 'default', eager: true });
  const folder = fileURLToPath(new URL('../../../../drizzle/', import.meta.url));
  return Object.fromEntries(
    readdirSync(folder)
      .filter((name) => name.endsWith('.sql'))
      .map((name) => [`../../../../drizzle/${name}`, readFileSync(`${folder}${name}`, 'utf8')]),
  );
}
const files = sqlFiles();

export interface Migration {
  name: string;
  sql: string;
}

/** The generated migrations, in the journal's order. */
export const migrations: readonly Migration[] = journal.entries.map(({ tag }) => {
  const text = files[`../../../../drizzle/${tag}.sql`];
  if (text === undefined) throw new Error(`drizzle/${tag}.sql is listed in drizzle/meta/_journal.json but missing`);
  return { name: tag, sql: text };
});

/** The hand-written migrations of the first releases, in the order they were applied. */
export const legacyMigrationNames = [
  '0001_init.sql',
  '0002_tubel_assessments.sql',
  '0003_plans.sql',
  '0004_jp_override_by.sql',
  '0005_account_lifecycle.sql',
] as const;

/** The generated migrations that together create what the legacy ones created. */
export const baselineMigrationNames = ['0000_baseline', '0001_audit_log_append_only', '0002_default_settings'] as const;

/** Rows of a raw query: PGlite answers `{ rows }`, postgres-js an array. */
export const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : ((result as { rows?: T[] }).rows ?? []));

/** Quotes a migration name (ours, a constant from the journal, never user input) as an SQL literal. */
const literal = (name: string) => `'${name.replaceAll("'", "''")}'`;

/**
 * A key of the advisory lock the migrations hold: two servers starting at once on one PostgreSQL
 * database apply each migration once (the second waits, then finds nothing left to do).
 */
const MIGRATION_LOCK = 4_021_913_077;

/**
 * Applies the migrations not yet applied, all in one transaction under an advisory lock (a failed
 * migration leaves the database as it was); returns their names.
 */
export async function migrate({ inTransaction }: Pick<Database, 'inTransaction'>): Promise<string[]> {
  return inTransaction(async (run) => {
    await run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await run('CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await run('SELECT name FROM schema_migrations')).map((r) => String(r['name'])));
    const record = (name: string) => run(`INSERT INTO schema_migrations (name) VALUES (${literal(name)})`);

    const legacyDone = legacyMigrationNames.filter((name) => done.has(name));
    if (legacyDone.length > 0 && !baselineMigrationNames.every((name) => done.has(name))) {
      if (legacyDone.length < legacyMigrationNames.length) {
        const last = legacyDone.at(-1);
        throw new Error(
          `The database stopped at migration ${last}: start the Bangkom release that applies ${legacyMigrationNames.at(-1)} once, then this one / ` +
            `Basis data berhenti pada migrasi ${last}: jalankan sekali rilis Bangkom yang menerapkan ${legacyMigrationNames.at(-1)}, lalu rilis ini`,
        );
      }
      for (const name of baselineMigrationNames.filter((n) => !done.has(n))) {
        await record(name);
        done.add(name);
      }
    }

    const applied: string[] = [];
    for (const { name, sql: text } of migrations) {
      if (done.has(name)) continue;
      await run(text);
      await record(name);
      applied.push(name);
    }
    return applied;
  });
}
