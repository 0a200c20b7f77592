import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { openDatabase, WRITES_CHANNEL } from '../src/lib/server/db/index.js';
import { cachedRead, written } from '../src/lib/server/read-cache.js';
import { createFreshDatabase } from './fresh-postgres.mjs';

const TIMEOUT = 60_000;

/** Waits until `check` holds (a notification arrives when the database delivers it). */
async function eventually(check: () => Promise<boolean>, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not within the time allowed');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('cached reads across servers on one PostgreSQL database', () => {
  it("are dropped when another server announces a write, and this server's writes are announced", { timeout: TIMEOUT }, async () => {
    const fresh = await createFreshDatabase();
    const database = await openDatabase({ url: fresh.url });
    // Another server on the same database, as far as the notifications go.
    const other = postgres(fresh.url, { max: 1, onnotice: () => {} });
    const heard: string[] = [];
    try {
      // What the other server hears from others (its own notifications come back to it too).
      await other.listen(WRITES_CHANNEL, (from) => from !== 'another-server' && heard.push(from));
      let computed = 0;
      const read = () => cachedRead(database.db, 'dashboard', async () => ++computed);
      expect(await read()).toBe(1);
      expect(await read()).toBe(1); // served from the cache

      // Another server writes: this one computes again.
      await other.notify(WRITES_CHANNEL, 'another-server');
      await eventually(async () => (await read()) === 2);
      expect(await read()).toBe(2);

      // This server writes (three writes in one turn): the others hear of it once, under one id.
      written();
      written();
      written();
      await eventually(async () => heard.length > 0);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toHaveLength(1);
      expect(heard[0]).toMatch(/^[0-9a-f-]{36}$/);
      // Its own announcement does not drop its cache a second time: one computation for the write.
      expect(await read()).toBe(3);
      await new Promise((r) => setTimeout(r, 300));
      expect(await read()).toBe(3);
    } finally {
      await other.end();
      await database.close();
      await fresh.drop();
    }
  });
});
