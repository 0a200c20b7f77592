import type { EmployeeKind, Problem } from '@bangkom/domain';
import {
  allocateCertificateNumbers,
  attendanceCsv,
  buildOpenBadgeCredential,
  checkEvent,
  creditEvent,
  DEFAULT_CERTIFICATE_PATTERN,
  evaluateAttendance,
  selectParticipants,
  signCredential,
} from '@bangkom/events';
import { createHash } from 'node:crypto';
import type { YearSummary } from '@bangkom/jp';
import type { SQL } from 'drizzle-orm';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { anyOf } from '../access.js';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import { rowsOf } from '../db/index.js';
import { storedActivity } from '../db/records.js';
import type { EventEvaluation, EventSignatory } from '../db/schema.js';
import { activities, certificates, employees, eventParticipants, evidenceFiles, settings, trainingEvents, units } from '../db/schema.js';
import { likePattern, nameOrNip } from '../search.js';
import { appError, forbidden } from '../errors.js';
import type { EvaluationSummary, ParticipantLine } from '../event-documents.js';
import {
  attendanceXlsx,
  certificatePdf,
  invitationPdf,
  participantsPdf,
  participantsXlsx,
  readAttendanceFile,
  reportPdf,
} from '../event-documents.js';
import { issuerOf, lockCertificates, signingKey, verificationUrl } from '../signing.js';
import { freshen, refreshTotals } from '../totals.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { agencyTimeZone, profileOfYear, ruleProfile } from './activities.js';
import { obligationsSql } from '../monitoring-export.js';
import {
  Attendance,
  AttendanceImport,
  CandidateFilter,
  EVENT_DOCUMENT_FORMATS,
  EVENT_PAGE,
  Evaluation,
  EventFields,
  EventRef,
  ParticipantRef,
  ParticipantsAdd,
  Revocation,
} from '../../schemas.js';
import { todayIso } from '../../values.js';

/**
 * Penyelenggaraan: events (bimtek and the like) the agency runs itself. Who organises: admin SDM
 * (any event, participants from every unit) and admin unit (events of their own unit, participants
 * from that unit only; such an event is run by a work unit, so the 30 JP limit of [P] art. 57(7)–(8)
 * applies to a bimtek). The auditor reads everything; a participant sees their own invitations,
 * evaluates the event and downloads their certificates. Every change is audited.
 */

type Event = typeof trainingEvents.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Participants of one event at most (one closing writes them all in one transaction). */
export const MAX_PARTICIPANTS = 2000;
export { EVENT_PAGE, EventFields } from '../../schemas.js';

const notFound = () => appError('NOT_FOUND', 'Kegiatan penyelenggaraan tidak ditemukan', 'Event not found');
const conflict = (id: string, en: string) => appError('CONFLICT', id, en);
const closedAlready = () =>
  conflict('Kegiatan sudah ditutup; data peserta tidak dapat diubah', 'The event is closed; participants can no longer change');

/** Problems of a refused attendance file shown at most (the message gives the full count). */
const MAX_PROBLEMS_SHOWN = 100;
const unreadableAttendance = (problems: readonly Problem[]) =>
  appError(
    'BAD_REQUEST',
    `Berkas kehadiran belum benar (${problems.length} masalah); tidak ada yang disimpan`,
    `The attendance file is not right (problems: ${problems.length}); nothing was saved`,
    problems.slice(0, MAX_PROBLEMS_SHOWN),
  );

/** Whether the user may see (read) or organise (write) this event. */
function mayOrganise(user: SessionUser, event: Pick<Event, 'unitId'>): boolean {
  if (user.role === 'admin_sdm') return true;
  return user.role === 'admin_unit' && user.unitId !== null && event.unitId === user.unitId;
}
const mayRead = (user: SessionUser, event: Pick<Event, 'unitId'>) => user.role === 'auditor' || mayOrganise(user, event);

async function loadEvent(db: Db, user: SessionUser, id: string, mode: 'read' | 'write'): Promise<Event> {
  const row = (await db.select().from(trainingEvents).where(eq(trainingEvents.id, id)))[0];
  // An event the user may not see is not found (its existence is not revealed).
  if (!row || !mayRead(user, row)) throw notFound();
  if (mode === 'write' && !mayOrganise(user, row)) throw forbidden();
  return row;
}

/** The employees an organiser may invite: everyone for admin SDM, the own unit for admin unit. */
function invitable(user: SessionUser, event: Pick<Event, 'unitId'>): SQL | undefined {
  if (user.role === 'admin_sdm' && event.unitId === null) return undefined;
  return eq(employees.unitId, event.unitId ?? user.unitId ?? '');
}

const countAll = sql<number>`count(*)::int`;
/** A participant's certificate of the event (at most one). */
const participantsCertificate = and(
  eq(certificates.eventId, eventParticipants.eventId),
  eq(certificates.employeeId, eventParticipants.employeeId),
);

/**
 * One page of a list of employees in name order (then NIP), after the employee `after`, and how
 * many match in all: `rows` gets the keyset condition and the limit (one more than the page, to
 * tell whether another follows), `count` the rows' count.
 */
async function namePage<T>(
  input: { after?: string | undefined; limit: number },
  rows: (keyset: SQL | undefined, limit: number) => Promise<T[]>,
  count: Promise<{ n: number }[]>,
) {
  const keyset = input.after
    ? sql`(${employees.name}, ${employees.id}) > (SELECT c.name, c.id FROM employees c WHERE c.id = ${input.after})`
    : undefined;
  const [found, counted] = await Promise.all([rows(keyset, input.limit + 1), count]);
  return { rows: found.slice(0, input.limit), total: Number(counted[0]?.n ?? 0), more: found.length > input.limit };
}

