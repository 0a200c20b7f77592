import { isoDate } from '@bangkom/domain';
import { and, asc, count, desc, eq, getTableColumns, gt, gte, ilike, lt, lte, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { Db } from '../db/index.js';
import { auditLog, employees, users } from '../db/schema.js';
import { likePattern } from '../search.js';
import { roleProcedure, router } from '../trpc.js';
import { agencyTimeZone } from './activities.js';

/** What the auditor narrows the log to; every field is optional and they combine with AND. */
export const AuditFilter = z.object({
  /** Part of the account name, or of the name or NIP of the employee whose account it is. */
  who: z.string().trim().max(100).optional(),
  /** One action (`activity.approve`) or a family of them (`activity.`). */
  action: z
    .string()
    .trim()
    .max(100)
    .regex(/^[a-z_]+\.?[a-z_]*$/)
    .optional(),
  /** The object: its kind (`activity`, `user`, …) and optionally its id. */
  entity: z
    .string()
    .trim()
    .max(50)
    .regex(/^[a-z_]+$/)
    .optional(),
  entityId: z.string().trim().max(100).optional(),
  /** Days in the agency's time zone, both inclusive. */
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Newest entry first (the default) or oldest first. */
  order: z.enum(['newest', 'oldest']).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export const AUDIT_PAGE_SIZE = 50;

function conditions(filter: AuditFilter, timeZone: string): SQL | undefined {
  const parts: (SQL | undefined)[] = [];
  // The account by its name, or the employee behind it by name or NIP.
  if (filter.who) {
    const pattern = likePattern(filter.who);
    parts.push(
      sql`(${ilike(auditLog.username, pattern)} OR ${auditLog.userId} IN (SELECT u.id FROM users u JOIN employees e ON e.id = u.employee_id WHERE e.name ILIKE ${pattern} OR e.id LIKE ${pattern}))`,
    );
  }
  if (filter.action)
    parts.push(filter.action.endsWith('.') ? sql`starts_with(${auditLog.action}, ${filter.action})` : eq(auditLog.action, filter.action));
  if (filter.entity) parts.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) parts.push(eq(auditLog.entityId, filter.entityId));
  // A day is the agency's day: 00:00 in its zone up to 00:00 of the next.
  if (filter.from) parts.push(sql`${auditLog.at} >= (${filter.from}::date::timestamp at time zone ${timeZone})`);
  if (filter.to) parts.push(sql`${auditLog.at} < ((${filter.to}::date + 1)::timestamp at time zone ${timeZone})`);
  return and(...parts);
}

/**
 * One page of the log, newest first (or oldest first), and how many entries match in all. `past`
 * is the id the page starts after in that order (keyset by id: stable while new entries arrive).
 */
export async function auditPage(db: Db, filter: AuditFilter, past: number | undefined, limit: number) {
  const timeZone = await agencyTimeZone(db);
  const where = conditions(filter, timeZone);
  const oldest = filter.order === 'oldest';
  const entries = await db
    .select({ ...getTableColumns(auditLog), employeeId: users.employeeId, employeeName: employees.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(employees, eq(employees.id, users.employeeId))
    .where(and(where, past === undefined ? undefined : oldest ? gt(auditLog.id, past) : lt(auditLog.id, past)))
    .orderBy(oldest ? asc(auditLog.id) : desc(auditLog.id))
    .limit(limit + 1);
  const more = entries.length > limit;
  const page = more ? entries.slice(0, limit) : entries;
  const total = (await db.select({ n: count() }).from(auditLog).where(where))[0]?.n ?? 0;
  // Where this page starts in the whole list ("51–100 of 779"): the matching entries before it in the list's order.
  const skipped =
    past === undefined
      ? 0
      : ((
          await db
            .select({ n: count() })
            .from(auditLog)
            .where(and(where, oldest ? lte(auditLog.id, past) : gte(auditLog.id, past)))
        )[0]?.n ?? 0);
  return { entries: page, next: more ? page.at(-1)!.id : null, total, skipped, timeZone };
}

export const auditRouter = router({
  /**
   * The log, paged by id (keyset: stable while new entries arrive), filtered: newest first, the
   * page after `before` (older entries); or oldest first, the page after `after` (newer entries).
   */
  list: roleProcedure('auditor')
    .input(
      AuditFilter.extend({
        before: z.int().positive().optional(),
        after: z.int().positive().optional(),
        limit: z.int().min(1).max(1000).default(AUDIT_PAGE_SIZE),
      }).default({ limit: AUDIT_PAGE_SIZE }),
    )
    .query(async ({ ctx, input }) => {
      const { before, after, limit, ...filter } = input;
      return auditPage(ctx.db, filter, filter.order === 'oldest' ? after : before, limit);
    }),
  /** Who exported which part of the log is itself kept in the log. */
  recordExport: roleProcedure('auditor')
    .input(z.object({ filter: AuditFilter, format: z.enum(['csv', 'xlsx']) }))
    .mutation(async ({ ctx, input }) => {
      await audit(ctx.db, ctx.user, 'export.audit_log', 'audit_log', null, null, input);
      return { recorded: true };
    }),
});

/** Entries that match, page by page (for exports that stream). */
export async function* auditEntries(
  list: (input: AuditFilter & { before?: number; after?: number; limit: number }) => Promise<Awaited<ReturnType<typeof auditPage>>>,
  filter: AuditFilter,
) {
  let past: number | undefined;
  const key = filter.order === 'oldest' ? 'after' : 'before';
  for (;;) {
    const page = await list({ ...filter, limit: 1000, ...(past === undefined ? {} : { [key]: past }) });
    yield page;
    if (page.next === null) return;
    past = page.next;
  }
}
