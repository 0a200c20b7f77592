/**
 * A cache of aggregate reads that many users ask for at once (the agency dashboard), dropped
 * after every write this server commits: a tRPC mutation (../trpc.ts), a background job
 * (./jobs.ts), a chunk of the stored-JP recomputation (./totals.ts). Rows written to activities
 * or employees by SQL are marked stale by triggers, and the read recomputes them first (which
 * counts as a write). Other servers on the same PostgreSQL hear of this server's writes, and it of
 * theirs, by a notification (`announceWrites` in ./db/index.ts); MAX_AGE_MS bounds what a lost
 * notification could leave.
 */
let generation = 0;

/** Who hears of this server's writes (other servers, through the database). */
const announcers = new Set<() => void>();

/** A write was committed: cached reads computed before it are no longer served, here or on other servers. */
export function written(): void {
  generation++;
  for (const announce of announcers) announce();
}

/** Another server committed a write: cached reads computed before it are no longer served here. */
export function writtenElsewhere(): void {
  generation++;
}

/** Calls `announce` after each write of this server (until the returned function is called). */
export function onWritten(announce: () => void): () => void {
  announcers.add(announce);
  return () => announcers.delete(announce);
}

/** How long an entry is served at most. */
const MAX_AGE_MS = 30_000;
/** Entries per database (one per dashboard asked for: the agency's or a unit's, of a year); the oldest goes first. */
const MAX_ENTRIES = 256;

interface Entry {
  generation: number;
  at: number;
  value: Promise<unknown>;
}
const caches = new WeakMap<object, Map<string, Entry>>();

/**
 * The value of `read` for `key` in `owner` (the database), computed once for every caller until
 * the next write or MAX_AGE_MS; callers arriving while it is computed share the computation.
 */
export function cachedRead<T>(owner: object, key: string, read: () => Promise<T>): Promise<T> {
  let cache = caches.get(owner);
  if (!cache) caches.set(owner, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.generation === generation && Date.now() - hit.at < MAX_AGE_MS) return hit.value as Promise<T>;
  cache.delete(key); // set again below, as the newest
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const entry: Entry = { generation, at: Date.now(), value: read() };
  cache.set(key, entry);
  const map = cache;
  entry.value.catch(() => {
    if (map.get(key) === entry) map.delete(key);
  });
  return entry.value as Promise<T>;
}
