import type { Employee, LearningActivity } from '@bangkom/domain';
import { builtInProfiles, computeJp, summarizeUnits } from '@bangkom/jp';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import { createSession, deleteSession, hashPassword, verifyPassword } from '../auth.js';
import type { Db } from '../db/index.js';
import { activities, auditLog, employees, roles, settings, units, users } from '../db/schema.js';
import { authedProcedure, MESSAGES, publicProcedure, roleProcedure, router } from '../trpc.js';
import { activitiesRouter, ruleProfile, visibleEmployees } from './activities.js';

const authRouter = router({
  login: publicProcedure.input(z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    const key = `${input.username.toLowerCase()}|${ctx.ip}`;
    if (ctx.limiter.blocked(key)) throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit / Too many login attempts; try again in 15 minutes' });
    const user = (await ctx.db.select().from(users).where(eq(users.username, input.username.toLowerCase())))[0];
    // The password is checked even for an unknown user, so timing does not reveal which usernames exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    if (!user || !valid) {
      ctx.limiter.fail(key);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Nama pengguna atau kata sandi salah / Wrong username or password' });
    }
    ctx.limiter.succeed(key);
    const session = await createSession(ctx.db, user.id);
    ctx.setSession(session.token, session.expiresAt);
    await audit(ctx.db, { id: user.id, username: user.username, role: user.role, employeeId: user.employeeId, unitId: user.unitId }, 'auth.login', 'user', String(user.id), null, null);
    return { username: user.username, role: user.role };
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
    ctx.setSession(null);
    return { ok: true };
  }),
  me: authedProcedure.query(async ({ ctx }) => {
    const employee = ctx.user.employeeId ? (await ctx.db.select().from(employees).where(eq(employees.id, ctx.user.employeeId)))[0] : undefined;
    return { ...ctx.user, employee: employee ? { id: employee.id, name: employee.name, kind: employee.kind, unitId: employee.unitId } : null };
  }),
});

/** Loads employees and their activities (with JP overrides applied) and runs the JP engine. */
async function compute(db: Db, employeeIds: string[] | null, year: number, projected = false) {
  const empRows = await db.select().from(employees).where(employeeIds === null ? undefined : inArray(employees.id, employeeIds.length ? employeeIds : ['-']));
  const actRows = await db.select().from(activities).where(employeeIds === null ? undefined : inArray(activities.employeeId, employeeIds.length ? employeeIds : ['-']));
  const list = actRows.map((r) => ({ ...(r.data as unknown as LearningActivity), status: r.status, ...(r.jpOverride !== null ? { statedJp: r.jpOverride } : {}) }));
  // Only activities of the year (and the month before, for caps that start earlier) are needed.
  const inYear = list.filter((a) => a.endDate.startsWith(String(year)));
  const result = computeJp({ employees: empRows.map((e) => e.data as unknown as Employee), activities: inYear }, { profile: await ruleProfile(db), year, projected, trusted: true, trace: false });
  if (!result.ok) throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: result.problems.map((p) => p.message.en).join('; ') });
  return { employees: empRows, activities: inYear, ...result.value };
}

const yearInput = z.object({ year: z.int().min(2000).max(2100) });

