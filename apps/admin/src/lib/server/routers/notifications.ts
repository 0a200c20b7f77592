import { and, count, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import { notifications, users } from '../db/schema.js';
import { mailIsOn } from '../mail.js';
import { NotificationEmail } from '../../schemas.js';
import { authedProcedure, router } from '../trpc.js';

/** Notifications on one page of the list. */
export const NOTIFICATIONS_PAGE = 50;

export const notificationsRouter = router({
  /** The user's own notifications, newest first, a page at a time (keyset: before an id), with the number unread. */
  list: authedProcedure.input(z.object({ before: z.int().positive().optional() }).default({})).query(async ({ ctx, input }) => {
    const mine = eq(notifications.userId, ctx.user.id);
    const counted = (where: SQL | undefined) =>
      ctx.db
        .select({ n: count() })
        .from(notifications)
        .where(where)
        .then((r) => r[0]?.n ?? 0);
    const [rows, unread, total, skipped] = await Promise.all([
      ctx.db
        .select()
        .from(notifications)
        .where(and(mine, input.before ? lt(notifications.id, input.before) : undefined))
        .orderBy(desc(notifications.id))
        .limit(NOTIFICATIONS_PAGE + 1),
      counted(and(mine, isNull(notifications.readAt))),
      counted(mine),
      // Where this page starts ("51–100 dari 120"): the user's notices newer than it.
      input.before ? counted(and(mine, gte(notifications.id, input.before))) : 0,
    ]);
    const page = rows.slice(0, NOTIFICATIONS_PAGE);
    return { rows: page, unread, total, skipped, next: rows.length > NOTIFICATIONS_PAGE ? page.at(-1)!.id : null };
  }),
  /** Whether this server e-mails notifications, and the user's own address for them. */
  mail: authedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db.select({ email: users.email }).from(users).where(eq(users.id, ctx.user.id));
    return { on: mailIsOn(), email: row?.email ?? null };
  }),
  /** Sets (or, empty, removes) the address the user's notifications are also e-mailed to. */
  setEmail: authedProcedure.input(NotificationEmail).mutation(async ({ ctx, input }) => {
    const email = input.email || null;
    return ctx.db.transaction(async (tx) => {
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, ctx.user.id));
      await tx.update(users).set({ email }).where(eq(users.id, ctx.user.id));
      await audit(tx, ctx.user, 'user.email', 'user', String(ctx.user.id), { email: before?.email ?? null }, { email });
      return { email };
    });
  }),
  /** How many of the user's notifications are unread (the bell in the header). */
  unread: authedProcedure.query(async ({ ctx }) => {
    const [row] = await ctx.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, ctx.user.id), isNull(notifications.readAt)));
    return row?.n ?? 0;
  }),
  /** Marks the user's own notifications read (the given ones, or all). */
  markRead: authedProcedure
    .input(z.object({ ids: z.array(z.int().positive()).max(100).optional() }).default({}))
    .mutation(async ({ ctx, input }) => {
      await ctx.db
        .update(notifications)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notifications.userId, ctx.user.id),
            isNull(notifications.readAt),
            input.ids ? sql`${notifications.id} = ANY(${sql.param(input.ids)}::bigint[])` : undefined,
          ),
        );
      return { ok: true as const };
    }),
});
