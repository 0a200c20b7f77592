import type { LearningActivity, Problem } from '@bangkom/domain';
import { isValidIsoDate } from '@bangkom/domain';
import { fromSiasn, myAsnFormFields, reconcile, siasnReference } from '@bangkom/myasn';
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { anyOf, canSee, ensureVisible, inUnit, unitScope } from '../access.js';
import { audit } from '../audit.js';
import type { Db } from '../db/index.js';
import { storedActivity } from '../db/records.js';
import {
  activities,
  activityJp,
  employees,
  myasnUploads,
  siasnReconciliationItems,
  siasnReconciliations,
  units,
  users,
} from '../db/schema.js';
import type { ReconciliationItemKind } from '../db/schema.js';
import { appError } from '../errors.js';
import { entryOf, markUploaded, myAsnFormXlsx, payloadJson, recorderFields, sentToSiasn, unitActivities, uploadOf } from '../myasn.js';
import { freshen, refreshTotals } from '../totals.js';
import { actingEmployee, personColumns } from '../people.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { todayIso } from '../../values.js';
import { MyasnResolve, MyasnUnmark } from '../../schemas.js';
import { activityOf, agencyTimeZone } from './activities.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = (filename: string, mediaType: string, bytes: Uint8Array) => ({
  filename,
  mediaType,
  contentBase64: Buffer.from(bytes).toString('base64'),
});

/** Largest SIASN history file read (JSON text): a unit's rw-diklat and rw-kursus for several years. */
export const MAX_HISTORY_CHARS = 8_000_000;
/** Largest page of a unit's activities or of a reconciliation's lines. */
const PAGE = 100;

const notFound = () => appError('NOT_FOUND', 'Kegiatan tidak ditemukan', 'Activity not found');
const conflict = (id: string, en: string) => appError('CONFLICT', id, en);
const problem = (path: (string | number)[], code: string, id: string, en: string): Problem => ({ path, code, message: { id, en } });
const badRequest = (id: string, en: string, problems: Problem[] = []) => appError('BAD_REQUEST', id, en, problems);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isValidIsoDate);
const siasnIdInput = z.string().trim().min(1).max(128);
const yearInput = z.int().min(2000).max(2100);

/** The activity, if the user may see its employee (someone who may not is told it does not exist). */
async function visibleActivity(db: Db, user: Parameters<typeof canSee>[1], id: string) {
  const row = (await db.select().from(activities).where(eq(activities.id, id)))[0];
  if (!row || !(await canSee(db, user, row.employeeId))) throw notFound();
  const employee = (await db.select().from(employees).where(eq(employees.id, row.employeeId)))[0]!;
  return { row, employee };
}

/** The JP an activity is worth on its own (what SIASN records as `jumlahJam`), from the stored results. */
async function convertedJpOf(db: Db, activityId: string, employeeId: string): Promise<number | null> {
  await freshen(db, eq(employees.id, employeeId));
  const row = (
    await db
      .select({ jp: activityJp.convertedJp, problems: activityJp.problems })
      .from(activityJp)
      .where(eq(activityJp.activityId, activityId))
  )[0];
  return row && row.problems === null ? row.jp : null;
}

/** The unit a request is about: an admin unit's own; admin SDM and the auditor name one. */
function unitOf(user: Parameters<typeof unitScope>[0], asked: string | undefined): string {
  const unitId = unitScope(user, asked);
  if (!unitId)
    throw badRequest('Pilih unit kerja', 'Choose a work unit', [
      problem(['unitId'], 'myasn.unit_required', 'Unit kerja wajib dipilih', 'A work unit is required'),
    ]);
  return unitId;
}

async function unitName(db: Db, unitId: string): Promise<string> {
  const unit = (await db.select().from(units).where(eq(units.id, unitId)))[0];
  if (!unit) throw appError('NOT_FOUND', 'Unit kerja tidak ditemukan', 'Work unit not found');
  return unit.name;
}

