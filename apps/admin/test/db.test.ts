import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../src/lib/server/db/index.js';
import { forEachDatabase } from './databases.js';

forEachDatabase((open) => {
  it('keeps the audit log append-only', async () => {
    const { db, close } = await open();
    await db.execute(sql`INSERT INTO audit_log (action, entity) VALUES ('test', 'x')`);
    const failure = (p: Promise<unknown>) =>
      p.then(
        () => 'no error',
        (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
      );
    expect(await failure(db.execute(sql`UPDATE audit_log SET action = 'changed'`))).toMatch(/append-only/);
    expect(await failure(db.execute(sql`DELETE FROM audit_log`))).toMatch(/append-only/);
    await close();
  });
});

describe('embedded database', () => {
  it('refuses a second process on the same data directory', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'bangkom-lock-'));
    // PID 1 is always alive and is not this process.
    writeFileSync(join(dir, 'bangkom.lock'), '1');
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use/);
    writeFileSync(join(dir, 'bangkom.lock'), '999999');
    const taken = await openDatabase({ dataDir: dir });
    await taken.close();
  });
});
