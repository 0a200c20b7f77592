import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { onWritten, writtenElsewhere } from '../read-cache.js';
import { migrate } from './migrate.js';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction; `run` executes an SQL script (several statements allowed, no
   * parameters) and answers the rows of its last statement. For the migrations.
   */
  inTransaction<T>(work: (run: (script: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Databases on embedded PGlite: one connection, so while a transaction runs there every other request waits. */
const embedded = new WeakSet<Db>();
export const isEmbedded = (db: Db): boolean => embedded.has(db);

/** Work to stop before a database closes (the background recomputation): run once, at close. */
const closeHooks = new WeakMap<Db, Set<() => Promise<void>>>();
export function onClose(db: Db, hook: () => Promise<void>): () => void {
  const hooks = closeHooks.get(db) ?? new Set();
  closeHooks.set(db, hooks.add(hook));
  return () => hooks.delete(hook);
}
async function runCloseHooks(db: Db): Promise<void> {
  const hooks = [...(closeHooks.get(db) ?? [])];
  closeHooks.delete(db);
  await Promise.all(hooks.map((hook) => hook()));
}

/**
 * Refuses a second process on the same PGlite directory; a lock left by a dead process is taken
 * over. The lock file is created exclusively (`wx`): of two processes starting at once, one wins.
 */
export function lock(dataDir: string): () => void {
  const file = join(dataDir, 'bangkom.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const pid = Number(readFileSync(file, 'utf8'));
    let alive = false;
    try {
      process.kill(pid, 0);
      // A lock with this process's own id was left by an earlier run under the same id (containers reuse ids).
      alive = Number.isInteger(pid) && pid > 0 && pid !== process.pid;
    } catch {
      alive = false;
    }
    if (alive)
      throw new Error(`The database in ${dataDir} is in use by process ${pid} / Basis data di ${dataDir} sedang dipakai proses ${pid}`);
    // Left by a process that is gone: removed, then created exclusively again.
    rmSync(file, { force: true });
  }
  throw new Error(`The database lock in ${dataDir} could not be taken / Kunci basis data di ${dataDir} tidak dapat diambil`);
}

/**
 * Opens the database: PostgreSQL when `url` (DATABASE_URL) is given, otherwise embedded PGlite in
 * `dataDir` (created on first start; in memory when `dataDir` is 'memory://'). Applies migrations.
 */
export async function openDatabase(options: { url?: string | undefined; dataDir?: string }): Promise<Database> {
  let database: Database;
  if (options.url) {
    const client = postgres(options.url, { max: 5, onnotice: () => {} });
    const stopAnnouncing = await announceWrites(client);
    database = {
      db: drizzlePostgres(client, { schema }) as unknown as Db,
      kind: 'postgres',
      inTransaction: async (work) =>
        // postgres-js types the transaction's result as possibly an array of results; `work` gives one T.
        (await client.begin((tx) => work(async (script) => [...(await tx.unsafe<Record<string, unknown>[]>(script))]))) as Awaited<
          ReturnType<typeof work>
        >,
      close: async () => {
        await runCloseHooks(database.db);
        stopAnnouncing();
        await client.end();
      },
    };
  } else {
    const dataDir = options.dataDir ?? 'memory://';
    let release = () => {};
    if (!dataDir.startsWith('memory://')) {
      mkdirSync(dataDir, { recursive: true });
      release = lock(dataDir);
    }
    // The cluster lives in pgdata/ so that the lock file beside it is not mistaken for cluster files.
    const client = new PGlite(dataDir.startsWith('memory://') ? dataDir : join(dataDir, 'pgdata'), BYTEA_CODECS);
    database = {
      db: drizzlePglite(client, { schema }) as unknown as Db,
      kind: 'pglite',
      inTransaction: (work) =>
        client.transaction((tx) => work(async (script) => ((await tx.exec(script)).at(-1)?.rows ?? []) as Record<string, unknown>[])),
      close: async () => {
        await runCloseHooks(database.db);
        await client.close();
        release();
      },
    };
  }
  if (database.kind === 'pglite') {
    embedded.add(database.db);
    // PGlite starts with sequential scans off: an agency-wide aggregate would then read whole tables
    // through an index, several times slower; its planner is given PostgreSQL's default back.
    await database.inTransaction((run) => run('SET enable_seqscan = on'));
  }
  await migrate(database);
  return database;
}

/** The channel on which servers sharing a PostgreSQL database announce their writes (../read-cache.ts). */
export const WRITES_CHANNEL = 'bangkom_written';

/**
 * Servers sharing a PostgreSQL database drop their cached reads when any of them writes: each
 * announces its writes on WRITES_CHANNEL (one notification per turn of the event loop however many
 * writes it made) and listens for the others' (its own, recognised by its id, are ignored).
 */
async function announceWrites(client: postgres.Sql): Promise<() => void> {
  const serverId = randomUUID();
  const listening = await client.listen(WRITES_CHANNEL, (from) => {
    if (from !== serverId) writtenElsewhere();
  });
  let queued = false;
  const stop = onWritten(() => {
    if (queued) return;
    queued = true;
    setImmediate(() => {
      queued = false;
      // A lost notification leaves other servers' copies for at most their MAX_AGE_MS.
      client.notify(WRITES_CHANNEL, serverId).catch(() => {});
    });
  });
  return () => {
    stop();
    listening.unlisten().catch(() => {});
  };
}

/** PostgreSQL's type id of `bytea`. */
const BYTEA_OID = 17;

/**
 * `bytea` to and from PGlite's text protocol in one step each. PGlite's own codecs go byte by
 * byte (an array of one string per byte): one 5 MiB evidence file took over 200 MiB of heap to
 * store and as much to read back, which a capped heap does not survive.
 */
export const BYTEA_CODECS = {
  serializers: {
    [BYTEA_OID]: (value: unknown) => {
      if (!(value instanceof Uint8Array)) throw new Error('Invalid input for bytea type');
      return '\\x' + Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex');
    },
  },
  parsers: {
    // A copy of the bytes as a plain Uint8Array (as PGlite's own parser answers, not a Buffer).
    [BYTEA_OID]: (text: string) => new Uint8Array(Buffer.from(text.slice(2), 'hex')),
  },
};

export { migrate, rowsOf } from './migrate.js';