const complianceRouter = router({
  /** The user's own JP progress this year. */
  me: authedProcedure.input(yearInput).query(async ({ ctx, input }) => {
    if (!ctx.user.employeeId) return null;
    const { summaries } = await compute(ctx.db, [ctx.user.employeeId], input.year, true);
    const verified = await compute(ctx.db, [ctx.user.employeeId], input.year, false);
    return { projected: summaries[0] ?? null, verified: verified.summaries[0] ?? null };
  }),
  /** Dashboard: compliance per unit (own unit for admin_unit), JP distribution, employees below the obligation. */
  dashboard: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(yearInput.extend({ unitId: z.string().optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = ctx.user.role === 'admin_unit' ? ctx.user.unitId : input.unitId;
      const ids = unitId ? (await ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, unitId))).map((r) => r.id) : null;
      const { employees: emps, summaries } = await compute(ctx.db, ids, input.year);
      const unitNames = new Map((await ctx.db.select().from(units)).map((u) => [u.id, u.name]));
      const empData = emps.map((e) => ({ ...(e.data as unknown as Employee), unit: unitNames.get(e.unitId) ?? e.unitId }));
      const unitsSummary = summarizeUnits(summaries, empData);
      const names = new Map(emps.map((e) => [e.id, { name: e.name, unit: unitNames.get(e.unitId) ?? e.unitId }]));
      const below = summaries.filter((s) => !s.compliant && s.required > 0).map((s) => ({ employeeId: s.nip, ...names.get(s.nip), jp: s.jp, required: s.required, shortfall: s.shortfall })).sort((a, b) => b.shortfall - a.shortfall);
      const total = summaries.length;
      const compliant = summaries.filter((s) => s.compliant).length;
      return { year: input.year, employees: total, compliant, rate: total ? Math.round((compliant / total) * 1000) / 1000 : 0, units: unitsSummary, below };
    }),
  /** Kartu Data view of one employee ([K] III.B): activities with JP and yearly totals. */
  card: authedProcedure.input(z.object({ employeeId: z.string() })).query(async ({ ctx, input }) => {
    const visible = await visibleEmployees(ctx.db, ctx.user);
    if (visible !== null && !visible.includes(input.employeeId)) throw new TRPCError({ code: 'FORBIDDEN', message: MESSAGES.forbidden });
    const employee = (await ctx.db.select().from(employees).where(eq(employees.id, input.employeeId)))[0];
    if (!employee) throw new TRPCError({ code: 'NOT_FOUND', message: 'Pegawai tidak ditemukan / Employee not found' });
    const rows = await ctx.db.select().from(activities).where(and(eq(activities.employeeId, input.employeeId), eq(activities.status, 'verified')));
    const years = [...new Set(rows.map((r) => Number(String(r.data['endDate']).slice(0, 4))))].sort();
    const totals = [];
    for (const year of years) {
      const r = await compute(ctx.db, [input.employeeId], year);
      totals.push({ year, jp: r.summaries[0]?.jp ?? 0 });
    }
    return { employee: employee.data, activities: rows.map((r) => ({ id: r.id, ...r.data, jpOverride: r.jpOverride })), totals };
  }),
});

const adminRouter = router({
  users: roleProcedure('admin_sdm', 'auditor').query(async ({ ctx }) => ctx.db.select({ id: users.id, username: users.username, role: users.role, employeeId: users.employeeId, unitId: users.unitId }).from(users).orderBy(users.username)),
  createUser: roleProcedure('admin_sdm')
    .input(z.object({ username: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,40}$/), password: z.string().min(10).max(200), role: z.enum(roles), employeeId: z.string().optional(), unitId: z.string().optional() }))
    .mutation(async ({ ctx, input }) => {
      const existing = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)))[0];
      if (existing) throw new TRPCError({ code: 'CONFLICT', message: 'Nama pengguna sudah dipakai / Username already taken' });
      return ctx.db.transaction(async (tx) => {
        const [user] = await tx.insert(users).values({ username: input.username, passwordHash: await hashPassword(input.password), role: input.role, employeeId: input.employeeId ?? null, unitId: input.unitId ?? null }).returning({ id: users.id, username: users.username, role: users.role });
        await audit(tx as unknown as Db, ctx.user, 'user.create', 'user', String(user!.id), null, { username: input.username, role: input.role });
        return user!;
      });
    }),
  employees: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ unitId: z.string().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const unitId = ctx.user.role === 'admin_unit' ? ctx.user.unitId : input.unitId;
      return ctx.db.select({ id: employees.id, name: employees.name, kind: employees.kind, unitId: employees.unitId }).from(employees).where(unitId ? eq(employees.unitId, unitId) : undefined).orderBy(employees.name);
    }),
  units: authedProcedure.query(async ({ ctx }) => ctx.db.select().from(units).orderBy(units.name)),
  profiles: authedProcedure.query(async ({ ctx }) => ({ current: await ruleProfile(ctx.db), available: [...new Set(builtInProfiles.map((p) => p.id))] })),
  setProfile: roleProcedure('admin_sdm')
    .input(z.object({ profile: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (!builtInProfiles.some((p) => p.id === input.profile)) throw new TRPCError({ code: 'BAD_REQUEST', message: `Profil tidak dikenal / Unknown profile: ${input.profile}` });
      const before = await ruleProfile(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx.update(settings).set({ value: input.profile }).where(eq(settings.key, 'ruleProfile'));
        await audit(tx as unknown as Db, ctx.user, 'settings.rule_profile', 'settings', 'ruleProfile', before, input.profile);
      });
      return { profile: input.profile };
    }),
});

const auditRouter = router({
  list: roleProcedure('auditor').input(z.object({ limit: z.int().min(1).max(500).default(100) }).default({ limit: 100 })).query(async ({ ctx, input }) => ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(input.limit)),
});

export const appRouter = router({ auth: authRouter, activities: activitiesRouter, compliance: complianceRouter, admin: adminRouter, audit: auditRouter });
export type AppRouter = typeof appRouter;
