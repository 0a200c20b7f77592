import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { describe } from 'vitest';
import type { Database } from '../src/lib/server/db/index.js';
import { openDatabase } from '../src/lib/server/db/index.js';

/**
 * PostgreSQL server for the test suite: TEST_DATABASE_URL, else the local server of the development
 * machines (127.0.0.1:5432, user postgres). Each test gets its own freshly created database.
 */
const ADMIN_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function freshPostgres(): Promise<Database> {
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  const name = `bangkom_test_${randomBytes(6).toString('hex')}`;
  await admin.unsafe(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Runs the same suite on embedded PGlite and on PostgreSQL. */
export function forEachDatabase(suite: (open: () => Promise<Database>) => void): void {
  describe('PGlite', () => suite(() => openDatabase({ dataDir: 'memory://' })));
  describe('PostgreSQL', () => suite(freshPostgres));
}
