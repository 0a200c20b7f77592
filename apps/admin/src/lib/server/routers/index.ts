import type { Employee, Problem } from '@bangkom/domain';
import { employeeId as idOf, isTimeZone } from '@bangkom/domain';
import { builtInProfiles, computeJp, jpBands, roundJp } from '@bangkom/jp';
import { kartuData, kartuDataPdf, kartuDataXlsx } from '@bangkom/myasn/documents';
import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import {
  createSession,
  deleteSession,
  DUMMY_HASH,
  endSessions,
  hashPassword,
  needsRehash,
  generatePassword,
  passwordProblem,
  sessionSettings,
  verifyPassword,
} from '../auth.js';
import type { Db } from '../db/index.js';
import { rowsOf } from '../db/index.js';
import { activities, employees, myasnUploads, settings, units, users } from '../db/schema.js';
import type { Role } from '../db/schema.js';
import {
  AccountBatch,
  AccountChange,
  AccountDisabling,
  AccountRef,
  EmployeeImport,
  employeeSorts,
  Login,
  NewAccount,
  PasswordChange,
  RuleProfileChoice,
  SessionSettings,
  Signatory,
  TimeZoneChoice,
  UsersQuery,
} from '../../schemas.js';
import { todayIso } from '../../values.js';
import { locales } from '../../i18n.js';
import { likePattern, nameOrNip } from '../search.js';
import { appError } from '../errors.js';
import { authedProcedure, publicProcedure, roleProcedure, router } from '../trpc.js';
import { eventsRouter } from './events.js';
import { anyOf, ensureVisible, unitScope } from '../access.js';
import { complianceUnder, drainStale, freshen, markAllStale, refreshTotals } from '../totals.js';
import { employeeProblems, importContext, parseEmployeeFile, refusedBatch, unreadableFile } from '../employee-import.js';
import { belowFilename, MEDIA_TYPES, monitoringBytes, monitoringFilename } from '../monitoring-export.js';
import { cachedRead } from '../read-cache.js';
import { BELOW_SHOWN, unitFigures } from '../unit-figures.js';
import { jobsRouter } from './jobs.js';
import { activitiesRouter, activityOf, agencyTimeZone, profileOfYear, ruleProfile } from './activities.js';
import { notificationsRouter } from './notifications.js';
import { myasnRouter } from './myasn.js';
import { ipasnRouter } from './ipasn.js';
import { plansRouter } from './plans.js';
import { teamRouter } from './team.js';
import { tubelRouter } from './tubel.js';
import { auditRouter } from './audit.js';

const tooMany = () =>
  appError(
    'TOO_MANY_REQUESTS',
    'Terlalu banyak percobaan masuk; coba lagi dalam 15 menit',
    'Too many login attempts; try again in 15 minutes',
  );
const wrongPassword = () => appError('UNAUTHORIZED', 'Nama pengguna atau kata sandi salah', 'Wrong username or password');
const sessionUserOf = (user: typeof users.$inferSelect) => ({
  id: user.id,
  username: user.username,
  role: user.role,
  employeeId: user.employeeId,
  unitId: user.unitId,
});

/** A new password of a user, checked against the rules (at least 12 characters, not the username, not a well-known one). */
function checkNewPassword(password: string, username: string, field = 'newPassword') {
  const problem = passwordProblem(password, username);
  if (problem) throw appError('BAD_REQUEST', problem.id, problem.en, [{ path: [field], code: 'password.weak', message: problem }]);
}