/** The activities of a unit's year with their MyASN entry and SIASN body. */
async function unitBundle(db: Db, unitId: string, year: number, pendingOnly: boolean) {
  await freshen(db, eq(employees.unitId, unitId));
  const rows = (await unitActivities(db, { unitId }, year)).filter((r) => !pendingOnly || r.uploadedOn === null);
  return rows.map((row) => ({ row, entry: entryOf(row.activity, row.convertedJp, { name: row.employeeName }) }));
}

/** What a SIASN history file is, read and checked against the scope: the records of the year as activities. */
async function readHistory(db: Db, text: string, scope: { unitId: string; employeeId?: string | undefined }, year: number) {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw badRequest(
      'Berkas riwayat SIASN bukan JSON yang sah; tidak ada yang disimpan',
      'The SIASN history file is not valid JSON; nothing was saved',
      [problem(['file'], 'myasn.not_json', `Bukan JSON: ${(e as Error).message}`, `Not JSON: ${(e as Error).message}`)],
    );
  }
  const read = fromSiasn(parsed, siasnReference);
  if (!read.ok)
    throw badRequest(
      `Berkas riwayat SIASN tidak dapat dibaca (${read.problems.length} masalah); tidak ada yang disimpan`,
      `The SIASN history file cannot be read (${read.problems.length} problems); nothing was saved`,
      read.problems,
    );
  // fromSiasn keeps the file's order: its diklat records, then its kursus records.
  const raw = parsed as { diklat?: unknown[]; kursus?: unknown[] };
  const diklatCount = Array.isArray(raw.diklat) ? raw.diklat.length : 0;
  const pathOf = (i: number): (string | number)[] => (i < diklatCount ? ['diklat', i, 'nipBaru'] : ['kursus', i - diklatCount, 'nipBaru']);
  const nips = [...new Set(read.value.map((a) => a.nip))];
  const known = new Set(
    (
      await db
        .select({ id: employees.id })
        .from(employees)
        .where(
          and(
            anyOf(employees.id, nips),
            eq(employees.unitId, scope.unitId),
            scope.employeeId ? eq(employees.id, scope.employeeId) : undefined,
          ),
        )
    ).map((e) => e.id),
  );
  const outside = read.value.flatMap((a, i) =>
    known.has(a.nip)
      ? []
      : [
          problem(
            pathOf(i),
            'myasn.nip_outside_scope',
            scope.employeeId ? `NIP ${a.nip} bukan pegawai yang dipilih` : `NIP ${a.nip} bukan pegawai unit kerja ini`,
            scope.employeeId ? `NIP ${a.nip} is not the chosen employee` : `NIP ${a.nip} is not an employee of this work unit`,
          ),
        ],
  );
  if (outside.length)
    throw badRequest(
      `${outside.length} catatan SIASN milik pegawai di luar cakupan; tidak ada yang disimpan`,
      `${outside.length} SIASN records belong to employees outside the scope; nothing was saved`,
      outside.slice(0, 200),
    );
  const inYear = read.value.filter((a) => a.endDate.startsWith(String(year)));
  return { inYear, otherYears: read.value.length - inYear.length };
}

/** An activity id for a SIASN record imported as an activity: fromSiasn's id, or a digest of it when too long for the app's ids. */
const importedId = (a: LearningActivity) =>
  a.id.length <= 60 ? a.id : `siasn-${createHash('sha256').update(a.id).digest('hex').slice(0, 32)}`;

