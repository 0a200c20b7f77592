import { and, eq, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { Db } from './db/index.js';
import type { NotificationKind, Role } from './db/schema.js';
import { notifications, users } from './db/schema.js';
import { mailIsOn } from './mail.js';
import { personOf } from './people.js';

/** Who a notification goes to: the accounts of an employee, or every account of a role (optionally of one unit). */
export type Recipients = { employeeId: string } | { role: Role; unitId?: string };

const recipientsOf = (to: Recipients): SQL =>
  'employeeId' in to
    ? eq(users.employeeId, to.employeeId)
    : and(eq(users.role, to.role), to.unitId ? eq(users.unitId, to.unitId) : undefined)!;

/**
 * Who decided, as a notice's parameters (`by…`): the notice names them as the app names anyone,
 * by name and NIP (or the account's username), in the reader's language (`noticeText`).
 */
export async function deciderParams(db: Db, username: string): Promise<Record<string, string>> {
  const person = await personOf(db, username);
  return {
    byUsername: username,
    ...(person?.name ? { byName: person.name } : {}),
    ...(person?.nip ? { byNip: person.nip } : {}),
  };
}

/**
 * One notification to each active account that `to` names, in the caller's transaction (a decision
 * and its notice are saved together). One INSERT … SELECT: no list of accounts leaves the database.
 */
export async function notify(
  tx: Pick<Db, 'execute'>,
  to: Recipients,
  kind: NotificationKind,
  params: Record<string, string>,
  link: string,
): Promise<void> {
  // With mail on, a notice to an account with an address waits in the outbox ('pending'): the
  // mailer sends it once this transaction has committed (./mail.ts).
  const mailState = mailIsOn() ? sql`CASE WHEN ${users.email} IS NULL THEN NULL ELSE 'pending' END` : sql`NULL`;
  await tx.execute(sql`
    INSERT INTO ${notifications} (user_id, kind, params, link, mail_state)
    SELECT ${users.id}, ${kind}, ${JSON.stringify(params)}::jsonb, ${link}, ${mailState} FROM ${users}
    WHERE ${recipientsOf(to)} AND ${users.disabled} = false`);
}
