import type { IndividualDevelopmentPlan } from '@bangkom/domain';
import { PlanItem } from '@bangkom/domain';
import { PlanApproval, PlanHeader, PlanReturn, PlanYear, PlansQuery } from '../../schemas.js';
import { recommendMethods, requiredPlanFields, validatePlan } from '@bangkom/idp';
import { resolveProfiles } from '@bangkom/jp';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import type { StoredPlan } from '../db/schema.js';
import { employees, plans, units } from '../db/schema.js';
import { todayIso } from '../../values.js';
import { appError, forbidden } from '../errors.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { ensureVisible, unitScope } from '../access.js';
import { deciderParams, notify } from '../notify.js';
import { nameOrNip } from '../search.js';
import { personOf } from '../people.js';
import { agencyTimeZone, ruleProfile, versionOfYear } from './activities.js';

const yearInput = PlanYear;
type Row = typeof plans.$inferSelect;

/** The plan as @bangkom/idp reads it: identity (a) from the employee record, the rest as saved. */
function planOf(employee: typeof employees.$inferSelect, unitName: string, year: number, row: Row | undefined): IndividualDevelopmentPlan {
  const data = employee.data;
  const { returned: _returned, ...saved }: StoredPlan = row?.data ?? {};
  return {
    ...saved,
    year,
    nip: employee.id,
    name: employee.name,
    employeeKind: employee.kind,
    unit: unitName,
    position: saved.position ?? data.positionTitle,
    cannotLeaveWorkplace: saved.cannotLeaveWorkplace ?? false,
    // The engine knows drafts and approved plans; one waiting for approval is checked as a draft.
    status: row?.status === 'approved' ? 'approved' : 'draft',
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
    const returned = row?.status === 'draft' ? (row.data.returned ?? null) : null;
    return {
      employeeName: employee.name,
      exists: row !== undefined,
      status: row?.status ?? 'draft',
      // Who returned it: kept as a username, shown as name and NIP.
      returned: returned ? { ...returned, by: await personOf(ctx.db, returned.by) } : null,
      plan,
      validation: await check(ctx.db, plan),
      required: await requiredOf(ctx.db, input.year),
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
      if (row?.status === 'submitted')
        throw appError(
          'CONFLICT',
          'Rencana sedang menunggu persetujuan; tarik kembali untuk mengubahnya',
          'The plan is waiting for approval; withdraw it to change it',
        );
      const { returned: _returned, ...kept } = row?.data ?? {};
      const data = { ...kept, ...input.header, items: input.items, draftedOn: todayIso(await agencyTimeZone(ctx.db)) };
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

  /** The employee submits the own draft plan to HR for the PPK's approval ([P] art. 17(4)); only a plan without errors. */
  submit: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ year: yearInput }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.user.employeeId) throw forbidden();
      const { employee, row, plan } = await load(ctx.db, ctx.user, ctx.user.employeeId, input.year);
      if (!row) throw appError('NOT_FOUND', 'Rencana belum disimpan', 'The plan has not been saved');
      if (row.status !== 'draft') throw appError('CONFLICT', 'Rencana sudah diajukan', 'The plan has already been submitted');
      await refuseErrors(ctx.db, plan);
      await ctx.db.transaction(async (tx) => {
        await setStatus(tx, employee.id, input.year, 'submitted', row.data);
        await audit(tx, ctx.user, 'plan.submit', 'plan', `${employee.id}/${input.year}`, { status: row.status }, { status: 'submitted' });
        await notify(tx, { role: 'admin_sdm' }, 'plan_submitted', planParams(employee, input.year), planLink(employee.id, input.year));
      });
      return { status: 'submitted' as const };
    }),

  /** The employee takes a submitted plan back to change it. */
  withdraw: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ year: yearInput }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.user.employeeId) throw forbidden();
      const { employee, row } = await load(ctx.db, ctx.user, ctx.user.employeeId, input.year);
      if (row?.status !== 'submitted') throw appError('CONFLICT', 'Rencana tidak sedang diajukan', 'The plan is not submitted');
      await ctx.db.transaction(async (tx) => {
        await setStatus(tx, employee.id, input.year, 'draft', row.data);
        await audit(tx, ctx.user, 'plan.withdraw', 'plan', `${employee.id}/${input.year}`, { status: 'submitted' }, { status: 'draft' });
      });
      return { status: 'draft' as const };
    }),

  /** HR returns a submitted plan to its employee with a reason: it is a draft again, and the reason shows on it. */
  return: roleProcedure('admin_sdm')
    .input(PlanReturn)
    .mutation(async ({ ctx, input }) => {
      const { employee, row } = await load(ctx.db, ctx.user, input.employeeId, input.year);
      if (row?.status !== 'submitted') throw appError('CONFLICT', 'Rencana tidak sedang diajukan', 'The plan is not submitted');
      if (employee.id === ctx.user.employeeId) throw forbidden();
      const returned = { on: todayIso(await agencyTimeZone(ctx.db)), by: ctx.user.username, reason: input.reason };
      await ctx.db.transaction(async (tx) => {
        await setStatus(tx, employee.id, input.year, 'draft', { ...row.data, returned });
        await audit(
          tx,
          ctx.user,
          'plan.return',
          'plan',
          `${employee.id}/${input.year}`,
          { status: 'submitted' },
          { status: 'draft', reason: input.reason },
        );
        await notify(
          tx,
          { employeeId: employee.id },
          'plan_returned',
          { ...planParams(employee, input.year), reason: input.reason, ...(await deciderParams(tx, ctx.user.username)) },
          `/plan?year=${input.year}`,
        );
      });
      return { status: 'draft' as const };
    }),

  /** The PPK's approval ([P] art. 17(4)), given by the HR admin on the PPK's behalf; only a submitted plan without errors. */
  approve: roleProcedure('admin_sdm')
    .input(PlanApproval)
    .mutation(async ({ ctx, input }) => {
      const { employee, row, plan } = await load(ctx.db, ctx.user, input.employeeId, input.year);
      if (!row) throw appError('NOT_FOUND', 'Pegawai belum menyusun rencana untuk tahun ini', 'The employee has no plan for this year');
      if (row.status === 'approved') throw appError('CONFLICT', 'Rencana sudah disetujui', 'The plan is already approved');
      if (row.status !== 'submitted')
        throw appError('CONFLICT', 'Rencana belum diajukan oleh pegawai', 'The employee has not submitted the plan');
      if (employee.id === ctx.user.employeeId) throw forbidden();
      await refuseErrors(ctx.db, plan);
      const data = { ...row.data, approvedOn: todayIso(await agencyTimeZone(ctx.db)) };
      await ctx.db.transaction(async (tx) => {
        await setStatus(tx, employee.id, input.year, 'approved', data);
        await audit(
          tx,
          ctx.user,
          'plan.approve',
          'plan',
          `${employee.id}/${input.year}`,
          { status: row.status },
          { status: 'approved', approvedOn: data.approvedOn },
        );
        await notify(
          tx,
          { employeeId: employee.id },
          'plan_approved',
          { ...planParams(employee, input.year), ...(await deciderParams(tx, ctx.user.username)) },
          `/plan?year=${input.year}`,
        );
      });
      return { status: 'approved' as const };
    }),

  /**
   * Methods ranked for the employee's need by `recommendMethods` of @bangkom/idp: the plan's gap
   * level, performance predicate, workplace constraint and budget, and the JP the plan still misses.
   */
  recommend: authedProcedure.input(z.object({ employeeId: z.string().max(40), year: yearInput })).query(async ({ ctx, input }) => {
    const { plan } = await load(ctx.db, ctx.user, input.employeeId, input.year);
    const validation = await check(ctx.db, plan);
    const result = recommendMethods(await ruleProfile(ctx.db), {
      year: plan.year,
      employeeKind: plan.employeeKind,
      ...(plan.gapLevel ? { gapLevel: plan.gapLevel } : {}),
      ...(plan.performancePredicate ? { performancePredicate: plan.performancePredicate } : {}),
      cannotLeaveWorkplace: plan.cannotLeaveWorkplace,
      ...(plan.budgetAvailable !== undefined ? { budgetAvailable: plan.budgetAvailable } : {}),
      missingJp: validation.summary.shortfall,
    });
    if (!result.ok)
      throw appError('INTERNAL_SERVER_ERROR', 'Rekomendasi tidak dapat dihitung', 'The recommendation cannot be computed', result.problems);
    return { ...result.value, missingJp: validation.summary.shortfall, plan };
  }),

  /**
   * Plans of a year, a page at a time: every employee in scope (own unit for admin_unit) with the
   * status of their plan, searched by name or NIP, filtered by unit and status, sorted; the counts
   * per status for the whole scope. Only the plans on the page are checked by @bangkom/idp.
   */
  overview: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(PlansQuery)
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const join = and(eq(plans.employeeId, employees.id), eq(plans.year, input.year));
      const scope = and(unitId ? eq(employees.unitId, unitId) : undefined, input.q ? nameOrNip(input.q) : undefined);
      const status = input.status ? (input.status === 'none' ? sql`${plans.status} IS NULL` : eq(plans.status, input.status)) : undefined;
      const order = {
        name: [asc(employees.name), asc(employees.id)],
        nip: [asc(employees.id)],
        unit: [asc(units.name), asc(employees.name), asc(employees.id)],
        updated: [sql`${plans.updatedAt} DESC NULLS LAST`, asc(employees.name), asc(employees.id)],
      }[input.sort];
      const [rows, counts] = await Promise.all([
        ctx.db
          .select({ employee: employees, unitName: units.name, plan: plans })
          .from(employees)
          .leftJoin(units, eq(units.id, employees.unitId))
          .leftJoin(plans, join)
          .where(and(scope, status))
          .orderBy(...order)
          .offset(input.offset)
          .limit(input.limit),
        ctx.db.select({ status: plans.status, n: count() }).from(employees).leftJoin(plans, join).where(scope).groupBy(plans.status),
      ]);
      const byStatus = { none: 0, draft: 0, submitted: 0, approved: 0 };
      for (const c of counts) byStatus[c.status ?? 'none'] += c.n;
      const options = { profile: await ruleProfile(ctx.db), asOf: todayIso(await agencyTimeZone(ctx.db)) };
      return {
        year: input.year,
        offset: input.offset,
        counts: byStatus,
        all: byStatus.none + byStatus.draft + byStatus.submitted + byStatus.approved,
        total: input.status ? byStatus[input.status] : byStatus.none + byStatus.draft + byStatus.submitted + byStatus.approved,
        rows: rows.map(({ employee: e, unitName, plan: row }) => {
          const v = row ? validatePlan(planOf(e, unitName ?? e.unitId, input.year, row), options) : undefined;
          const value = v?.ok ? v.value : undefined;
          return {
            employeeId: e.id,
            name: e.name,
            kind: e.kind,
            unit: unitName ?? e.unitId,
            status: row?.status ?? null,
            updatedAt: row?.updatedAt ?? null,
            countedJp: value?.summary.countedJp ?? null,
            required: value?.summary.required ?? null,
            errors: value ? value.issues.filter((i) => i.severity === 'error').length : null,
          };
        }),
      };
    }),
});

