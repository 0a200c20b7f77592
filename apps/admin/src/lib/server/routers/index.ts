import type { Employee, LearningActivity, Problem } from '@bangkom/domain';
import { employeeId as idOf, isTimeZone, toCsv } from '@bangkom/domain';
import { builtInProfiles, computeJp, jpBands, jpDistribution, resolveProfiles, summarizeUnits, versionInForce } from '@bangkom/jp';
import { employeeColumns, importCsv } from '@bangkom/myasn';
import { kartuData, kartuDataPdf, kartuDataXlsx, monitoringRows, monitoringXlsx } from '@bangkom/myasn/documents';
import { desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import { createSession, deleteSession, hashPassword, verifyPassword } from '../auth.js';
import type { Db } from '../db/index.js';
import { activities, auditLog, employees, roles, settings, units, users } from '../db/schema.js';
import { todayIso } from '../../values.js';
import { appError } from '../errors.js';
import { authedProcedure, publicProcedure, roleProcedure, router } from '../trpc.js';
import { ensureVisible, unitScope } from '../access.js';
import { activitiesRouter, agencyTimeZone, ruleProfile, withOverride } from './activities.js';
import { plansRouter } from './plans.js';
import { tubelRouter } from './tubel.js';

const authRouter = router({
  login: publicProcedure
    .input(z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const key = `${input.username.toLowerCase()}|${ctx.ip}`;
      if (ctx.limiter.blocked(key))
        throw appError(
          'TOO_MANY_REQUESTS',
          'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit',
          'Too many login attempts; try again in 15 minutes',
        );
      const user = (await ctx.db.select().from(users).where(eq(users.username, input.username.toLowerCase())))[0];
      // The password is checked even for an unknown user, so timing does not reveal which usernames exist.
      const valid = await verifyPassword(
        input.password,
        user?.passwordHash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      );
      if (!user || !valid) {
        ctx.limiter.fail(key);
        // Failed attempts are kept too (who tried which name, from where), for the auditor.
        await audit(ctx.db, null, 'auth.login_failed', 'user', input.username.toLowerCase(), null, { ip: ctx.ip });
        throw appError('UNAUTHORIZED', 'Nama pengguna atau kata sandi salah', 'Wrong username or password');
      }
      ctx.limiter.succeed(key);
      const session = await createSession(ctx.db, user.id);
      ctx.setSession(session.token, session.expiresAt);
      await audit(
        ctx.db,
        { id: user.id, username: user.username, role: user.role, employeeId: user.employeeId, unitId: user.unitId },
        'auth.login',
        'user',
        String(user.id),
        null,
        null,
      );
      return { username: user.username, role: user.role };
    }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
    ctx.setSession(null);
    return { ok: true };
  }),
  me: authedProcedure.query(async ({ ctx }) => {
    const employee = ctx.user.employeeId
      ? (await ctx.db.select().from(employees).where(eq(employees.id, ctx.user.employeeId)))[0]
      : undefined;
    return {
      ...ctx.user,
      employee: employee ? { id: employee.id, name: employee.name, kind: employee.kind, unitId: employee.unitId } : null,
      timeZone: await agencyTimeZone(ctx.db),
    };
  }),
});

/** Whose records to compute: some employees, one unit, or (no unit) everyone. */
type Scope = { employeeIds: string[] } | { unitId: string | undefined };

/** Employees of the scope and their activities (of `year`, when given), with JP overrides applied. */
async function loadOffice(db: Db, scope: Scope, year: number | undefined) {
  const employeeFilter =
    'employeeIds' in scope
      ? inArray(employees.id, scope.employeeIds.length ? scope.employeeIds : ['-'])
      : scope.unitId
        ? eq(employees.unitId, scope.unitId)
        : undefined;
  const empRows = await db.select().from(employees).where(employeeFilter);
  const actRows = await db
    .select()
    .from(activities)
    .where(
      employeeFilter === undefined
        ? undefined
        : inArray(activities.employeeId, db.select({ id: employees.id }).from(employees).where(employeeFilter)),
    );
  // A JP set by an admin replaces the conversion ([P] art. 12(2)f); the engine applies it with its reason.
  const list = actRows.map((r) => withOverride({ ...(r.data as unknown as LearningActivity), status: r.status }, r));
  return {
    employees: empRows,
    activities: year === undefined ? list : list.filter((a) => a.endDate.startsWith(String(year))),
    profile: await ruleProfile(db),
  };
}