export const myasnRouter = router({
  /**
   * One activity in MyASN/SIASN terms: the MyASN entry (nine fields, [K] III.C), the evidence to
   * attach, the SIASN save body with its upload descriptor, and whether (when, by whom) it was
   * entered. The employee sees their own; whoever may see the activity sees this.
   */
  activity: authedProcedure.input(z.object({ id: z.string().max(60) })).query(async ({ ctx, input }) => {
    const { row, employee } = await visibleActivity(ctx.db, ctx.user, input.id);
    const activity = activityOf(row);
    const excluded = !sentToSiasn(employee.kind);
    const jp = await convertedJpOf(ctx.db, row.id, row.employeeId);
    const entry = excluded || jp === null ? null : entryOf(activity, jp, { name: employee.name });
    const upload = await uploadOf(ctx.db, row.id);
    const staff = ctx.user.role === 'admin_unit' || ctx.user.role === 'admin_sdm';
    return {
      id: row.id,
      status: row.status,
      title: activity.title,
      employee: { id: employee.id, name: employee.name, kind: employee.kind, unitId: employee.unitId },
      evidenceName: row.evidenceName,
      /** TKK: never sent to MyASN/SIASN. */
      excluded,
      convertible: jp !== null,
      form: entry?.form ?? null,
      /** The nine fields in the order of the MyASN form. */
      formFields: myAsnFormFields,
      payload: entry?.payload ?? null,
      payloadJson: entry?.payload ? payloadJson(entry.payload) : null,
      problems: entry?.problems.map((p) => p.message) ?? [],
      upload,
      can: {
        mark: staff && !excluded && row.status === 'verified' && upload === null,
        link: staff && upload !== null && upload.siasnId === null,
        unmark: ctx.user.role === 'admin_sdm' && upload !== null,
      },
    };
  }),

  /** Records that an activity was entered in MyASN/SIASN: on which day, and the SIASN record id when known. */
  mark: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string().max(60), uploadedOn: isoDate, siasnId: siasnIdInput.optional() }))
    .mutation(async ({ ctx, input }) => {
      const { row, employee } = await visibleActivity(ctx.db, ctx.user, input.id);
      if (!sentToSiasn(employee.kind))
        throw conflict('Kegiatan TKK tidak dikirim ke MyASN/SIASN', 'TKK activities are not sent to MyASN/SIASN');
      if (row.status !== 'verified')
        throw conflict('Hanya kegiatan terverifikasi yang diunggah ke MyASN/SIASN', 'Only verified activities are uploaded to MyASN/SIASN');
      const today = todayIso(await agencyTimeZone(ctx.db));
      if (input.uploadedOn > today)
        throw badRequest('Tanggal unggah tidak boleh setelah hari ini', 'The upload date cannot be after today', [
          problem(['uploadedOn'], 'myasn.future_date', 'Tanggal setelah hari ini', 'Date after today'),
        ]);
      const outcome = await ctx.db.transaction((tx) =>
        markUploaded(tx, ctx.user, row.id, { uploadedOn: input.uploadedOn, siasnId: input.siasnId ?? null, source: 'manual' }),
      );
      if (outcome === 'unchanged') throw conflict('Kegiatan ini sudah ditandai diunggah', 'This activity is already marked as uploaded');
      return uploadOf(ctx.db, row.id);
    }),

  /** Undoes an upload mark (admin SDM, with the reason); the audit log keeps the mark and the reason. */
  unmark: roleProcedure('admin_sdm')
    .input(MyasnUnmark.extend({ id: z.string().max(60) }))
    .mutation(async ({ ctx, input }) => {
      const { row } = await visibleActivity(ctx.db, ctx.user, input.id);
      return ctx.db.transaction(async (tx) => {
        const [removed] = await tx.delete(myasnUploads).where(eq(myasnUploads.activityId, row.id)).returning();
        if (!removed) throw conflict('Kegiatan ini belum ditandai diunggah', 'This activity is not marked as uploaded');
        await audit(
          tx,
          ctx.user,
          'myasn.unmark_uploaded',
          'activity',
          row.id,
          { uploadedOn: removed.uploadedOn, siasnId: removed.siasnId, source: removed.source, recordedBy: removed.recordedBy },
          { reason: input.reason },
        );
        return { id: row.id };
      });
    }),

  /**
   * A unit's verified ASN activities of a year with their upload marks, a page at a time (by
   * employee name), and how many are uploaded; TKK are never listed.
   */
  unit: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      z.object({
        unitId: z.string().max(60).optional(),
        year: yearInput,
        filter: z.enum(['all', 'pending', 'uploaded']).default('all'),
        /** Paging (keyset): the number of rows already shown. */
        after: z.object({ name: z.string().max(200), employeeId: z.string().max(40), activityId: z.string().max(60) }).optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const unitId = unitOf(ctx.user, input.unitId);
      const name = await unitName(ctx.db, unitId);
      await freshen(ctx.db, eq(employees.unitId, unitId));
      const scope = and(
        eq(activityJp.year, input.year),
        eq(activities.status, 'verified'),
        sql`${employees.kind} <> 'TKK'`,
        eq(employees.unitId, unitId),
      );
      const filter =
        input.filter === 'pending'
          ? isNull(myasnUploads.activityId)
          : input.filter === 'uploaded'
            ? sql`${myasnUploads.activityId} IS NOT NULL`
            : undefined;
      const base = () =>
        ctx.db
          .select({
            activityId: activities.id,
            title: sql<string>`${activities.data}->>'title'`,
            endDate: sql<string>`${activities.data}->>'endDate'`,
            employeeId: employees.id,
            employeeName: employees.name,
            convertedJp: activityJp.convertedJp,
            uploadedOn: myasnUploads.uploadedOn,
            siasnId: myasnUploads.siasnId,
            ...recorderFields,
          })
          .from(activityJp)
          .innerJoin(activities, eq(activities.id, activityJp.activityId))
          .innerJoin(employees, eq(employees.id, activityJp.employeeId))
          .leftJoin(myasnUploads, eq(myasnUploads.activityId, activities.id))
          .leftJoin(users, eq(users.id, myasnUploads.recordedBy));
      const [rows, counts] = await Promise.all([
        base()
          .where(
            and(
              scope,
              filter,
              input.after
                ? sql`(${employees.name}, ${employees.id}, ${activities.id}) > (${input.after.name}, ${input.after.employeeId}, ${input.after.activityId})`
                : undefined,
            ),
          )
          .orderBy(employees.name, employees.id, activities.id)
          .limit(PAGE + 1),
        ctx.db
          .select({
            total: sql<number>`count(*)::int`,
            uploaded: sql<number>`count(${myasnUploads.activityId})::int`,
          })
          .from(activityJp)
          .innerJoin(activities, eq(activities.id, activityJp.activityId))
          .innerJoin(employees, eq(employees.id, activityJp.employeeId))
          .leftJoin(myasnUploads, eq(myasnUploads.activityId, activities.id))
          .where(scope),
      ]);
      const page = rows.slice(0, PAGE);
      const last = page.at(-1);
      return {
        unitId,
        unitName: name,
        year: input.year,
        total: Number(counts[0]?.total ?? 0),
        uploaded: Number(counts[0]?.uploaded ?? 0),
        rows: page,
        next: rows.length > PAGE && last ? { name: last.employeeName, employeeId: last.employeeId, activityId: last.activityId } : null,
      };
    }),

  /**
   * The bulk export of a unit's year for offices that upload through an integrator: what goes in
   * the ZIP (one SIASN body per activity, the evidence files, the MyASN form and an index), checked
   * and audited here; `/myasn/export` streams it. TKK never.
   */
  exportZip: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ unitId: z.string().max(60).optional(), year: yearInput, pendingOnly: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const unitId = unitOf(ctx.user, input.unitId);
      const name = await unitName(ctx.db, unitId);
      const items = await unitBundle(ctx.db, unitId, input.year, input.pendingOnly);
      await audit(ctx.db, ctx.user, 'export.myasn_zip', 'unit', unitId, null, {
        year: input.year,
        pendingOnly: input.pendingOnly,
        activities: items.length,
      });
      // The ZIP itself is streamed by its route (`bundleZip`), reading each evidence file when it reaches it.
      return { filename: `myasn-siasn-${unitId}-${input.year}.zip`, title: `MyASN/SIASN ${name} ${input.year}`, items };
    }),

  /** The MyASN form (nine fields per verified ASN activity, [K] III.C) of a unit's year as XLSX. */
  exportForm: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ unitId: z.string().max(60).optional(), year: yearInput, pendingOnly: z.boolean().default(false) }))
    .query(async ({ ctx, input }) => {
      const unitId = unitOf(ctx.user, input.unitId);
      const name = await unitName(ctx.db, unitId);
      const items = await unitBundle(ctx.db, unitId, input.year, input.pendingOnly);
      await audit(ctx.db, ctx.user, 'export.myasn_form', 'unit', unitId, null, { year: input.year, activities: items.length });
      return file(
        `form-myasn-${unitId}-${input.year}.xlsx`,
        XLSX,
        await myAsnFormXlsx(
          items.map((i) => i.entry.form),
          `FORM MyASN ${name} ${input.year}`,
        ),
      );
    }),

  /**
   * Compares a SIASN history file (rw-diklat/rw-kursus, as `fromSiasn` reads it) of a unit or one
   * employee with the verified activities of the year, and keeps the result line by line. A file
   * that cannot be read, or holds records of employees outside the scope, is refused whole.
   */
  reconcile: roleProcedure('admin_unit', 'admin_sdm')
    .input(
      z.object({
        unitId: z.string().max(60).optional(),
        year: yearInput,
        employeeId: z.string().max(40).optional(),
        fileName: z.string().trim().min(1).max(200),
        content: z.string().max(MAX_HISTORY_CHARS),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const unitId = unitOf(ctx.user, input.unitId);
      await unitName(ctx.db, unitId);
      if (input.employeeId) {
        const employee = await ensureVisible(ctx.db, ctx.user, input.employeeId);
        if (employee.unitId !== unitId)
          throw badRequest('Pegawai bukan anggota unit kerja ini', 'The employee is not in this work unit', [
            problem(['employeeId'], 'myasn.employee_outside_unit', 'Pegawai di unit kerja lain', 'Employee of another work unit'),
          ]);
      }
      const scope = { unitId, employeeId: input.employeeId };
      const { inYear, otherYears } = await readHistory(ctx.db, input.content, scope, input.year);
      await freshen(ctx.db, eq(employees.unitId, unitId));
      const local = await unitActivities(ctx.db, scope, input.year);
      const localActivities = local.map((r) => (r.siasnId ? { ...r.activity, siasnId: r.siasnId } : r.activity));
      const jpOf = new Map(local.map((r) => [r.activity.id, r.convertedJp]));
      const jenis = (a: LearningActivity) => siasnReference.methodToJenisDiklat[a.method];
      const result = reconcile(
        localActivities,
        inYear,
        (a) => jpOf.get(a.id) ?? 0,
        (a, b) => jenis(a) === jenis(b),
      );
      const localById = new Map(local.map((r) => [r.activity.id, r.activity]));
      const siasnById = new Map(inYear.map((a) => [a.id, a]));
      const recordId = (id: string) => String(siasnById.get(id)?.['siasnId'] ?? id);
      // A SIASN record already linked to an activity here (imported and waiting for verification, or
      // marked on an activity of another year) is not missing locally.
      const linked = new Set(
        (
          await ctx.db
            .select({ siasnId: myasnUploads.siasnId })
            .from(myasnUploads)
            .innerJoin(activities, eq(activities.id, myasnUploads.activityId))
            .where(
              and(
                anyOf(
                  myasnUploads.siasnId,
                  result.missingLocally.map((m) => recordId(m.id)),
                ),
                inUnit(ctx.db, activities.employeeId, unitId),
              ),
            )
        ).map((r) => r.siasnId),
      );
      result.missingLocally = result.missingLocally.filter((m) => !linked.has(recordId(m.id)));
      type Item = typeof siasnReconciliationItems.$inferInsert;
      const line = (kind: ReconciliationItemKind, fields: Omit<Item, 'kind' | 'reconciliationId'>) => ({ kind, ...fields });
      const items = [
        ...result.missingInSiasn.map((m) =>
          line('missing_in_siasn', { employeeId: m.nip, activityId: m.id, title: m.title, number: m.number }),
        ),
        ...result.missingLocally.map((m) =>
          line('missing_locally', {
            employeeId: m.nip,
            siasnId: recordId(m.id),
            title: m.title,
            number: m.number,
            siasnActivity: siasnById.get(m.id) ?? null,
          }),
        ),
        ...result.different.map((d) =>
          line('different', {
            employeeId: d.nip,
            activityId: d.localId,
            siasnId: recordId(d.siasnId),
            title: localById.get(d.localId)?.title ?? d.localId,
            number: localById.get(d.localId)?.evidence?.number ?? null,
            differences: d.differences,
          }),
        ),
        ...result.agreeing.map((d) =>
          line('agreeing', {
            employeeId: d.nip,
            activityId: d.localId,
            siasnId: recordId(d.siasnId),
            title: localById.get(d.localId)?.title ?? d.localId,
            number: localById.get(d.localId)?.evidence?.number ?? null,
          }),
        ),
      ];
      return ctx.db.transaction(async (tx) => {
        const [saved] = await tx
          .insert(siasnReconciliations)
          .values({
            unitId,
            year: input.year,
            employeeId: input.employeeId ?? null,
            fileName: input.fileName,
            siasnRecords: inYear.length,
            otherYears,
            matched: result.matched,
            uploadedBy: ctx.user.id,
          })
          .returning();
        for (let i = 0; i < items.length; i += 200)
          await tx.insert(siasnReconciliationItems).values(items.slice(i, i + 200).map((it) => ({ ...it, reconciliationId: saved!.id })));
        const summary = {
          unitId,
          year: input.year,
          employeeId: input.employeeId ?? null,
          fileName: input.fileName,
          siasnRecords: inYear.length,
          otherYears,
          missingInSiasn: result.missingInSiasn.length,
          missingLocally: result.missingLocally.length,
          different: result.different.length,
          matched: result.matched,
        };
        await audit(tx, ctx.user, 'myasn.reconcile', 'siasn_reconciliation', String(saved!.id), null, summary);
        return { id: saved!.id, ...summary };
      });
    }),

  /** The reconciliations of a unit's year, newest first, with how many lines are still open. */
  reconciliations: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ unitId: z.string().max(60).optional(), year: yearInput }))
    .query(async ({ ctx, input }) => {
      const unitId = unitOf(ctx.user, input.unitId);
      return ctx.db
        .select({
          id: siasnReconciliations.id,
          fileName: siasnReconciliations.fileName,
          employeeId: siasnReconciliations.employeeId,
          employeeName: sql<string | null>`(SELECT e.name FROM employees e WHERE e.id = ${siasnReconciliations.employeeId})`,
          uploadedAt: siasnReconciliations.uploadedAt,
          uploadedBy: personColumns,
          siasnRecords: siasnReconciliations.siasnRecords,
          matched: siasnReconciliations.matched,
          open: sql<number>`(SELECT count(*)::int FROM siasn_reconciliation_items i WHERE i.reconciliation_id = ${siasnReconciliations.id} AND i.kind <> 'agreeing' AND i.resolution IS NULL)`,
        })
        .from(siasnReconciliations)
        .leftJoin(users, eq(users.id, siasnReconciliations.uploadedBy))
        .leftJoin(actingEmployee, eq(actingEmployee.id, users.employeeId))
        .where(and(eq(siasnReconciliations.unitId, unitId), eq(siasnReconciliations.year, input.year)))
        .orderBy(desc(siasnReconciliations.id))
        .limit(50);
    }),

  /** One reconciliation: its figures and its lines of one kind, a page at a time. */
  reconciliation: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      z.object({
        id: z.int().positive(),
        kind: z.enum(['missing_in_siasn', 'missing_locally', 'different', 'agreeing']).optional(),
        after: z.int().nonnegative().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const found = (await ctx.db.select().from(siasnReconciliations).where(eq(siasnReconciliations.id, input.id)))[0];
      if (!found) throw appError('NOT_FOUND', 'Rekonsiliasi tidak ditemukan', 'Reconciliation not found');
      unitScope(ctx.user, found.unitId);
      const [counts, items] = await Promise.all([
        ctx.db
          .select({
            kind: siasnReconciliationItems.kind,
            total: sql<number>`count(*)::int`,
            open: sql<number>`count(*) FILTER (WHERE ${siasnReconciliationItems.resolution} IS NULL)::int`,
          })
          .from(siasnReconciliationItems)
          .where(eq(siasnReconciliationItems.reconciliationId, found.id))
          .groupBy(siasnReconciliationItems.kind),
        ctx.db
          .select({
            id: siasnReconciliationItems.id,
            kind: siasnReconciliationItems.kind,
            employeeId: siasnReconciliationItems.employeeId,
            employeeName: employees.name,
            activityId: siasnReconciliationItems.activityId,
            siasnId: siasnReconciliationItems.siasnId,
            title: siasnReconciliationItems.title,
            number: siasnReconciliationItems.number,
            differences: siasnReconciliationItems.differences,
            siasnActivity: siasnReconciliationItems.siasnActivity,
            resolution: siasnReconciliationItems.resolution,
            note: siasnReconciliationItems.note,
            resolvedAt: siasnReconciliationItems.resolvedAt,
            resolvedBy: personColumns,
          })
          .from(siasnReconciliationItems)
          .leftJoin(employees, eq(employees.id, siasnReconciliationItems.employeeId))
          .leftJoin(users, eq(users.id, siasnReconciliationItems.resolvedBy))
          .leftJoin(actingEmployee, eq(actingEmployee.id, users.employeeId))
          .where(
            and(
              eq(siasnReconciliationItems.reconciliationId, found.id),
              input.kind ? eq(siasnReconciliationItems.kind, input.kind) : sql`${siasnReconciliationItems.kind} <> 'agreeing'`,
              input.after ? gt(siasnReconciliationItems.id, input.after) : undefined,
            ),
          )
          .orderBy(asc(siasnReconciliationItems.id))
          .limit(PAGE + 1),
      ]);
      const unit = await unitName(ctx.db, found.unitId);
      const staff = ctx.user.role === 'admin_unit' || ctx.user.role === 'admin_sdm';
      return {
        ...found,
        unitName: unit,
        counts: Object.fromEntries(counts.map((c) => [c.kind, { total: Number(c.total), open: Number(c.open) }])) as Partial<
          Record<ReconciliationItemKind, { total: number; open: number }>
        >,
        items: items.slice(0, PAGE),
        next: items.length > PAGE ? items[PAGE - 1]!.id : null,
        can: { resolve: staff },
      };
    }),

  /**
   * Settles one line of a reconciliation: `mark` links the local activity to the SIASN record (it is
   * uploaded), `import` brings a record SIASN holds and the app does not in as a submitted activity
   * for the unit admin's verification, `ignore` keeps it as it is with a reason. Audited.
   */
  resolve: roleProcedure('admin_unit', 'admin_sdm')
    .input(MyasnResolve.extend({ uploadedOn: isoDate.optional() }))
    .mutation(async ({ ctx, input }) => {
      const item = (await ctx.db.select().from(siasnReconciliationItems).where(eq(siasnReconciliationItems.id, input.itemId)))[0];
      if (!item) throw appError('NOT_FOUND', 'Baris rekonsiliasi tidak ditemukan', 'Reconciliation line not found');
      const parent = (await ctx.db.select().from(siasnReconciliations).where(eq(siasnReconciliations.id, item.reconciliationId)))[0]!;
      unitScope(ctx.user, parent.unitId);
      if (item.resolution !== null) throw conflict('Baris ini sudah ditindaklanjuti', 'This line was already dealt with');
      const allowed: Record<typeof input.action, ReconciliationItemKind[]> = {
        mark: ['different', 'agreeing'],
        import: ['missing_locally'],
        ignore: ['missing_in_siasn', 'missing_locally', 'different'],
      };
      if (!allowed[input.action].includes(item.kind))
        throw conflict('Tindakan ini tidak berlaku untuk baris ini', 'This action does not apply to this line');
      if (input.action === 'ignore' && !input.reason)
        throw badRequest('Alasan wajib diisi', 'A reason is required', [
          problem(['reason'], 'reason.required', 'Alasan wajib diisi', 'A reason is required'),
        ]);
      const today = todayIso(await agencyTimeZone(ctx.db));
      return ctx.db.transaction(async (tx) => {
        let activityId = item.activityId;
        if (input.action === 'mark') {
          const activity = (await tx.select({ status: activities.status }).from(activities).where(eq(activities.id, item.activityId!)))[0];
          if (activity?.status !== 'verified') throw conflict('Kegiatan tidak lagi terverifikasi', 'The activity is no longer verified');
          await markUploaded(tx, ctx.user, item.activityId!, {
            uploadedOn: input.uploadedOn ?? today,
            siasnId: item.siasnId,
            source: 'reconciliation',
          });
        }
        if (input.action === 'import') {
          const record = item.siasnActivity;
          if (!record) throw conflict('Catatan SIASN tidak tersimpan', 'The SIASN record was not kept');
          activityId = importedId(record);
          const taken = (await tx.select({ id: activities.id }).from(activities).where(eq(activities.id, activityId)))[0];
          if (taken) throw conflict('Catatan SIASN ini sudah diimpor', 'This SIASN record was already imported');
          // Submitted, for the unit admin's verification ([K] III.D) like any recorded activity.
          const activity: LearningActivity = { ...record, id: activityId, status: 'submitted', source: 'siasn' };
          await tx.insert(activities).values({
            id: activityId,
            employeeId: item.employeeId,
            status: 'submitted',
            data: storedActivity(activity),
            createdBy: ctx.user.id,
          });
          await refreshTotals(tx, [item.employeeId]);
          await audit(tx, ctx.user, 'activity.import_siasn', 'activity', activityId, null, activity);
          // It is in SIASN already: the mark says so, with the record's id.
          await markUploaded(tx, ctx.user, activityId, { uploadedOn: today, siasnId: item.siasnId, source: 'siasn_import' });
        }
        const resolution = input.action === 'mark' ? 'marked' : input.action === 'import' ? 'imported' : 'ignored';
        const [updated] = await tx
          .update(siasnReconciliationItems)
          .set({
            resolution,
            note: input.reason ?? null,
            resolvedBy: ctx.user.id,
            resolvedAt: new Date(),
            ...(input.action === 'import' ? { activityId } : {}),
          })
          .where(and(eq(siasnReconciliationItems.id, item.id), isNull(siasnReconciliationItems.resolution)))
          .returning();
        if (!updated) throw conflict('Baris ini baru saja ditindaklanjuti orang lain', 'This line was just dealt with by someone else');
        await audit(tx, ctx.user, `myasn.reconcile_${resolution}`, 'siasn_reconciliation_item', String(item.id), null, {
          reconciliationId: item.reconciliationId,
          kind: item.kind,
          activityId,
          siasnId: item.siasnId,
          reason: input.reason ?? null,
        });
        return { id: item.id, resolution, activityId };
      });
    }),

  /** Marks every line that agrees with SIASN (and is not marked yet) as uploaded, with its SIASN id. */
  markAgreeing: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ id: z.int().positive() }))
    .mutation(async ({ ctx, input }) => {
      const parent = (await ctx.db.select().from(siasnReconciliations).where(eq(siasnReconciliations.id, input.id)))[0];
      if (!parent) throw appError('NOT_FOUND', 'Rekonsiliasi tidak ditemukan', 'Reconciliation not found');
      unitScope(ctx.user, parent.unitId);
      const today = todayIso(await agencyTimeZone(ctx.db));
      return ctx.db.transaction(async (tx) => {
        const open = await tx
          .select({
            id: siasnReconciliationItems.id,
            activityId: siasnReconciliationItems.activityId,
            siasnId: siasnReconciliationItems.siasnId,
          })
          .from(siasnReconciliationItems)
          .innerJoin(activities, eq(activities.id, siasnReconciliationItems.activityId))
          .where(
            and(
              eq(siasnReconciliationItems.reconciliationId, parent.id),
              eq(siasnReconciliationItems.kind, 'agreeing'),
              isNull(siasnReconciliationItems.resolution),
              eq(activities.status, 'verified'),
            ),
          );
        let marked = 0;
        for (const line of open) {
          if (
            (await markUploaded(tx, ctx.user, line.activityId!, { uploadedOn: today, siasnId: line.siasnId, source: 'reconciliation' })) !==
            'unchanged'
          )
            marked++;
          await tx
            .update(siasnReconciliationItems)
            .set({ resolution: 'marked', resolvedBy: ctx.user.id, resolvedAt: new Date() })
            .where(eq(siasnReconciliationItems.id, line.id));
        }
        await audit(tx, ctx.user, 'myasn.reconcile_mark_agreeing', 'siasn_reconciliation', String(parent.id), null, {
          lines: open.length,
          marked,
        });
        return { lines: open.length, marked };
      });
    }),
});
