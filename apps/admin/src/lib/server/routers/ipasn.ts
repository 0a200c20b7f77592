import type { Problem } from '@bangkom/domain';
import { educationLevels, isValidIsoDate, performancePredicates, positionKinds } from '@bangkom/domain';
import { reconciliationWorkflow, workflowProgress } from '@bangkom/ipasn';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ensureVisible, unitScope } from '../access.js';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import type { RecapEvent, RecapStatus } from '../db/schema.js';
import { employees, evidenceFiles, ipasnCycles, ipasnFacts, ipasnRecaps, ipasnRecapSteps, settings, units, users } from '../db/schema.js';
import { rowsOf } from '../db/index.js';
import { appError, forbidden } from '../errors.js';
import { coverLetterPdf, recapXlsx } from '../ipasn-documents.js';
import { importRefusal, ipasnReport, parseFactRows, parseSiasnRows, scoreBatch, tableOf, unknownEmployeeProblems } from '../ipasn.js';
import { freshen } from '../totals.js';
import { RecapAcceptance, RecapCycle, RecapReturn, RecapStepDone, RecapSubmission, RecapUpload, StepOfAction } from '../../schemas.js';
import { todayIso } from '../../values.js';
import { messagesFor } from '../messages.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { agencyTimeZone, storeEvidence } from './activities.js';

const year = z.int().min(2019).max(2100);
const source = z.string().trim().min(1).max(300);
const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** The unit an admin may act on: the own unit for an admin unit, any for admin SDM. */
function actingUnit(user: SessionUser, unitId: string): string {
  const scoped = unitScope(user, unitId);
  if (!scoped) throw forbidden();
  return scoped;
}

async function ensureUnit(db: Db, unitId: string) {
  const unit = (await db.select().from(units).where(eq(units.id, unitId)))[0];
  if (!unit) throw appError('NOT_FOUND', 'Unit kerja tidak ditemukan', 'Work unit not found');
  return unit;
}

/** The file of an import, read in full (size checked first). */
async function uploadedTable(file: File) {
  if (file.size === 0 || file.size > IMPORT_MAX_BYTES)
    throw importRefusal([
      {
        path: ['file'],
        code: 'import.size',
        message: { id: 'Berkas kosong atau lebih dari 10 MiB', en: 'The file is empty or larger than 10 MiB' },
      },
    ]);
  return tableOf(file.name, new Uint8Array(await file.arrayBuffer()));
}

/** The facts form: each fact with its source; a fact left empty stays unknown. */
const FactsInput = z.object({
  employeeId: z.string().max(40),
  year,
  education: z.enum(educationLevels).nullable(),
  educationSource: source.nullable(),
  positionKind: z.enum(positionKinds).nullable(),
  positionKindSource: source.nullable(),
  performancePredicate: z.enum(performancePredicates).nullable(),
  performanceSource: source.nullable(),
  /** [] = no punishment in the year; null = not known. */
  punishments: z
    .array(z.object({ level: z.enum(['ringan', 'sedang', 'berat']), date: z.iso.date() }))
    .max(20)
    .nullable(),
  disciplineSource: source.nullable(),
});

/** A fact without its source is refused: every value of a score says where it was read. */
function missingSources(input: z.infer<typeof FactsInput>): Problem[] {
  const pairs = [
    ['education', 'educationSource'],
    ['positionKind', 'positionKindSource'],
    ['performancePredicate', 'performanceSource'],
    ['punishments', 'disciplineSource'],
  ] as const;
  return pairs
    .filter(([fact, src]) => input[fact] !== null && input[src] === null)
    .map(([, src]) => ({
      path: [src],
      code: 'ipasn.source_required',
      message: { id: 'Sumber data wajib diisi untuk isian ini', en: 'A source is required for this fact' },
    }));
}

/**
 * Reads an import file of a year (facts or SIASN scores): every row checked first, employees
 * outside the caller's scope refused with their line; one problem and nothing is saved.
 */
