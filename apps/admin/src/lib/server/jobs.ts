import { TRPCError } from '@trpc/server';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { onClose, rowsOf } from './db/index.js';
import type { JobKind, JobStatus } from './db/schema.js';
import { employeeImportRows, jobFiles, jobs } from './db/schema.js';
import type { Bilingual } from './errors.js';
import { AppProblem, logServerError } from './errors.js';
import { written } from './read-cache.js';

/**
 * Background jobs on both databases: the `jobs` table is the queue. Every server polls it and
 * claims the oldest queued job with `FOR UPDATE SKIP LOCKED` (two servers on one PostgreSQL never
 * take the same job; on PGlite there is one process anyway), runs it in its own event loop
 * between requests, and writes progress to the row, which the page that started it polls.
 *
 * A job's effect is written in one transaction together with its `done` status (`run.complete`),
 * so a server dying in the middle leaves nothing half-applied: at the next start (or, on
 * PostgreSQL, when another server sees its heartbeat stop) the job is queued again and runs from
 * the beginning, or fails cleanly after `MAX_ATTEMPTS` starts.
 */

/** A job whose heartbeat is older than this is taken to be orphaned by a server that died. */
const STALE_AFTER_SECONDS = 120;
const HEARTBEAT_MS = 15_000;
/** Starts of one job; a job that took down its server this often is failed rather than retried. */
const MAX_ATTEMPTS = 3;
/** Pieces of a stored file (`job_files`). */
export const FILE_PIECE_BYTES = 1024 * 1024;

export type JobRow = typeof jobs.$inferSelect;

/** Thrown at a checkpoint: the user cancelled the job, or the server is shutting down. */
export class JobStopped extends Error {
  constructor(readonly reason: 'cancelled' | 'shutdown') {
    super(reason === 'cancelled' ? 'Job cancelled' : 'Server shutting down');
  }
}

/** What a running job sees: its row, and how to report progress, stop when asked, and finish. */
export interface JobRun {
  db: Db;
  job: JobRow;
  /** Records progress (`total` once known) and renews the heartbeat. */
  progress(done: number, total?: number): Promise<void>;
  /**
   * Between chunks: yields to other requests; throws JobStopped when cancelled or shutting down.
   * Inside the job's transaction pass it (`tx`): PGlite has one connection, held by the transaction.
   */
  checkpoint(tx?: Db): Promise<void>;
  /** Marks the job done inside the transaction that writes its effect (all or nothing). */
  complete(tx: Db, result: Record<string, unknown>): Promise<void>;
}

export type JobHandler = (run: JobRun) => Promise<void>;

/**
 * Adds a job to the queue (in the caller's transaction when given one); the runner is woken. Its
 * input is the bytes given, or the input another job kept (`inputOf`: a preview's file), moved over.
 */
export async function enqueueJob(
  db: Db,
  job: { kind: JobKind; params: Record<string, unknown>; createdBy: number | null; input?: Uint8Array; inputOf?: number },
): Promise<number> {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx.insert(jobs).values({ kind: job.kind, params: job.params, createdBy: job.createdBy }).returning({ id: jobs.id });
    // In the same transaction: the runner never sees the job without its whole input.
    if (job.input) await writePieces(tx as unknown as Db, row!.id, 'input', job.input);
    if (job.inputOf !== undefined)
      await tx
        .update(jobFiles)
        .set({ jobId: row!.id })
        .where(and(eq(jobFiles.jobId, job.inputOf), eq(jobFiles.part, 'input')));
    return row!.id;
  });
  runners.get(db)?.wake();
  return id;
}

async function writePieces(db: Db, jobId: number, part: 'input' | 'result', bytes: Uint8Array, firstSeq = 0): Promise<number> {
  let seq = firstSeq;
  for (let at = 0; at < bytes.length; at += FILE_PIECE_BYTES)
    await db.insert(jobFiles).values({ jobId, part, seq: seq++, bytes: bytes.subarray(at, at + FILE_PIECE_BYTES) });
  return seq;
}

/**
 * Stores a job's file from a stream of bytes, a piece (≤ 1 MiB) per statement: the whole file is
 * never in memory. Earlier pieces of the same part (an interrupted run) are removed first.
 */
export async function storeJobFile(db: Db, jobId: number, part: 'input' | 'result', source: AsyncIterable<Uint8Array>): Promise<number> {
  await db.delete(jobFiles).where(and(eq(jobFiles.jobId, jobId), eq(jobFiles.part, part)));
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let seq = 0;
  let size = 0;
  const flush = async () => {
    const piece = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    seq = await writePieces(db, jobId, part, piece, seq);
  };
  for await (const chunk of source) {
    pending.push(Buffer.from(chunk));
    pendingBytes += chunk.length;
    size += chunk.length;
    if (pendingBytes >= FILE_PIECE_BYTES) await flush();
  }
  if (pendingBytes) await flush();
  return size;
}

