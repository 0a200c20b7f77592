import { describe } from 'vitest';
import type { Database } from '../src/lib/server/db/index.js';
import { openDatabase } from '../src/lib/server/db/index.js';
import { createFreshDatabase } from './fresh-postgres.mjs';

/** A database of its own on the PostgreSQL test server, migrated, dropped on close. */
async function freshPostgres(): Promise<Database> {
  const fresh = await createFreshDatabase();
  const database = await openDatabase({ url: fresh.url });
  return {
    ...database,
    close: async () => {
      await database.close();
      await fresh.drop();
    },
  };
}

/** Runs the same suite on embedded PGlite and on PostgreSQL. */
export function forEachDatabase(suite: (open: () => Promise<Database>, kind: Database['kind']) => void): void {
  describe('PGlite', () => suite(() => openDatabase({ dataDir: 'memory://' }), 'pglite'));
  describe('PostgreSQL', () => suite(freshPostgres, 'postgres'));
}