async function importedRecords<R extends { employeeId: string; line: number }>(
  db: Db,
  user: SessionUser,
  file: File,
  parse: (table: Awaited<ReturnType<typeof uploadedTable>>) => { records: R[]; problems: Problem[] },
): Promise<Omit<R, 'line'>[]> {
  const unitId = unitScope(user, undefined);
  const { records, problems } = parse(await uploadedTable(file));
  const lines = new Map(records.map((r) => [r.employeeId, r.line]));
  problems.push(
    ...(await unknownEmployeeProblems(
      db,
      records.map((r) => r.employeeId),
      lines,
      unitId,
    )),
  );
  if (problems.length > 0) throw importRefusal(problems);
  if (records.length === 0)
    throw importRefusal([
      { path: ['file'], code: 'import.empty', message: { id: 'Berkas tidak berisi baris data', en: 'The file has no data rows' } },
    ]);
  return records.map(({ line: _line, ...r }) => r);
}

// ---------------------------------------------------------------------------------------------
// The recap cycle ([S] C.1–4; [D] SOP 68.SOP/OT.03/SDL.4/2023).

const Unit = { unitId: z.string().max(60) };
const UnitYear = z.object({ ...Unit, year });

/** The actions on a recap and the statuses each may start from. */
const TRANSITIONS: Record<RecapEvent['action'], { from: readonly RecapStatus[]; to: RecapStatus }> = {
  // [S] C.1: the unit sends its recap with a cover letter; again after a return.
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  // [S] C.3: the processing unit checks it and returns it when it is not right …
  return: { from: ['submitted'], to: 'returned' },
  // … or processes it.
  accept: { from: ['submitted'], to: 'accepted' },
  // [S] C.3–4: uploaded to BKN's IP ASN application; the upload result is reported.
  upload: { from: ['accepted'], to: 'uploaded' },
};

async function cycleOf(db: Db, y: number) {
  return (await db.select().from(ipasnCycles).where(eq(ipasnCycles.year, y)))[0] ?? null;
}

async function recapRow(db: Db, unitId: string, y: number) {
  return (
    await db
      .select()
      .from(ipasnRecaps)
      .where(and(eq(ipasnRecaps.unitId, unitId), eq(ipasnRecaps.year, y)))
  )[0];
}

/**
 * A recap's history with the person behind each event's username (name and NIP), joined in the
 * database from the stored events (no list of usernames is sent).
 */
async function recapHistory(db: Db, unitId: string, y: number) {
  const rows = rowsOf<{
    at: string;
    action: RecapEvent['action'];
    note: string | null;
    username: string;
    name: string | null;
    nip: string | null;
  }>(
    await db.execute(sql`
      SELECT h.event->>'at' AS at, h.event->>'action' AS action, h.event->>'note' AS note, h.event->>'by' AS username,
        e.name AS name, e.id AS nip
      FROM ${ipasnRecaps} r
      CROSS JOIN LATERAL jsonb_array_elements(r.history) WITH ORDINALITY AS h(event, n)
      LEFT JOIN ${users} u ON u.username = h.event->>'by'
      LEFT JOIN ${employees} e ON e.id = u.employee_id
      WHERE r.unit_id = ${unitId} AND r.year = ${y}
      ORDER BY h.n`),
  );
  return rows.map(({ at, action, note, username, name, nip }) => ({ at, action, ...(note ? { note } : {}), by: { username, name, nip } }));
}

/** The SOP's steps done, per unit, for a year (one query; all units, or one). */
async function stepsDone(db: Db, y: number, unitId?: string) {
  const rows = await db
    .select({ unitId: ipasnRecapSteps.unitId, step: ipasnRecapSteps.step, on: ipasnRecapSteps.doneOn })
    .from(ipasnRecapSteps)
    .where(unitId ? and(eq(ipasnRecapSteps.year, y), eq(ipasnRecapSteps.unitId, unitId)) : eq(ipasnRecapSteps.year, y));
  const byUnit = new Map<string, { step: number; on: string }[]>();
  for (const r of rows) byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), { step: r.step, on: r.on }]);
  return byUnit;
}

/** The SOP's steps for a unit: due dates in working days from the cycle's start, current and late steps. */
function progressOf(done: { step: number; on: string }[], startedOn: string | null, asOf: string) {
  if (!startedOn) return null;
  const progress = workflowProgress({ startedOn, done, asOf });
  if (!progress.ok) throw appError('INTERNAL_SERVER_ERROR', 'Tahapan tidak dapat dihitung', 'The steps cannot be computed');
  return progress.value;
}