/** The obligation of each kind of employee in a year, as SQL rows `(kind, required, cap)`, and the source per kind. */
async function obligations(db: Db, year: number) {
  const profile = await profileOfYear(db, year);
  return { values: obligationsSql(profile), of: (kind: EmployeeKind) => profile.obligations[kind] };
}

/** The SQL condition of the picker's filters on `employees` (everything but paging). */
async function candidateCondition(db: Db, user: SessionUser, event: Event, f: z.output<typeof CandidateFilter>, year: number) {
  const scope = invitable(user, event);
  const conditions: (SQL | undefined)[] = [
    scope,
    sql`NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = ${event.id} AND p.employee_id = ${employees.id})`,
    f.unitId ? eq(employees.unitId, f.unitId) : undefined,
    f.positionKind ? sql`${employees.data}->>'positionKind' = ${f.positionKind}` : undefined,
    f.positionTitle ? sql`${employees.data}->>'positionTitle' ILIKE ${likePattern(f.positionTitle)}` : undefined,
    f.q ? nameOrNip(f.q) : undefined,
  ];
  if (f.belowObligation) {
    const ob = await obligations(db, year);
    conditions.push(sql`coalesce((SELECT t.jp FROM employee_year_jp t WHERE t.employee_id = ${employees.id} AND t.year = ${year}), 0)
      < (SELECT ob.required FROM (VALUES ${ob.values}) AS ob(kind, required, cap) WHERE ob.kind = ${employees.kind})`);
  }
  return and(...conditions);
}

const participantCount = async (db: Db, eventId: string) =>
  Number((await db.select({ n: countAll }).from(eventParticipants).where(eq(eventParticipants.eventId, eventId)))[0]?.n ?? 0);

/** Evaluation averages and comments of an event, aggregated in SQL. */
async function evaluationSummary(db: Db, eventId: string): Promise<EvaluationSummary> {
  const row = rowsOf<{ n: number; relevance: number | null; facilitator: number | null; material: number | null }>(
    await db.execute(sql`SELECT count(*)::int AS n,
        avg((evaluation->>'relevance')::numeric)::float8 AS relevance,
        avg((evaluation->>'facilitator')::numeric)::float8 AS facilitator,
        avg((evaluation->>'material')::numeric)::float8 AS material
      FROM event_participants WHERE event_id = ${eventId} AND evaluation IS NOT NULL`),
  )[0];
  const comments = rowsOf<{ comment: string }>(
    await db.execute(sql`SELECT evaluation->>'comment' AS comment FROM event_participants
      WHERE event_id = ${eventId} AND coalesce(evaluation->>'comment', '') <> '' ORDER BY evaluated_at LIMIT 100`),
  ).map((r) => r.comment);
  const round = (x: number | null) => (x === null ? null : Math.round(Number(x) * 100) / 100);
  return {
    responses: Number(row?.n ?? 0),
    relevance: round(row?.relevance ?? null),
    facilitator: round(row?.facilitator ?? null),
    material: round(row?.material ?? null),
    comments,
  };
}

/** Every participant with attendance and certificate, for the documents (bounded by MAX_PARTICIPANTS). */
async function participantLines(db: Db, event: Event): Promise<ParticipantLine[]> {
  const rows = rowsOf<{
    name: string;
    nip: string;
    unit: string;
    position: string | null;
    attended: string[];
    number: string | null;
    jp: number | null;
    revoked: boolean;
  }>(
    await db.execute(sql`SELECT e.name, e.id AS nip, coalesce(u.name, e.unit_id) AS unit, e.data->>'positionTitle' AS position,
        p.attended, c.number, c.jp::float8 AS jp, (c.revoked_at IS NOT NULL) AS revoked
      FROM event_participants p JOIN employees e ON e.id = p.employee_id LEFT JOIN units u ON u.id = e.unit_id
      LEFT JOIN certificates c ON c.event_id = p.event_id AND c.employee_id = p.employee_id
      WHERE p.event_id = ${event.id} ORDER BY e.name, e.id`),
  );
  const sessions = event.data.sessions.length;
  const outcomes = evaluateAttendance(
    event.data,
    rows.map((r) => ({ nip: r.nip, name: r.name, attendedSessions: r.attended })),
    { minimumAttendance: event.minimumAttendance },
  );
  const passedOf = new Map(outcomes.ok ? outcomes.value.map((o) => [o.nip, o.passed]) : []);
  return rows.map((r) => ({
    name: r.name,
    nip: r.nip,
    unit: r.unit,
    position: r.position ?? '',
    attended: r.attended.length,
    attendedSessions: r.attended,
    sessions,
    passed: event.status === 'closed' ? r.number !== null : (passedOf.get(r.nip) ?? null),
    certificate: r.number,
    jp: r.jp === null ? null : Number(r.jp),
    revoked: r.revoked,
  }));
}

