import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { Database, Db } from '../src/lib/server/db/index.js';
import { employees, notifications, users } from '../src/lib/server/db/schema.js';
import { MAIL_ATTEMPTS, mailSettingsFromEnv, sendPendingMail, startMailer } from '../src/lib/server/mail.js';
import { notify } from '../src/lib/server/notify.js';
import { seedDemo } from '../src/lib/server/seed.js';
import { forEachDatabase } from './databases.js';
import { callerAs, pdfUpload, trainingFields } from './helpers.js';

/**
 * Notifications by e-mail (optional, off by default): a notice is mailed only after the
 * transaction that wrote it has committed, and a mail server that is down never fails the action
 * that notified (the error is logged, the notice tried again, then left as failed).
 */
const YEAR = 2025;
const TIMEOUT = 120_000;
const ORIGIN = 'https://bangkom.instansi.go.id';

/** A tiny SMTP server on 127.0.0.1 that keeps every message it receives. */
async function smtpServer() {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A port on 127.0.0.1 where nothing listens (a mail server that is down). */
async function closedPort() {
  const server = await smtpServer();
  await server.close();
  return server.port;
}

/** The quoted-printable body of a message, decoded (long lines are folded with `=` at their end). */
const bodyOf = (raw: string) =>
  Buffer.from(
    raw
      .split(/\r?\n\r?\n/)
      .slice(1)
      .join('\n')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => `%${hex}`),
  )
    .toString()
    .replace(/(%[0-9A-F]{2})+/g, (encoded) => decodeURIComponent(encoded));