/**
 * Policy parameter `ipasnStepOfAction` (setting): the SOP step each recap action ticks by itself.
 * The circular ([S] C.1–4) describes the flow between the units and HR (the unit sends, HR checks,
 * returns or forwards, then uploads to BKN and reports the result); the SOP ([D], 12 steps) is the
 * agency's internal procedure. Neither says which of the 12 steps each action of the circular is,
 * so the mapping is named and set per agency. Default: the unit's recap arriving is its part in
 * the coordination with the units ([D] step 4), HR accepting it is the check that forwards it
 * ([D] step 6), the upload recorded with its result is the follow-up of the validation ([D] step 9).
 * An agency whose recap goes to the secretariat first may set, e.g., `{ submit: 7, accept: 8, upload: 9 }`.
 */
export const DEFAULT_STEP_OF_ACTION = { submit: 4, accept: 6, upload: 9 } as const;
const STEP_OF_ACTION_KEY = 'ipasnStepOfAction';

/** The agency's mapping of recap actions to SOP steps (the default when unset or unreadable). */
export async function stepOfAction(db: Db): Promise<StepOfAction> {
  const row = (await db.select().from(settings).where(eq(settings.key, STEP_OF_ACTION_KEY)))[0];
  const parsed = StepOfAction.safeParse(row?.value);
  return parsed.success ? parsed.data : { ...DEFAULT_STEP_OF_ACTION };
}
const stepOf = (mapping: StepOfAction, action: RecapEvent['action']): number | undefined =>
  action === 'submit' || action === 'accept' || action === 'upload' ? mapping[action] : undefined;

/** Ticks the step an action stands for, on the agency's today (audited); nothing without an open cycle. */
async function tickStep(tx: Db, user: SessionUser, unitId: string, y: number, action: RecapEvent['action']) {
  const cycle = await cycleOf(tx, y);
  if (!cycle) return;
  const key = `${unitId}/${y}`;
  const mapping = await stepOfAction(tx);
  if (action === 'return') {
    // [D] step 6: a recap sent back is corrected and sent again, so the unit's step is open again.
    const reopened = await tx
      .delete(ipasnRecapSteps)
      .where(and(eq(ipasnRecapSteps.unitId, unitId), eq(ipasnRecapSteps.year, y), sql`${ipasnRecapSteps.step} >= ${mapping.submit}`))
      .returning({ step: ipasnRecapSteps.step, doneOn: ipasnRecapSteps.doneOn });
    if (reopened.length > 0) await audit(tx, user, 'ipasn.step_reopen', 'ipasn_recap', key, { steps: reopened }, { action });
    return;
  }
  const step = stepOf(mapping, action);
  if (!step) return;
  const doneOn = todayIso(await agencyTimeZone(tx));
  if (doneOn < cycle.startedOn) return;
  await tx
    .insert(ipasnRecapSteps)
    .values({ unitId, year: y, step, doneOn, doneBy: user.id })
    .onConflictDoUpdate({
      target: [ipasnRecapSteps.unitId, ipasnRecapSteps.year, ipasnRecapSteps.step],
      set: { doneOn, doneBy: user.id },
    });
  await audit(tx, user, 'ipasn.step_done', 'ipasn_recap', key, null, { step, doneOn, action });
}

