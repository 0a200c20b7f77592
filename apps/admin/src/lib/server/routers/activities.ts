import type { LearningActivity } from '@bangkom/domain';
import { LearningActivity as ActivitySchema, learningMethods, problemsFromZod } from '@bangkom/domain';
import { convertActivity } from '@bangkom/jp';
import { TRPCError } from '@trpc/server';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import { activities, employees, evidenceFiles, settings } from '../db/schema.js';
import { checkEvidence } from '../evidence.js';
import { authedProcedure, MESSAGES, roleProcedure, router } from '../trpc.js';

type Row = typeof activities.$inferSelect;

/** Employee ids whose activities the user may see (null = all). */
export async function visibleEmployees(db: Db, user: SessionUser): Promise<string[] | null> {
  switch (user.role) {
    case 'admin_sdm':
    case 'auditor':
      return null;
    case 'admin_unit':
      return (await db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, user.unitId ?? ''))).map((r) => r.id);
    case 'atasan': {
      const subordinates = (await db.select({ id: employees.id }).from(employees).where(eq(employees.supervisorId, user.employeeId ?? ''))).map((r) => r.id);
      return [...(user.employeeId ? [user.employeeId] : []), ...subordinates];
    }
    default:
      return user.employeeId ? [user.employeeId] : [];
  }
}

export async function ruleProfile(db: Db): Promise<string> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'ruleProfile')))[0];
  return typeof row?.value === 'string' ? row.value : 'kutai-barat-2024';
}

const notFound = () => new TRPCError({ code: 'NOT_FOUND', message: 'Kegiatan tidak ditemukan / Activity not found' });
const forbidden = () => new TRPCError({ code: 'FORBIDDEN', message: MESSAGES.forbidden });
const conflict = (id: string, en: string) => new TRPCError({ code: 'CONFLICT', message: `${id} / ${en}` });

async function load(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = (await db.select().from(activities).where(eq(activities.id, id)))[0];
  if (!row) throw notFound();
  const visible = await visibleEmployees(db, user);
  if (visible !== null && !visible.includes(row.employeeId)) throw notFound();
  return row;
}

const isOwner = (user: SessionUser, row: Row) => user.employeeId !== null && row.employeeId === user.employeeId;

/** The fields an employee fills in ("Riwayat Diklat" of MyASN plus what the rules need). */
const ActivityFields = z.object({
  method: z.enum(Object.keys(learningMethods) as [keyof typeof learningMethods]),
  title: z.string().trim().min(3).max(200),
  organizer: z.string().trim().min(2).max(200),
  international: z.boolean().default(false),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  days: z.number().positive().optional(),
  sessions: z.int().positive().optional(),
  hours: z.number().positive().optional(),
  programmeJp: z.number().positive().optional(),
  statedJp: z.number().nonnegative().optional(),
  runByWorkUnit: z.boolean().default(false),
  competencyType: z.enum(['teknis', 'manajerial', 'sosial_kultural']).optional(),
  certificateNumber: z.string().trim().max(100).optional(),
  certificateDate: z.iso.date().optional(),
  rumpun: z.string().max(100).optional(),
});
type Fields = z.output<typeof ActivityFields>;

function toActivity(id: string, employeeId: string, f: Fields, status: LearningActivity['status']): LearningActivity {
  const parsed = ActivitySchema.safeParse({
    id,
    nip: employeeId,
    method: f.method,
    title: f.title,
    organizer: f.organizer,
    international: f.international,
    startDate: f.startDate,
    endDate: f.endDate,
    ...(f.days !== undefined ? { days: f.days } : {}),
    ...(f.sessions !== undefined ? { sessions: f.sessions } : {}),
    ...(f.hours !== undefined ? { hours: f.hours } : {}),
    ...(f.programmeJp !== undefined ? { programmeJp: f.programmeJp } : {}),
    ...(f.statedJp !== undefined ? { statedJp: f.statedJp } : {}),
    runByWorkUnit: f.runByWorkUnit,
    ...(f.competencyType ? { competencyType: f.competencyType } : {}),
    ...(f.certificateNumber ? { evidence: { kind: 'sertifikat', number: f.certificateNumber, ...(f.certificateDate ? { date: f.certificateDate } : {}) } } : {}),
    ...(f.rumpun ? { rumpun: f.rumpun } : {}),
    status,
  });
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error);
    throw new TRPCError({ code: 'BAD_REQUEST', message: problems.map((p) => `${p.path.join('.')}: ${p.message.id} / ${p.message.en}`).join('; ') });
  }
  return parsed.data;
}