forEachDatabase((open) => {
  let database: Database;
  let db: Db;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  let mailer: { stop: () => Promise<void> } | undefined;
  beforeAll(async () => {
    smtp = await smtpServer();
  });
  afterAll(async () => smtp.close());
  beforeEach(async () => {
    database = await open();
    db = database.db;
    await seedDemo(db, { employees: 30, year: YEAR });
    smtp.received.length = 0;
  }, TIMEOUT);
  afterEach(async () => {
    await mailer?.stop();
    mailer = undefined;
    await database.close();
  });

  /** Settings as the server reads them from its environment; the mailer's own polling is left out (the test runs the rounds). */
  const mailOn = (port: number) => {
    const settings = mailSettingsFromEnv({ SMTP_URL: `smtp://127.0.0.1:${port}`, SMTP_FROM: 'Bangkom <bangkom@instansi.go.id>', ORIGIN })!;
    mailer = startMailer(db, settings, { pollMs: 3_600_000 });
    return settings;
  };
  /** The pegawai's training, submitted, then rejected by the unit admin: a notice to the pegawai. */
  const rejectedActivity = async () => {
    const pegawai = await callerAs(db, 'pegawai');
    const admin = await callerAs(db, 'adminunit');
    const draft = await pegawai.caller.activities.create({ ...trainingFields(YEAR), evidence: pdfUpload() });
    await pegawai.caller.activities.submit({ id: draft.id, declaration: true });
    await admin.caller.activities.verify({ id: draft.id, verified: false, reason: 'Sertifikat tidak terbaca' });
    return draft.id;
  };
  const mailStates = async () =>
    (await db.select().from(notifications).orderBy(notifications.id)).map((n) => [n.mailState, n.mailAttempts] as const);

  it('is off without SMTP_URL: notices stay in the app only', { timeout: TIMEOUT }, async () => {
    expect(mailSettingsFromEnv({})).toBeNull();
    const pegawai = await callerAs(db, 'pegawai');
    await pegawai.caller.notifications.setEmail({ email: 'pegawai@instansi.go.id' });
    expect(await pegawai.caller.notifications.mail()).toEqual({ on: false, email: 'pegawai@instansi.go.id' });
    await rejectedActivity();
    expect(await mailStates()).toEqual([[null, 0]]);
  });

  it('mails a notice in Bahasa Indonesia after its transaction commits, once', { timeout: TIMEOUT }, async () => {
    const settings = mailOn(smtp.port);
    const pegawai = await callerAs(db, 'pegawai');
    await pegawai.caller.notifications.setEmail({ email: 'pegawai@instansi.go.id' });
    expect((await pegawai.caller.notifications.mail()).on).toBe(true);
    const id = await rejectedActivity();
    // Written with the decision, waiting in the outbox: nothing was sent during the action.
    expect(await mailStates()).toEqual([['pending', 0]]);
    expect(smtp.received).toHaveLength(0);

    expect(await sendPendingMail(db, settings)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(['pegawai@instansi.go.id']);
    expect(mail.raw).toMatch(/^From: Bangkom <bangkom@instansi\.go\.id>/m);
    const body = bodyOf(mail.raw);
    expect(body).toContain('Pelatihan teknis perkerasan jalan');
    expect(body).toContain('Sertifikat tidak terbaca');
    expect(body).toContain(`${ORIGIN}/activities/${id}`);
    // Who decided: the unit admin, by name and NIP.
    const decider = (
      await db
        .select({ name: employees.name, nip: employees.id })
        .from(users)
        .innerJoin(employees, eq(employees.id, users.employeeId))
        .where(eq(users.username, 'adminunit'))
    )[0]!;
    expect(body).toContain(`Diputuskan oleh ${decider.name} (${decider.nip}).`);
    expect(await mailStates()).toEqual([['sent', 1]]);
    // Sent once: the next round finds nothing.
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);

    // A notice whose transaction rolled back is never mailed.
    const employeeId = (await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!.employeeId!;
    await expect(
      db.transaction(async (tx) => {
        await notify(tx, { employeeId }, 'plan_approved', { year: String(YEAR + 1) }, '/plan');
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('mails each recipient in the language they chose, Bahasa Indonesia when they chose none', { timeout: TIMEOUT }, async () => {
    const settings = mailOn(smtp.port);
    const pegawai = await callerAs(db, 'pegawai');
    await pegawai.caller.notifications.setEmail({ email: 'pegawai@instansi.go.id' });
    expect((await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!.language).toBeNull();

    // No choice stored: Bahasa Indonesia.
    await rejectedActivity();
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 1, failed: 0 });
    const first = smtp.received[0]!;
    expect(first.raw).toMatch(/^Subject: Pemberitahuan baru di Bangkom/m);
    expect(bodyOf(first.raw)).toContain('ditolak: Sertifikat tidak terbaca');

    // The user switches the app to English: the choice is kept on the account (and audited).
    await pegawai.caller.auth.setLanguage({ language: 'en' });
    expect((await db.select().from(users).where(eq(users.username, 'pegawai')))[0]!.language).toBe('en');
    await rejectedActivity();
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 1, failed: 0 });
    const second = smtp.received[1]!;
    expect(second.raw).toMatch(/^Subject: New notification in Bangkom/m);
    const body = bodyOf(second.raw);
    expect(body).toContain('was rejected: Sertifikat tidak terbaca');
    expect(body).toMatch(/Decided by .+ \(\d{18}\)\./);
    expect(body).toContain('This message was sent automatically by Bangkom');
    expect(body).not.toContain('Pesan ini dikirim otomatis');

    // And back to Bahasa Indonesia.
    await pegawai.caller.auth.setLanguage({ language: 'id' });
    await rejectedActivity();
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received[2]!.raw).toMatch(/^Subject: Pemberitahuan baru di Bangkom/m);
    const log = await (await callerAs(db, 'auditor')).caller.audit.list({ action: 'user.language' });
    expect(log.entries.map((e) => [e.username, e.before, e.after])).toEqual([
      ['pegawai', { language: 'en' }, { language: 'id' }],
      ['pegawai', { language: null }, { language: 'en' }],
    ]);
    await expect(pegawai.caller.auth.setLanguage({ language: 'fr' as 'en' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('an account without an address gets the notice in the app only', { timeout: TIMEOUT }, async () => {
    const settings = mailOn(smtp.port);
    await rejectedActivity();
    expect(await mailStates()).toEqual([[null, 0]]);
    expect(await sendPendingMail(db, settings)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it(
    'a mail server that is down fails no action: the error is logged, the notice retried, then left as failed',
    { timeout: TIMEOUT },
    async () => {
      const settings = mailOn(await closedPort());
      const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const pegawai = await callerAs(db, 'pegawai');
        await pegawai.caller.notifications.setEmail({ email: 'pegawai@instansi.go.id' });
        const id = await rejectedActivity();
        expect((await pegawai.caller.activities.get({ id })).status).toBe('rejected');
        for (let attempt = 1; attempt < MAIL_ATTEMPTS; attempt++) {
          expect(await sendPendingMail(db, settings)).toEqual({ sent: 0, failed: 1 });
          expect(await mailStates()).toEqual([['pending', attempt]]);
        }
        expect(await sendPendingMail(db, settings)).toEqual({ sent: 0, failed: 1 });
        expect(await mailStates()).toEqual([['failed', MAIL_ATTEMPTS]]);
        expect(logged).toHaveBeenCalledTimes(MAIL_ATTEMPTS);
        expect(String(logged.mock.calls[0]![0])).toContain('mail of notification');
        // The notice is still in the app.
        expect((await pegawai.caller.notifications.list({})).rows).toHaveLength(1);
      } finally {
        logged.mockRestore();
      }
    },
  );

  it('the own address is set, checked and removed, and the change is in the audit log', { timeout: TIMEOUT }, async () => {
    const { caller } = await callerAs(db, 'atasan');
    await expect(caller.notifications.setEmail({ email: 'bukan alamat' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await caller.notifications.setEmail({ email: ' atasan@instansi.go.id ' });
    expect((await caller.notifications.mail()).email).toBe('atasan@instansi.go.id');
    await caller.notifications.setEmail({ email: '' });
    expect((await caller.notifications.mail()).email).toBeNull();
    const log = await (await callerAs(db, 'auditor')).caller.audit.list({ action: 'user.email' });
    expect(log.entries.map((e) => [e.username, e.before, e.after])).toEqual([
      ['atasan', { email: 'atasan@instansi.go.id' }, { email: null }],
      ['atasan', { email: null }, { email: 'atasan@instansi.go.id' }],
    ]);
  });
});