/** Moves a recap through one action: checks the status it starts from, keeps the history, audits. */
async function transition(
  db: Db,
  user: SessionUser,
  unitId: string,
  y: number,
  action: RecapEvent['action'],
  changes: Partial<typeof ipasnRecaps.$inferInsert>,
  note?: string,
) {
  return db.transaction(async (tx) => {
    const before = await recapRow(tx as unknown as Db, unitId, y);
    const status = before?.status ?? 'draft';
    const rule = TRANSITIONS[action];
    if (!rule.from.includes(status))
      throw appError(
        'CONFLICT',
        `Rekap berstatus "${messagesFor('id')[`ipasn_status_${status}`]()}" tidak dapat diproses dengan tindakan ini`,
        `A recap with status "${messagesFor('en')[`ipasn_status_${status}`]()}" cannot take this action`,
        [
          {
            path: ['status'],
            code: 'ipasn.recap_status',
            message: {
              id: `Status rekap saat ini: ${messagesFor('id')[`ipasn_status_${status}`]()}`,
              en: `The recap's current status: ${messagesFor('en')[`ipasn_status_${status}`]()}`,
            },
          },
        ],
      );
    const event: RecapEvent = { at: new Date().toISOString(), by: user.username, action, ...(note ? { note } : {}) };
    const history = [...(before?.history ?? []), event];
    const values = { ...changes, status: rule.to, history, updatedAt: new Date() };
    if (before)
      await tx
        .update(ipasnRecaps)
        .set(values)
        .where(and(eq(ipasnRecaps.unitId, unitId), eq(ipasnRecaps.year, y)));
    else await tx.insert(ipasnRecaps).values({ unitId, year: y, ...values });
    await audit(tx, user, `ipasn.recap_${action}`, 'ipasn_recap', `${unitId}/${y}`, before ? { status: before.status } : null, {
      status: rule.to,
      ...(note ? { note } : {}),
      ...(changes.uploadedOn ? { uploadedOn: changes.uploadedOn } : {}),
    });
    await tickStep(tx as unknown as Db, user, unitId, y, action);
    return { status: rule.to, history };
  });
}