/** The fields the profile in force in the year requires of a plan and its items, for the form to mark. */
async function requiredOf(db: Db, year: number) {
  const versions = resolveProfiles(await ruleProfile(db));
  const profile = versions.ok ? versionOfYear(versions.value, year) : undefined;
  return profile ? requiredPlanFields(profile) : { plan: [], item: [] };
}

/** The errors that keep a plan from being submitted or approved; a late approval stays visible as plan.approval_late but does not block. */
async function refuseErrors(db: Db, plan: IndividualDevelopmentPlan) {
  const blocking = (await check(db, plan)).issues.filter(
    (i) => i.severity === 'error' && i.code !== 'plan.approval_late' && i.code !== 'plan.lan_late',
  );
  if (blocking.length)
    throw appError(
      'CONFLICT',
      `Rencana masih memiliki ${blocking.length} kesalahan`,
      `The plan still has ${blocking.length} errors`,
      blocking.map((i) => ({ path: i.path.split('/').filter(Boolean), code: i.code, message: i.message })),
    );
}

async function setStatus(tx: Pick<Db, 'update'>, employeeId: string, year: number, status: Row['status'], data: StoredPlan) {
  await tx
    .update(plans)
    .set({ status, data, updatedAt: new Date() })
    .where(and(eq(plans.employeeId, employeeId), eq(plans.year, year)));
}

const planParams = (employee: { id: string; name: string }, year: number) => ({
  name: employee.name,
  nip: employee.id,
  year: String(year),
});
const planLink = (employeeId: string, year: number) => `/plans/${employeeId}?year=${year}`;
