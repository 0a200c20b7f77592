import { builtInProfiles, requiresSupervisorApproval, versionOn } from '@bangkom/jp';
import { learningMethodCodes } from '@bangkom/domain';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, auditLog, employees, users } from '../src/lib/server/db/schema.js';
import { supervisorApprovalRanges } from '../src/lib/server/review.js';
import { QUEUE_COUNT_LIMIT } from '../src/lib/server/routers/activities.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, coachingFields, outcome, PDF, pdfUpload, trainingFields } from './helpers.js';

const YEAR = 2025;
/** A PDF with other bytes than the helpers' (a trailing comment): another file, another hash. */
const otherPdf = (tag: string) => pdfUpload('sertifikat-baru.pdf', new Uint8Array([...PDF, ...new TextEncoder().encode(`% ${tag}\n`)]));
const errorOf = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    return error as { code: string; cause?: { messages?: { id: string; en: string }; problems?: { path: string[]; code: string }[] } };
  }
  throw new Error('expected the call to fail');
};

describe('superior approval as SQL ranges', () => {
  it('gives, for every built-in profile, method and date, the answer of the per-activity rule', () => {
    const ids = [...new Set(builtInProfiles.map((p) => p.id))];
    const dates = ['1990-06-30', '2019-12-31', '2020-01-01', '2023-05-17', '2024-01-01', '2025-06-30', '2026-12-31', '2030-01-01'];
    for (const id of ids) {
      const versions = builtInProfiles.filter((p) => p.id === id);
      const bounds = versions.flatMap((v) => [v.effectiveFrom.value, ...(v.effectiveTo ? [v.effectiveTo.value] : [])]);
      const ranges = supervisorApprovalRanges(versions);
      for (const date of [...dates, ...bounds]) {
        const range = ranges.find((r) => (r.from === null || date >= r.from) && (r.to === null || date < r.to))!;
        for (const method of learningMethodCodes) {
          const expected = requiresSupervisorApproval(method, versionOn(versions, date)!).required;
          expect(range.methods.includes(method), `${id} ${date} ${method}`).toBe(expected);
        }
      }
    }
  });
});

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 60, year: YEAR });
  });
  afterEach(async () => database.close());

  const decisionsOf = async (id: string) =>
    (await db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(auditLog.id))
      .map((e) => [e.action, e.username])
      .filter(([action]) => action !== 'activity.create' && action !== 'activity.update');

  it('a rejected activity is fixed by its owner (fields and new evidence) and resubmitted; every decision stays in its history', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const admin = await callerAs(db, 'adminunit');
    const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
    await admin.caller.activities.verify({ id: draft.id, verified: false, reason: 'Mohon unggah ulang sertifikat yang terbaca' });

    const rejected = await pegawai.caller.activities.get({ id: draft.id });
    expect(rejected.status).toBe('rejected');
    expect(rejected.can).toMatchObject({ edit: true, submit: true, withdraw: false });
    // Nobody else fixes it: not the admin who rejected it, not the superior.
    expect((await admin.caller.activities.get({ id: draft.id })).can.edit).toBe(false);
    const atasan = await callerAs(db, 'atasan');
    expect(await outcome(() => atasan.caller.activities.update({ id: draft.id, fields: trainingFields(YEAR) }))).toBe('FORBIDDEN');

    const fixed = await pegawai.caller.activities.update({
      id: draft.id,
      fields: { ...trainingFields(YEAR), title: 'Pelatihan teknis perkerasan jalan (diperbaiki)' },
      evidence: otherPdf('ulang'),
    });
    expect(fixed.status).toBe('rejected');
    const row = (await db.select().from(activities).where(eq(activities.id, draft.id)))[0]!;
    expect(row.evidenceName).toBe('sertifikat-baru.pdf');
    expect(row.data.title).toContain('diperbaiki');

    const resubmitted = await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
    expect(resubmitted).toMatchObject({ status: 'submitted', rejectReason: null, supervisorApproved: null });
    expect((await admin.caller.activities.queue()).rows.map((r) => r.id)).toContain(draft.id);
    await admin.caller.activities.verify({ id: draft.id, verified: true });

    const detail = await pegawai.caller.activities.get({ id: draft.id });
    expect(detail.status).toBe('verified');
    expect(detail.can.edit).toBe(false);
    expect(detail.history.map((h) => [h.action, h.username, h.reason])).toEqual([
      ['activity.submit', 'pegawai', null],
      ['activity.rejected', 'adminunit', 'Mohon unggah ulang sertifikat yang terbaca'],
      ['activity.resubmit', 'pegawai', null],
      ['activity.verified', 'adminunit', null],
    ]);
    // Who decided is shown by name and NIP.
    const adminEmployee = (await db.select().from(users).where(eq(users.username, 'adminunit')))[0]!.employeeId!;
    expect(detail.history[1]).toMatchObject({ employeeId: adminEmployee });
    expect(detail.history[1]!.employeeName).toBeTruthy();
    // A verified activity is not edited any more.
    expect(await outcome(() => pegawai.caller.activities.update({ id: draft.id, fields: trainingFields(YEAR) }))).toBe('CONFLICT');
    expect(await decisionsOf(draft.id)).toEqual([
      ['activity.submit', 'pegawai'],
      ['activity.rejected', 'adminunit'],
      ['activity.resubmit', 'pegawai'],
      ['activity.verified', 'adminunit'],
    ]);
  });

  it('the rejection shows on the owner’s home; a resubmitted non-classical activity goes back to the superior first', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const atasan = await callerAs(db, 'atasan');
    const before = await pegawai.caller.activities.attention();
    const coaching = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: otherPdf('coaching') });
    await pegawai.caller.activities.submit({ id: coaching.id, declaration: true });
    await atasan.caller.activities.review({ id: coaching.id, approve: false, reason: 'Lengkapi jumlah sesi' });
    expect((await pegawai.caller.activities.attention()).rejected).toBe(before.rejected + 1);
    await pegawai.caller.activities.update({ id: coaching.id, fields: { ...coachingFields(YEAR), sessions: 3 } });
    await pegawai.caller.activities.submit({ id: coaching.id, declaration: true });
    expect((await pegawai.caller.activities.get({ id: coaching.id })).waitsFor).toBe('superior');
    expect((await atasan.caller.activities.queue()).rows.map((r) => r.id)).toContain(coaching.id);
    expect((await pegawai.caller.activities.attention()).rejected).toBe(before.rejected);
  });

  it('warns of the same activity recorded twice, names the other record, and still saves', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const first = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    expect(first.duplicates).toEqual([]);
    const second = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    expect(second.duplicates).toHaveLength(1);
    expect(second.duplicates[0]).toMatchObject({ id: first.id, reasons: ['overlap', 'certificate', 'file'] });
    // Only the certificate number (other dates, method and file), case aside.
    const third = await pegawai.caller.activities.create({
      ...trainingFields(YEAR),
      method: 'seminar',
      startDate: `${YEAR}-08-01`,
      endDate: `${YEAR}-08-01`,
      certificateNumber: '123/sert/2025',
      evidence: otherPdf('ketiga'),
    });
    expect(third.duplicates.map((d) => [d.id, d.reasons])).toEqual(
      expect.arrayContaining([
        [second.id, ['certificate']],
        [first.id, ['certificate']],
      ]),
    );
    // Something different is no duplicate.
    const other = await pegawai.caller.activities.create({
      ...trainingFields(YEAR),
      startDate: `${YEAR}-09-01`,
      endDate: `${YEAR}-09-03`,
      certificateNumber: '777/SERT/2025',
      certificateDate: `${YEAR}-09-03`,
      evidence: otherPdf('lain'),
    });
    expect(other.duplicates).toEqual([]);

    // The reviewer sees it in the queue and on the activity.
    await pegawai.caller.activities.submit({ id: second.id, declaration: true });
    await pegawai.caller.activities.submit({ id: other.id, declaration: true });
    const admin = await callerAs(db, 'adminunit');
    const q = (await pegawai.caller.auth.me()).employeeId!;
    const queue = (await admin.caller.activities.queue({ tab: 'now', offset: 0, limit: 50, q })).rows;
    expect(queue.every((r) => r.employeeId === q)).toBe(true);
    expect(queue.find((r) => r.id === second.id)?.duplicate).toBe(true);
    expect(queue.find((r) => r.id === other.id)?.duplicate).toBe(false);
    expect((await admin.caller.activities.get({ id: second.id })).duplicates.map((d) => d.id)).toContain(first.id);

    // A rejected record is no duplicate (it does not count).
    await admin.caller.activities.verify({ id: second.id, verified: false, reason: 'Tercatat dua kali' });
    expect((await pegawai.caller.activities.get({ id: first.id })).duplicates.map((d) => d.id)).not.toContain(second.id);
  });

  it('names another employee’s duplicate only to those who may see it', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const atasan = await callerAs(db, 'atasan');
    const theirs = await atasan.caller.activities.create({ ...trainingFields(YEAR), evidence: otherPdf('atasan') });
    const mine = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: otherPdf('pegawai') });
    expect((await pegawai.caller.activities.get({ id: mine.id })).duplicates).toEqual([
      { reasons: ['certificate'], id: null, title: null, status: null, employeeName: null, employeeId: null },
    ]);
    expect((await atasan.caller.activities.get({ id: mine.id })).duplicates.map((d) => d.id)).toEqual([theirs.id]);
  });

  it('an activity that has not ended is saved as a draft but not submitted, nor verified', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const nextYear = new Date().getUTCFullYear() + 1;
    const future = await pegawai.caller.activities.create({
      ...trainingFields(nextYear),
      certificateNumber: 'RENCANA/2027',
      certificateDate: undefined,
      evidence: otherPdf('rencana'),
    });
    expect(future.status).toBe('draft');
    expect((await pegawai.caller.activities.get({ id: future.id })).notEnded).toBe(true);
    const refusal = await errorOf(() => pegawai.caller.activities.submit({ id: future.id, declaration: true }));
    expect(refusal.code).toBe('BAD_REQUEST');
    expect(refusal.cause?.problems?.map((p) => [p.path.join('.'), p.code])).toEqual([['endDate', 'activity.not_ended']]);
    expect(refusal.cause?.messages?.id).toMatch(/belum selesai/);
    expect((await db.select().from(activities).where(eq(activities.id, future.id)))[0]!.status).toBe('draft');
    // One submitted before this check existed is not verified either.
    await db.update(activities).set({ status: 'submitted' }).where(eq(activities.id, future.id));
    const admin = await callerAs(db, 'adminunit');
    expect(await outcome(() => admin.caller.activities.verify({ id: future.id, verified: true }))).toBe('CONFLICT');
  });

  it('bulk verify decides each item on its own: the one the admin may not decide is reported, the others are verified and audited', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const admin = await callerAs(db, 'adminunit');
    const ids: string[] = [];
    for (const day of ['05', '12']) {
      const a = await pegawai.caller.activities.create({
        ...trainingFields(YEAR),
        startDate: `${YEAR}-06-${day}`,
        endDate: `${YEAR}-06-${day}`,
        certificateNumber: `B-${day}`,
        certificateDate: `${YEAR}-06-${day}`,
        evidence: otherPdf(day),
      });
      await pegawai.caller.activities.submit({ id: a.id, declaration: true });
      ids.push(a.id);
    }
    // An activity of another unit: not the unit admin's to decide (nor to see).
    const outsider = (
      await db
        .select()
        .from(employees)
        .where(and(ne(employees.unitId, 'bina-marga'), eq(employees.kind, 'PNS')))
        .limit(1)
    )[0]!;
    const foreign = (
      await db
        .select({ id: activities.id })
        .from(activities)
        .where(and(eq(activities.employeeId, outsider.id), eq(activities.status, 'submitted')))
        .limit(1)
    )[0];
    let foreignId = foreign?.id;
    if (!foreignId) {
      const created = await pegawai.caller.activities.create({
        ...trainingFields(YEAR),
        certificateNumber: 'LUAR-1',
        evidence: otherPdf('luar'),
      });
      await db.update(activities).set({ employeeId: outsider.id, status: 'submitted' }).where(eq(activities.id, created.id));
      foreignId = created.id;
    }
    // A coaching still waiting for the superior: not verifiable yet ([K] III.D.5).
    const coaching = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: otherPdf('coaching') });
    await pegawai.caller.activities.submit({ id: coaching.id, declaration: true });

    expect(await outcome(() => admin.caller.activities.decideMany({ ids, decision: 'reject' })), 'a rejection needs its reason').toBe(
      'BAD_REQUEST',
    );
    const result = await admin.caller.activities.decideMany({ ids: [...ids, foreignId, coaching.id], decision: 'accept' });
    expect(result.done.map((d) => [d.id, d.status])).toEqual(ids.map((id) => [id, 'verified']));
    expect(result.skipped.map((s) => s.id)).toEqual([foreignId, coaching.id]);
    expect(result.skipped[0]!.message.id).toBe('Kegiatan tidak ditemukan');
    expect(result.skipped[1]!.message.en).toMatch(/superior/);
    const statusOf = async (id: string) => (await db.select().from(activities).where(eq(activities.id, id)))[0]!.status;
    expect(await statusOf(foreignId)).toBe('submitted');
    expect(await statusOf(coaching.id)).toBe('submitted');
    for (const id of ids)
      expect(await decisionsOf(id)).toEqual([
        ['activity.submit', 'pegawai'],
        ['activity.verified', 'adminunit'],
      ]);
    // Deciding them again skips them all, changing nothing.
    const again = await admin.caller.activities.decideMany({ ids, decision: 'reject', reason: 'Sudah diputuskan' });
    expect(again.done).toEqual([]);
    expect(again.skipped.map((s) => s.id)).toEqual(ids);
    for (const id of ids) expect(await statusOf(id)).toBe('verified');
  });

  it('the queue shows what the viewer decides now, and what waits for someone else on its own tab', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const sdm = await callerAs(db, 'adminsdm');
    const atasan = await callerAs(db, 'atasan');
    const coaching = await pegawai.caller.activities.create({ ...coachingFields(YEAR), evidence: otherPdf('antre') });
    await pegawai.caller.activities.submit({ id: coaching.id, declaration: true });
    const find = async (c: typeof sdm, tab: 'now' | 'waiting') => {
      const employeeId = (await pegawai.caller.auth.me()).employeeId!;
      return (await c.caller.activities.queue({ tab, q: employeeId, offset: 0, limit: 50 })).rows.find((r) => r.id === coaching.id);
    };
    expect(await find(sdm, 'now')).toBeUndefined();
    const waiting = await find(sdm, 'waiting');
    expect(waiting).toMatchObject({ canDecide: false, employeeId: expect.any(String), unitName: expect.any(String) });
    expect(waiting!.jp).toBeGreaterThan(0);
    expect(waiting!.ageDays).toBe(0);
    expect(await find(atasan, 'now')).toMatchObject({ canDecide: true });
    await atasan.caller.activities.review({ id: coaching.id, approve: true });
    expect(await find(atasan, 'now')).toBeUndefined();
    expect(await find(atasan, 'waiting')).toBeDefined();
    expect(await find(sdm, 'now')).toMatchObject({ canDecide: true });

    // Pages of 50 in the order of submission, the total counted in SQL; the home count is the same figure.
    const all = await sdm.caller.activities.queue({ tab: 'now', offset: 0, limit: 50 });
    const total = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM activities WHERE status = 'submitted'
        AND employee_id <> ${(await sdm.caller.auth.me()).employeeId}`),
    )[0]!.n;
    expect(all.total).toBeLessThanOrEqual(total);
    expect((await sdm.caller.activities.attention()).toDecide).toBe(all.total);
    const waitingTotal = (await sdm.caller.activities.queue({ tab: 'waiting', offset: 0, limit: 50 })).total;
    expect(all.total + waitingTotal).toBe(total);
    const second = await sdm.caller.activities.queue({ tab: 'now', offset: 1, limit: 1 });
    expect(second.rows[0]?.id).toBe(all.rows[1]?.id);
    const times = all.rows.map((r) => r.submittedAt.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Newest submission first on request: the same rows in the opposite order, and its pages (offset)
    // neither skip nor repeat one.
    const newest = await sdm.caller.activities.queue({ tab: 'now', sort: 'newest', offset: 0, limit: 50 });
    expect(newest.total).toBe(all.total);
    const key = (r: { submittedAt: Date; id: string }) => [r.submittedAt.getTime(), r.id] as const;
    const walked: { submittedAt: Date; id: string }[] = [];
    for (let offset = 0; ; offset += 3) {
      const page = await sdm.caller.activities.queue({ tab: 'now', sort: 'newest', offset, limit: 3 });
      walked.push(...page.rows);
      if (page.rows.length < 3) break;
    }
    expect(walked).toHaveLength(all.total);
    expect(new Set(walked.map((r) => r.id)).size).toBe(all.total);
    for (let i = 1; i < walked.length; i++) {
      const [[at, id], [bt, bid]] = [key(walked[i - 1]!), key(walked[i]!)];
      expect(at > bt || (at === bt && id > bid)).toBe(true);
    }
    const oldestWalk: string[] = [];
    for (let offset = 0; ; offset += 3) {
      const page = await sdm.caller.activities.queue({ tab: 'now', sort: 'oldest', offset, limit: 3 });
      oldestWalk.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 3) break;
    }
    expect(oldestWalk).toEqual(walked.map((r) => r.id).reverse());
    expect(all.total).toBeGreaterThan(3);
  });

  it('a queue longer than its bound says "more than", counts exactly near the page shown, and home says the same', async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const sdm = await callerAs(db, 'adminsdm');
    const created = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: otherPdf('banyak') });
    await pegawai.caller.activities.submit({ id: created.id, declaration: true });
    // QUEUE_COUNT_LIMIT + 10 more submissions of the same classical training, written by SQL.
    const extra = QUEUE_COUNT_LIMIT + 10;
    await db.execute(sql`INSERT INTO activities (id, employee_id, status, data, evidence_sha256, evidence_name, updated_at, submitted_at)
      SELECT ${created.id} || '-' || g, employee_id, 'submitted', data, evidence_sha256, evidence_name, updated_at, submitted_at
      FROM activities, generate_series(1, ${extra}) g WHERE id = ${created.id}`);
    const inQueue = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM activities WHERE status = 'submitted'
        AND employee_id <> ${(await sdm.caller.auth.me()).employeeId}`),
    )[0]!.n;
    const waiting = (await sdm.caller.activities.queue({ tab: 'waiting', offset: 0, limit: 50 })).total;
    const first = await sdm.caller.activities.queue({ tab: 'now', offset: 0, limit: 50 });
    expect(first).toMatchObject({ total: QUEUE_COUNT_LIMIT, more: true });
    expect(await sdm.caller.activities.attention()).toMatchObject({ toDecide: QUEUE_COUNT_LIMIT, toDecideMore: true });
    // Past the bound the count reaches further: the last page knows the exact total.
    const deep = await sdm.caller.activities.queue({ tab: 'now', offset: QUEUE_COUNT_LIMIT, limit: 50 });
    expect(deep).toMatchObject({ total: inQueue - waiting, more: false });
    expect(deep.rows).toHaveLength(Math.min(50, inQueue - waiting - QUEUE_COUNT_LIMIT));
  });

  it('the team view lists the superior’s direct subordinates only, with JP against the obligation, plan and pending items', async () => {
    const atasan = await callerAs(db, 'atasan');
    const me = (await atasan.caller.auth.me()).employeeId!;
    const team = await atasan.caller.team.list({});
    const subordinates = await db
      .select()
      .from(employees)
      .where(and(eq(employees.supervisorId, me), ne(employees.id, me)));
    expect(team.total).toBe(subordinates.length);
    expect(team.rows.map((r) => r.id).sort()).toEqual(
      subordinates
        .map((s) => s.id)
        .sort()
        .slice(0, 50),
    );
    const pegawaiId = (await (await callerAs(db, 'pegawai')).caller.auth.me()).employeeId!;
    const pegawaiRow = team.rows.find((r) => r.id === pegawaiId)!;
    const pending = rowsOf<{ n: number }>(
      await db.execute(sql`SELECT count(*)::int AS n FROM activities WHERE employee_id = ${pegawaiId} AND status = 'submitted'`),
    )[0]!.n;
    expect(pegawaiRow.pending).toBe(pending);
    expect(pegawaiRow.required).toBe(20);
    expect(pegawaiRow.shortfall).toBe(Math.max(0, 20 - pegawaiRow.jp));
    expect((await atasan.caller.team.list({ q: pegawaiId })).rows.map((r) => r.id)).toEqual([pegawaiId]);

    // A superior with no subordinates sees nobody.
    const loner = (
      await db
        .select()
        .from(employees)
        .where(sql`NOT EXISTS (SELECT 1 FROM employees s WHERE s.supervisor_id = ${employees.id})`)
        .limit(1)
    )[0]!;
    await db.insert(users).values({ username: 'atasan2', passwordHash: 'x', role: 'atasan', employeeId: loner.id, unitId: loner.unitId });
    expect((await (await callerAs(db, 'atasan2')).caller.team.list({})).total).toBe(0);
    expect(await outcome(async () => (await callerAs(db, 'pegawai')).caller.team.list({}))).toBe('FORBIDDEN');
  });
});