export const ipasnRouter = router({
  /**
   * One employee's score for a year: each dimension with the trace (every value's source and
   * confidence), the `unverified` marker, the facts with their sources, what would raise the score
   * and the comparison with SIASN. Visible to whoever may see the employee (the employee included).
   */
  employee: authedProcedure.input(z.object({ employeeId: z.string().max(40), year })).query(async ({ ctx, input }) => {
    const employee = await ensureVisible(ctx.db, ctx.user, input.employeeId);
    await freshen(ctx.db, eq(employees.id, employee.id));
    const [scored] = await scoreBatch(ctx.db, [employee], input.year, true);
    const canEdit = ctx.user.role === 'admin_sdm' || (ctx.user.role === 'admin_unit' && ctx.user.unitId === employee.unitId);
    return { ...scored!, canEdit };
  }),

  /** Enters an employee's facts of a year (HR, or the unit admin for the own unit); each fact with its source. */
  saveFacts: roleProcedure('admin_unit', 'admin_sdm')
    .input(FactsInput)
    .mutation(async ({ ctx, input }) => {
      const employee = await ensureVisible(ctx.db, ctx.user, input.employeeId);
      const problems = missingSources(input);
      if (problems.length > 0) throw appError('BAD_REQUEST', 'Sumber data belum diisi', 'A source is missing', problems);
      const { employeeId, year: y, ...facts } = input;
      return ctx.db.transaction(async (tx) => {
        const before =
          (
            await tx
              .select()
              .from(ipasnFacts)
              .where(and(eq(ipasnFacts.employeeId, employee.id), eq(ipasnFacts.year, y)))
          )[0] ?? null;
        const values = { ...facts, updatedBy: ctx.user.id, updatedAt: new Date() };
        await tx
          .insert(ipasnFacts)
          .values({ employeeId, year: y, ...values })
          .onConflictDoUpdate({ target: [ipasnFacts.employeeId, ipasnFacts.year], set: values });
        if (before) {
          const { updatedAt: _a, updatedBy: _b, ...rest } = before;
          await audit(tx, ctx.user, 'ipasn.facts', 'ipasn_facts', `${employeeId}/${y}`, rest, facts);
        } else await audit(tx, ctx.user, 'ipasn.facts', 'ipasn_facts', `${employeeId}/${y}`, null, facts);
        return { employeeId, year: y };
      });
    }),

  /**
   * Imports facts of a year from CSV or XLSX (columns: NIP, Pendidikan, Sumber Pendidikan, Jenis
   * Jabatan, Sumber Jenis Jabatan, Predikat Kinerja, Sumber Kinerja, Hukuman Disiplin, Tanggal
   * Hukuman, Sumber Disiplin): every row is checked first; one problem and nothing is saved.
   */
  importFacts: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ year, file: z.file() }))
    .mutation(async ({ ctx, input }) => {
      const rows = await importedRecords(ctx.db, ctx.user, input.file, parseFactRows);
      return ctx.db.transaction(async (tx) => {
        // One statement, one parameter: the rows as JSON (no bind-parameter limit).
        await tx.execute(sql`
          INSERT INTO ipasn_facts (employee_id, year, education, education_source, position_kind, position_kind_source,
            performance_predicate, performance_source, punishments, discipline_source, updated_by, updated_at)
          SELECT r."employeeId", ${input.year}, r.education, r."educationSource", r."positionKind", r."positionKindSource",
            r."performancePredicate", r."performanceSource", r.punishments, r."disciplineSource", ${ctx.user.id}, now()
          FROM jsonb_to_recordset(${sql.param(JSON.stringify(rows))}::jsonb) AS r("employeeId" text, education text,
            "educationSource" text, "positionKind" text, "positionKindSource" text, "performancePredicate" text,
            "performanceSource" text, punishments jsonb, "disciplineSource" text)
          ON CONFLICT (employee_id, year) DO UPDATE SET education = EXCLUDED.education, education_source = EXCLUDED.education_source,
            position_kind = EXCLUDED.position_kind, position_kind_source = EXCLUDED.position_kind_source,
            performance_predicate = EXCLUDED.performance_predicate, performance_source = EXCLUDED.performance_source,
            punishments = EXCLUDED.punishments, discipline_source = EXCLUDED.discipline_source,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
        await audit(tx, ctx.user, 'ipasn.facts_import', 'ipasn_facts', String(input.year), null, {
          file: input.file.name,
          rows: rows.length,
          employees: rows.map((r) => r.employeeId),
        });
        return { imported: rows.length };
      });
    }),

  /** Imports SIASN's scores (nilaiipasn: NIP, Kualifikasi, Kompetensi, Kinerja, Disiplin, Total) to compare with the app's. */
  importSiasn: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ year, file: z.file() }))
    .mutation(async ({ ctx, input }) => {
      const rows = await importedRecords(ctx.db, ctx.user, input.file, parseSiasnRows);
      return ctx.db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO ipasn_siasn_scores (employee_id, year, kualifikasi, kompetensi, kinerja, disiplin, total, file_name, imported_by, imported_at)
          SELECT r."employeeId", ${input.year}, r.kualifikasi, r.kompetensi, r.kinerja, r.disiplin, r.total, ${input.file.name}, ${ctx.user.id}, now()
          FROM jsonb_to_recordset(${sql.param(JSON.stringify(rows))}::jsonb) AS r("employeeId" text, kualifikasi numeric,
            kompetensi numeric, kinerja numeric, disiplin numeric, total numeric)
          ON CONFLICT (employee_id, year) DO UPDATE SET kualifikasi = EXCLUDED.kualifikasi, kompetensi = EXCLUDED.kompetensi,
            kinerja = EXCLUDED.kinerja, disiplin = EXCLUDED.disiplin, total = EXCLUDED.total, file_name = EXCLUDED.file_name,
            imported_by = EXCLUDED.imported_by, imported_at = EXCLUDED.imported_at`);
        await audit(tx, ctx.user, 'ipasn.siasn_import', 'ipasn_siasn_scores', String(input.year), null, {
          file: input.file.name,
          rows: rows.length,
        });
        return { imported: rows.length };
      });
    }),

  /** The report of a unit (own unit for admin_unit) or the agency: mean, categories, lowest, gaps, SIASN differences. */
  report: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ year, unitId: z.string().max(60).optional() }))
    .query(async ({ ctx, input }) => {
      const unitId = unitScope(ctx.user, input.unitId);
      const { pending } = await freshen(ctx.db, unitId ? eq(employees.unitId, unitId) : undefined);
      return { ...(await ipasnReport(ctx.db, input.year, unitId)), pending };
    }),

  /** Opens the year's recap cycle: the date the reconciliation letter arrived starts step 1 ([D] step 1). */
  openCycle: roleProcedure('admin_sdm')
    .input(RecapCycle)
    .mutation(async ({ ctx, input }) =>
      ctx.db.transaction(async (tx) => {
        const before = await cycleOf(tx as unknown as Db, input.year);
        await tx
          .insert(ipasnCycles)
          .values({ year: input.year, startedOn: input.startedOn, openedBy: ctx.user.id })
          .onConflictDoUpdate({ target: ipasnCycles.year, set: { startedOn: input.startedOn } });
        await audit(tx, ctx.user, 'ipasn.cycle_open', 'ipasn_cycle', String(input.year), before ? { startedOn: before.startedOn } : null, {
          startedOn: input.startedOn,
        });
        return { year: input.year, startedOn: input.startedOn };
      }),
    ),

  /** HR's overview of every unit: where each recap stands, the current SOP step and the late ones. */
  overview: roleProcedure('admin_sdm', 'auditor')
    .input(z.object({ year }))
    .query(async ({ ctx, input }) => {
      const cycle = await cycleOf(ctx.db, input.year);
      const asOf = todayIso(await agencyTimeZone(ctx.db));
      const allUnits = await ctx.db.select().from(units).orderBy(units.name);
      const recaps = new Map((await ctx.db.select().from(ipasnRecaps).where(eq(ipasnRecaps.year, input.year))).map((r) => [r.unitId, r]));
      const done = await stepsDone(ctx.db, input.year);
      const rows = [];
      for (const unit of allUnits) {
        const recap = recaps.get(unit.id);
        const progress = progressOf(done.get(unit.id) ?? [], cycle?.startedOn ?? null, asOf);
        const current = progress?.steps.find((s) => s.step === progress.currentStep) ?? null;
        rows.push({
          unitId: unit.id,
          unitName: unit.name,
          status: recap?.status ?? 'draft',
          updatedAt: recap?.updatedAt ?? null,
          uploadedOn: recap?.uploadedOn ?? null,
          currentStep: current ? { step: current.step, actor: current.actor, dueOn: current.dueOn, status: current.status } : null,
          lateSteps: progress?.lateSteps ?? [],
          overdue: current?.status === 'late',
        });
      }
      return {
        year: input.year,
        cycle,
        asOf,
        units: rows,
        overdue: rows.filter((r) => r.overdue).length,
        stepOfAction: await stepOfAction(ctx.db),
        sopSteps: reconciliationWorkflow.steps.map((s) => ({ step: s.step, actor: s.actor, activity: s.activity })),
      };
    }),

  /**
   * The SOP steps waiting on the caller in the latest cycle, for the home page: the unit admin's
   * recap when the unit's step is current, HR's current steps of every unit; late ones first.
   */
  due: roleProcedure('admin_unit', 'admin_sdm').query(async ({ ctx }) => {
    const cycle = (await ctx.db.select().from(ipasnCycles).orderBy(desc(ipasnCycles.year)).limit(1))[0];
    if (!cycle) return null;
    const asOf = todayIso(await agencyTimeZone(ctx.db));
    const ownUnit = ctx.user.role === 'admin_unit' ? actingUnit(ctx.user, ctx.user.unitId ?? '') : undefined;
    const done = await stepsDone(ctx.db, cycle.year, ownUnit);
    const unitStep = (await stepOfAction(ctx.db)).submit;
    const scope = await ctx.db
      .select({ id: units.id, name: units.name, status: ipasnRecaps.status })
      .from(units)
      .leftJoin(ipasnRecaps, and(eq(ipasnRecaps.unitId, units.id), eq(ipasnRecaps.year, cycle.year)))
      .where(ownUnit ? eq(units.id, ownUnit) : undefined)
      .orderBy(units.name);
    const items = [];
    for (const unit of scope) {
      const progress = progressOf(done.get(unit.id) ?? [], cycle.startedOn, asOf)!;
      // The unit admin's part is the recap while it waits on the unit (not sent yet, or sent back);
      // HR's are the current steps that are not the unit's.
      const waitsOnUnit = unit.status === null || unit.status === 'draft' || unit.status === 'returned';
      const step = ownUnit
        ? waitsOnUnit
          ? progress.steps.find((s) => s.step === unitStep)
          : undefined
        : progress.steps.find((s) => s.step === progress.currentStep && !(s.step === unitStep && waitsOnUnit));
      if (step)
        items.push({
          unitId: unit.id,
          unitName: unit.name,
          step: step.step,
          actor: step.actor,
          activity: step.activity,
          dueOn: step.dueOn,
          late: step.status === 'late',
        });
    }
    items.sort((a, b) => Number(b.late) - Number(a.late) || (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9'));
    return { year: cycle.year, asOf, late: items.filter((i) => i.late).length, total: items.length, items: items.slice(0, 5) };
  }),

  /** A unit's recap: status, history, HR's notes, the SOP steps with their due dates and the unit's report. */
  recap: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(UnitYear)
    .query(async ({ ctx, input }) => {
      const unitId = actingUnit(ctx.user, input.unitId);
      const unit = await ensureUnit(ctx.db, unitId);
      const cycle = await cycleOf(ctx.db, input.year);
      const asOf = todayIso(await agencyTimeZone(ctx.db));
      const recap = await recapRow(ctx.db, unitId, input.year);
      const done = (await stepsDone(ctx.db, input.year, unitId)).get(unitId) ?? [];
      const progress = progressOf(done, cycle?.startedOn ?? null, asOf);
      const { pending } = await freshen(ctx.db, eq(employees.unitId, unitId));
      const report = await ipasnReport(ctx.db, input.year, unitId);
      return {
        unit,
        year: input.year,
        cycle,
        asOf,
        status: recap?.status ?? ('draft' as RecapStatus),
        letterNumber: recap?.letterNumber ?? null,
        returnNote: recap?.returnNote ?? null,
        history: recap ? await recapHistory(ctx.db, unitId, input.year) : [],
        uploadedOn: recap?.uploadedOn ?? null,
        resultName: recap?.resultName ?? null,
        steps:
          progress?.steps ??
          reconciliationWorkflow.steps.map((s) => ({ ...s, startsOn: null, dueOn: null, doneOn: null, status: 'pending' as const })),
        currentStep: progress?.currentStep ?? null,
        appSteps: await stepOfAction(ctx.db),
        report: report.scope,
        notMeasured: report.notMeasured,
        incomplete: report.incomplete,
        pending,
      };
    }),

  /** The unit's admin submits the recap with its cover letter number ([S] B, C.1). */
  submitRecap: roleProcedure('admin_unit')
    .input(RecapSubmission.extend(Unit))
    .mutation(async ({ ctx, input }) => {
      const unitId = actingUnit(ctx.user, input.unitId);
      await ensureUnit(ctx.db, unitId);
      const report = await ipasnReport(ctx.db, input.year, unitId);
      const snapshot = {
        at: new Date().toISOString(),
        report: report.scope,
        notMeasured: report.notMeasured,
        incomplete: report.incomplete,
      };
      return transition(ctx.db, ctx.user, unitId, input.year, 'submit', { letterNumber: input.letterNumber, snapshot, returnNote: null });
    }),

  /** HR returns the recap with what must be corrected ([S] C.3). */
  returnRecap: roleProcedure('admin_sdm')
    .input(RecapReturn.extend(Unit))
    .mutation(async ({ ctx, input }) =>
      transition(ctx.db, ctx.user, input.unitId, input.year, 'return', { returnNote: input.note }, input.note),
    ),

  /** HR accepts the recap ([S] C.3). */
  acceptRecap: roleProcedure('admin_sdm')
    .input(RecapAcceptance.extend(Unit))
    .mutation(async ({ ctx, input }) => transition(ctx.db, ctx.user, input.unitId, input.year, 'accept', {})),

  /** HR records the upload to BKN's IP ASN application with its date and the upload result report ([S] C.3–4). */
  recordUpload: roleProcedure('admin_sdm')
    .input(RecapUpload.extend(Unit))
    .mutation(async ({ ctx, input }) => {
      const stored = await ctx.db.transaction(async (tx) => storeEvidence(tx, input.result));
      return transition(ctx.db, ctx.user, input.unitId, input.year, 'upload', {
        uploadedOn: input.uploadedOn,
        resultSha256: stored.sha256,
        resultName: stored.name,
      });
    }),

  /** Sets which SOP step each recap action ticks (policy parameter `ipasnStepOfAction`; audited). */
  setStepOfAction: roleProcedure('admin_sdm')
    .input(StepOfAction)
    .mutation(async ({ ctx, input }) => {
      const before = await stepOfAction(ctx.db);
      await ctx.db.transaction(async (tx) => {
        await tx
          .insert(settings)
          .values({ key: STEP_OF_ACTION_KEY, value: input })
          .onConflictDoUpdate({ target: settings.key, set: { value: input } });
        await audit(tx, ctx.user, 'settings.ipasn_step_of_action', 'settings', STEP_OF_ACTION_KEY, before, input);
      });
      return input;
    }),

  /** Records a step of the SOP as done on a date (HR for any unit, the unit admin for the own). */
  completeStep: roleProcedure('admin_unit', 'admin_sdm')
    .input(RecapStepDone.extend(Unit))
    .mutation(async ({ ctx, input }) => {
      const unitId = actingUnit(ctx.user, input.unitId);
      await ensureUnit(ctx.db, unitId);
      if (Object.values(await stepOfAction(ctx.db)).includes(input.step))
        throw appError(
          'CONFLICT',
          'Tahap ini tercatat sendiri saat rekap dikirim, diterima atau unggahannya dicatat',
          'This step is recorded by the recap being sent, accepted or its upload recorded',
          [
            {
              path: ['step'],
              code: 'ipasn.step_by_action',
              message: {
                id: `Tahap ${input.step} dicatat oleh tindakan pada rekap`,
                en: `Step ${input.step} is recorded by the recap's action`,
              },
            },
          ],
        );
      const cycle = await cycleOf(ctx.db, input.year);
      if (!cycle) throw appError('CONFLICT', 'Siklus rekap tahun ini belum dibuka', "This year's recap cycle has not been opened");
      if (!isValidIsoDate(input.doneOn) || input.doneOn < cycle.startedOn)
        throw appError('BAD_REQUEST', 'Tanggal selesai sebelum siklus dimulai', 'The date is before the cycle started', [
          {
            path: ['doneOn'],
            code: 'ipasn.step_date',
            message: { id: `Tanggal harus sejak ${cycle.startedOn}`, en: `The date must be on or after ${cycle.startedOn}` },
          },
        ]);
      return ctx.db.transaction(async (tx) => {
        await tx
          .insert(ipasnRecapSteps)
          .values({ unitId, year: input.year, step: input.step, doneOn: input.doneOn, doneBy: ctx.user.id })
          .onConflictDoUpdate({
            target: [ipasnRecapSteps.unitId, ipasnRecapSteps.year, ipasnRecapSteps.step],
            set: { doneOn: input.doneOn, doneBy: ctx.user.id },
          });
        await audit(tx, ctx.user, 'ipasn.step_done', 'ipasn_recap', `${unitId}/${input.year}`, null, {
          step: input.step,
          doneOn: input.doneOn,
        });
        return { step: input.step, doneOn: input.doneOn };
      });
    }),

  /** The recap's documents: the cover letter (PDF), the recap sheet (XLSX) and the BKN upload result. */
  document: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(UnitYear.extend({ kind: z.enum(['coverLetter', 'recap', 'result']) }))
    .query(async ({ ctx, input }) => {
      const unitId = actingUnit(ctx.user, input.unitId);
      const unit = await ensureUnit(ctx.db, unitId);
      const recap = await recapRow(ctx.db, unitId, input.year);
      await audit(ctx.db, ctx.user, 'ipasn.document', 'ipasn_recap', `${unitId}/${input.year}`, null, { kind: input.kind });
      if (input.kind === 'result') {
        if (!recap?.resultSha256) throw appError('NOT_FOUND', 'Laporan hasil unggah belum dilampirkan', 'No upload result is attached');
        const file = (await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, recap.resultSha256)))[0]!;
        return {
          filename: recap.resultName ?? 'hasil-unggah',
          mediaType: file.mediaType,
          contentBase64: Buffer.from(file.content).toString('base64'),
        };
      }
      const report = await ipasnReport(ctx.db, input.year, unitId);
      if (input.kind === 'coverLetter') {
        const pdf = await coverLetterPdf({ unit, year: input.year, letterNumber: recap?.letterNumber ?? null, report });
        return {
          filename: `surat-pengantar-ip-asn-${unitId}-${input.year}.pdf`,
          mediaType: 'application/pdf',
          contentBase64: Buffer.from(pdf).toString('base64'),
        };
      }
      const xlsx = await recapXlsx(ctx.db, { unit, year: input.year });
      return {
        filename: `rekap-ip-asn-${unitId}-${input.year}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        contentBase64: Buffer.from(xlsx).toString('base64'),
      };
    }),
});
