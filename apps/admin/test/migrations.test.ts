import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import journal from '../drizzle/meta/_journal.json';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { openDatabase, rowsOf } from '../src/lib/server/db/index.js';
import { baselineMigrationNames, legacyMigrationNames, migrations } from '../src/lib/server/db/migrate.js';
import * as schema from '../src/lib/server/db/schema.js';
import { forEachDatabase } from './databases.js';
import { legacyMigrations } from './fixtures/legacy-migrations.js';
import { createFreshDatabase } from './fresh-postgres.mjs';

const drizzleDir = join(import.meta.dirname, '..', 'drizzle');

/** What the schema is made of, as PostgreSQL reports it (column order aside), and the settings rows. */
async function catalogue(db: Db) {
  const rows = async (query: SQL) => rowsOf<Record<string, unknown>>(await db.execute(query));
  return {
    columns: await rows(sql`
      SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> 'schema_migrations' ORDER BY table_name, column_name`),
    constraints: await rows(sql`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS definition FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_migrations' ORDER BY 1, 2`),
    indexes: await rows(sql`
      SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY indexname`),
    sequences: await rows(sql`
      SELECT sequence_name, data_type FROM information_schema.sequences WHERE sequence_schema = 'public' ORDER BY 1`),
    triggers: await rows(
      sql`SELECT tgrelid::regclass::text AS table_name, tgname, pg_get_triggerdef(oid) AS definition FROM pg_trigger WHERE NOT tgisinternal ORDER BY 2`,
    ),
    functions: await rows(
      sql`SELECT proname, pg_get_functiondef(oid) AS definition FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`,
    ),
    settings: await rows(sql`SELECT key, value FROM settings ORDER BY key`),
  };
}

/** Data as a database of the first releases held it (activity status both in the column and in `data`). */
const legacyData = /* sql */ `
INSERT INTO units (id, name) VALUES ('U1', 'Bagian Umum');
INSERT INTO employees (id, kind, name, unit_id, data) VALUES ('199001012015011001', 'PNS', 'Budi Santoso', 'U1', '{"nip": "199001012015011001", "name": "Budi Santoso"}');
INSERT INTO activities (id, employee_id, status, data, jp_override, jp_override_reason, jp_override_by) VALUES
  ('a1', '199001012015011001', 'submitted', '{"id": "a1", "nip": "199001012015011001", "method": "pelatihan_klasikal", "title": "Pelatihan A", "startDate": "2024-03-01", "endDate": "2024-03-02", "status": "submitted"}', NULL, NULL, NULL),
  ('a2', '199001012015011001', 'verified', '{"id": "a2", "nip": "199001012015011001", "method": "seminar", "title": "Seminar B", "startDate": "2024-04-01", "endDate": "2024-04-01", "status": "verified"}', 4, 'Sertifikat', 'adminsdm');
INSERT INTO audit_log (action, entity, entity_id, after) VALUES ('activity.create', 'activity', 'a1', '{"status": "submitted"}');
`;

