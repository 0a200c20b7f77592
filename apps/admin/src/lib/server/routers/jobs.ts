import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { Context } from '../trpc.js';
import { roleProcedure, router } from '../trpc.js';
import { unitScope } from '../access.js';
import type { JobKind } from '../db/schema.js';
import { jobFiles, jobKinds, jobs } from '../db/schema.js';
import { appError } from '../errors.js';
import { enqueueJob } from '../jobs.js';
import { MAX_IMPORT_BYTES } from '../../schemas.js';

/**
 * Background jobs as their users see them: start one (an export of the whole agency, an
 * employee import of any size), follow its progress, cancel it, fetch its file. A job is seen
 * only by the user who started it.
 */

const JOB_ROLES = ['admin_unit', 'admin_sdm', 'auditor'] as const;
const jobId = z.object({ id: z.int().positive() });

const notFound = () => appError('NOT_FOUND', 'Pekerjaan tidak ditemukan', 'Job not found');

type JobRow = typeof jobs.$inferSelect;
/** What the page shows of a job (never another user's). */
const view = (row: JobRow) => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  status: row.status,
  progress: { done: row.progressDone, total: row.progressTotal },
  result: row.result,
  error: row.error,
  cancelRequested: row.cancelRequested,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});
export type JobView = ReturnType<typeof view>;

async function ownJob(ctx: Context & { user: NonNullable<Context['user']> }, id: number): Promise<JobRow> {
  const [row] = await ctx.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.createdBy, ctx.user.id)));
  if (!row) throw notFound();
  return row;
}

export const jobsRouter = router({
  /** The monitoring sheet of a unit or the whole agency, written in the background. */
  exportMonitoring: roleProcedure(...JOB_ROLES)
    .input(
      z.object({
        year: z.int().min(2000).max(2100),
        unitId: z.string().max(60).optional(),
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const params = { year: input.year, unitId: unitScope(ctx.user, input.unitId) ?? null, format: input.format };
      const id = await enqueueJob(ctx.db, { kind: 'monitoring_export', params, createdBy: ctx.user.id });
      await audit(ctx.db, ctx.user, 'job.create', 'job', String(id), null, { kind: 'monitoring_export', params });
      return { id };
    }),
  /**
   * An employee file (the import template, CSV or XLSX) of any size, checked and applied in the
   * background: all or nothing. With `preview` it is checked and compared only (nothing changes);
   * `confirmImport` then applies it.
   */
  importEmployees: roleProcedure('admin_sdm')
    .input(z.object({ file: z.file().min(1).max(MAX_IMPORT_BYTES), preview: z.boolean().default(false) }))
    .mutation(async ({ ctx, input }) => {
      const params = { filename: input.file.name.slice(0, 200), bytes: input.file.size, ...(input.preview ? { preview: true } : {}) };
      const id = await enqueueJob(ctx.db, {
        kind: 'employee_import',
        params,
        createdBy: ctx.user.id,
        input: new Uint8Array(await input.file.arrayBuffer()),
      });
      await audit(ctx.db, ctx.user, 'job.create', 'job', String(id), null, { kind: 'employee_import', params });
      return { id };
    }),
  /**
   * Applies the file of a finished preview (the caller's own), once. The file is read and checked
   * again as it is applied, not taken from the preview: the office may have changed in between (a
   * unit removed, an NIP added by someone else), and the import stays all-or-nothing against what
   * the database holds when it is written. Reading is a small part of an import's time.
   */
  confirmImport: roleProcedure('admin_sdm')
    .input(jobId)
    .mutation(async ({ ctx, input }) => {
      const row = await ownJob(ctx, input.id);
      const params = row.params as { filename?: string; bytes?: number; preview?: boolean };
      if (row.kind !== 'employee_import' || row.status !== 'done' || params.preview !== true)
        throw appError('CONFLICT', 'Pratinjau ini belum selesai atau bukan pratinjau impor', 'This is not a finished import preview');
      const [file] = await ctx.db
        .select({ seq: jobFiles.seq })
        .from(jobFiles)
        .where(and(eq(jobFiles.jobId, row.id), eq(jobFiles.part, 'input')))
        .limit(1);
      if (!file) throw appError('CONFLICT', 'Berkas pratinjau ini sudah diimpor', 'The file of this preview has already been imported');
      const next = { filename: params.filename ?? '', bytes: params.bytes ?? 0, previewOf: row.id };
      const id = await enqueueJob(ctx.db, { kind: 'employee_import', params: next, createdBy: ctx.user.id, inputOf: row.id });
      await audit(ctx.db, ctx.user, 'job.create', 'job', String(id), null, { kind: 'employee_import', params: next });
      return { id };
    }),
  get: roleProcedure(...JOB_ROLES)
    .input(jobId)
    .query(async ({ ctx, input }) => view(await ownJob(ctx, input.id))),
  /** The caller's latest jobs (of one kind), newest first. */
  list: roleProcedure(...JOB_ROLES)
    .input(z.object({ kind: z.enum(jobKinds).optional(), limit: z.int().min(1).max(50).default(10) }).default({ limit: 10 }))
    .query(async ({ ctx, input }) => {
      const kind: JobKind | undefined = input.kind;
      const rows = await ctx.db
        .select()
        .from(jobs)
        .where(and(eq(jobs.createdBy, ctx.user.id), kind ? eq(jobs.kind, kind) : undefined))
        .orderBy(desc(jobs.id))
        .limit(input.limit);
      return rows.map(view);
    }),
  /** A queued job is cancelled at once; a running one stops at its next checkpoint and nothing of it stays. */
  cancel: roleProcedure(...JOB_ROLES)
    .input(jobId)
    .mutation(async ({ ctx, input }) => {
      const row = await ownJob(ctx, input.id);
      if (row.status !== 'queued' && row.status !== 'running')
        throw appError('CONFLICT', 'Pekerjaan ini sudah selesai', 'This job has already ended');
      await ctx.db
        .update(jobs)
        .set({
          cancelRequested: true,
          status: sql`CASE WHEN ${jobs.status} = 'queued' THEN 'cancelled' ELSE ${jobs.status} END`,
          finishedAt: sql`CASE WHEN ${jobs.status} = 'queued' THEN now() ELSE ${jobs.finishedAt} END`,
        })
        .where(eq(jobs.id, row.id));
      await audit(ctx.db, ctx.user, 'job.cancel', 'job', String(row.id), { status: row.status }, null);
      return view(await ownJob(ctx, input.id));
    }),
  /** The finished file of a job (its pieces are streamed by the download route); the download is audited. */
  download: roleProcedure(...JOB_ROLES)
    .input(jobId)
    .query(async ({ ctx, input }) => {
      const row = await ownJob(ctx, input.id);
      const result = row.result as { filename?: string; mediaType?: string; bytes?: number } | null;
      if (row.status !== 'done' || !result?.filename) throw appError('CONFLICT', 'Berkas belum siap', 'The file is not ready yet');
      await audit(ctx.db, ctx.user, 'job.download', 'job', String(row.id), null, { filename: result.filename });
      return { id: row.id, filename: result.filename, mediaType: result.mediaType ?? 'application/octet-stream', bytes: result.bytes ?? 0 };
    }),
});