/** A job's file, a piece at a time (keyset on the piece number). */
export async function* readJobFile(db: Db, jobId: number, part: 'input' | 'result'): AsyncGenerator<Uint8Array> {
  for (let seq = -1; ;) {
    const [piece] = await db
      .select({ seq: jobFiles.seq, bytes: jobFiles.bytes })
      .from(jobFiles)
      .where(and(eq(jobFiles.jobId, jobId), eq(jobFiles.part, part), gt(jobFiles.seq, seq)))
      .orderBy(asc(jobFiles.seq))
      .limit(1);
    if (!piece) return;
    seq = piece.seq;
    yield piece.bytes;
  }
}

/** The whole input file of a job (an import reads all of it to parse it). */
export async function jobInput(db: Db, jobId: number): Promise<Buffer> {
  const pieces: Uint8Array[] = [];
  for await (const piece of readJobFile(db, jobId, 'input')) pieces.push(piece);
  return Buffer.concat(pieces);
}

/**
 * Jobs another server (or this one before a restart) left `running`: queued again to run from the
 * beginning — their effect was never committed — or failed after `MAX_ATTEMPTS` starts; a job whose
 * cancellation was asked is cancelled. `everyRunning`: all of them (PGlite: only this process
 * opens the database, so none is alive); otherwise those whose heartbeat stopped.
 */
export async function recoverJobs(db: Db, everyRunning: boolean): Promise<number> {
  const orphaned = everyRunning ? sql`TRUE` : sql`heartbeat_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS})`;
  const failed = JSON.stringify(interruptedTooOften);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`UPDATE jobs SET
        status = CASE WHEN cancel_requested THEN 'cancelled' WHEN attempts >= ${MAX_ATTEMPTS} THEN 'failed' ELSE 'queued' END,
        error = CASE WHEN NOT cancel_requested AND attempts >= ${MAX_ATTEMPTS} THEN ${failed}::jsonb ELSE error END,
        finished_at = CASE WHEN cancel_requested OR attempts >= ${MAX_ATTEMPTS} THEN now() ELSE NULL END
      WHERE status = 'running' AND ${orphaned} RETURNING id`),
  );
  return rows.length;
}

const interruptedTooOften = {
  message: {
    id: `Pekerjaan terhenti ${MAX_ATTEMPTS} kali karena server berhenti; tidak ada yang disimpan`,
    en: `The job was interrupted ${MAX_ATTEMPTS} times by a server stopping; nothing was saved`,
  },
};

/** Takes the oldest queued job for this server, or none. */
export async function claimJob(db: Db): Promise<JobRow | null> {
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`UPDATE jobs SET status = 'running', attempts = attempts + 1, started_at = now(), heartbeat_at = now(),
        progress_done = 0, progress_total = NULL, finished_at = NULL
      WHERE id = (SELECT id FROM jobs WHERE status = 'queued' ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
      RETURNING id`),
  );
  if (!row) return null;
  return (
    (
      await db
        .select()
        .from(jobs)
        .where(eq(jobs.id, Number(row.id)))
    )[0] ?? null
  );
}

