import { sql } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { noticeText } from '../notices.js';
import type { Db } from './db/index.js';
import { onClose, rowsOf } from './db/index.js';
import { logServerError } from './errors.js';
import type { Locale } from '../i18n.js';
import { messagesFor } from './messages.js';

/**
 * Notifications by e-mail, optional and off by default: on when the server has `SMTP_URL`. A
 * notification is written in the transaction of the decision it reports, marked 'pending' for an
 * account with an address (the outbox); this mailer polls the outbox, so a notice is only sent
 * once its transaction has committed, and a mail server that is down or slow never fails nor
 * delays the user's action: the error is logged and the notice tried again later.
 */

/** How a notice is sent: nodemailer's `sendMail` (an SMTP server in production, any transport in tests). */
export interface MailSender {
  sendMail(message: { from: string; to: string; subject: string; text: string }): Promise<unknown>;
}

export interface MailSettings {
  sender: MailSender;
  /** The sender's address: `SMTP_FROM`. */
  from: string;
  /** The site's address, for the link in the message (`ORIGIN`, as adapter-node reads it); without it, no link. */
  origin?: string | undefined;
}

/** Tries of one notice before it is left as 'failed' (the notice stays in the app). */
export const MAIL_ATTEMPTS = 5;
/** Notices sent in one round. */
const MAIL_BATCH = 20;
/** Waits for the SMTP server: short, the mailer goes on with the next round anyway. */
const SMTP_TIMEOUT_MS = 15_000;

/** The settings of the environment: null (mail off) unless `SMTP_URL` is set (`smtp://user:pass@host:587`, `smtps://…`). */
export function mailSettingsFromEnv(env: Record<string, string | undefined> = process.env): MailSettings | null {
  const url = env['SMTP_URL'];
  if (!url) return null;
  const sender = nodemailer.createTransport({
    url,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return { sender, from: env['SMTP_FROM'] || 'Bangkom <bangkom@localhost>', origin: env['ORIGIN'] || undefined };
}

/** Whether this server mails notifications (a mailer runs): `notify` marks new notices 'pending' only then. */
let mailOn = false;
export const mailIsOn = () => mailOn;

/**
 * The message of a notice, in the recipient's language: the one they last chose in the app, or
 * Bahasa Indonesia when they never chose one.
 */
export function mailOf(kind: string, params: Record<string, string>, link: string, origin?: string, language?: Locale | null) {
  const m = messagesFor(language ?? 'id');
  const lines = [noticeText(m, kind, params), ''];
  if (origin) lines.push(m.mail_open({ url: new URL(link, origin).href }), '');
  lines.push(m.mail_footer());
  return { subject: m.mail_subject(), text: lines.join('\n') };
}

interface Claimed {
  id: number;
  kind: string;
  params: Record<string, string>;
  link: string;
  email: string | null;
  language: Locale | null;
  mail_attempts: number;
}

/**
 * One round: claims up to `MAIL_BATCH` pending notices ('sending': two servers on one PostgreSQL
 * never send the same one) and sends them. A failure is logged and the notice goes back to
 * 'pending', or to 'failed' after `MAIL_ATTEMPTS` tries; the round stops there (the server is
 * probably down; the rest wait for the next round).
 */
export async function sendPendingMail(db: Db, settings: MailSettings): Promise<{ sent: number; failed: number }> {
  const claimed = rowsOf<Claimed>(
    await db.execute(sql`
      UPDATE notifications n SET mail_state = 'sending', mail_attempts = n.mail_attempts + 1
      FROM users u
      WHERE u.id = n.user_id AND n.id IN (
        SELECT id FROM notifications WHERE mail_state = 'pending' ORDER BY id LIMIT ${MAIL_BATCH} FOR UPDATE SKIP LOCKED)
      RETURNING n.id, n.kind, n.params, n.link, u.email, u.language, n.mail_attempts`),
  );
  claimed.sort((a, b) => Number(a.id) - Number(b.id));
  let sent = 0;
  let failed = 0;
  for (const [i, notice] of claimed.entries()) {
    // The address was removed after the notice was written: it stays in the app only.
    if (!notice.email) {
      await db.execute(sql`UPDATE notifications SET mail_state = NULL WHERE id = ${notice.id}`);
      continue;
    }
    try {
      await settings.sender.sendMail({
        from: settings.from,
        to: notice.email,
        ...mailOf(notice.kind, notice.params, notice.link, settings.origin, notice.language),
      });
      await db.execute(sql`UPDATE notifications SET mail_state = 'sent' WHERE id = ${notice.id}`);
      sent++;
    } catch (e) {
      logServerError(e, undefined, `mail of notification ${notice.id}`);
      const state = Number(notice.mail_attempts) >= MAIL_ATTEMPTS ? 'failed' : 'pending';
      await db.execute(sql`UPDATE notifications SET mail_state = ${state} WHERE id = ${notice.id}`);
      failed++;
      // The others claimed in this round go back unsent and untried.
      const rest = claimed.slice(i + 1).map((n) => Number(n.id));
      if (rest.length)
        await db.execute(sql`
          UPDATE notifications SET mail_state = 'pending', mail_attempts = mail_attempts - 1
          WHERE id = ANY(${sql.param(rest)}::bigint[])`);
      break;
    }
  }
  return { sent, failed };
}

/**
 * Starts this server's mailer (one per process): notices a server left 'sending' when it stopped
 * go back to 'pending', then the outbox is polled every `pollMs`. Stopped by `stop` or when the
 * database closes.
 */
export function startMailer(db: Db, settings: MailSettings, options: { pollMs?: number } = {}) {
  mailOn = true;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let round: Promise<unknown> = db.execute(sql`UPDATE notifications SET mail_state = 'pending' WHERE mail_state = 'sending'`);
  const next = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      round = sendPendingMail(db, settings)
        .catch((e) => logServerError(e, undefined, 'mailer'))
        .finally(next);
    }, options.pollMs ?? 5000);
    timer.unref?.();
  };
  void round.catch((e) => logServerError(e, undefined, 'mailer')).finally(next);
  const stop = async () => {
    stopped = true;
    mailOn = false;
    clearTimeout(timer);
    await round.catch(() => {});
    forget();
  };
  const forget = onClose(db, stop);
  return { stop };
}
