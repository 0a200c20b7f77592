import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase, rowsOf } from '../src/lib/server/db/index.js';
import { evidenceFiles } from '../src/lib/server/db/schema.js';
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

  it('stores a file of every byte value and reads it back unchanged, also from a view into a larger buffer', async () => {
    const { db, close } = await open();
    // 5 MiB (the largest evidence file) of every byte value, taken from the middle of a larger buffer.
    const whole = new Uint8Array(5 * 1024 * 1024 + 16);
    for (let i = 0; i < whole.length; i++) whole[i] = (i * 7 + 3) % 256;
    const file = whole.subarray(8, 8 + 5 * 1024 * 1024);
    await db.insert(evidenceFiles).values({ sha256: 'every-byte', mediaType: 'application/pdf', size: file.length, content: file });
    await db.insert(evidenceFiles).values({ sha256: 'empty', mediaType: 'application/pdf', size: 0, content: new Uint8Array(0) });
    const rows = await db
      .select()
      .from(evidenceFiles)
      .where(inArray(evidenceFiles.sha256, ['every-byte', 'empty']));
    const content = new Map(rows.map((r) => [r.sha256, r.content]));
    expect(content.get('every-byte')).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(content.get('every-byte')!).equals(Buffer.from(file))).toBe(true);
    expect(content.get('empty')!.length).toBe(0);
    // What the database holds is the bytes themselves (not, say, their text form).
    const { length, head } = rowsOf<{ length: number; head: string }>(
      await db.execute(sql`SELECT octet_length(content) AS length, encode(substring(content from 1 for 4), 'hex') AS head
        FROM evidence_files WHERE sha256 = 'every-byte'`),
    )[0]!;
    expect(Number(length)).toBe(file.length);
    expect(head).toBe(Buffer.from(file.subarray(0, 4)).toString('hex'));
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