/** An empty database outside `openDatabase` (nothing migrated), to build with scripts of its own. */
async function emptyDatabase(kind: Database['kind']) {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-empty-'));
    const client = new PGlite(join(dir, 'pgdata'));
    return {
      db: drizzlePglite(client) as unknown as Db,
      run: (script: string) => client.exec(script).then(() => undefined),
      /** Closes the connection; the database stays for `reopen`. */
      close: () => client.close(),
      reopen: () => openDatabase({ dataDir: dir }),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const fresh = await createFreshDatabase();
  const client = postgres(fresh.url, { max: 1, onnotice: () => {} });
  return {
    db: drizzlePostgres(client) as unknown as Db,
    run: (script: string) => client.unsafe(script).then(() => undefined),
    close: () => client.end(),
    reopen: () => openDatabase({ url: fresh.url }),
    cleanup: fresh.drop,
  };
}

/** A database as the first releases left it: the first `upTo` legacy migrations applied, then `data`; closed. */
async function legacyDatabase(kind: Database['kind'], upTo = legacyMigrations.length, data = '') {
  const database = await emptyDatabase(kind);
  await database.run('CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());');
  for (const m of legacyMigrations.slice(0, upTo))
    await database.run(`${m.sql};\nINSERT INTO schema_migrations (name) VALUES ('${m.name}');`);
  if (data) await database.run(data);
  await database.close();
  return { open: database.reopen, cleanup: database.cleanup };
}

const applied = async (db: Db) =>
  rowsOf<{ name: string }>(await db.execute(sql`SELECT name FROM schema_migrations ORDER BY applied_at, name`)).map((r) => r.name);

forEachDatabase((open, kind) => {
  it('applies every generated migration once, in the journal order', async () => {
    const { db, close } = await open();
    expect(await applied(db)).toEqual(migrations.map((m) => m.name));
    await close();
  });

  it('upgrades a database of the first releases to the same schema, keeping its data', async () => {
    const legacy = await legacyDatabase(kind, legacyMigrations.length, legacyData);
    const fresh = await open();
    const upgraded = await legacy.open();
    try {
      const names = await applied(upgraded.db);
      expect(names.slice(0, legacyMigrationNames.length)).toEqual([...legacyMigrationNames]);
      expect(new Set(names)).toEqual(new Set([...legacyMigrationNames, ...migrations.map((m) => m.name)]));
      expect(await catalogue(upgraded.db)).toEqual(await catalogue(fresh.db));

      const activities = await upgraded.db.select().from(schema.activities).orderBy(schema.activities.id);
      expect(activities.map((a) => [a.id, a.status, a.data.title, a.jpOverride, a.jpOverrideBy])).toEqual([
        ['a1', 'submitted', 'Pelatihan A', null, null],
        ['a2', 'verified', 'Seminar B', 4, 'adminsdm'],
      ]);
      const audit = await upgraded.db.select().from(schema.auditLog);
      expect(audit.map((r) => [r.action, r.entityId])).toEqual([['activity.create', 'a1']]);
    } finally {
      await upgraded.close();
      await fresh.close();
      await legacy.cleanup();
    }
  });

  it('refuses a database that stopped part-way through the first releases, naming where', async () => {
    const legacy = await legacyDatabase(kind, 3);
    try {
      await expect(legacy.open()).rejects.toThrow(/0003_plans\.sql/);
    } finally {
      await legacy.cleanup();
    }
  });

  it('has exactly the tables, columns, keys and indexes schema.ts declares, custom migrations included', async () => {
    const migrated = await open();
    // What drizzle-kit would create from schema.ts alone, into an empty database.
    const empty = generateDrizzleJson({});
    const fromSchema = await emptyDatabase(kind);
    try {
      for (const statement of await generateMigration(empty, generateDrizzleJson(schema, empty.id))) await fromSchema.run(statement);
      const structure = async (db: Db) => {
        const { columns, constraints, indexes, sequences } = await catalogue(db);
        return { columns, constraints, indexes, sequences };
      };
      expect(await structure(migrated.db)).toEqual(await structure(fromSchema.db));
    } finally {
      await migrated.close();
      await fromSchema.close();
      await fromSchema.cleanup();
    }
  });
});

describe('migrations generated from schema.ts', () => {
  it('are in the journal, every one, and nothing else is', () => {
    const files = readdirSync(drizzleDir).filter((f) => f.endsWith('.sql'));
    expect(files.sort()).toEqual(journal.entries.map((e) => `${e.tag}.sql`).sort());
    expect(baselineMigrationNames.every((name) => journal.entries.some((e) => e.tag === name))).toBe(true);
  });

  it('are up to date: drizzle-kit would generate no new migration (run `npm run db:generate -w apps/admin`)', async () => {
    const last = journal.entries.at(-1)!;
    const snapshot = JSON.parse(readFileSync(join(drizzleDir, 'meta', `${String(last.idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
    const current = generateDrizzleJson(schema, snapshot.id);
    expect(await generateMigration(snapshot, current)).toEqual([]);
    // …and the same comparison does see a change.
    const changed = generateDrizzleJson({ ...schema, probe: pgTable('probe', { id: text('id').primaryKey() }) }, snapshot.id);
    expect(await generateMigration(snapshot, changed)).toEqual([expect.stringContaining('CREATE TABLE "probe"')]);
  });
});