const authRouter = router({
  login: publicProcedure.input(Login).mutation(async ({ ctx, input }) => {
    // The attempt is counted before the password is hashed: parallel guesses cannot all pass.
    if (!ctx.limiter.reserve(input.username, ctx.ip)) throw tooMany();
    const user = (await ctx.db.select().from(users).where(eq(users.username, input.username)))[0];
    // The password is checked even for an unknown user, so timing does not reveal which usernames exist.
    const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled) {
      // Failed attempts are kept too (who tried which name, from where), for the auditor; the
      // limiter bounds how many a visitor can write.
      await audit(ctx.db, null, 'auth.login_failed', 'user', input.username, null, {
        ip: ctx.ip,
        ...(user?.disabled && valid ? { disabled: true } : {}),
      });
      throw wrongPassword();
    }
    ctx.limiter.succeed(input.username, ctx.ip);
    // Hashes made with weaker parameters are replaced now that the password is known.
    if (needsRehash(user.passwordHash) && !user.mustChangePassword)
      await ctx.db
        .update(users)
        .set({ passwordHash: await hashPassword(input.password) })
        .where(eq(users.id, user.id));
    const session = await createSession(ctx.db, user.id);
    ctx.setSession(session.token, session.expiresAt);
    await audit(ctx.db, sessionUserOf(user), 'auth.login', 'user', String(user.id), null, null);
    return { username: user.username, role: user.role, mustChangePassword: user.mustChangePassword, language: user.language };
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.sessionToken) await deleteSession(ctx.db, ctx.sessionToken);
    ctx.setSession(null);
    if (ctx.user) await audit(ctx.db, ctx.user, 'auth.logout', 'user', String(ctx.user.id), null, null);
    return { ok: true };
  }),
  /** Changes the own password: the current one is asked again; every other session of the account ends. */
  changePassword: authedProcedure.input(PasswordChange).mutation(async ({ ctx, input }) => {
    if (!ctx.limiter.reserve(ctx.user.username, ctx.ip)) throw tooMany();
    const user = (await ctx.db.select().from(users).where(eq(users.id, ctx.user.id)))[0]!;
    if (!(await verifyPassword(input.currentPassword, user.passwordHash)))
      throw appError('BAD_REQUEST', 'Kata sandi saat ini salah', 'The current password is wrong', [
        {
          path: ['currentPassword'],
          code: 'password.wrong',
          message: { id: 'Kata sandi saat ini salah', en: 'The current password is wrong' },
        },
      ]);
    ctx.limiter.succeed(ctx.user.username, ctx.ip);
    checkNewPassword(input.newPassword, user.username);
    if (input.newPassword === input.currentPassword)
      throw appError('BAD_REQUEST', 'Kata sandi baru harus berbeda', 'The new password must be different', [
        {
          path: ['newPassword'],
          code: 'password.unchanged',
          message: { id: 'Kata sandi baru harus berbeda', en: 'The new password must be different' },
        },
      ]);
    const passwordHash = await hashPassword(input.newPassword);
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash, mustChangePassword: false, passwordChangedAt: new Date() }).where(eq(users.id, user.id));
      await endSessions(tx, user.id, ctx.sessionToken);
      await audit(tx, ctx.user, 'user.password_changed', 'user', String(user.id), null, { otherSessionsEnded: true });
    });
    return { ok: true };
  }),
  /** Keeps the language the user chose, so that what the server sends them later (e-mail) is in it. */
  setLanguage: authedProcedure.input(z.object({ language: z.enum(locales) })).mutation(async ({ ctx, input }) => {
    const [row] = await ctx.db.select({ language: users.language }).from(users).where(eq(users.id, ctx.user.id));
    if (row?.language === input.language) return { language: input.language };
    await ctx.db.transaction(async (tx) => {
      await tx.update(users).set({ language: input.language }).where(eq(users.id, ctx.user.id));
      await audit(
        tx,
        ctx.user,
        'user.language',
        'user',
        String(ctx.user.id),
        { language: row?.language ?? null },
        { language: input.language },
      );
    });
    return { language: input.language };
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

/**
 * Whose records to compute live: one employee's (Kartu Data, own progress). A unit's or the
 * agency's figures are read from the stored JP (../totals.ts), never computed per request.
 */
type Scope = { employeeIds: string[] };

/** Employees of the scope and their activities (of `year`, when given), with JP overrides applied. */
async function loadOffice(db: Db, scope: Scope, year: number | undefined) {
  const empRows = await db.select().from(employees).where(anyOf(employees.id, scope.employeeIds));
  const actRows = await db.select().from(activities).where(anyOf(activities.employeeId, scope.employeeIds));
  // A JP set by an admin replaces the conversion ([P] art. 12(2)f); the engine applies it with its reason.
  const list = actRows.map(activityOf);
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
    { employees: office.employees.map((e) => e.data), activities: office.activities },
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

/** The Kartu Data of one employee ([K] III.B): verified activities with the JP that counted, yearly totals. */
type SignatoryValue = { name: string; nip: string; title: string; place: string };
const signatoryKey = (unitId: string | null) => (unitId ? `signatory:${unitId}` : 'signatory');
/** Who signs a unit's Kartu Data: the unit's own signatory, else the agency's. */
async function signatoryOf(db: Db, unitId: string): Promise<SignatoryValue | null> {
  const rows = await db
    .select()
    .from(settings)
    .where(anyOf(settings.key, [signatoryKey(unitId), signatoryKey(null)]));
  const value = (rows.find((r) => r.key === signatoryKey(unitId)) ?? rows[0])?.value;
  return (value as SignatoryValue | undefined) ?? null;
}

async function cardOf(db: Db, employee: typeof employees.$inferSelect) {
  const unitName = (await db.select().from(units).where(eq(units.id, employee.unitId)))[0]?.name ?? employee.unitId;
  const computed = await computeFor(db, { employeeIds: [employee.id] }, undefined);
  const resultOf = new Map(computed.results.map((r) => [r.id, r]));
  // The Kartu Data column "Telah diupload pada MyASN" ([K] III.B) follows the upload marks.
  const uploads = new Map(
    (
      await db
        .select({ activityId: myasnUploads.activityId, uploadedOn: myasnUploads.uploadedOn, siasnId: myasnUploads.siasnId })
        .from(myasnUploads)
        .innerJoin(activities, eq(activities.id, myasnUploads.activityId))
        .where(eq(activities.employeeId, employee.id))
    ).map((u) => [u.activityId, u]),
  );
  const verified = computed.activities
    .filter((a) => a.status === 'verified')
    .map((a) => {
      const upload = uploads.get(a.id);
      return upload ? { ...a, uploadedToMyAsn: true, ...(upload.siasnId ? { siasnId: upload.siasnId } : {}) } : a;
    });
  const today = todayIso(await agencyTimeZone(db));
  const signatory = await signatoryOf(db, employee.unitId);
  const yearlyTotals = computed.summaries
    .filter((s) => s.nip === employee.id)
    .map((s) => ({ year: s.year, jp: s.jp, required: s.required, compliant: s.compliant }));
  const card = kartuData({
    employee: { ...employee.data, unit: unitName },
    // Each row shows the JP that counts; a row a limit reduced names the limit, so rows add up to section C.
    activities: verified.map((activity) => {
      const r = resultOf.get(activity.id);
      return {
        activity,
        jp: r?.jp ?? 0,
        ...(r?.limitedBy ? { cap: { convertedJp: r.convertedJp, limitedBy: r.limitedBy } } : {}),
      };
    }),
    // This year's total is always there, 0 JP before any activity counts (as on the dashboard).
    yearlyTotals: [
      ...yearlyTotals.map(({ year, jp }) => ({ year, jp })),
      ...(yearlyTotals.some((t) => t.year === Number(today.slice(0, 4))) ? [] : [{ year: Number(today.slice(0, 4)), jp: 0 }]),
    ],
    date: today,
    ...(signatory
      ? {
          headName: signatory.name,
          headNip: signatory.nip,
          headTitle: signatory.title,
          ...(signatory.place ? { place: signatory.place } : {}),
        }
      : {}),
  });
  const sorted = verified.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return {
    card,
    uploads: Object.fromEntries(uploads),
    uncounted: computed.uncounted,
    yearlyTotals,
    activityIds: sorted.map((a) => a.id),
    // The page shows the card in the reader's language: dates, sex and limits from the values, not
    // from the document's Indonesian text (the PDF and XLSX stay the official Indonesian form).
    identity: {
      birthPlace: employee.data.birthPlace ?? null,
      birthDate: employee.data.birthDate ?? null,
      gender: employee.data.gender ?? null,
    },
    rowDetails: sorted.map((a) => {
      const r = resultOf.get(a.id);
      return {
        startDate: a.startDate,
        endDate: a.endDate,
        cap:
          r?.limitedBy && r.convertedJp !== r.jp
            ? { convertedJp: r.convertedJp, citations: r.limitedBy.map((l) => l.citation).join('; ') }
            : null,
      };
    }),
  };
}

/**
 * The dashboard figures of a year for a unit or (no unit) the agency: the units' stored figures
 * (../unit-figures.ts) added up, the largest shortfalls among the units' own.
 */
async function dashboardOf(db: Db, year: number, unitId: string | undefined, pending: number) {
  const profile = await profileOfYear(db, year);
  const obligation = { jp: profile.obligations.PNS.requiredJp, source: profile.obligations.PNS.source };
  const bands = jpBands(obligation.jp);
  const unitRows = await unitFigures(db, profile, year, unitId);
  const [belowRows, unitNames] = await Promise.all([
    // Each unit keeps its BELOW_SHOWN largest shortfalls: the scope's largest are among them.
    db
      .execute(
        sql`SELECT b.id, b.name, b.kind, a.unit_id, b.jp, b.required, b.shortfall
        FROM unit_year_jp a CROSS JOIN LATERAL jsonb_to_recordset(a.below) AS b(id text, name text, kind text, jp float8, required float8, shortfall float8)
        WHERE a.year = ${year} AND a.unit_id = ANY(${sql.param(unitRows.map((u) => u.unitId))}::text[])
        ORDER BY b.shortfall DESC, b.name, b.id LIMIT ${BELOW_SHOWN}`,
      )
      .then((r) =>
        rowsOf<{ id: string; name: string; kind: Employee['kind']; unit_id: string; jp: number; required: number; shortfall: number }>(r),
      ),
    db
      .select()
      .from(units)
      .then((rows) => new Map(rows.map((u) => [u.id, u.name]))),
  ]);
  // The activities whose JP could not be computed: read only when the stored totals count some,
  // and then among the employees whose year has them (a year without any costs nothing).
  const withProblems = unitRows.reduce((n, u) => n + u.problems, 0);
  const uncountedRows =
    withProblems === 0
      ? []
      : rowsOf<{ activity_id: string; employee_id: string; name: string; title: string | null; problems: Problem[] }>(
          await db.execute(
            sql`SELECT j.activity_id, j.employee_id, e.name, a.data->>'title' AS title, j.problems
            FROM employee_year_jp t JOIN employees e ON e.id = t.employee_id
            JOIN activity_jp j ON j.employee_id = t.employee_id AND j.year = t.year AND j.problems IS NOT NULL
            JOIN activities a ON a.id = j.activity_id
            WHERE t.year = ${year} AND t.problems > 0 ${unitId ? sql`AND e.unit_id = ${unitId}` : sql``}
            ORDER BY j.employee_id, j.activity_id LIMIT 200`,
          ),
        );
  const units_ = unitRows
    .map((u) => ({
      unitId: u.unitId,
      name: unitNames.get(u.unitId) ?? u.unitId,
      employees: u.employees,
      compliant: u.compliant,
      rate: u.employees === 0 ? 0 : Math.round((u.compliant / u.employees) * 1000) / 1000,
      jp: roundJp(u.jp),
    }))
    .sort((a, b) => a.unitId.localeCompare(b.unitId));
  const employeesObliged = units_.reduce((n, u) => n + u.employees, 0);
  const compliant = units_.reduce((n, u) => n + u.compliant, 0);
  const distribution = bands.map((band, i) => ({
    ...band,
    range: band.to === null ? `≥ ${band.from}` : `${band.from}–${band.to}`,
    count: unitRows.reduce((n, u) => n + (u.bands[i] ?? 0), 0),
  }));
  return {
    year,
    unitId: unitId ?? null,
    employees: employeesObliged,
    compliant,
    rate: employeesObliged ? compliant / employeesObliged : 0,
    units: units_,
    below: belowRows.map((b) => ({
      employeeId: b.id,
      name: b.name,
      kind: b.kind,
      unit: unitNames.get(b.unit_id) ?? b.unit_id,
      jp: roundJp(Number(b.jp)),
      required: Number(b.required),
      shortfall: roundJp(Number(b.shortfall)),
    })),
    belowTotal: unitRows.reduce((n, u) => n + u.belowTotal, 0),
    distribution,
    obligation,
    uncounted: uncountedRows.map((u) => ({
      activityId: u.activity_id,
      employeeId: u.employee_id,
      name: u.name,
      title: u.title ?? u.activity_id,
      messages: (u.problems ?? []).map((p) => p.message),
    })),
    /** Employees without an obligation (TKK, [K] I.E.16b-c): not in the counts above, shown apart. */
    withoutObligation: unitRows.reduce((n, u) => n + u.free, 0),
    /** Employees whose JP is still being recomputed (after a change of the rule profile). */
    pending,
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

  /**
   * Dashboard of a unit (own unit for admin_unit) or the agency: compliant rate, JP distribution,
   * who is below the obligation. Aggregated in SQL over the stored JP of each employee and year
   * (../totals.ts), never over the raw activities of the scope.
   */
  dashboard: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(yearInput.extend({ unitId: z.string().max(60).optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const scope = unitId ? eq(employees.unitId, unitId) : undefined;
      const { pending } = await freshen(ctx.db, scope);
      // A dashboard (the agency's or a unit's) is the same for everyone who may see it: computed once until the next write.
      if (pending === 0)
        return cachedRead(ctx.db, `dashboard:${input.year}:${unitId ?? ''}`, () => dashboardOf(ctx.db, input.year, unitId, 0));
      return dashboardOf(ctx.db, input.year, unitId, pending);
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
  /**
   * The monitoring sheet of a unit or the agency: one row per verified activity of the year. In
   * the request — meant for one unit; the whole agency goes through `jobs.exportMonitoring`.
   */
  monitoring: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      yearInput.extend({
        unitId: z.string().max(60).optional(),
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        /** The employees below the obligation only (the dashboard's list, every row). */
        belowOnly: z.boolean().default(false),
      }),
    )
    .query(async ({ ctx, input }) => {
      const scope = { year: input.year, unitId: unitScope(ctx.user, input.unitId) ?? null };
      const bytes = await monitoringBytes(ctx.db, scope, input.format, ctx.signal, input.belowOnly);
      await audit(ctx.db, ctx.user, 'export.monitoring', 'unit', scope.unitId, null, {
        year: input.year,
        format: input.format,
        ...(input.belowOnly ? { belowOnly: true } : {}),
      });
      const name = input.belowOnly ? belowFilename(scope, input.format) : monitoringFilename(scope, input.format);
      return file(name, MEDIA_TYPES[input.format], bytes);
    }),
});

/**
 * Adds or updates employees (matched by NIP/NIPPPK/internal id) in the caller's transaction. Every
 * unit must exist (by name or id) and every superior must exist already or come in the same batch:
 * otherwise nothing is saved and each problem is reported with the employee it concerns.
 */
async function saveEmployees(
  tx: Db,
  records: Employee[],
  lines?: readonly number[],
): Promise<{ created: number; updated: number; changes: { id: string; before: unknown; after: unknown }[] }> {
  const context = await importContext(tx);
  const unitIdOf = context.unitIdOf;
  const existingRows = await tx
    .select()
    .from(employees)
    .where(anyOf(employees.id, records.map(idOf)));
  const existing = new Map(existingRows.map((e) => [e.id, e]));
  const problems = await employeeProblems(records, context, undefined, lines);
  if (problems.length) throw refusedBatch(problems);
  let created = 0;
  const changes: { id: string; before: unknown; after: unknown }[] = [];
  // Superiors first is not needed: rows go in without superiors, then superiors are set.
  for (const e of records) {
    const id = idOf(e);
    const row = { kind: e.kind, name: e.name, unitId: unitIdOf.get(e.unit!.toLowerCase())!, data: { ...e } };
    if (existing.has(id)) {
      const before = existing.get(id);
      await tx.update(employees).set(row).where(eq(employees.id, id));
      // The audit log keeps what changed: before and after of every updated employee.
      if (JSON.stringify(before?.data) !== JSON.stringify(row.data) || before?.unitId !== row.unitId)
        changes.push({ id, before: { unitId: before?.unitId, data: before?.data }, after: { unitId: row.unitId, data: row.data } });
    } else {
      await tx.insert(employees).values({ id, ...row, supervisorId: null });
      created++;
    }
  }
  for (const e of records)
    await tx
      .update(employees)
      .set({ supervisorId: e.supervisorNip ?? null })
      .where(eq(employees.id, idOf(e)));
  // A change of kind changes limits and obligations ([P] art. 19(3)): their stored JP follows now.
  await refreshTotals(tx, records.filter((e) => existing.has(idOf(e)) && existing.get(idOf(e))!.kind !== e.kind).map(idOf));
  return { created, updated: records.length - created, changes };
}

/** Accounts made by one `createAccounts` call (hashing takes a moment each): call again for the rest. */
const MAX_ACCOUNTS_AT_ONCE = 500;

/** What an account needs for its role: an employee for pegawai and atasan, a unit for admin_unit (else it would see every unit). */
async function checkAccountLinks(db: Db, input: { role: Role; employeeId?: string | undefined; unitId?: string | undefined }) {
  if (input.employeeId && !(await db.select({ id: employees.id }).from(employees).where(eq(employees.id, input.employeeId)))[0])
    throw appError('BAD_REQUEST', 'Pegawai tidak ditemukan', 'Employee not found', [
      { path: ['employeeId'], code: 'employee.unknown', message: { id: 'NIP tidak dikenal', en: 'Unknown NIP' } },
    ]);
  if (input.unitId && !(await db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)))[0])
    throw appError('BAD_REQUEST', 'Unit tidak ditemukan', 'Unit not found', [
      { path: ['unitId'], code: 'unit.unknown', message: { id: 'Unit tidak dikenal', en: 'Unknown unit' } },
    ]);
  if ((input.role === 'pegawai' || input.role === 'atasan') && !input.employeeId)
    throw appError(
      'BAD_REQUEST',
      'Akun pegawai dan atasan harus terhubung dengan data pegawai',
      'An employee or superior account needs an employee',
      [{ path: ['employeeId'], code: 'user.employee_required', message: { id: 'Pilih pegawai (NIP)', en: 'Choose the employee (NIP)' } }],
    );
  if (input.role === 'admin_unit' && !input.unitId)
    throw appError('BAD_REQUEST', 'Akun admin unit harus memiliki unit kerja', 'A unit admin account needs a unit', [
      { path: ['unitId'], code: 'user.unit_required', message: { id: 'Pilih unit kerja', en: 'Choose the unit' } },
    ]);
}

const accountOf = (db: Db, userId: number) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, userId))
    .then((rows) => {
      if (!rows[0]) throw appError('NOT_FOUND', 'Akun tidak ditemukan', 'Account not found');
      return rows[0];
    });

/** An administrator changes other accounts; the own one is changed by another admin SDM (nobody locks themself out). */
const notOwnAccount = (ctx: { user: { id: number } }, userId: number) => {
  if (ctx.user.id === userId)
    throw appError('FORBIDDEN', 'Akun sendiri diubah oleh admin SDM lain', 'Your own account is changed by another HR admin');
};

const accountFields = { id: users.id, username: users.username, role: users.role, employeeId: users.employeeId, unitId: users.unitId };

const adminRouter = router({
  /** One page of the accounts in the chosen order, searched by username, employee name or NIP, by role and status, with the number found. */
  users: roleProcedure('admin_sdm', 'auditor')
    .input(UsersQuery.prefault({}))
    .query(async ({ ctx, input }) => {
      const pattern = input.q ? likePattern(input.q) : undefined;
      const filter = and(
        pattern ? sql`(${users.username} ILIKE ${pattern} OR ${nameOrNip(input.q!)})` : undefined,
        input.role ? eq(users.role, input.role) : undefined,
        input.status ? eq(users.disabled, input.status === 'disabled') : undefined,
      );
      const [rows, total] = await Promise.all([
        ctx.db
          .select({
            ...accountFields,
            disabled: users.disabled,
            mustChangePassword: users.mustChangePassword,
            employeeName: employees.name,
          })
          .from(users)
          .leftJoin(employees, eq(employees.id, users.employeeId))
          .where(filter)
          .orderBy(
            ...{
              username: [asc(users.username)],
              name: [sql`${employees.name} ASC NULLS LAST`, asc(users.username)],
              role: [asc(users.role), asc(users.username)],
              created: [desc(users.createdAt), desc(users.id)],
            }[input.sort],
          )
          .limit(input.limit)
          .offset(input.offset),
        ctx.db
          .select({ n: count() })
          .from(users)
          .leftJoin(employees, eq(employees.id, users.employeeId))
          .where(filter)
          .then((r) => r[0]?.n ?? 0),
      ]);
      return { rows, total, offset: input.offset };
    }),
  createUser: roleProcedure('admin_sdm')
    .input(NewAccount)
    .mutation(async ({ ctx, input }) => {
      const existing = (await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, input.username)))[0];
      await checkAccountLinks(ctx.db, input);
      if (existing)
        throw appError('CONFLICT', 'Nama pengguna sudah dipakai', 'Username already taken', [
          { path: ['username'], code: 'user.taken', message: { id: 'Nama pengguna sudah dipakai', en: 'Username already taken' } },
        ]);
      checkNewPassword(input.password, input.username, 'password');
      const passwordHash = await hashPassword(input.password);
      return ctx.db.transaction(async (tx) => {
        const [user] = await tx
          .insert(users)
          .values({
            username: input.username,
            passwordHash,
            role: input.role,
            employeeId: input.employeeId ?? null,
            unitId: input.unitId ?? null,
          })
          .returning({ id: users.id, username: users.username, role: users.role });
        await audit(tx, ctx.user, 'user.create', 'user', String(user!.id), null, {
          username: input.username,
          role: input.role,
          employeeId: input.employeeId ?? null,
          unitId: input.unitId ?? null,
        });
        return user!;
      });
    }),
  /** Changes an account's role, unit or employee; its sessions end (the new rights apply at the next login). */
  updateUser: roleProcedure('admin_sdm')
    .input(AccountChange)
    .mutation(async ({ ctx, input }) => {
      notOwnAccount(ctx, input.userId);
      const before = await accountOf(ctx.db, input.userId);
      await checkAccountLinks(ctx.db, input);
      const after = { role: input.role, employeeId: input.employeeId ?? null, unitId: input.unitId ?? null };
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set(after).where(eq(users.id, input.userId));
        await endSessions(tx, input.userId);
        await audit(
          tx,
          ctx.user,
          'user.update',
          'user',
          String(input.userId),
          { role: before.role, employeeId: before.employeeId, unitId: before.unitId },
          { ...after, sessionsEnded: true },
        );
      });
      return { id: input.userId, ...after };
    }),
  /** Disables (or enables again) an account; a disabled account's open sessions stop working at once. */
  setDisabled: roleProcedure('admin_sdm')
    .input(AccountDisabling)
    .mutation(async ({ ctx, input }) => {
      notOwnAccount(ctx, input.userId);
      const before = await accountOf(ctx.db, input.userId);
      await ctx.db.transaction(async (tx) => {
        await tx.update(users).set({ disabled: input.disabled }).where(eq(users.id, input.userId));
        if (input.disabled) await endSessions(tx, input.userId);
        await audit(
          tx,
          ctx.user,
          input.disabled ? 'user.disable' : 'user.enable',
          'user',
          String(input.userId),
          { disabled: before.disabled },
          { disabled: input.disabled },
        );
      });
      return { id: input.userId, disabled: input.disabled };
    }),
  /** Sets a one-time password (shown once, here only); the user must change it at the next login. Sessions end. */
  resetPassword: roleProcedure('admin_sdm')
    .input(AccountRef)
    .mutation(async ({ ctx, input }) => {
      notOwnAccount(ctx, input.userId);
      const account = await accountOf(ctx.db, input.userId);
      const password = generatePassword();
      const passwordHash = await hashPassword(password, { generated: true });
      await ctx.db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ passwordHash, mustChangePassword: true, passwordChangedAt: new Date() })
          .where(eq(users.id, account.id));
        await endSessions(tx, account.id);
        await audit(tx, ctx.user, 'user.password_reset', 'user', String(account.id), null, {
          mustChangePassword: true,
          sessionsEnded: true,
        });
      });
      return { username: account.username, password };
    }),
  /**
   * Login accounts for employees who have none (of one unit, or all), named by their NIP / id:
   * pegawai, or atasan for those with subordinates. Each gets a one-time password, returned once
   * (to hand out or download as CSV) and never stored in clear; it must be changed at first login.
   */
  createAccounts: roleProcedure('admin_sdm')
    .input(AccountBatch.default({}))
    .mutation(async ({ ctx, input }) => {
      const candidates = await ctx.db
        .select({
          id: employees.id,
          name: employees.name,
          unitId: employees.unitId,
          leads: sql<boolean>`EXISTS (SELECT 1 FROM employees s WHERE s.supervisor_id = ${employees.id} AND s.id <> ${employees.id})`,
        })
        .from(employees)
        .where(
          and(
            input.unitId ? eq(employees.unitId, input.unitId) : undefined,
            sql`NOT EXISTS (SELECT 1 FROM users u WHERE u.employee_id = ${employees.id})`,
          ),
        )
        .orderBy(employees.name)
        .limit(MAX_ACCOUNTS_AT_ONCE);
      const taken = new Set((await ctx.db.select({ username: users.username }).from(users)).map((u) => u.username));
      const accounts: {
        username: string;
        password: string;
        employeeId: string;
        name: string;
        unitId: string;
        role: 'pegawai' | 'atasan';
      }[] = [];
      for (const e of candidates) {
        const username = e.id
          .toLowerCase()
          .replace(/[^a-z0-9._-]/g, '-')
          .slice(0, 40);
        if (username.length < 3 || taken.has(username)) continue;
        taken.add(username);
        accounts.push({
          username,
          password: generatePassword(),
          employeeId: e.id,
          name: e.name,
          unitId: e.unitId,
          role: e.leads ? 'atasan' : 'pegawai',
        });
      }
      const hashes = await Promise.all(accounts.map((a) => hashPassword(a.password, { generated: true })));
      await ctx.db.transaction(async (tx) => {
        for (const [i, a] of accounts.entries()) {
          const [user] = await tx
            .insert(users)
            .values({ username: a.username, passwordHash: hashes[i]!, role: a.role, employeeId: a.employeeId, mustChangePassword: true })
            .returning({ id: users.id });
          await audit(tx, ctx.user, 'user.create', 'user', String(user!.id), null, {
            username: a.username,
            role: a.role,
            employeeId: a.employeeId,
            oneTimePassword: true,
          });
        }
      });
      return { accounts, more: candidates.length === MAX_ACCOUNTS_AT_ONCE };
    }),
  sessionSettings: roleProcedure('admin_sdm', 'auditor').query(({ ctx }) => sessionSettings(ctx.db)),
  /** The idle timeout (5 minutes – 24 hours) and the absolute lifetime (1 hour – 30 days) of sessions. */
  setSessionSettings: roleProcedure('admin_sdm')
    .input(SessionSettings)
    .mutation(async ({ ctx, input }) => {
      const before = await sessionSettings(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(settings)
          .values({ key: 'session', value: input })
          .onConflictDoUpdate({ target: settings.key, set: { value: input } });
        await audit(tx, ctx.user, 'settings.session', 'settings', 'session', before, input);
      });
      return input;
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
  /**
   * One page of employees by name, NIP or unit (keyset: after the given employee in that order),
   * optionally searched by name or NIP, with the number found: the admin page at tens of thousands
   * of employees. Each order has its index (employees_name, the primary key, employees_unit_name
   * per unit in the units' order).
   */
  employeePage: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      z
        .object({
          unitId: z.string().max(60).optional(),
          q: z.string().trim().max(100).optional(),
          sort: z.enum(employeeSorts).default('name'),
          after: z.string().max(40).optional(),
          limit: z.int().min(1).max(500).default(100),
        })
        .default({ sort: 'name', limit: 100 }),
    )
    .query(async ({ ctx, input }) => {
      const unitId = ctx.user.role === 'admin_unit' ? ctx.user.unitId : input.unitId;
      const filter = and(unitId ? eq(employees.unitId, unitId) : undefined, input.q ? nameOrNip(input.q) : undefined);
      // The sort key of the employee the page starts after, read from its row: the rows past it in the same order.
      const afterChosen = !input.after
        ? undefined
        : {
            name: sql`(${employees.name}, ${employees.id}) > (SELECT c.name, c.id FROM employees c WHERE c.id = ${input.after})`,
            nip: sql`${employees.id} > ${input.after}`,
            unit: sql`(${units.name}, ${employees.unitId}, ${employees.name}, ${employees.id}) > (SELECT cu.name, c.unit_id, c.name, c.id FROM employees c JOIN units cu ON cu.id = c.unit_id WHERE c.id = ${input.after})`,
          }[input.sort];
      const order = {
        name: [asc(employees.name), asc(employees.id)],
        nip: [asc(employees.id)],
        unit: [asc(units.name), asc(employees.unitId), asc(employees.name), asc(employees.id)],
      }[input.sort];
      const counted = (where: SQL | undefined) =>
        ctx.db
          .select({ n: sql<number>`count(*)::int` })
          .from(employees)
          .innerJoin(units, eq(units.id, employees.unitId))
          .where(where)
          .then((r) => Number(r[0]?.n ?? 0));
      const [rows, total, skipped] = await Promise.all([
        ctx.db
          .select({ id: employees.id, name: employees.name, kind: employees.kind, unitId: employees.unitId })
          .from(employees)
          .innerJoin(units, eq(units.id, employees.unitId))
          .where(and(filter, afterChosen))
          .orderBy(...order)
          .limit(input.limit + 1),
        counted(filter),
        // Where this page starts in the whole list ("101–200 dari 779"): the matching employees before it.
        afterChosen ? counted(and(filter, sql`NOT ${afterChosen}`)) : 0,
      ]);
      const page = rows.slice(0, input.limit);
      return { rows: page, total, skipped, next: rows.length > input.limit ? page.at(-1)!.id : null };
    }),
  /** Adds or updates employees from a CSV in the import template; all or nothing. */
  importEmployees: roleProcedure('admin_sdm')
    .input(EmployeeImport)
    .mutation(async ({ ctx, input }) => {
      const parsed = await parseEmployeeFile(new TextEncoder().encode(input.csv));
      // The rows that could be read are checked against the database too: every problem at once.
      if (!parsed.ok)
        throw unreadableFile([
          ...parsed.problems,
          ...(await employeeProblems(parsed.records, await importContext(ctx.db), undefined, parsed.lines)),
        ]);
      const records = parsed.records;
      return ctx.db.transaction(async (tx) => {
        const { changes, ...result } = await saveEmployees(tx, records, parsed.lines);
        await audit(tx, ctx.user, 'employee.import', 'employee', null, null, { ...result, ids: records.map(idOf) });
        for (const change of changes) await audit(tx, ctx.user, 'employee.update', 'employee', change.id, change.before, change.after);
        return result;
      });
    }),
  units: authedProcedure.query(async ({ ctx }) => ctx.db.select().from(units).orderBy(units.name)),
  profiles: authedProcedure.query(async ({ ctx }) => ({
    current: await ruleProfile(ctx.db),
    available: [...new Set(builtInProfiles.map((p) => p.id))],
    /** Each profile's name for people (its document's title; the latest version's when it has several). */
    titles: Object.fromEntries(builtInProfiles.map((p) => [p.id, p.title])) as Record<string, string>,
    timeZone: await agencyTimeZone(ctx.db),
  })),
  /** The signatory of the Kartu Data of a unit (or, without one, of every unit that has none). */
  setSignatory: roleProcedure('admin_sdm')
    .input(Signatory)
    .mutation(async ({ ctx, input }) => {
      if (input.unitId && !(await ctx.db.select({ id: units.id }).from(units).where(eq(units.id, input.unitId)))[0])
        throw appError('BAD_REQUEST', 'Unit tidak ditemukan', 'Unit not found', [
          { path: ['unitId'], code: 'unit.unknown', message: { id: 'Unit tidak dikenal', en: 'Unknown unit' } },
        ]);
      const key = signatoryKey(input.unitId || null);
      const value = { name: input.name, nip: input.nip, title: input.title, place: input.place };
      const before = (await ctx.db.select().from(settings).where(eq(settings.key, key)))[0]?.value ?? null;
      await ctx.db.transaction(async (tx) => {
        await tx.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } });
        await audit(tx, ctx.user, 'settings.signatory', 'settings', key, before, value);
      });
      return value;
    }),
  /** The Kartu Data signatories: the agency's default and each unit's own. */
  signatories: roleProcedure('admin_sdm', 'admin_unit', 'auditor').query(async ({ ctx }) => {
    const rows = await ctx.db
      .select()
      .from(settings)
      .where(sql`${settings.key} LIKE 'signatory%'`);
    return rows.map((r) => ({ unitId: r.key === 'signatory' ? null : r.key.slice('signatory:'.length), ...(r.value as SignatoryValue) }));
  }),
  /** The agency's time zone (IANA name, e.g. Asia/Makassar for WITA): "today" and timestamps follow it. */
  setTimeZone: roleProcedure('admin_sdm')
    .input(TimeZoneChoice)
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
  /**
   * What a change of rule profile would do to this year's compliance, before it is made: the
   * employees meeting their obligation and the JP in all, under the current profile and the chosen one.
   */
  profilePreview: roleProcedure('admin_sdm')
    .input(RuleProfileChoice)
    .query(async ({ ctx, input }) => {
      if (!builtInProfiles.some((p) => p.id === input.profile))
        throw appError('BAD_REQUEST', `Profil tidak dikenal: ${input.profile}`, `Unknown profile: ${input.profile}`);
      const year = Number(todayIso(await agencyTimeZone(ctx.db)).slice(0, 4));
      const before = await complianceUnder(ctx.db, await ruleProfile(ctx.db), year);
      const after = await complianceUnder(ctx.db, input.profile, year);
      return { before, after };
    }),
  setProfile: roleProcedure('admin_sdm')
    .input(RuleProfileChoice)
    .mutation(async ({ ctx, input }) => {
      if (!builtInProfiles.some((p) => p.id === input.profile))
        throw appError('BAD_REQUEST', `Profil tidak dikenal: ${input.profile}`, `Unknown profile: ${input.profile}`);
      const before = await ruleProfile(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx.update(settings).set({ value: input.profile }).where(eq(settings.key, 'ruleProfile'));
        // Every stored JP is recomputed under the new profile, in the background (the dashboard shows progress).
        await markAllStale(tx, input.profile);
        await audit(tx, ctx.user, 'settings.rule_profile', 'settings', 'ruleProfile', before, input.profile);
      });
      void drainStale(ctx.db).catch((e) => console.error('JP recomputation failed', e));
      return { profile: input.profile };
    }),
});

export const appRouter = router({
  auth: authRouter,
  events: eventsRouter,
  activities: activitiesRouter,
  compliance: complianceRouter,
  exports: exportsRouter,
  plans: plansRouter,
  team: teamRouter,
  tubel: tubelRouter,
  myasn: myasnRouter,
  ipasn: ipasnRouter,
  admin: adminRouter,
  audit: auditRouter,
  jobs: jobsRouter,
  notifications: notificationsRouter,
});
export type AppRouter = typeof appRouter;