/** Runs one claimed job to its end: done, failed, cancelled, or queued again at shutdown. */
export async function runJob(db: Db, job: JobRow, handler: JobHandler, stopping: () => boolean): Promise<JobStatus> {
  let completed = false;
  const running = and(eq(jobs.id, job.id), eq(jobs.status, 'running'));
  const heartbeat = setInterval(
    () =>
      void db
        .update(jobs)
        .set({ heartbeatAt: sql`now()` })
        .where(running)
        .catch(() => {}),
    HEARTBEAT_MS,
  );
  heartbeat.unref?.();
  const run: JobRun = {
    db,
    job,
    progress: async (done, total) => {
      await db
        .update(jobs)
        .set({ progressDone: done, ...(total !== undefined ? { progressTotal: total } : {}), heartbeatAt: sql`now()` })
        .where(running);
    },
    checkpoint: async (tx) => {
      await new Promise((resolve) => setImmediate(resolve));
      if (stopping()) throw new JobStopped('shutdown');
      const [row] = await (tx ?? db).select({ cancel: jobs.cancelRequested }).from(jobs).where(eq(jobs.id, job.id));
      if (!row || row.cancel) throw new JobStopped('cancelled');
    },
    complete: async (tx, result) => {
      // Refused when the job was cancelled meanwhile: the transaction then rolls back.
      const [row] = await tx
        .update(jobs)
        .set({ status: 'done', result, finishedAt: sql`now()`, progressDone: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})` })
        .where(and(running, eq(jobs.cancelRequested, false)))
        .returning({ id: jobs.id });
      if (!row) throw new JobStopped('cancelled');
      completed = true;
    },
  };
  let status: JobStatus;
  try {
    await handler(run);
    if (!completed) throw new Error(`job ${job.kind} ended without completing`);
    status = 'done';
    written();
  } catch (e) {
    if (e instanceof JobStopped && e.reason === 'shutdown') {
      // Stopped cleanly between chunks: it runs again from the start at the next start; this start does not count.
      await db
        .update(jobs)
        .set({ status: 'queued', attempts: sql`greatest(${jobs.attempts} - 1, 0)` })
        .where(running);
      status = 'queued';
    } else if (e instanceof JobStopped) {
      await db
        .update(jobs)
        .set({ status: 'cancelled', finishedAt: sql`now()` })
        .where(running);
      status = 'cancelled';
    } else {
      await db
        .update(jobs)
        .set({ status: 'failed', finishedAt: sql`now()`, error: failureOf(e, job) })
        .where(running);
      status = 'failed';
    }
  } finally {
    clearInterval(heartbeat);
  }
  // What only a run in progress needs: staged rows always; the input once the job will not run again.
  await db.delete(employeeImportRows).where(eq(employeeImportRows.jobId, job.id));
  // A finished import preview keeps its file: the import the user confirms takes it over (`enqueueJob` with `inputOf`).
  const keepsInput = status === 'queued' || (status === 'done' && (job.params as { preview?: boolean }).preview === true);
  if (!keepsInput) await db.delete(jobFiles).where(and(eq(jobFiles.jobId, job.id), eq(jobFiles.part, 'input')));
  return status;
}

/** A refusal the job meant (bad rows in an import) is kept with its problems; anything else is logged. */
function failureOf(e: unknown, job: JobRow): { message: Bilingual; problems?: unknown[] } {
  const cause = e instanceof TRPCError ? e.cause : e;
  if (cause instanceof AppProblem) return { message: cause.messages, problems: [...cause.problems] };
  const requestId = logServerError(e, undefined, `job ${job.id} (${job.kind})`);
  return {
    message: {
      id: `Pekerjaan gagal karena kesalahan server. Sebutkan kode ${requestId} kepada pengelola aplikasi.`,
      en: `The job failed with a server error. Quote reference ${requestId} to the application's administrator.`,
    },
  };
}

interface Runner {
  wake(): void;
  stop(): Promise<void>;
}
const runners = new WeakMap<Db, Runner>();

/**
 * Starts this server's job runner on a database (one per database): recovers orphaned jobs, then
 * runs queued jobs one at a time, polling every `pollMs` when idle (an enqueue on this server
 * wakes it at once). `stop` — called on shutdown and when the database closes — lets the job in
 * progress reach its next checkpoint and queues it again.
 */
export function startJobRunner(
  db: Db,
  handlers: Partial<Record<JobKind, JobHandler>>,
  options: { kind: 'pglite' | 'postgres'; pollMs?: number },
): Runner {
  const existing = runners.get(db);
  if (existing) return existing;
  let stopped = false;
  let wakeUp = () => {};
  const pollMs = options.pollMs ?? 2000;
  const loop = (async () => {
    await recoverJobs(db, options.kind === 'pglite');
    while (!stopped) {
      try {
        const job = await claimJob(db);
        if (job) {
          const handler = handlers[job.kind];
          if (handler) await runJob(db, job, handler, () => stopped);
          continue;
        }
        // Idle: on PostgreSQL another server may have died with a job.
        if (options.kind === 'postgres') await recoverJobs(db, false);
      } catch (e) {
        if (stopped) break;
        logServerError(e, undefined, 'job runner');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  const forget = onClose(db, () => runner.stop());
  const runner: Runner = {
    wake: () => wakeUp(),
    stop: async () => {
      stopped = true;
      wakeUp();
      await loop.catch(() => {});
      runners.delete(db);
      forget();
    },
  };
  runners.set(db, runner);
  return runner;
}

/** Stops the runner of a database, if any (at SIGTERM, before the server waits for open requests). */
export async function stopJobRunner(db: Db): Promise<void> {
  await runners.get(db)?.stop();
}
