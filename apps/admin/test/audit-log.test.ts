import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { auditLog } from '../src/lib/server/db/schema.js';
import { auditExportHeader, auditExportRow } from '../src/lib/server/audit-export.js';
import { auditEntries } from '../src/lib/server/routers/audit.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, outcome } from './helpers.js';

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeAll(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 30, year: 2025 });
    await (await callerAs(db, 'adminsdm')).caller.admin.setTimeZone({ timeZone: 'Asia/Jakarta' });
    // 130 known entries on three days around midnight in the agency's zone (Asia/Jakarta, UTC+7).
    const rows = Array.from({ length: 130 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 0, 10 + (i % 3), 16, 30)), // 23:30 WIB on the 10th/11th/12th
      userId: null,
      username: i % 2 ? 'adminsdm' : 'adminunit',
      action: i % 5 === 0 ? 'activity.reject' : 'activity.approve',
      entity: 'activity',
      entityId: `act-${i}`,
      before: { status: 'submitted' },
      after: { status: i % 5 === 0 ? 'rejected' : 'approved' },
    }));
    await db.insert(auditLog).values(rows);
  });
  afterAll(async () => database.close());

  it('pages the log newest first, with the count and where each page starts', async () => {
    const { caller } = await callerAs(db, 'auditor');
    const first = await caller.audit.list({ who: 'admin', action: 'activity.', limit: 50 });
    expect(first.total).toBe(130);
    expect(first.skipped).toBe(0);
    expect(first.entries).toHaveLength(50);
    const ids = first.entries.map((e) => e.id);
    expect([...ids].sort((a, b) => b - a)).toEqual(ids);
    const second = await caller.audit.list({ who: 'admin', action: 'activity.', limit: 50, before: first.next! });
    expect(second.skipped).toBe(50);
    expect(second.entries[0]!.id).toBeLessThan(ids.at(-1)!);
    const third = await caller.audit.list({ who: 'admin', action: 'activity.', limit: 50, before: second.next! });
    expect(third.entries).toHaveLength(30);
    expect(third.next).toBeNull();
  });

  it('pages the log oldest first on request, each page after the last one shown, none skipped or repeated', async () => {
    const { caller } = await callerAs(db, 'auditor');
    const filter = { who: 'admin', action: 'activity.' } as const;
    const newest: number[] = [];
    for (let page = await caller.audit.list({ ...filter, limit: 17 }); ;) {
      newest.push(...page.entries.map((e) => e.id));
      if (page.next === null) break;
      page = await caller.audit.list({ ...filter, limit: 17, before: page.next });
    }
    const oldest: number[] = [];
    for (let page = await caller.audit.list({ ...filter, order: 'oldest', limit: 17 }); ;) {
      expect(page.skipped).toBe(oldest.length);
      expect(page.total).toBe(130);
      oldest.push(...page.entries.map((e) => e.id));
      if (page.next === null) break;
      page = await caller.audit.list({ ...filter, order: 'oldest', limit: 17, after: page.next });
    }
    expect(oldest).toHaveLength(130);
    expect([...oldest].sort((a, b) => a - b)).toEqual(oldest);
    expect(oldest).toEqual([...newest].reverse());
    // The export follows the order asked for.
    const exported: number[] = [];
    for await (const page of auditEntries((input) => caller.audit.list(input), { ...filter, order: 'oldest' }))
      exported.push(...page.entries.map((e) => e.id));
    expect(exported).toEqual(oldest);
  });

  it('filters by account, exact action, object and the agency’s days', async () => {
    const { caller } = await callerAs(db, 'auditor');
    expect((await caller.audit.list({ who: 'adminsdm', action: 'activity.' })).total).toBe(65);
    expect((await caller.audit.list({ action: 'activity.reject' })).total).toBe(26);
    expect((await caller.audit.list({ entity: 'activity', entityId: 'act-7' })).entries.map((e) => e.entityId)).toEqual(['act-7']);
    // 23:30 WIB on 10 January is 10 January in Jakarta, though 16:30 UTC.
    const tenth = await caller.audit.list({ action: 'activity.', from: '2026-01-10', to: '2026-01-10' });
    expect(tenth.total).toBe(44);
    const lastTwo = await caller.audit.list({ action: 'activity.', from: '2026-01-11' });
    expect(lastTwo.total).toBe(86);
    // A name with a LIKE wildcard matches literally.
    expect((await caller.audit.list({ who: '%' })).total).toBe(0);
  });

  it('streams every matching entry for an export, page by page', async () => {
    const { caller } = await callerAs(db, 'auditor');
    let seen = 0;
    for await (const page of auditEntries((input) => caller.audit.list(input), { action: 'activity.approve' })) seen += page.entries.length;
    expect(seen).toBe(104);
  });

  it('only the auditor reads the log; an export is itself logged', async () => {
    for (const who of ['pegawai', 'atasan', 'admin_unit', 'adminsdm']) {
      const { caller } = await callerAs(db, who === 'admin_unit' ? 'adminunit' : who);
      expect(await outcome(() => caller.audit.list({}))).toBe('FORBIDDEN');
    }
    const { caller } = await callerAs(db, 'auditor');
    await caller.audit.recordExport({ filter: { action: 'activity.' }, format: 'csv' });
    const last = rowsOf(await db.execute(sql`select action, username, after from audit_log order by id desc limit 1`));
    expect(last[0]).toMatchObject({ action: 'export.audit_log', username: 'auditor', after: { format: 'csv' } });
  });

  it("the export names each action in the reader's language, beside its code", async () => {
    const { caller } = await callerAs(db, 'auditor');
    const page = await caller.audit.list({ action: 'activity.reject', limit: 1 });
    const entry = page.entries[0]!;
    const id = auditExportHeader('id');
    const en = auditExportHeader('en');
    expect(id).toHaveLength(en.length);
    expect(id.slice(3, 7)).toEqual(['akun', 'tindakan', 'kode tindakan', 'objek']);
    expect(en.slice(3, 7)).toEqual(['account', 'action', 'action code', 'object']);
    const rowId = auditExportRow(entry, page.timeZone, 'id');
    const rowEn = auditExportRow(entry, page.timeZone, 'en');
    expect(rowId).toHaveLength(id.length);
    expect(rowId[id.indexOf('tindakan')]).toBe('Kegiatan ditolak');
    expect(rowEn[en.indexOf('action')]).toBe('Activity rejected');
    expect(rowId[id.indexOf('kode tindakan')]).toBe('activity.reject');
    expect(rowEn[en.indexOf('action code')]).toBe('activity.reject');
    // An action without a label still shows something: its code.
    expect(auditExportRow({ ...entry, action: 'unknown.thing' }, page.timeZone, 'en')[4]).toBe('unknown.thing');
  });
});
