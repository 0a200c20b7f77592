import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { subordinateCondition } from '../access.js';
import { activities, employees, employeeYearJp, plans, units } from '../db/schema.js';
import { needsSupervisorSql } from '../review.js';
import { nameOrNip } from '../search.js';
import { freshen } from '../totals.js';
import { todayIso } from '../../values.js';
import { roleProcedure, router } from '../trpc.js';
import { agencyTimeZone, profileOfYear, ruleProfile } from './activities.js';

/** Subordinates on one page of the team view. */
export const TEAM_PAGE = 50;

export const teamRouter = router({
  /**
   * The superior's direct subordinates, a page at a time by name: each with the JP that counts in
   * the year against the obligation of their kind of employment ([P] art. 19(2): at least 20 JP for a
   * PNS), the status of their development plan ([P] art. 17), their submitted activities and those
   * waiting for the superior's own approval ([K] III.D.5).
   */
  list: roleProcedure('atasan')
    .input(
      z
        .object({
          year: z.int().min(2000).max(2100).optional(),
          q: z.string().trim().max(100).optional(),
          offset: z.int().min(0).max(10_000_000).default(0),
        })
        .default({ offset: 0 }),
    )
    .query(async ({ ctx, input }) => {
      const year = input.year ?? Number(todayIso(await agencyTimeZone(ctx.db)).slice(0, 4));
      const profile = await profileOfYear(ctx.db, year);
      const required = sql`CASE ${employees.kind} ${sql.join(
        (['PNS', 'PPPK', 'TKK'] as const).map((k) => sql`WHEN ${k} THEN ${profile.obligations[k].requiredJp}::numeric`),
        sql` `,
      )} ELSE 0 END`;
      const scope = subordinateCondition(ctx.db, ctx.user, employees.id);
      const conditions = [scope];
      if (input.q) conditions.push(nameOrNip(input.q));
      await freshen(ctx.db, scope);
      const pending = ctx.db
        .select({ n: count() })
        .from(activities)
        .where(and(eq(activities.employeeId, employees.id), eq(activities.status, 'submitted')));
      const waitingForMe = ctx.db
        .select({ n: count() })
        .from(activities)
        .where(
          and(
            eq(activities.employeeId, employees.id),
            eq(activities.status, 'submitted'),
            sql`${activities.supervisorApproved} IS NULL`,
            needsSupervisorSql(await ruleProfile(ctx.db)),
            ...(ctx.user.employeeId ? [ne(activities.employeeId, ctx.user.employeeId)] : []),
          ),
        );
      const where = and(...conditions);
      const [rows, totals] = await Promise.all([
        ctx.db
          .select({
            id: employees.id,
            name: employees.name,
            kind: employees.kind,
            unitName: units.name,
            jp: sql<number>`coalesce(${employeeYearJp.jp}, 0)`.mapWith(Number),
            required: sql<number>`${required}`.mapWith(Number),
            planStatus: plans.status,
            pending: sql<number>`(${pending})`.mapWith(Number),
            waitingForMe: sql<number>`(${waitingForMe})`.mapWith(Number),
          })
          .from(employees)
          .leftJoin(units, eq(units.id, employees.unitId))
          .leftJoin(employeeYearJp, and(eq(employeeYearJp.employeeId, employees.id), eq(employeeYearJp.year, year)))
          .leftJoin(plans, and(eq(plans.employeeId, employees.id), eq(plans.year, year)))
          .where(where)
          .orderBy(asc(employees.name), asc(employees.id))
          .offset(input.offset)
          .limit(TEAM_PAGE),
        ctx.db.select({ n: count() }).from(employees).where(where),
      ]);
      return {
        year,
        offset: input.offset,
        total: totals[0]?.n ?? 0,
        rows: rows.map((r) => ({ ...r, shortfall: Math.max(0, r.required - r.jp) })),
      };
    }),
});
