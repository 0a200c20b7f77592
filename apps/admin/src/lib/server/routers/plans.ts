import type { IndividualDevelopmentPlan } from '@bangkom/domain';
import { PlanItem } from '@bangkom/domain';
import { PlanApproval, PlanHeader, PlanYear } from '../../schemas.js';
import { validatePlan, validatePlans } from '@bangkom/idp';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import type { StoredPlan } from '../db/schema.js';
import { employees, plans, units } from '../db/schema.js';
import { todayIso } from '../../values.js';
import { appError, forbidden } from '../errors.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { ensureVisible, inUnit, unitScope } from '../access.js';
import { agencyTimeZone, ruleProfile } from './activities.js';

const yearInput = PlanYear;
type Row = typeof plans.$inferSelect;

/** The plan as @bangkom/idp reads it: identity (a) from the employee record, the rest as saved. */
function planOf(employee: typeof employees.$inferSelect, unitName: string, year: number, row: Row | undefined): IndividualDevelopmentPlan {
  const data = employee.data;
  const saved: StoredPlan = row?.data ?? {};
  return {
    ...saved,
    year,
    nip: employee.id,
    name: employee.name,
    employeeKind: employee.kind,
    unit: unitName,
    position: saved.position ?? data.positionTitle,
    cannotLeaveWorkplace: saved.cannotLeaveWorkplace ?? false,
    status: row?.status ?? 'draft',
    items: saved.items ?? [],
  };
}

async function load(db: Db, user: SessionUser, employeeId: string, year: number) {
  const employee = await ensureVisible(db, user, employeeId);
  const unitName = (await db.select().from(units).where(eq(units.id, employee.unitId)))[0]?.name ?? employee.unitId;
  const row = (
    await db
      .select()
      .from(plans)
      .where(and(eq(plans.employeeId, employeeId), eq(plans.year, year)))
  )[0];
  return { employee, row, plan: planOf(employee, unitName, year, row) };
}

async function check(db: Db, plan: IndividualDevelopmentPlan) {
  const result = validatePlan(plan, { profile: await ruleProfile(db), asOf: todayIso(await agencyTimeZone(db)) });
  if (!result.ok) throw appError('BAD_REQUEST', 'Rencana tidak valid', 'The plan is not valid', result.problems);
  return result.value;
}

