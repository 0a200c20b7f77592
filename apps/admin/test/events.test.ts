import { verifyCredential } from '@bangkom/events';
import { and, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, auditLog, certificates, employees, signingKeys, users } from '../src/lib/server/db/schema.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { decryptJwk, keyEncryptionKey, publishedJwks, rotateSigningKey, signingKey } from '../src/lib/server/signing.js';
import { freshen } from '../src/lib/server/totals.js';
import { checkCertificate, maskName, VerificationLimiter } from '../src/lib/server/verification.js';
import { forEachDatabase } from './databases.js';
import { bimtek, callerAs, outcome } from './helpers.js';

const YEAR = 2025;

const stored = async (db: Db, employeeId: string) =>
  Number(
    rowsOf<{ jp: number }>(
      await db.execute(
        sql`SELECT coalesce(sum(jp), 0)::float8 AS jp FROM employee_year_jp WHERE employee_id = ${employeeId} AND year = ${YEAR}`,
      ),
    )[0]!.jp,
  );

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 60, year: YEAR });
  });
  afterEach(async () => database.close());

  it('runs a bimtek: participants by unit, attendance, closing → numbered certificates, verified activities counted in compliance', async () => {
    const { caller: sdm } = await callerAs(db, 'adminsdm');
    const { id } = await sdm.events.create(bimtek());
    const picked = await sdm.events.candidates({ eventId: id, unitId: 'bina-marga', limit: 200 });
    expect(picked.total).toBeGreaterThan(3);
    expect(picked.rows.every((r) => r.unit === 'Bidang Bina Marga' && r.reasons.length > 0)).toBe(true);
    const added = await sdm.events.addMatching({ eventId: id, unitId: 'bina-marga' });
    expect(added.added).toBe(picked.total);
    // Everyone matching is invited: the picker then finds nobody left in that unit.
    expect((await sdm.events.candidates({ eventId: id, unitId: 'bina-marga' })).total).toBe(0);

    const page = await sdm.events.participants({ eventId: id, limit: 200 });
    expect(page.total).toBe(added.added);
    const [absent, ...present] = page.rows;
    await sdm.events.setAttendance({
      eventId: id,
      rows: [
        { employeeId: absent!.employeeId, attended: ['s1'] },
        ...present.map((p) => ({ employeeId: p.employeeId, attended: ['s1', 's2', 's3'] })),
      ],
    });
    // The demo's activities were written by SQL: their stored JP is brought up to date first.
    await freshen(db, undefined);
    const before = await stored(db, present[0]!.employeeId);
    const absentBefore = await stored(db, absent!.employeeId);

    const closed = await sdm.events.close({ eventId: id });
    expect(closed.issued).toBe(present.length);
    expect(closed.notPassed.map((p) => p.nip)).toEqual([absent!.employeeId]);

    const certs = await db.select().from(certificates).where(eq(certificates.eventId, id)).orderBy(certificates.number);
    expect(certs).toHaveLength(present.length);
    // Sequential within the year: 0001, 0002, … of the default pattern.
    expect(certs.map((c) => c.number.slice(0, 4))).toEqual(certs.map((_, i) => String(i + 1).padStart(4, '0')));
    expect(new Set(certs.map((c) => c.jp))).toEqual(new Set([24]));

    // Each has a verified activity with the certificate PDF as evidence, counted in the stored JP.
    const act = (await db.select().from(activities).where(eq(activities.id, certs[0]!.activityId)))[0]!;
    expect(act.status).toBe('verified');
    expect(act.evidenceSha256).not.toBeNull();
    expect(act.data.evidence?.number).toBe(certs[0]!.number);
    const holder = present.find((p) => p.employeeId === certs[0]!.employeeId)!.employeeId;
    expect(await stored(db, present[0]!.employeeId)).toBe(before + 24);
    expect(await stored(db, absent!.employeeId)).toBe(absentBefore);
    const card = await sdm.compliance.card({ employeeId: holder });
    expect(card.activityIds).toContain(certs[0]!.activityId);

    const pdf = await sdm.events.certificate({ number: certs[0]!.number, format: 'pdf' });
    expect(Buffer.from(pdf.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');

    // The credential verifies with nothing but the published keys.
    const json = await sdm.events.certificate({ number: certs[0]!.number, format: 'json' });
    const envelope = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString()) as { id: string };
    const jwt = envelope.id.replace('data:application/vc+jwt,', '');
    const verified = await verifyCredential(jwt, { jwks: await publishedJwks(db) });
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.credential.credentialSubject.creditsEarned).toBe(24);

    // Public check: valid, name masked.
    const check = await checkCertificate(db, certs[0]!.number);
    expect(check.status).toBe('valid');
    expect(check.holder).not.toContain(act.data.nip);
    expect((await checkCertificate(db, 'no-such-number')).status).toBe('unknown');

    // A closed event takes no more changes.
    expect(await outcome(() => sdm.events.setAttendance({ eventId: id, rows: [{ employeeId: holder, attended: [] }] }))).toBe('CONFLICT');
    expect(await outcome(() => sdm.events.close({ eventId: id }))).toBe('CONFLICT');

    // Revoking withdraws the activity and its JP, with audit entries.
    const jpBefore = await stored(db, holder);
    await sdm.events.revoke({ number: certs[0]!.number, reason: 'Peserta keliru' });
    expect((await checkCertificate(db, certs[0]!.number)).status).toBe('revoked');
    expect((await db.select().from(activities).where(eq(activities.id, certs[0]!.activityId)))[0]!.status).toBe('rejected');
    expect(await stored(db, holder)).toBe(jpBefore - 24);
    const entries = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'certificate'), eq(auditLog.entityId, certs[0]!.number)));
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['certificate.issue', 'certificate.revoke']));

    // The withdrawn activity stays withdrawn: its holder may neither edit nor resubmit the revoked certificate's record.
    const { caller: pegawai, user: pegawaiUser } = await callerAs(db, 'pegawai');
    const own = certs.find((c) => c.employeeId === pegawaiUser!.employeeId);
    expect(own).toBeDefined();
    if (own!.number !== certs[0]!.number) await sdm.events.revoke({ number: own!.number, reason: 'Peserta keliru' });
    const withdrawn = await pegawai.activities.get({ id: own!.activityId });
    expect(withdrawn.status).toBe('rejected');
    expect(withdrawn.can.edit).toBe(false);
    expect(withdrawn.can.submit).toBe(false);
    expect(await outcome(() => pegawai.activities.submit({ id: own!.activityId, declaration: true }))).toBe('CONFLICT');

    const docs = await sdm.events.document({ eventId: id, kind: 'participants', format: 'xlsx' });
    expect(Buffer.from(docs.contentBase64, 'base64').subarray(0, 2).toString()).toBe('PK');
    const report = await sdm.events.document({ eventId: id, kind: 'report', format: 'pdf' });
    expect(Buffer.from(report.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('imports attendance from the sheet it hands out: all rows or none, each problem with its line; the invitation letter lists the invitees', async () => {
    const { caller: sdm } = await callerAs(db, 'adminsdm');
    const { id } = await sdm.events.create(bimtek());
    await sdm.events.addMatching({ eventId: id, unitId: 'sda' });
    const sheet = await sdm.events.document({ eventId: id, kind: 'attendance', format: 'csv' });
    const csv = Buffer.from(sheet.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toMatch(/^NIP,Nama,Sesi 1 \(\d{4}-\d\d-\d\d\),Sesi 2/);
    expect(lines.every((l) => l.endsWith(',0,0,0'))).toBe(true);
    // Everyone present except the first, who missed the last day.
    const filled = [header, ...lines.map((l, i) => l.replace(/,0,0,0$/, i === 0 ? ',1,1,0' : ',1,1,1'))].join('\r\n');
    const imported = await sdm.events.importAttendance({ eventId: id, csv: filled });
    expect(imported).toEqual({ rows: lines.length, changed: lines.length });
    const page = await sdm.events.participants({ eventId: id, limit: 200 });
    expect(page.rows.filter((r) => r.attended.length === 3)).toHaveLength(lines.length - 1);

    // A stranger's NIP or a bad mark refuses the whole file, naming the line.
    const stranger = (await db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, 'tata-ruang')))[0]!.id;
    const refused = await sdm.events
      .importAttendance({ eventId: id, csv: `NIP,Sesi 1,Sesi 2,Sesi 3\n${stranger},0,0,0\n` })
      .catch((e: unknown) => e);
    expect(JSON.stringify(refused)).toContain(`${stranger} bukan peserta`);
    const bad = await sdm.events
      .importAttendance({ eventId: id, csv: `NIP,Sesi 1\n${page.rows[1]!.employeeId},mungkin\n` })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect((await sdm.events.participants({ eventId: id, limit: 200 })).rows.filter((r) => r.attended.length === 3)).toHaveLength(
      lines.length - 1,
    );

    const letter = await sdm.events.document({ eventId: id, kind: 'invitation', format: 'pdf' });
    expect(Buffer.from(letter.contentBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(await outcome(() => sdm.events.document({ eventId: id, kind: 'invitation', format: 'xlsx' }))).toBe('BAD_REQUEST');
  });

  it('an admin unit organises only in their unit: a bimtek above 30 JP is refused ([P] art. 57(7)–(8)), other units are out of reach', async () => {
    const { caller: unit, user } = await callerAs(db, 'adminunit');
    const over = await outcome(() => unit.events.create(bimtek({ programmeJp: 40 })));
    expect(over).toBe('BAD_REQUEST');
    const { id } = await unit.events.create(bimtek());
    const other = (
      await db
        .select()
        .from(employees)
        .where(sql`${employees.unitId} <> ${user!.unitId}`)
        .limit(1)
    )[0]!;
    expect(await outcome(() => unit.events.addParticipants({ eventId: id, employeeIds: [other.id] }))).toBe('FORBIDDEN');
    const candidates = await unit.events.candidates({ eventId: id, limit: 200 });
    expect(candidates.rows.every((r) => r.unit === 'Bidang Bina Marga')).toBe(true);
    // Another organiser's event is not found for them; the auditor reads but does not change.
    const { caller: sdm } = await callerAs(db, 'adminsdm');
    const agencyEvent = await sdm.events.create(bimtek());
    expect(await outcome(() => unit.events.get({ id: agencyEvent.id }))).toBe('NOT_FOUND');
    const { caller: auditor } = await callerAs(db, 'auditor');
    expect(await outcome(() => auditor.events.get({ id: agencyEvent.id }))).toBe('OK');
    expect(await outcome(() => auditor.events.close({ eventId: agencyEvent.id }))).toBe('FORBIDDEN');
    const { caller: pegawai } = await callerAs(db, 'pegawai');
    expect(await outcome(() => pegawai.events.create(bimtek()))).toBe('FORBIDDEN');
    expect(await outcome(() => pegawai.events.list())).toBe('FORBIDDEN');
  });

  it('participants see their invitations and evaluate; the organiser sees the averages', async () => {
    const { caller: sdm } = await callerAs(db, 'adminsdm');
    const { id } = await sdm.events.create(bimtek());
    const pegawaiUser = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!;
    await sdm.events.addParticipants({ eventId: id, employeeIds: [pegawaiUser.employeeId!] });
    const { caller: pegawai } = await callerAs(db, 'pegawai');
    expect((await pegawai.events.mine()).map((e) => e.id)).toEqual([id]);
    expect(await outcome(() => pegawai.events.evaluate({ eventId: id, relevance: 6, facilitator: 4, material: 4 }))).toBe('BAD_REQUEST');
    await pegawai.events.evaluate({ eventId: id, relevance: 5, facilitator: 4, material: 3, comment: 'Materi sangat membantu' });
    const event = await sdm.events.get({ id });
    expect(event.evaluation).toMatchObject({
      responses: 1,
      relevance: 5,
      facilitator: 4,
      material: 3,
      comments: ['Materi sangat membantu'],
    });
    // Someone not invited cannot evaluate.
    const { caller: atasan } = await callerAs(db, 'atasan');
    expect(await outcome(() => atasan.events.evaluate({ eventId: id, relevance: 1, facilitator: 1, material: 1 }))).toBe('FORBIDDEN');
  });

  it('the signing key is stored encrypted; after rotation old credentials still verify', async () => {
    const secret = Buffer.alloc(32, 7);
    const first = await signingKey(db, secret);
    const row = (await db.select().from(signingKeys))[0]!;
    expect(row.privateJwkEncrypted).not.toContain(String(first.privateJwk.d));
    expect(decryptJwk(row.privateJwkEncrypted, row.kid, secret).d).toBe(first.privateJwk.d);
    expect(() => decryptJwk(row.privateJwkEncrypted, row.kid, Buffer.alloc(32, 8))).toThrow();
    const second = await rotateSigningKey(db, secret);
    expect(second.publicJwk.kid).not.toBe(first.publicJwk.kid);
    const jwks = await publishedJwks(db);
    expect(jwks.keys.map((k) => k.kid)).toEqual([first.publicJwk.kid, second.publicJwk.kid]);
    expect(jwks.keys.every((k) => k.d === undefined)).toBe(true);
    expect(keyEncryptionKey({ BANGKOM_SIGNING_SECRET: secret.toString('base64') })).toEqual(secret);
  });
});

it('masks the holder name and limits checks per address', () => {
  expect(maskName('Ani Rahmawati, S.T.')).toBe('An* Ra*******, S.T.');
  const limiter = new VerificationLimiter(2, 1000);
  expect([limiter.allow('a', 0), limiter.allow('a', 1), limiter.allow('a', 2), limiter.allow('b', 2), limiter.allow('a', 1001)]).toEqual([
    true,
    true,
    false,
    true,
    true,
  ]);
});