export const activitiesRouter = router({
  /** Activities the user may see, newest first. */
  list: authedProcedure.input(z.object({ status: z.enum(['draft', 'submitted', 'verified', 'rejected']).optional(), employeeId: z.string().optional() }).default({})).query(async ({ ctx, input }) => {
    const visible = await visibleEmployees(ctx.db, ctx.user);
    if (visible !== null && visible.length === 0) return [];
    const conditions = [
      ...(visible !== null ? [inArray(activities.employeeId, visible)] : []),
      ...(input.status ? [eq(activities.status, input.status)] : []),
      ...(input.employeeId ? [eq(activities.employeeId, input.employeeId)] : []),
    ];
    return ctx.db.select().from(activities).where(and(...conditions)).orderBy(desc(activities.updatedAt)).limit(500);
  }),

  get: authedProcedure.input(z.object({ id: z.string() })).query(async ({ ctx, input }) => load(ctx.db, ctx.user, input.id)),

  create: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(ActivityFields)
    .mutation(async ({ ctx, input }) => {
      if (!ctx.user.employeeId) throw forbidden();
      const id = `ACT-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
      const activity = toActivity(id, ctx.user.employeeId, input, 'draft');
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx.insert(activities).values({ id, employeeId: ctx.user.employeeId!, status: 'draft', data: activity as unknown as Record<string, unknown>, createdBy: ctx.user.id }).returning();
        await audit(tx as unknown as Db, ctx.user, 'activity.create', 'activity', id, null, activity);
        return row!;
      });
    }),

  update: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string(), fields: ActivityFields }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      if (row.status !== 'draft') throw conflict('Hanya draf yang dapat diubah', 'Only drafts can be edited');
      const activity = toActivity(row.id, row.employeeId, input.fields, 'draft');
      return ctx.db.transaction(async (tx) => {
        const [updated] = await tx.update(activities).set({ data: activity as unknown as Record<string, unknown>, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
        await audit(tx as unknown as Db, ctx.user, 'activity.update', 'activity', row.id, row.data, activity);
        return updated!;
      });
    }),

  attachEvidence: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string(), name: z.string().min(1).max(200), contentBase64: z.string().max(7_100_000) }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      if (row.status !== 'draft') throw conflict('Bukti hanya dapat dilampirkan pada draf', 'Evidence can only be attached to a draft');
      const bytes = new Uint8Array(Buffer.from(input.contentBase64, 'base64'));
      const checked = checkEvidence(bytes);
      if (!checked.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: `${checked.message.id} / ${checked.message.en}`, cause: new Error(checked.code) });
      return ctx.db.transaction(async (tx) => {
        await tx.insert(evidenceFiles).values({ sha256: checked.sha256, mediaType: checked.mediaType, size: checked.size, content: bytes }).onConflictDoNothing();
        const data = { ...row.data, evidence: { ...(row.data['evidence'] as object | undefined), kind: (row.data['evidence'] as { kind?: string } | undefined)?.kind ?? 'sertifikat', file: { name: input.name, sha256: checked.sha256, size: checked.size, mediaType: checked.mediaType } } };
        const [updated] = await tx.update(activities).set({ evidenceSha256: checked.sha256, evidenceName: input.name, data, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
        await audit(tx as unknown as Db, ctx.user, 'activity.evidence', 'activity', row.id, { evidence: row.evidenceSha256 }, { evidence: checked.sha256, name: input.name });
        return updated!;
      });
    }),

  submit: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => transition(ctx.db, ctx.user, input.id, 'draft', 'submitted', 'activity.submit', (row) => isOwner(ctx.user, row))),

  withdraw: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => transition(ctx.db, ctx.user, input.id, 'submitted', 'draft', 'activity.withdraw', (row) => isOwner(ctx.user, row))),

  /** The superior approves or rejects a subordinate's non-classical activity ([K] III.D.5). */
  review: roleProcedure('atasan')
    .input(z.object({ id: z.string(), approve: z.boolean(), reason: z.string().trim().min(3).max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (isOwner(ctx.user, row)) throw forbidden();
      const method = row.data['method'] as keyof typeof learningMethods;
      if (learningMethods[method].path !== 'nonklasikal') throw conflict('Hanya kegiatan nonklasikal yang dinilai atasan', 'Only non-classical activities are reviewed by the superior');
      if (row.status !== 'submitted') throw conflict('Kegiatan belum diajukan', 'The activity is not submitted');
      if (!input.approve && !input.reason) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Alasan penolakan wajib diisi / A reason is required to reject' });
      return ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(activities)
          .set(input.approve ? { supervisorApproved: true, updatedAt: new Date() } : { supervisorApproved: false, status: 'rejected', rejectReason: input.reason ?? null, data: { ...row.data, status: 'rejected' }, updatedAt: new Date() })
          .where(eq(activities.id, row.id))
          .returning();
        await audit(tx as unknown as Db, ctx.user, input.approve ? 'activity.approve' : 'activity.reject', 'activity', row.id, { status: row.status, supervisorApproved: row.supervisorApproved }, { status: updated!.status, supervisorApproved: updated!.supervisorApproved, reason: input.reason ?? null });
        return updated!;
      });
    }),

  /** The unit admin (or SDM) verifies the evidence: submitted → verified or rejected with a reason. */
  verify: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string(), verified: z.boolean(), reason: z.string().trim().min(3).max(500).optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (row.status !== 'submitted') throw conflict('Kegiatan belum diajukan', 'The activity is not submitted');
      if (!input.verified && !input.reason) throw new TRPCError({ code: 'BAD_REQUEST', message: 'Alasan penolakan wajib diisi / A reason is required to reject' });
      const method = row.data['method'] as keyof typeof learningMethods;
      const employee = (await ctx.db.select().from(employees).where(eq(employees.id, row.employeeId)))[0];
      if (input.verified && learningMethods[method].path === 'nonklasikal' && employee?.supervisorId && row.supervisorApproved !== true) {
        throw conflict('Kegiatan nonklasikal perlu persetujuan atasan langsung lebih dahulu ([K] III.D.5)', 'A non-classical activity needs the direct superior’s approval first ([K] III.D.5)');
      }
      const status = input.verified ? 'verified' : 'rejected';
      return ctx.db.transaction(async (tx) => {
        const [updated] = await tx.update(activities).set({ status, rejectReason: input.verified ? null : (input.reason ?? null), data: { ...row.data, status }, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
        await audit(tx as unknown as Db, ctx.user, `activity.${status}`, 'activity', row.id, { status: row.status }, { status, reason: input.reason ?? null });
        return updated!;
      });
    }),

  /** Sets or clears a JP override, with the reason recorded. */
  overrideJp: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string(), jp: z.number().nonnegative().max(1000).nullable(), reason: z.string().trim().min(5).max(500) }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      return ctx.db.transaction(async (tx) => {
        const [updated] = await tx.update(activities).set({ jpOverride: input.jp, jpOverrideReason: input.jp === null ? null : input.reason, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
        await audit(tx as unknown as Db, ctx.user, 'activity.jp_override', 'activity', row.id, { jp: row.jpOverride, reason: row.jpOverrideReason }, { jp: input.jp, reason: input.reason });
        return updated!;
      });
    }),

  /** The SDM unit approves the JP conversion of a non-classical activity run by a work unit ([P] art. 12(2)f). */
  approveConversion: roleProcedure('admin_sdm')
    .input(z.object({ id: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      return ctx.db.transaction(async (tx) => {
        const data = { ...row.data, conversionApprovedBy: ctx.user.username };
        const [updated] = await tx.update(activities).set({ data, updatedAt: new Date() }).where(eq(activities.id, row.id)).returning();
        await audit(tx as unknown as Db, ctx.user, 'activity.conversion_approved', 'activity', row.id, null, { conversionApprovedBy: ctx.user.username });
        return updated!;
      });
    }),

  /** "Why N JP?": the JP the rules give for a draft, with its trace, before anything is saved. */
  preview: authedProcedure.input(ActivityFields).query(async ({ ctx, input }) => {
    const activity = toActivity('preview', ctx.user.employeeId ?? 'preview', input, 'draft');
    const result = convertActivity(activity, { profile: await ruleProfile(ctx.db) });
    return result.ok ? { ok: true as const, jp: result.value.jp, trace: result.value.trace } : { ok: false as const, problems: result.problems };
  }),
});

async function transition(db: Db, user: SessionUser, id: string, from: Row['status'], to: Row['status'], action: string, allowed: (row: Row) => boolean) {
  const row = await load(db, user, id);
  if (!allowed(row)) throw forbidden();
  if (row.status !== from) throw conflict(`Status kegiatan ${row.status}, bukan ${from}`, `The activity is ${row.status}, not ${from}`);
  return db.transaction(async (tx) => {
    const [updated] = await tx.update(activities).set({ status: to, data: { ...row.data, status: to }, updatedAt: new Date() }).where(eq(activities.id, id)).returning();
    await audit(tx as unknown as Db, user, action, 'activity', id, { status: from }, { status: to });
    return updated!;
  });
}