export const plansRouter = router({
  /** A plan with its validation (every finding with its code, severity and article). */
  get: authedProcedure.input(z.object({ employeeId: z.string().max(40), year: yearInput })).query(async ({ ctx, input }) => {
    const { employee, row, plan } = await load(ctx.db, ctx.user, input.employeeId, input.year);
    return {
      employeeName: employee.name,
      exists: row !== undefined,
      status: row?.status ?? 'draft',
      plan,
      validation: await check(ctx.db, plan),
      own: ctx.user.employeeId === employee.id,
    };
  }),

  /** Saves the user's own plan for a year (header and items) while it is a draft; audited. */
  save: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ year: yearInput, header: PlanHeader, items: z.array(PlanItem).max(50) }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.user.employeeId) throw forbidden();
      const { employee, row, plan: before } = await load(ctx.db, ctx.user, ctx.user.employeeId, input.year);
      if (row?.status === 'approved')
        throw appError('CONFLICT', 'Rencana yang sudah disetujui tidak dapat diubah', 'An approved plan cannot be changed');
      const data = { ...input.header, items: input.items, draftedOn: todayIso(await agencyTimeZone(ctx.db)) };
      const plan = { ...before, ...data };
      const validation = await check(ctx.db, plan);
      await ctx.db.transaction(async (tx) => {
        if (row)
          await tx
            .update(plans)
            .set({ data, updatedAt: new Date() })
            .where(and(eq(plans.employeeId, employee.id), eq(plans.year, input.year)));
        else await tx.insert(plans).values({ employeeId: employee.id, year: input.year, status: 'draft', data });
        await audit(tx, ctx.user, 'plan.save', 'plan', `${employee.id}/${input.year}`, row?.data ?? null, data);
      });
      return { plan, validation };
    }),

  /** The PPK's approval ([P] art. 17(4)), given by the HR admin on the PPK's behalf; only a plan without errors. */
  approve: roleProcedure('admin_sdm')
    .input(PlanApproval)
    .mutation(async ({ ctx, input }) => {
      const { employee, row, plan } = await load(ctx.db, ctx.user, input.employeeId, input.year);
      if (!row) throw appError('NOT_FOUND', 'Pegawai belum menyusun rencana untuk tahun ini', 'The employee has no plan for this year');
      if (row.status === 'approved') throw appError('CONFLICT', 'Rencana sudah disetujui', 'The plan is already approved');
      if (employee.id === ctx.user.employeeId) throw forbidden();
      // A plan approved late is still approved; the lateness stays visible as plan.approval_late.
      const blocking = (await check(ctx.db, plan)).issues.filter(
        (i) => i.severity === 'error' && i.code !== 'plan.approval_late' && i.code !== 'plan.lan_late',
      );
      if (blocking.length)
        throw appError(
          'CONFLICT',
          `Rencana masih memiliki ${blocking.length} kesalahan`,
          `The plan still has ${blocking.length} errors`,
          blocking.map((i) => ({ path: i.path.split('/').filter(Boolean), code: i.code, message: i.message })),
        );
      const data = { ...row.data, approvedOn: todayIso(await agencyTimeZone(ctx.db)) };
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(plans)
          .set({ status: 'approved', data, updatedAt: new Date() })
          .where(and(eq(plans.employeeId, employee.id), eq(plans.year, input.year)));
        await audit(
          tx,
          ctx.user,
          'plan.approve',
          'plan',
          `${employee.id}/${input.year}`,
          { status: row.status },
          { status: 'approved', approvedOn: data.approvedOn },
        );
      });
      return { status: 'approved' as const };
    }),

  /** Plans of a unit (own unit for admin_unit) or the agency for a year: who has none, who plans below the obligation, per-unit totals. */
  overview: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ year: yearInput, unitId: z.string().max(60).optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const emps = await ctx.db
        .select()
        .from(employees)
        .where(unitId ? eq(employees.unitId, unitId) : undefined)
        .orderBy(employees.name);
      const unitNames = new Map((await ctx.db.select().from(units)).map((u) => [u.id, u.name]));
      // The unit as a subquery, never as a list of ids (a large agency exceeds the bind-parameter limit).
      const rows = await ctx.db
        .select()
        .from(plans)
        .where(and(eq(plans.year, input.year), unitId ? inUnit(ctx.db, plans.employeeId, unitId) : undefined));
      const byEmployee = new Map(rows.map((r) => [r.employeeId, r]));
      const withPlan = emps.filter((e) => byEmployee.has(e.id));
      const result = validatePlans(
        withPlan.map((e) => planOf(e, unitNames.get(e.unitId) ?? e.unitId, input.year, byEmployee.get(e.id))),
        { profile: await ruleProfile(ctx.db), asOf: todayIso(await agencyTimeZone(ctx.db)) },
      );
      if (!result.ok)
        throw appError(
          'INTERNAL_SERVER_ERROR',
          'Rencana tersimpan tidak dapat diperiksa',
          'Saved plans cannot be checked',
          result.problems,
        );
      const validationOf = new Map(withPlan.map((e, i) => [e.id, result.value.plans[i]!]));
      return {
        year: input.year,
        units: result.value.units,
        employees: emps.map((e) => {
          const v = validationOf.get(e.id);
          return {
            employeeId: e.id,
            name: e.name,
            kind: e.kind,
            unit: unitNames.get(e.unitId) ?? e.unitId,
            status: byEmployee.get(e.id)?.status ?? null,
            countedJp: v?.summary.countedJp ?? null,
            required: v?.summary.required ?? null,
            errors: v ? v.issues.filter((i) => i.severity === 'error').length : null,
            warnings: v ? v.issues.filter((i) => i.severity === 'warning').length : null,
          };
        }),
      };
    }),
});