const file = (filename: string, mediaType: string, bytes: Uint8Array) => ({
  filename,
  mediaType,
  contentBase64: Buffer.from(bytes).toString('base64'),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The OB3 credential as a VC 2.0 EnvelopedVerifiableCredential: the JWT-VC, verifiable with the published JWKS. */
export const envelopedCredential = (jwt: string) => ({
  '@context': 'https://www.w3.org/ns/credentials/v2',
  type: 'EnvelopedVerifiableCredential',
  id: `data:application/vc+jwt,${jwt}`,
});

/** Issues the certificates of a closing event in the caller's transaction: numbers, credentials, PDFs, verified activities. */
async function issueCertificates(tx: Tx, user: SessionUser, event: Event) {
  const db = tx as unknown as Db;
  const rows = await tx
    .select({ employeeId: eventParticipants.employeeId, attended: eventParticipants.attended, name: employees.name, kind: employees.kind })
    .from(eventParticipants)
    .innerJoin(employees, eq(employees.id, eventParticipants.employeeId))
    .where(eq(eventParticipants.eventId, event.id))
    .orderBy(employees.name, employees.id);
  const records = rows.map((r) => ({ nip: r.employeeId, name: r.name, kind: r.kind, attendedSessions: r.attended }));
  const outcomes = evaluateAttendance(event.data, records, { minimumAttendance: event.minimumAttendance });
  if (!outcomes.ok) throw appError('BAD_REQUEST', 'Data kehadiran tidak valid', 'The attendance is not valid', outcomes.problems);
  const passed = outcomes.value.filter((o) => o.passed);
  // Numbers: sequential per year after the highest issued that year, one closing at a time.
  await lockCertificates(db);
  const issuedOn = todayIso(await agencyTimeZone(db));
  const year = Number(issuedOn.slice(0, 4));
  const issued = (await tx.select({ number: certificates.number }).from(certificates).where(eq(certificates.year, year))).map(
    (r) => r.number,
  );
  const pattern = await certificatePattern(db);
  const numbers = allocateCertificateNumbers({
    pattern,
    issued,
    date: issuedOn,
    count: passed.length,
    unit: (event.unitId ?? 'SDM').toUpperCase(),
    event: event.id,
  });
  if (!numbers.ok)
    throw appError(
      'INTERNAL_SERVER_ERROR',
      'Pola nomor sertifikat tidak valid',
      'The certificate number pattern is invalid',
      numbers.problems,
    );
  const numberOf = Object.fromEntries(passed.map((o, i) => [o.nip, numbers.value[i]!]));
  const profile = await ruleProfile(db);
  const credited = creditEvent(event.data, records, {
    profile,
    attendance: { minimumAttendance: event.minimumAttendance },
    certificateNumbers: numberOf,
    certificateDate: issuedOn,
  });
  if (!credited.ok)
    throw appError(
      'BAD_REQUEST',
      'JP peserta tidak dapat dihitung: ' + credited.problems.map((p) => p.message.id).join('; '),
      'The participants’ JP cannot be computed: ' + credited.problems.map((p) => p.message.en).join('; '),
      credited.problems,
    );
  const issuer = await issuerOf(db);
  const key = await signingKey(db);
  let count = 0;
  for (const outcome of credited.value) {
    if (!outcome.credit) continue;
    const number = numberOf[outcome.nip]!;
    const jp = outcome.credit.jp;
    const credential = buildOpenBadgeCredential({
      event: event.data,
      issuer,
      holder: { nip: outcome.nip, name: outcome.name },
      certificateNumber: number,
      jp,
    });
    const jwt = await signCredential(credential, key);
    const pdfBytes = await certificatePdf({
      number,
      event: event.data,
      holder: { name: outcome.name, nip: outcome.nip },
      jp,
      issuer: issuer.name,
      signatory: event.signatory,
      issuedOn,
      verificationUrl: verificationUrl(issuer.id, number),
    });
    const sha256 = createHash('sha256').update(pdfBytes).digest('hex');
    await tx
      .insert(evidenceFiles)
      .values({ sha256, mediaType: 'application/pdf', size: pdfBytes.length, content: pdfBytes })
      .onConflictDoNothing();
    const activityId = `EVT-${event.id}-${outcome.nip}`;
    const evidenceName = `sertifikat-${number.replace(/[^\w.-]+/g, '_')}.pdf`;
    const activity = {
      ...outcome.credit.activity,
      id: activityId,
      evidence: {
        ...outcome.credit.activity.evidence!,
        file: { name: evidenceName, sha256, size: pdfBytes.length, mediaType: 'application/pdf' as const },
      },
    };
    // Verified at once: the organiser's attendance record is the verification ([P] art. 66(3)); no second approval.
    await tx.insert(activities).values({
      id: activityId,
      employeeId: outcome.nip,
      status: 'verified',
      data: storedActivity(activity),
      evidenceSha256: sha256,
      evidenceName,
      createdBy: user.id,
    });
    await tx.insert(certificates).values({
      number,
      year,
      eventId: event.id,
      employeeId: outcome.nip,
      activityId,
      jp,
      credential: jwt,
      kid: String(key.publicJwk.kid),
    });
    await audit(tx, user, 'certificate.issue', 'certificate', number, null, { eventId: event.id, employeeId: outcome.nip, activityId, jp });
    await audit(tx, user, 'activity.create', 'activity', activityId, null, { ...activity, status: 'verified', eventId: event.id });
    count++;
  }
  // The participants' stored JP follows in the same transaction (compliance counts the new activities).
  const ids = credited.value.filter((o) => o.credit).map((o) => o.nip);
  for (let i = 0; i < ids.length; i += 500) await refreshTotals(db, ids.slice(i, i + 500), profile);
  return {
    issued: count,
    participants: records.length,
    notPassed: outcomes.value.filter((o) => !o.passed).map((o) => ({ nip: o.nip, name: o.name, reason: o.reason.message })),
  };
}

/**
 * Records the sessions each participant given attended (the others are unchanged), all in one
 * transaction; a row naming someone who is not a participant refuses the whole (with its line,
 * for a file). Each change is audited.
 */
async function recordAttendance(
  db: Db,
  user: SessionUser,
  event: Event,
  rows: readonly { employeeId: string; attended: readonly string[]; line?: number }[],
) {
  const order = event.data.sessions.map((s) => s.id);
  return db.transaction(async (tx) => {
    const before = new Map(
      (
        await tx
          .select({ employeeId: eventParticipants.employeeId, attended: eventParticipants.attended })
          .from(eventParticipants)
          .where(
            and(
              eq(eventParticipants.eventId, event.id),
              anyOf(
                eventParticipants.employeeId,
                rows.map((r) => r.employeeId),
              ),
            ),
          )
      ).map((r) => [r.employeeId, r.attended]),
    );
    const strangers = rows.filter((r) => !before.has(r.employeeId));
    if (strangers.length)
      throw appError(
        'BAD_REQUEST',
        `Kehadiran memuat orang yang bukan peserta kegiatan ini (${strangers.length}); tidak ada yang disimpan`,
        `The attendance names people who are not participants of this event (${strangers.length}); nothing was saved`,
        strangers.slice(0, MAX_PROBLEMS_SHOWN).map((r, i) => ({
          path: ['rows', r.line ?? i],
          code: 'events.not_participant',
          message: r.line
            ? {
                id: `Baris ${r.line}, kolom NIP: ${r.employeeId} bukan peserta kegiatan ini`,
                en: `Row ${r.line}, column NIP: ${r.employeeId} is not a participant of this event`,
              }
            : { id: `${r.employeeId} bukan peserta kegiatan ini`, en: `${r.employeeId} is not a participant of this event` },
          ...(r.line ? { row: r.line, column: 'NIP' } : {}),
        })),
      );
    let changed = 0;
    for (const r of rows) {
      const attended = order.filter((s) => r.attended.includes(s));
      const was = before.get(r.employeeId)!;
      if (was.join() === attended.join()) continue;
      await tx
        .update(eventParticipants)
        .set({ attended })
        .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.employeeId, r.employeeId)));
      await audit(
        tx,
        user,
        'event.attendance',
        'event',
        event.id,
        { employeeId: r.employeeId, attended: was },
        { employeeId: r.employeeId, attended },
      );
      changed++;
    }
    return { changed };
  });
}