/**
 * Runs the JP engine over a loaded office (verified activities only, or with submitted ones when
 * `projected`). An activity no rule can convert (dated before the profile, input missing) is set
 * aside with its problems — listed in `uncounted` — and everything else is still computed.
 */
function runEngine(office: Awaited<ReturnType<typeof loadOffice>>, year: number | undefined, projected: boolean) {
  const result = computeJp(
    { employees: office.employees.map((e) => e.data as unknown as Employee), activities: office.activities },
    { profile: office.profile, ...(year !== undefined ? { year } : {}), projected, trusted: true, trace: false, invalid: 'report' },
  );
  if (!result.ok)
    throw appError(
      'INTERNAL_SERVER_ERROR',
      'Profil aturan tidak dapat dimuat: ' + result.problems.map((p) => p.message.id).join('; '),
      'The rule profile cannot be loaded: ' + result.problems.map((p) => p.message.en).join('; '),
    );
  const names = new Map(office.employees.map((e) => [e.id, e.name]));
  const titles = new Map(office.activities.map((a) => [a.id, a.title]));
  const uncounted = result.value.results
    .filter((r) => r.problems !== undefined)
    .map((r) => ({
      activityId: r.id,
      employeeId: r.nip,
      name: names.get(r.nip) ?? r.nip,
      title: titles.get(r.id) ?? r.id,
      messages: r.problems!.map((p) => p.message),
    }));
  return { ...result.value, uncounted };
}

/** Loads a scope and runs the JP engine; `year` limits it to one year. */
async function computeFor(db: Db, scope: Scope, year: number | undefined, projected = false) {
  const office = await loadOffice(db, scope, year);
  return { employees: office.employees, activities: office.activities, ...runEngine(office, year, projected) };
}

const yearInput = z.object({ year: z.int().min(2000).max(2100) });

/**
 * The yearly JP obligation of a PNS under the rule profile in force at the end of the year, with
 * the profile's source for it (e.g. [K] I.E.16a, [P] art. 19(2): at least 20 JP).
 */
async function pnsObligation(db: Db, year: number): Promise<{ jp: number; source: string }> {
  const versions = resolveProfiles(await ruleProfile(db));
  if (!versions.ok)
    throw appError('INTERNAL_SERVER_ERROR', 'Profil aturan tidak dapat dimuat', 'The rule profile cannot be loaded', versions.problems);
  const profile = versionInForce(versions.value, `${year}-12-31`) ?? versions.value.at(-1)!;
  return { jp: profile.obligations.PNS.requiredJp, source: profile.obligations.PNS.source };
}

/** The Kartu Data of one employee ([K] III.B; DOMAIN.md §7.2): verified activities with the JP that counted, yearly totals. */
async function cardOf(db: Db, employee: typeof employees.$inferSelect) {
  const unitName = (await db.select().from(units).where(eq(units.id, employee.unitId)))[0]?.name ?? employee.unitId;
  const computed = await computeFor(db, { employeeIds: [employee.id] }, undefined);
  const resultOf = new Map(computed.results.map((r) => [r.id, r]));
  const verified = computed.activities.filter((a) => a.status === 'verified');
  const yearlyTotals = computed.summaries
    .filter((s) => s.nip === employee.id)
    .map((s) => ({ year: s.year, jp: s.jp, required: s.required, compliant: s.compliant }));
  const card = kartuData({
    employee: { ...(employee.data as unknown as Employee), unit: unitName },
    // Each row shows the JP that counts; a row a limit reduced names the limit, so rows add up to section C.
    activities: verified.map((activity) => {
      const r = resultOf.get(activity.id);
      return {
        activity,
        jp: r?.jp ?? 0,
        ...(r?.limitedBy ? { cap: { convertedJp: r.convertedJp, limitedBy: r.limitedBy } } : {}),
      };
    }),
    yearlyTotals: yearlyTotals.map(({ year, jp }) => ({ year, jp })),
    date: todayIso(await agencyTimeZone(db)),
  });
  return {
    card,
    uncounted: computed.uncounted,
    yearlyTotals,
    activityIds: verified.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0)).map((a) => a.id),
  };
}

