import { verifyCredential } from '@bangkom/events';
import { TRPCError } from '@trpc/server';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { rowsOf } from '../src/lib/server/db/index.js';
import { activities, auditLog, certificates, employees, signingKeys, units, users } from '../src/lib/server/db/schema.js';
import { errorDetails } from '../src/lib/server/errors.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { decryptJwk, keyEncryptionKey, publishedJwks, rotateSigningKey, signingKey } from '../src/lib/server/signing.js';
import { freshen } from '../src/lib/server/totals.js';
import { checkCertificate, maskName, VerificationLimiter } from '../src/lib/server/verification.js';
import { forEachDatabase } from './databases.js';
import { ATTENDANCE_FILE_BYTES } from '../src/lib/schemas.js';
import { bimtek, callerAs, outcome, PDF } from './helpers.js';

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

  it('imports attendance from the sheet it hands out, XLSX or CSV: all rows or none, each problem with its row and column; the invitation letter lists the invitees', async () => {
    const { caller: sdm } = await callerAs(db, 'adminsdm');
    const { id } = await sdm.events.create(bimtek());
    await sdm.events.addMatching({ eventId: id, unitId: 'sda' });
    const participants = (await sdm.events.participants({ eventId: id, limit: 200 })).rows;
    const n = participants.length;
    expect(n).toBeGreaterThan(2);
    const fullyPresent = async () =>
      (await sdm.events.participants({ eventId: id, limit: 200 })).rows.filter((r) => r.attended.length === 3).map((r) => r.employeeId);
    const upload = (content: string | Uint8Array, name: string) =>
      sdm.events.importAttendance({ eventId: id, file: new File([content as BlobPart], name) });

    // The CSV sheet: NIP, name, one column a session; filled in, everyone present except the first, who missed the last day.
    const sheet = await sdm.events.document({ eventId: id, kind: 'attendance', format: 'csv' });
    const csv = Buffer.from(sheet.contentBase64, 'base64')
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header).toMatch(/^NIP,Nama,Sesi 1 \(\d{4}-\d\d-\d\d\),Sesi 2/);
    expect(lines.every((l) => l.endsWith(',0,0,0'))).toBe(true);
    const filled = [header, ...lines.map((l, i) => l.replace(/,0,0,0$/, i === 0 ? ',1,1,0' : ',1,1,1'))].join('\r\n');
    expect(await upload(filled, 'kehadiran.csv')).toEqual({ rows: n, changed: n });
    expect(await fullyPresent()).toEqual(participants.slice(1).map((p) => p.employeeId));

    // The XLSX sheet: a title and how to fill it, then the column titles, one row a participant
    // (NIP as text, name, unit, the attendance recorded so far) and a sheet of the accepted marks.
    const xlsx = await sdm.events.document({ eventId: id, kind: 'attendance', format: 'xlsx' });
    expect(xlsx.filename).toBe(`kehadiran-${id}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Kehadiran', 'Nilai yang diterima']);
    const ws = workbook.worksheets[0]!;
    const values = (row: number) => (ws.getRow(row).values as unknown[]).slice(1);
    const titleRow = Array.from({ length: 10 }, (_, i) => i + 1).find((r) => ws.getCell(r, 1).value === 'NIP')!;
    expect(values(titleRow)).toEqual(['NIP', 'Nama', 'Unit kerja', ...header!.split(',').slice(2)]);
    const notes = Array.from({ length: titleRow - 1 }, (_, i) => values(i + 1).join(' ')).join('\n');
    expect(notes).toContain('1 = hadir, 0 atau kosong = tidak hadir');
    expect(notes).toContain('1 = present, 0 or empty = absent');
    const unitName = (await db.select().from(units).where(eq(units.id, 'sda')))[0]!.name;
    const rowOf = (i: number) => titleRow + 1 + i;
    participants.forEach((p, i) => {
      expect(values(rowOf(i))).toEqual([p.employeeId, p.name, unitName, 1, 1, i === 0 ? 0 : 1]);
      expect(ws.getCell(rowOf(i), 1).numFmt).toBe('@');
    });
    expect(ws.rowCount).toBe(rowOf(n - 1));
    const allowed = workbook.worksheets[1]!.getColumn(2).values.join(' ');
    expect(allowed).toContain('hadir');
    expect(allowed).toContain('tidak');
    // Filled in with a spreadsheet program: the first now present every day, the second missed the second day.
    ws.getCell(rowOf(0), 6).value = 1;
    ws.getCell(rowOf(1), 5).value = 'tidak';
    const xlsxFilled = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await upload(xlsxFilled, 'kehadiran.xlsx')).toEqual({ rows: n, changed: 2 });
    const present = participants.filter((_, i) => i !== 1).map((p) => p.employeeId);
    expect(await fullyPresent()).toEqual(present);
    // Known by its content, not its name: the workbook named .csv is read as a workbook.
    expect(await upload(xlsxFilled, 'kehadiran.csv')).toEqual({ rows: n, changed: 0 });

    /** The messages of a refused upload (Bahasa Indonesia), after checking that nothing changed. */
    const refusal = async (content: string | Uint8Array, name: string) => {
      const error = await upload(content, name).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TRPCError);
      expect((error as TRPCError).code).toBe('BAD_REQUEST');
      expect(await fullyPresent()).toEqual(present);
      const details = errorDetails((error as TRPCError).cause);
      return [...(details.problems ?? []), ...(details.issues ?? [])].map((p) =>
        typeof p.message === 'string' ? p.message : p.message.id,
      );
    };
    // The CSV after a spreadsheet program re-saved it (semicolons, decimal comma): NIPs in scientific
    // notation, each named on its row, instead of refusing every row as an unknown participant.
    const first = participants[0]!.employeeId;
    const resaved = `NIP;Nama;Sesi 1;Sesi 2;Sesi 3\r\n${first[0]},${first.slice(1, 6)}E+17;A;1;1;1\r\n${participants[2]!.employeeId};B;1;1;1\r\n`;
    expect(await refusal(resaved, 'kehadiran.csv')).toEqual([
      `Baris 2: NIP tertulis ${first[0]},${first.slice(1, 6)}E+17 — simpan kolom NIP sebagai teks`,
    ]);
    // The same in a workbook whose NIP cell became a number (its last digits are gone).
    ws.getCell(rowOf(2), 1).value = Number(participants[2]!.employeeId);
    const damaged = await refusal(new Uint8Array(await workbook.xlsx.writeBuffer()), 'kehadiran.xlsx');
    expect(damaged).toEqual([
      expect.stringMatching(new RegExp(`^Baris ${rowOf(2)}: NIP tertulis \\d\\.\\d+E\\+17 — simpan kolom NIP sebagai teks$`)),
    ]);
    // A stranger's NIP or a bad mark refuses the whole file, naming the row and column.
    const stranger = (await db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, 'tata-ruang')))[0]!.id;
    expect(await refusal(`NIP,Sesi 1,Sesi 2,Sesi 3\n${stranger},0,0,0\n`, 'kehadiran.csv')).toEqual([
      `Baris 2, kolom NIP: ${stranger} bukan peserta kegiatan ini`,
    ]);
    expect(await refusal(`NIP,Sesi 1\n${participants[1]!.employeeId},mungkin\n`, 'kehadiran.csv')).toEqual([
      'Baris 2, kolom Sesi 1: "mungkin" bukan tanda hadir (1, ya, hadir) atau tidak hadir (kosong, 0, tidak)',
    ]);
    // Type and size are checked as for every upload: not a spreadsheet, empty, too large.
    expect(await refusal(PDF, 'kehadiran.csv')).toEqual(['Hanya berkas XLSX atau CSV yang diterima']);
    expect(await outcome(() => upload('', 'kehadiran.csv'))).toBe('BAD_REQUEST');
    expect(await outcome(() => upload(new Uint8Array(ATTENDANCE_FILE_BYTES + 1), 'kehadiran.csv'))).toBe('BAD_REQUEST');

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