/** The agency's certificate number pattern (setting `certificatePattern`, tokens of @bangkom/events). */
async function certificatePattern(db: Db): Promise<string> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'certificatePattern')))[0];
  return typeof row?.value === 'string' ? row.value : DEFAULT_CERTIFICATE_PATTERN;
}

const newEventId = () => `EV${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`.toUpperCase();

/** The certificate row and whether the user may have it: its holder, the event's organisers, the auditor. */
async function loadCertificate(db: Db, user: SessionUser, number: string) {
  const row = (await db.select().from(certificates).where(eq(certificates.number, number)))[0];
  if (!row) throw appError('NOT_FOUND', 'Sertifikat tidak ditemukan', 'Certificate not found');
  const own = user.employeeId !== null && user.employeeId === row.employeeId;
  if (own) return row;
  const event = (await db.select({ unitId: trainingEvents.unitId }).from(trainingEvents).where(eq(trainingEvents.id, row.eventId)))[0];
  if (!event || !mayRead(user, event)) throw forbidden();
  return row;
}

export const eventsRouter = router({
  /** Events the user organises (or, for the auditor, all), newest first, a page at a time. */
  list: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ after: z.string().max(60).optional(), limit: z.int().min(1).max(100).default(50) }).default({ limit: 50 }))
    .query(async ({ ctx, input }) => {
      const scope = ctx.user.role === 'admin_unit' ? eq(trainingEvents.unitId, ctx.user.unitId ?? '') : undefined;
      const cursor = sql`(SELECT c.created_at FROM training_events c WHERE c.id = ${input.after ?? ''})`;
      const rows = await ctx.db
        .select({
          id: trainingEvents.id,
          data: trainingEvents.data,
          status: trainingEvents.status,
          unitId: trainingEvents.unitId,
          participants: sql<number>`(SELECT count(*)::int FROM event_participants p WHERE p.event_id = ${trainingEvents.id})`,
          certificates: sql<number>`(SELECT count(*)::int FROM certificates c WHERE c.event_id = ${trainingEvents.id})`,
        })
        .from(trainingEvents)
        .where(
          and(
            scope,
            input.after
              ? sql`(${trainingEvents.createdAt} < ${cursor} OR (${trainingEvents.createdAt} = ${cursor} AND ${trainingEvents.id} > ${input.after}))`
              : undefined,
          ),
        )
        .orderBy(desc(trainingEvents.createdAt), trainingEvents.id)
        .limit(input.limit + 1);
      const page = rows.slice(0, input.limit);
      return {
        rows: page.map((r) => ({ ...r, participants: Number(r.participants), certificates: Number(r.certificates) })),
        next: rows.length > input.limit ? page.at(-1)!.id : null,
      };
    }),

  /** One event with its counts, evaluation summary and what the user may do. */
  get: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(z.object({ id: z.string().max(60) }))
    .query(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.id, 'read');
      const unitName = event.unitId ? (await ctx.db.select().from(units).where(eq(units.id, event.unitId)))[0]?.name : null;
      const certs = rowsOf<{ n: number; revoked: number }>(
        await ctx.db.execute(
          sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS revoked FROM certificates WHERE event_id = ${event.id}`,
        ),
      )[0];
      return {
        ...event,
        unitName: unitName ?? null,
        participants: await participantCount(ctx.db, event.id),
        certificates: Number(certs?.n ?? 0),
        revoked: Number(certs?.revoked ?? 0),
        evaluation: await evaluationSummary(ctx.db, event.id),
        can: { organise: mayOrganise(ctx.user, event) && event.status === 'open', revoke: mayOrganise(ctx.user, event) },
      };
    }),

  /** The participants of an event, a page at a time (by name), searchable by name or NIP, with attendance and certificate. */
  participants: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      z.object({
        eventId: z.string().max(60),
        q: z.string().trim().max(100).optional(),
        after: z.string().max(40).optional(),
        limit: z.int().min(1).max(EVENT_PAGE).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'read');
      const filter = and(eq(eventParticipants.eventId, event.id), input.q ? nameOrNip(input.q) : undefined);
      const listed = await namePage(
        input,
        (keyset, limit) =>
          ctx.db
            .select({
              employeeId: employees.id,
              name: employees.name,
              unitId: employees.unitId,
              position: sql<string | null>`${employees.data}->>'positionTitle'`,
              attended: eventParticipants.attended,
              evaluated: sql<boolean>`${eventParticipants.evaluation} IS NOT NULL`,
              certificate: certificates.number,
              jp: certificates.jp,
              revokedAt: certificates.revokedAt,
            })
            .from(eventParticipants)
            .innerJoin(employees, eq(employees.id, eventParticipants.employeeId))
            .leftJoin(certificates, participantsCertificate)
            .where(and(filter, keyset))
            .orderBy(employees.name, employees.id)
            .limit(limit),
        ctx.db
          .select({ n: countAll })
          .from(eventParticipants)
          .innerJoin(employees, eq(employees.id, eventParticipants.employeeId))
          .where(filter),
      );
      const page = listed.rows;
      const issuer = await issuerOf(ctx.db);
      return {
        rows: page.map((r) => ({
          ...r,
          jp: r.jp === null ? null : Number(r.jp),
          verificationUrl: r.certificate ? verificationUrl(issuer.id, r.certificate) : null,
        })),
        total: listed.total,
        next: listed.more ? page.at(-1)!.employeeId : null,
      };
    }),

  create: roleProcedure('admin_unit', 'admin_sdm')
    .input(EventFields)
    .mutation(async ({ ctx, input }) => {
      const unitId = ctx.user.role === 'admin_unit' ? ctx.user.unitId : (input.unitId ?? null);
      if (ctx.user.role === 'admin_unit' && !unitId) throw forbidden();
      if (unitId && !(await ctx.db.select().from(units).where(eq(units.id, unitId)))[0])
        throw appError('BAD_REQUEST', 'Unit kerja tidak dikenal', 'Unknown work unit', [
          { path: ['unitId'], code: 'event.unknown_unit', message: { id: 'Unit kerja tidak dikenal', en: 'Unknown work unit' } },
        ]);
      const id = newEventId();
      const { minimumAttendance, signatory, unitId: _unit, sessions, ...fields } = input;
      // An admin unit's event is run by a work unit: a bimtek is then limited to 30 JP ([P] art. 57(7)–(8)).
      const checked = checkEvent({
        ...fields,
        id,
        runByWorkUnit: ctx.user.role === 'admin_unit' ? true : fields.runByWorkUnit,
        sessions: sessions.map((s, i) => ({ id: `s${i + 1}`, date: s.date, ...(s.title ? { title: s.title } : {}) })),
      });
      if (!checked.ok) throw appError('BAD_REQUEST', 'Isian kegiatan belum benar', 'The event is not valid', checked.problems);
      const event = checked.value.event;
      return ctx.db.transaction(async (tx) => {
        await tx.insert(trainingEvents).values({
          id,
          data: event,
          unitId,
          status: 'open',
          minimumAttendance,
          signatory: signatory as EventSignatory,
          createdBy: ctx.user.id,
        });
        await audit(tx, ctx.user, 'event.create', 'event', id, null, { event, unitId, minimumAttendance, signatory });
        return { id, warnings: checked.value.warnings };
      });
    }),

  /**
   * Employees who may be invited, filtered as `selectParticipants` of @bangkom/events does (unit,
   * position, below obligation), a page at a time; each with the reasons the criteria held.
   */
  candidates: roleProcedure('admin_unit', 'admin_sdm')
    .input(CandidateFilter.extend({ after: z.string().max(40).optional(), limit: z.int().min(1).max(EVENT_PAGE).default(50) }))
    .query(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      const year = input.year ?? Number(event.data.startDate.slice(0, 4));
      const condition = await candidateCondition(ctx.db, ctx.user, event, input, year);
      if (input.belowObligation) await freshen(ctx.db, invitable(ctx.user, event));
      const listed = await namePage(
        input,
        (keyset, limit) =>
          ctx.db
            .select({ id: employees.id, name: employees.name, kind: employees.kind, unitId: employees.unitId, data: employees.data })
            .from(employees)
            .where(and(condition, keyset))
            .orderBy(employees.name, employees.id)
            .limit(limit),
        ctx.db.select({ n: countAll }).from(employees).where(condition),
      );
      const page = listed.rows;
      // The package words why each employee matched: the stored JP of the year stands for its summaries.
      const stored = page.length
        ? await ctx.db.execute(
            sql`SELECT employee_id, jp::float8 AS jp FROM employee_year_jp WHERE year = ${year} AND employee_id = ANY(${sql.param(page.map((r) => r.id))}::text[])`,
          )
        : [];
      const jpOf = new Map(rowsOf<{ employee_id: string; jp: number }>(stored).map((r) => [r.employee_id, Number(r.jp)]));
      const ob = input.belowObligation ? await obligations(ctx.db, year) : null;
      const unitNames = new Map((await ctx.db.select().from(units)).map((u) => [u.id, u.name]));
      const summaries = ob
        ? page
            .filter((r) => jpOf.has(r.id))
            .map((r) => {
              const required = ob.of(r.kind).requiredJp;
              const jp = jpOf.get(r.id)!;
              return {
                nip: r.id,
                year,
                jp,
                required,
                shortfall: Math.max(0, required - jp),
                source: ob.of(r.kind).source,
              } as unknown as YearSummary;
            })
        : [];
      const selected = selectParticipants(
        page.map((r) => ({ ...r.data, unit: unitNames.get(r.unitId) ?? r.unitId })),
        {
          ...(input.unitId ? { units: [unitNames.get(input.unitId) ?? input.unitId] } : {}),
          ...(input.positionKind || input.positionTitle
            ? {
                position: {
                  ...(input.positionKind ? { kinds: [input.positionKind] } : {}),
                  ...(input.positionTitle ? { titleIncludes: [input.positionTitle] } : {}),
                },
              }
            : {}),
          ...(ob ? { belowObligation: { year, summaries } } : {}),
        },
      );
      const reasonsOf = new Map(selected.map((c) => [c.id, c.reasons]));
      return {
        rows: page.map((r) => ({
          id: r.id,
          name: r.name,
          unit: unitNames.get(r.unitId) ?? r.unitId,
          position: r.data.positionTitle ?? null,
          jp: jpOf.get(r.id) ?? 0,
          reasons: reasonsOf.get(r.id) ?? [],
        })),
        total: listed.total,
        next: listed.more ? page.at(-1)!.id : null,
      };
    }),

  /** Invites the chosen employees (those the organiser may invite; others are refused). */
  addParticipants: roleProcedure('admin_unit', 'admin_sdm')
    .input(ParticipantsAdd)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw closedAlready();
      const ids = [...new Set(input.employeeIds)];
      const allowed = await ctx.db
        .select({ id: employees.id })
        .from(employees)
        .where(and(anyOf(employees.id, ids), invitable(ctx.user, event)));
      if (allowed.length !== ids.length) throw forbidden();
      return addAll(ctx.db, ctx.user, event, sql`SELECT id FROM employees WHERE ${anyOf(employees.id, ids)}`);
    }),

  /** Invites every employee the picker's filters match (all pages), up to the limit of an event. */
  addMatching: roleProcedure('admin_unit', 'admin_sdm')
    .input(CandidateFilter)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw closedAlready();
      const year = input.year ?? Number(event.data.startDate.slice(0, 4));
      if (input.belowObligation) await freshen(ctx.db, invitable(ctx.user, event));
      const condition = await candidateCondition(ctx.db, ctx.user, event, input, year);
      return addAll(ctx.db, ctx.user, event, sql`SELECT id FROM employees WHERE ${condition}`, input);
    }),

  removeParticipant: roleProcedure('admin_unit', 'admin_sdm')
    .input(ParticipantRef)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw closedAlready();
      return ctx.db.transaction(async (tx) => {
        const removed = await tx
          .delete(eventParticipants)
          .where(and(eq(eventParticipants.eventId, event.id), eq(eventParticipants.employeeId, input.employeeId)))
          .returning();
        if (removed.length === 0) throw appError('NOT_FOUND', 'Peserta tidak ditemukan', 'Participant not found');
        await audit(
          tx,
          ctx.user,
          'event.participant_remove',
          'event',
          event.id,
          { employeeId: input.employeeId, attended: removed[0]!.attended },
          null,
        );
        return { removed: 1 };
      });
    }),

  /** Records attendance: for each participant given, the sessions attended (the others are unchanged). */
  setAttendance: roleProcedure('admin_unit', 'admin_sdm')
    .input(Attendance)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw closedAlready();
      const sessionIds = new Set(event.data.sessions.map((s) => s.id));
      const problems = input.rows.flatMap((r, i) =>
        r.attended
          .map((s, j) => ({ s, j }))
          .filter(({ s }) => !sessionIds.has(s))
          .map(({ s, j }) => ({
            path: ['rows', i, 'attended', j],
            code: 'events.unknown_session',
            message: { id: `Sesi "${s}" tidak ada dalam kegiatan ini`, en: `Session "${s}" is not part of this event` },
          })),
      );
      if (problems.length)
        throw appError('BAD_REQUEST', 'Kehadiran memuat sesi yang tidak dikenal', 'The attendance names unknown sessions', problems);
      return recordAttendance(ctx.db, ctx.user, event, input.rows);
    }),

  /**
   * Records the attendance of a spreadsheet, XLSX or CSV (see `readAttendanceFile`): every row or
   * none; each problem names its row and column.
   */
  importAttendance: roleProcedure('admin_unit', 'admin_sdm')
    .input(AttendanceImport)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw closedAlready();
      const read = await readAttendanceFile(event.data, new Uint8Array(await input.file.arrayBuffer()));
      if (!read.ok) throw unreadableAttendance(read.problems);
      if (read.value.length > MAX_PARTICIPANTS)
        throw appError('BAD_REQUEST', `Paling banyak ${MAX_PARTICIPANTS} baris`, `At most ${MAX_PARTICIPANTS} rows`);
      const rows = read.value.map((r) => ({ employeeId: r.nip, attended: r.attendedSessions, line: r.line }));
      const result = await recordAttendance(ctx.db, ctx.user, event, rows);
      return { ...result, rows: rows.length };
    }),

  /**
   * Closes the event: every participant who passed ([P] art. 66(3), attendance setting of the event)
   * gets a certificate number, a signed OB3 credential, the certificate PDF and a verified learning
   * activity with that PDF as evidence; their stored JP is recomputed. All or nothing.
   */
  close: roleProcedure('admin_unit', 'admin_sdm')
    .input(EventRef)
    .mutation(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'write');
      if (event.status !== 'open') throw conflict('Kegiatan sudah ditutup', 'The event is already closed');
      if ((await participantCount(ctx.db, event.id)) === 0)
        throw appError('BAD_REQUEST', 'Kegiatan belum memiliki peserta', 'The event has no participants');
      return ctx.db.transaction(async (tx) => {
        // Only while still open: a second closing at the same time changes nothing.
        const [closing] = await tx
          .update(trainingEvents)
          .set({ status: 'closed', closedAt: new Date() })
          .where(and(eq(trainingEvents.id, event.id), eq(trainingEvents.status, 'open')))
          .returning();
        if (!closing) throw conflict('Kegiatan baru saja ditutup orang lain', 'The event was just closed by someone else');
        const result = await issueCertificates(tx, ctx.user, event);
        await audit(
          tx,
          ctx.user,
          'event.close',
          'event',
          event.id,
          { status: 'open' },
          { status: 'closed', issued: result.issued, participants: result.participants },
        );
        return result;
      });
    }),

  /** Revokes a certificate (wrong participant, cancelled event): its activity is withdrawn (rejected with the reason). */
  revoke: roleProcedure('admin_unit', 'admin_sdm')
    .input(Revocation)
    .mutation(async ({ ctx, input }) => {
      const cert = (await ctx.db.select().from(certificates).where(eq(certificates.number, input.number)))[0];
      if (!cert) throw appError('NOT_FOUND', 'Sertifikat tidak ditemukan', 'Certificate not found');
      await loadEvent(ctx.db, ctx.user, cert.eventId, 'write');
      if (cert.revokedAt) throw conflict('Sertifikat sudah dicabut', 'The certificate is already revoked');
      return ctx.db.transaction(async (tx) => {
        const [revoked] = await tx
          .update(certificates)
          .set({ revokedAt: new Date(), revokedReason: input.reason })
          .where(and(eq(certificates.number, cert.number), isNull(certificates.revokedAt)))
          .returning();
        if (!revoked) throw conflict('Sertifikat baru saja dicabut orang lain', 'The certificate was just revoked by someone else');
        const reason = `Sertifikat ${cert.number} dicabut: ${input.reason}`;
        await tx
          .update(activities)
          .set({ status: 'rejected', rejectReason: reason, updatedAt: new Date() })
          .where(eq(activities.id, cert.activityId));
        await refreshTotals(tx as unknown as Db, [cert.employeeId]);
        await audit(tx, ctx.user, 'certificate.revoke', 'certificate', cert.number, { revokedAt: null }, { reason: input.reason });
        await audit(tx, ctx.user, 'activity.rejected', 'activity', cert.activityId, { status: 'verified' }, { status: 'rejected', reason });
        return { number: cert.number, revokedAt: revoked.revokedAt };
      });
    }),

  /** A certificate as PDF (the activity's evidence) or its OB3 credential as JSON: for its holder, the organisers, the auditor. */
  certificate: authedProcedure
    .input(z.object({ number: z.string().max(100), format: z.enum(['pdf', 'json']) }))
    .query(async ({ ctx, input }) => {
      const cert = await loadCertificate(ctx.db, ctx.user, input.number);
      await audit(ctx.db, ctx.user, 'certificate.download', 'certificate', cert.number, null, { format: input.format });
      const name = `sertifikat-${cert.number.replace(/[^\w.-]+/g, '_')}`;
      if (input.format === 'json')
        return file(
          `${name}.json`,
          'application/json',
          new TextEncoder().encode(JSON.stringify(envelopedCredential(cert.credential), null, 2)),
        );
      const activity = (
        await ctx.db.select({ sha: activities.evidenceSha256 }).from(activities).where(eq(activities.id, cert.activityId))
      )[0];
      const pdfFile = activity?.sha
        ? (await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, activity.sha)))[0]
        : undefined;
      if (!pdfFile) throw appError('NOT_FOUND', 'Berkas sertifikat tidak ditemukan', 'Certificate file not found');
      return file(`${name}.pdf`, 'application/pdf', pdfFile.content);
    }),

  /**
   * The event's documents: the invitation letter (PDF, the invitees attached), the participant
   * list (PDF/XLSX), the attendance sheet to fill in and import (XLSX, or CSV), the activity report
   * for the head of the unit (PDF).
   */
  document: roleProcedure('admin_unit', 'admin_sdm', 'auditor')
    .input(
      z.object({
        eventId: z.string().max(60),
        kind: z.enum(['invitation', 'participants', 'attendance', 'report']),
        format: z.enum(['pdf', 'xlsx', 'csv']),
      }),
    )
    .query(async ({ ctx, input }) => {
      const event = await loadEvent(ctx.db, ctx.user, input.eventId, 'read');
      const formats: readonly string[] = EVENT_DOCUMENT_FORMATS[input.kind];
      if (!formats.includes(input.format))
        throw appError(
          'BAD_REQUEST',
          `Dokumen ini tersedia sebagai ${formats.join('/').toUpperCase()}`,
          `This document comes as ${formats.join('/').toUpperCase()}`,
        );
      const lines = await participantLines(ctx.db, event);
      await audit(ctx.db, ctx.user, `export.event_${input.kind}`, 'event', event.id, null, { format: input.format });
      switch (input.kind) {
        case 'invitation':
          return file(
            `undangan-${event.id}.pdf`,
            'application/pdf',
            await invitationPdf(event.data, lines, (await issuerOf(ctx.db)).name, event.signatory, todayIso(await agencyTimeZone(ctx.db))),
          );
        case 'attendance':
          if (input.format === 'xlsx') return file(`kehadiran-${event.id}.xlsx`, XLSX, await attendanceXlsx(event.data, lines));
          return file(
            `kehadiran-${event.id}.csv`,
            'text/csv; charset=utf-8',
            new TextEncoder().encode(
              '\uFEFF' +
                attendanceCsv(
                  event.data,
                  lines.map((p) => ({ nip: p.nip, name: p.name, attendedSessions: p.attendedSessions })),
                ),
            ),
          );
        case 'report':
          return file(
            `laporan-${event.id}.pdf`,
            'application/pdf',
            await reportPdf(event.data, lines, await evaluationSummary(ctx.db, event.id), event.signatory),
          );
        default:
          return input.format === 'xlsx'
            ? file(`peserta-${event.id}.xlsx`, XLSX, await participantsXlsx(event.data, lines))
            : file(`peserta-${event.id}.pdf`, 'application/pdf', await participantsPdf(event.data, lines));
      }
    }),

  /** The user's own invitations: events they take part in, their evaluation and certificate. */
  mine: authedProcedure.query(async ({ ctx }) => {
    if (!ctx.user.employeeId) return [];
    const rows = await ctx.db
      .select({
        id: trainingEvents.id,
        data: trainingEvents.data,
        status: trainingEvents.status,
        evaluation: eventParticipants.evaluation,
        attended: eventParticipants.attended,
        certificate: certificates.number,
        jp: certificates.jp,
        revokedAt: certificates.revokedAt,
      })
      .from(eventParticipants)
      .innerJoin(trainingEvents, eq(trainingEvents.id, eventParticipants.eventId))
      .leftJoin(certificates, participantsCertificate)
      .where(eq(eventParticipants.employeeId, ctx.user.employeeId))
      .orderBy(desc(trainingEvents.createdAt))
      .limit(200);
    return rows.map((r) => ({ ...r, jp: r.jp === null ? null : Number(r.jp) }));
  }),

  /** A participant's evaluation of an event (relevance, facilitator, material 1–5, free text); may be changed later. */
  evaluate: authedProcedure.input(Evaluation).mutation(async ({ ctx, input }) => {
    if (!ctx.user.employeeId) throw forbidden();
    const participant = (
      await ctx.db
        .select()
        .from(eventParticipants)
        .where(and(eq(eventParticipants.eventId, input.eventId), eq(eventParticipants.employeeId, ctx.user.employeeId)))
    )[0];
    // Only those invited evaluate an event.
    if (!participant) throw forbidden();
    const evaluation: EventEvaluation = {
      relevance: input.relevance,
      facilitator: input.facilitator,
      material: input.material,
      ...(input.comment ? { comment: input.comment } : {}),
    };
    return ctx.db.transaction(async (tx) => {
      await tx
        .update(eventParticipants)
        .set({ evaluation, evaluatedAt: new Date() })
        .where(and(eq(eventParticipants.eventId, input.eventId), eq(eventParticipants.employeeId, ctx.user.employeeId!)));
      await audit(tx, ctx.user, 'event.evaluate', 'event', input.eventId, participant.evaluation, evaluation);
      return evaluation;
    });
  }),
});

async function addAll(db: Db, user: SessionUser, event: Event, ids: SQL, filter?: unknown) {
  return db.transaction(async (tx) => {
    const inserted = rowsOf<{ employee_id: string }>(
      await tx.execute(sql`INSERT INTO event_participants (event_id, employee_id)
        SELECT ${event.id}, x.id FROM (${ids}) x ORDER BY x.id
        ON CONFLICT DO NOTHING RETURNING employee_id`),
    );
    const total = await participantCount(tx as unknown as Db, event.id);
    // All or nothing: an event above the limit is refused whole.
    if (total > MAX_PARTICIPANTS)
      throw appError(
        'BAD_REQUEST',
        `Peserta satu kegiatan paling banyak ${MAX_PARTICIPANTS}; pilihan ini membuatnya ${total}`,
        `An event has at most ${MAX_PARTICIPANTS} participants; this choice makes ${total}`,
      );
    await audit(tx, user, 'event.participants_add', 'event', event.id, null, {
      added: inserted.map((r) => r.employee_id),
      ...(filter ? { filter } : {}),
    });
    return { added: inserted.length, total };
  });
}