const complianceRouter = router({
  /** The user's own JP progress in a year: what counts now (verified) and with what is still submitted. */
  me: authedProcedure.input(yearInput).query(async ({ ctx, input }) => {
    if (!ctx.user.employeeId) return null;
    const office = await loadOffice(ctx.db, { employeeIds: [ctx.user.employeeId] }, input.year);
    const projected = runEngine(office, input.year, true);
    const verified = runEngine(office, input.year, false);
    return { projected: projected.summaries[0] ?? null, verified: verified.summaries[0] ?? null };
  }),

  /** Dashboard of a unit (own unit for admin_unit) or the agency: compliant rate, JP distribution, who is below the obligation. */
  dashboard: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(yearInput.extend({ unitId: z.string().max(60).optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const { employees: emps, summaries, uncounted } = await computeFor(ctx.db, { unitId }, input.year);
      const unitNames = new Map((await ctx.db.select().from(units)).map((u) => [u.id, u.name]));
      const obligation = await pnsObligation(ctx.db, input.year);
      // Unit rates and bands come from @bangkom/jp, as in the CLI: only employees with an obligation count.
      const units_ = summarizeUnits(
        summaries,
        emps.map((e) => ({ ...(e.data as unknown as Employee), unit: e.unitId })),
        obligation.jp,
      ).map((u) => ({
        unitId: u.unit,
        name: unitNames.get(u.unit) ?? u.unit,
        employees: u.employees,
        compliant: u.compliant,
        rate: u.rate,
        jp: u.totalJp,
      }));
      const names = new Map(emps.map((e) => [e.id, { name: e.name, kind: e.kind, unit: unitNames.get(e.unitId) ?? e.unitId }]));
      // Employees without an obligation (required 0, e.g. TKK under some profiles) are not counted in the rate.
      const obliged = summaries.filter((s) => s.required > 0);
      const below = obliged
        .filter((s) => !s.compliant)
        .map((s) => ({ employeeId: s.nip, ...names.get(s.nip)!, jp: s.jp, required: s.required, shortfall: s.shortfall }))
        .sort((a, b) => b.shortfall - a.shortfall || a.name.localeCompare(b.name));
      const compliant = obliged.length - below.length;
      const distribution = jpDistribution(obliged, jpBands(obligation.jp));
      return {
        year: input.year,
        unitId: unitId ?? null,
        employees: obliged.length,
        compliant,
        rate: obliged.length ? compliant / obliged.length : 0,
        units: units_,
        below,
        distribution,
        obligation,
        uncounted,
      };
    }),

  /** Kartu Data view of one employee, for those who may see the employee. */
  card: authedProcedure.input(z.object({ employeeId: z.string().max(40) })).query(async ({ ctx, input }) => {
    const employee = await ensureVisible(ctx.db, ctx.user, input.employeeId);
    return cardOf(ctx.db, employee);
  }),
});

const file = (filename: string, mediaType: string, bytes: Uint8Array) => ({
  filename,
  mediaType,
  contentBase64: Buffer.from(bytes).toString('base64'),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const exportsRouter = router({
  /** Kartu Data as XLSX or PDF ([K] III.B). */
  kartuData: authedProcedure
    .input(z.object({ employeeId: z.string().max(40), format: z.enum(['xlsx', 'pdf']) }))
    .query(async ({ ctx, input }) => {
      const employee = await ensureVisible(ctx.db, ctx.user, input.employeeId);
      const { card } = await cardOf(ctx.db, employee);
      await audit(ctx.db, ctx.user, 'export.kartu_data', 'employee', employee.id, null, { format: input.format });
      return input.format === 'xlsx'
        ? file(`kartu-data-${employee.id}.xlsx`, XLSX, await kartuDataXlsx(card))
        : file(`kartu-data-${employee.id}.pdf`, 'application/pdf', await kartuDataPdf(card));
    }),
  /** The monitoring sheet of a unit or the agency: one row per verified activity. */
  monitoring: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(yearInput.extend({ unitId: z.string().max(60).optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const { employees: emps, activities: acts } = await computeFor(ctx.db, { unitId }, input.year);
      const unitNames = new Map((await ctx.db.select().from(units)).map((u) => [u.id, u.name]));
      const rows = monitoringRows(
        emps.map((e) => ({ ...(e.data as unknown as Employee), unit: unitNames.get(e.unitId) ?? e.unitId })),
        acts.filter((a) => a.status === 'verified'),
      );
      await audit(ctx.db, ctx.user, 'export.monitoring', 'unit', unitId ?? null, null, { year: input.year });
      return file(
        `monitoring-${unitId ?? 'semua-unit'}-${input.year}.xlsx`,
        XLSX,
        await monitoringXlsx(rows, `MONITORING PENGEMBANGAN KOMPETENSI ${input.year}`),
      );
    }),
});

/**
 * Adds or updates employees (matched by NIP/NIPPPK/internal id) in the caller's transaction. Every
 * unit must exist (by name or id) and every superior must exist already or come in the same batch:
 * otherwise nothing is saved and each problem is reported with the employee it concerns.
 */
async function saveEmployees(tx: Db, records: Employee[]): Promise<{ created: number; updated: number }> {
  const unitRows = await tx.select().from(units);
  const unitIdOf = new Map<string, string>([
    ...unitRows.map((u) => [u.name.toLowerCase(), u.id] as const),
    ...unitRows.map((u) => [u.id.toLowerCase(), u.id] as const),
  ]);
  const batchIds = new Set(records.map(idOf));
  const existing = new Set((await tx.select({ id: employees.id }).from(employees)).map((e) => e.id));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  records.forEach((e, i) => {
    const id = idOf(e);
    const where = { id: `Pegawai ke-${i + 1} (${id}, ${e.name})`, en: `Employee ${i + 1} (${id}, ${e.name})` };
    if (seen.has(id))
      problems.push({
        path: ['employees', i, 'nip'],
        code: 'employee.duplicate',
        message: { id: `${where.id}: muncul lebih dari sekali`, en: `${where.en}: appears more than once` },
      });
    seen.add(id);
    if (!e.unit || !unitIdOf.has(e.unit.toLowerCase()))
      problems.push({
        path: ['employees', i, 'unit'],
        code: 'employee.unknown_unit',
        message: { id: `${where.id}: unit kerja "${e.unit ?? ''}" tidak dikenal`, en: `${where.en}: unknown work unit "${e.unit ?? ''}"` },
      });
    if (e.supervisorNip && !batchIds.has(e.supervisorNip) && !existing.has(e.supervisorNip))
      problems.push({
        path: ['employees', i, 'supervisorNip'],
        code: 'employee.unknown_supervisor',
        message: { id: `${where.id}: atasan ${e.supervisorNip} tidak ada`, en: `${where.en}: superior ${e.supervisorNip} does not exist` },
      });
  });
  if (problems.length)
    throw appError(
      'BAD_REQUEST',
      `${problems.length} masalah; tidak ada yang disimpan`,
      `${problems.length} problems; nothing was saved`,
      problems,
    );
  let created = 0;
  // Superiors first is not needed: rows go in without superiors, then superiors are set.
  for (const e of records) {
    const id = idOf(e);
    const row = { kind: e.kind, name: e.name, unitId: unitIdOf.get(e.unit!.toLowerCase())!, data: { ...e } as Record<string, unknown> };
    if (existing.has(id)) await tx.update(employees).set(row).where(eq(employees.id, id));
    else {
      await tx.insert(employees).values({ id, ...row, supervisorId: null });
      created++;
    }
  }
  for (const e of records)
    await tx
      .update(employees)
      .set({ supervisorId: e.supervisorNip ?? null })
      .where(eq(employees.id, idOf(e)));
  return { created, updated: records.length - created };
}

/** The employee import template: the header row of the columns @bangkom/myasn reads. */
export const employeeTemplateCsv = () => toCsv([employeeColumns.map((c) => c.header)]);

const adminRouter = router({
  users: roleProcedure('admin_sdm', 'auditor').query(async ({ ctx }) =>
    ctx.db
      .select({ id: users.id, username: users.username, role: users.role, employeeId: users.employeeId, unitId: users.unitId })
      .from(users)
      .orderBy(users.username),
  ),
  createUser: roleProcedure('admin_sdm')
    .input(
      z.object({
        username: z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9._-]{3,40}$/),
        password: z.string().min(10).max(200),
        role: z.enum(roles),
        employeeId: z.string().optional(),
        unitId: z.string().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const existing = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)))[0];
      if (input.employeeId && !(await ctx.db.select({ id: employees.id }).from(employees).where(eq(employees.id, input.employeeId)))[0])
        throw appError('BAD_REQUEST', 'Pegawai tidak ditemukan', 'Employee not found', [
          { path: ['employeeId'], code: 'employee.unknown', message: { id: 'NIP tidak dikenal', en: 'Unknown NIP' } },
        ]);
      if (input.unitId && !(await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)))[0])
        throw appError('BAD_REQUEST', 'Unit tidak ditemukan', 'Unit not found', [
          { path: ['unitId'], code: 'unit.unknown', message: { id: 'Unit tidak dikenal', en: 'Unknown unit' } },
        ]);
      if (existing)
        throw appError('CONFLICT', 'Nama pengguna sudah dipakai', 'Username already taken', [
          { path: ['username'], code: 'user.taken', message: { id: 'Nama pengguna sudah dipakai', en: 'Username already taken' } },
        ]);
      return ctx.db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            username: input.username,
            passwordHash: await hashPassword(input.password),
            role: input.role,
            employeeId: input.employeeId ?? null,
            unitId: input.unitId ?? null,
          })
          .returning({ id: users.id, username: users.username, role: users.role });
        await audit(tx, ctx.user, 'user.create', 'user', String(user!.id), null, { username: input.username, role: input.role });
        return user!;
      });
    }),
  employees: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ unitId: z.string().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const unitId = ctx.user.role === 'admin_unit' ? ctx.user.unitId : input.unitId;
      return ctx.db
        .select({ id: employees.id, name: employees.name, kind: employees.kind, unitId: employees.unitId })
        .from(employees)
        .where(unitId ? eq(employees.unitId, unitId) : undefined)
        .orderBy(employees.name);
    }),
  /** Adds or updates employees from a CSV in the import template; all or nothing. */
  importEmployees: roleProcedure('admin_sdm')
    .input(z.object({ csv: z.string().min(1).max(5_000_000) }))
    .mutation(async ({ ctx, input }) => {
      const parsed = importCsv(input.csv, 'employees');
      if (!parsed.ok)
        throw appError(
          'BAD_REQUEST',
          `Berkas tidak dapat diimpor (${parsed.problems.length} masalah); tidak ada yang disimpan`,
          `The file cannot be imported (${parsed.problems.length} problems); nothing was saved`,
          parsed.problems,
        );
      const records = parsed.value as Employee[];
      return ctx.db.transaction(async (tx) => {
        const result = await saveEmployees(tx, records);
        await audit(tx, ctx.user, 'employee.import', 'employee', null, null, { ...result, ids: records.map(idOf) });
        return result;
      });
    }),
  units: authedProcedure.query(async ({ ctx }) => ctx.db.select().from(units).orderBy(units.name)),
  profiles: authedProcedure.query(async ({ ctx }) => ({
    current: await ruleProfile(ctx.db),
    available: [...new Set(builtInProfiles.map((p) => p.id))],
    timeZone: await agencyTimeZone(ctx.db),
  })),
  /** The agency's time zone (IANA name, e.g. Asia/Makassar for WITA): "today" and timestamps follow it. */
  setTimeZone: roleProcedure('admin_sdm')
    .input(z.object({ timeZone: z.string().trim().min(1).max(64) }))
    .mutation(async ({ ctx, input }) => {
      if (!isTimeZone(input.timeZone))
        throw appError('BAD_REQUEST', `Zona waktu tidak dikenal: ${input.timeZone}`, `Unknown time zone: ${input.timeZone}`, [
          { path: ['timeZone'], code: 'settings.unknown_time_zone', message: { id: 'Zona waktu tidak dikenal', en: 'Unknown time zone' } },
        ]);
      const before = await agencyTimeZone(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(settings)
          .values({ key: 'timeZone', value: input.timeZone })
          .onConflictDoUpdate({ target: settings.key, set: { value: input.timeZone } });
        await audit(tx, ctx.user, 'settings.time_zone', 'settings', 'timeZone', before, input.timeZone);
      });
      return { timeZone: input.timeZone };
    }),
  setProfile: roleProcedure('admin_sdm')
    .input(z.object({ profile: z.string() }))
    .mutation(async ({ ctx, input }) => {
      if (!builtInProfiles.some((p) => p.id === input.profile))
        throw appError('BAD_REQUEST', `Profil tidak dikenal: ${input.profile}`, `Unknown profile: ${input.profile}`);
      const before = await ruleProfile(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx.update(settings).set({ value: input.profile }).where(eq(settings.key, 'ruleProfile'));
        await audit(tx, ctx.user, 'settings.rule_profile', 'settings', 'ruleProfile', before, input.profile);
      });
      return { profile: input.profile };
    }),
});

const auditRouter = router({
  list: roleProcedure('auditor')
    .input(z.object({ limit: z.int().min(1).max(500).default(100) }).default({ limit: 100 }))
    .query(async ({ ctx, input }) => ctx.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(input.limit)),
});

export const appRouter = router({
  auth: authRouter,
  activities: activitiesRouter,
  compliance: complianceRouter,
  exports: exportsRouter,
  plans: plansRouter,
  tubel: tubelRouter,
  admin: adminRouter,
  audit: auditRouter,
});
export type AppRouter = typeof appRouter;
