import type { LearningActivity, LearningMethod } from '@bangkom/domain';
import {
  LearningActivity as ActivitySchema,
  activityStatuses,
  DEFAULT_TIME_ZONE,
  isTimeZone,
  learningMethodCodes,
  learningMethods,
  problemsFromZod,
} from '@bangkom/domain';
import type { JpBasis, RuleProfile } from '@bangkom/jp';
import { convertActivity, DEFAULT_PROFILE_ID, requiresSupervisorApproval, resolveProfiles, versionInForce, versionOn } from '@bangkom/jp';
import { jenisDiklat, siasnReference } from '@bangkom/myasn';
import type { SQL } from 'drizzle-orm';
import { and, asc, count, desc, eq, gte, isNull, ne, sql } from 'drizzle-orm';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { audit } from '../audit.js';
import type { SessionUser } from '../auth.js';
import type { Db } from '../db/index.js';
import { recordOf, storedActivity } from '../db/records.js';
import type { NotificationKind, StoredActivity } from '../db/schema.js';
import { activities, activityJp, certificates, employees, evidenceFiles, plans, settings, units } from '../db/schema.js';
import { formatDate } from '../../i18n.js';
import { todayIso } from '../../values.js';
import { messagesFor } from '../messages.js';
import { nameOrNip } from '../search.js';
import { deciderParams, notify } from '../notify.js';
import { appError, errorDetails, forbidden, isExpected } from '../errors.js';
import { checkEvidence, evidenceName, MAX_EVIDENCE_BYTES, sizeRefusal } from '../evidence.js';
import {
  ActivityFields,
  BulkDecision,
  EvidenceFile,
  EvidenceUploadData,
  JpOverrideInput,
  QUEUE_PAGE,
  QueueQuery,
  Reason,
} from '../../schemas.js';
import { authedProcedure, roleProcedure, router } from '../trpc.js';
import { canSee, isSubordinate, subordinateCondition, visibleCondition } from '../access.js';
import { refreshTotals } from '../totals.js';
import { decisionHistory, duplicatesOf, hasDuplicateSql, needsSupervisorSql } from '../review.js';
import { personOf } from '../people.js';

type Row = typeof activities.$inferSelect;
type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export async function ruleProfile(db: Db): Promise<string> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'ruleProfile')))[0];
  return typeof row?.value === 'string' ? row.value : DEFAULT_PROFILE_ID;
}

/** The version of a profile that governs a year's obligation: the one in force at the year's end ([P] art. 19(2)). */
export const versionOfYear = (versions: readonly RuleProfile[], year: number): RuleProfile =>
  versionInForce(versions, `${year}-12-31`) ?? versions.at(-1)!;

/** The version of the agency's rule profile that governs a year (see `versionOfYear`). */
export async function profileOfYear(db: Db, year: number): Promise<RuleProfile> {
  const versions = resolveProfiles(await ruleProfile(db));
  if (!versions.ok)
    throw appError('INTERNAL_SERVER_ERROR', 'Profil aturan tidak dapat dimuat', 'The rule profile cannot be loaded', versions.problems);
  return versionOfYear(versions.value, year);
}

/** The activity of a row as the engine takes it: its record with the admin's JP override, when one is set. */
export const activityOf = (row: Pick<Row, 'data' | 'status' | 'jpOverride' | 'jpOverrideReason' | 'jpOverrideBy'>): LearningActivity =>
  withOverride(recordOf(row), row);

/** The activity as the engine takes it: with the admin's JP override ([P] art. 12(2)f), when one is set. */
function withOverride(activity: LearningActivity, row: Pick<Row, 'jpOverride' | 'jpOverrideReason' | 'jpOverrideBy'>): LearningActivity {
  if (row.jpOverride === null) return activity;
  return { ...activity, override: { jp: row.jpOverride, reason: row.jpOverrideReason ?? '-', by: row.jpOverrideBy ?? 'admin' } };
}

/** The agency's time zone (setting `timeZone`): "today" and every timestamp are read in it. */
export async function agencyTimeZone(db: Db): Promise<string> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'timeZone')))[0];
  return typeof row?.value === 'string' && isTimeZone(row.value) ? row.value : DEFAULT_TIME_ZONE;
}

/**
 * What an admin's JP override may do above the JP the method's rule gives the activity (setting
 * `jpOverrideAboveRule`): 'confirm' (the default) allows it with a second confirmation and the
 * reason; 'refuse' never allows it. This is the app's own policy, not a rule of the regulations:
 * they let the agency set JP for what they do not list, but say nothing of an officer raising the JP
 * a listed method gives, so the app asks for a second look instead of refusing or allowing silently.
 */
export async function overrideAboveRule(db: Db): Promise<OverrideAboveRule> {
  const row = (await db.select().from(settings).where(eq(settings.key, 'jpOverrideAboveRule')))[0];
  return row?.value === 'refuse' ? 'refuse' : 'confirm';
}
export type OverrideAboveRule = 'confirm' | 'refuse';

/** The JP the method's rule gives the activity on its own (without any override); null when it cannot be converted. */
async function ruleJpOf(db: Db, row: Row): Promise<number | null> {
  const result = convertActivity(recordOf(row), { profile: await ruleProfile(db), trace: false });
  return result.ok ? result.value.jp : null;
}

const notFound = () => appError('NOT_FOUND', 'Kegiatan tidak ditemukan', 'Activity not found');
const conflict = (id: string, en: string) => appError('CONFLICT', id, en);
/** Status names for messages, from the app's catalogue. */
const statusName = (status: Row['status'], locale: 'id' | 'en') => messagesFor(locale)[`status_${status}`]().toLowerCase();

async function load(db: Db, user: SessionUser, id: string): Promise<Row> {
  const row = (await db.select().from(activities).where(eq(activities.id, id)))[0];
  if (!row) throw notFound();
  // Someone who may not see an activity is told it does not exist, not that it is forbidden.
  if (!(await canSee(db, user, row.employeeId))) throw notFound();
  return row;
}

const isOwner = (user: SessionUser, row: Pick<Row, 'employeeId'>) => user.employeeId !== null && row.employeeId === user.employeeId;
const methodOf = (row: Row): LearningMethod => row.data.method;
/**
 * Whether the direct superior approves an activity before it is verified: the rule of the profile
 * version that governs the activity's date (in the default profile [K] III.D.5: non-classical methods).
 */
async function superiorApproval(db: Db): Promise<(row: Row) => boolean> {
  const versions = resolveProfiles(await ruleProfile(db));
  return (row) => {
    if (!versions.ok) return learningMethods[methodOf(row)].path === 'nonklasikal';
    const profile = versionOn(versions.value, row.data.endDate);
    return profile ? requiresSupervisorApproval(methodOf(row), profile).required : false;
  };
}

export { EARLIEST_ACTIVITY_DATE } from '../../schemas.js';
type Fields = z.output<typeof ActivityFields>;

function toActivity(
  id: string,
  employeeId: string,
  f: Fields,
  status: LearningActivity['status'],
  previous?: StoredActivity,
): LearningActivity {
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
    evidence: {
      kind: 'sertifikat',
      ...(f.certificateNumber ? { number: f.certificateNumber } : {}),
      ...(f.certificateDate ? { date: f.certificateDate } : {}),
      // An attached file stays attached when the fields are edited.
      ...(previous?.evidence?.file ? { file: previous.evidence.file } : {}),
    },
    ...(f.rumpun ? { rumpun: f.rumpun } : {}),
    ...(f.summary ? { summary: f.summary } : {}),
    status,
  });
  if (!parsed.success)
    throw appError('BAD_REQUEST', 'Isian kegiatan tidak valid', 'The activity is not valid', problemsFromZod(parsed.error));
  return parsed.data;
}

/**
 * Refuses an activity that no rule of the profile can convert — no version in force on its date,
 * or input the rule needs is missing — with the rule's own message, at save and at submit.
 */
async function ensureConvertible(db: Db, activity: LearningActivity): Promise<void> {
  const result = convertActivity(activity, { profile: await ruleProfile(db), trace: false });
  if (!result.ok)
    throw appError(
      'BAD_REQUEST',
      'Kegiatan ini tidak dapat dikonversi ke JP: ' + result.problems.map((p) => p.message.id).join('; '),
      'This activity cannot be converted to JP: ' + result.problems.map((p) => p.message.en).join('; '),
      result.problems,
    );
}

/** Checks the file by its content and stores it by hash; the caller's transaction makes it all-or-nothing. */
export async function storeEvidence(tx: Tx, upload: File): Promise<{ name: string; sha256: string; size: number; mediaType: string }> {
  // A file too large is refused before it is read: its size is known from the multipart part.
  const refused = sizeRefusal(upload.size);
  if (refused)
    throw appError('BAD_REQUEST', refused.message.id, refused.message.en, [
      { path: ['evidence'], code: refused.code, message: refused.message },
    ]);
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const name = evidenceName(upload.name);
  const checked = checkEvidence(bytes);
  if (!checked.ok)
    throw appError('BAD_REQUEST', checked.message.id, checked.message.en, [
      { path: ['evidence'], code: checked.code, message: checked.message },
    ]);
  await tx
    .insert(evidenceFiles)
    .values({ sha256: checked.sha256, mediaType: checked.mediaType, size: checked.size, content: bytes })
    .onConflictDoNothing();
  return { name, sha256: checked.sha256, size: checked.size, mediaType: checked.mediaType };
}

function withFile(activity: LearningActivity, file: { name: string; sha256: string; size: number; mediaType: string }): LearningActivity {
  return { ...activity, evidence: { ...activity.evidence, kind: activity.evidence?.kind ?? 'sertifikat', file } } as LearningActivity;
}

/** The form field a basis of the rule profile needs ([K] IV.C–D: per day, per session, the certificate's JP…). */
const FIELD_OF_BASIS: Record<JpBasis, 'statedJp' | 'days' | 'sessions' | 'programmeJp' | 'hours' | null> = {
  certificate: 'statedJp',
  perDay: 'days',
  perSession: 'sessions',
  perActivity: null,
  programme: 'programmeJp',
  hours: 'hours',
};

/**
 * Whether the activity is the record of an event's certificate: the organiser's attendance record
 * verified it ([P] art. 66(3)), so its holder neither edits nor resubmits it; once the certificate
 * is revoked it stays withdrawn (other evidence of the learning is recorded as a new activity).
 */
async function issuedWithCertificate(db: Db, row: Pick<Row, 'id' | 'employeeId'>): Promise<boolean> {
  // By the holder first: their certificates are indexed.
  const found = await db
    .select({ number: certificates.number })
    .from(certificates)
    .where(and(eq(certificates.employeeId, row.employeeId), eq(certificates.activityId, row.id)))
    .limit(1);
  return found.length > 0;
}

const certificateRecordFixed = () =>
  conflict(
    'Kegiatan ini dicatat dari sertifikat penyelenggaraan dan tidak dapat diubah atau diajukan ulang',
    'This activity was recorded from an event certificate and cannot be edited or submitted again',
  );

/** What the user may do with an activity (the procedures check the same rules again). */
async function allowedActions(db: Db, user: SessionUser, row: Row) {
  const own = isOwner(user, row);
  const subordinate = user.role === 'atasan' && (await isSubordinate(db, user, row.employeeId));
  const staff = (user.role === 'admin_unit' || user.role === 'admin_sdm') && !own;
  const needsSuperior = await superiorApproval(db);
  // A rejected activity goes back to its owner: fixed (fields, new evidence) and submitted again;
  // not an event certificate's record (a revoked certificate stays withdrawn).
  const revisable = (row.status === 'draft' || row.status === 'rejected') && !(await issuedWithCertificate(db, row));
  const overrideWaits = staff && (await overrideAwaitsSuperior(db, row));
  return {
    edit: own && revisable && user.role !== 'auditor',
    submit: own && revisable && user.role !== 'auditor',
    withdraw: own && row.status === 'submitted' && user.role !== 'auditor',
    review: subordinate && row.status === 'submitted' && needsSuperior(row) && row.supervisorApproved === null,
    verify: staff && row.status === 'submitted',
    // Setting the JP waits for the superior's approval; an override already set can still be cleared.
    overrideJp: staff && (row.jpOverride !== null || !overrideWaits),
    overrideWaitsSuperior: staff && overrideWaits,
    approveConversion: user.role === 'admin_sdm' && !own && row.data.conversionApprovedBy === undefined,
  };
}

/**
 * Whether the JP of the activity cannot be set yet: it needs the direct superior's approval
 * ([K] III.D.5) and has not had it. The form is offered and the procedure accepts by this one rule.
 */
async function overrideAwaitsSuperior(db: Db, row: Row): Promise<boolean> {
  if (row.supervisorApproved === true || !(await superiorApproval(db))(row)) return false;
  const employee = (await db.select({ supervisorId: employees.supervisorId }).from(employees).where(eq(employees.id, row.employeeId)))[0];
  return Boolean(employee?.supervisorId);
}

/**
 * An override waits for the direct superior's approval where the activity needs it ([K] III.D.5),
 * and goes above the JP the method's rule gives only as the setting allows: with a second
 * confirmation (default) or never.
 */
async function ensureOverridable(db: Db, row: Row, jp: number, confirmed: boolean): Promise<void> {
  if (await overrideAwaitsSuperior(db, row))
    throw conflict(
      'JP dapat ditetapkan setelah atasan langsung menyetujui kegiatan ini ([K] III.D.5)',
      'The JP can be set once the direct superior has approved this activity ([K] III.D.5)',
    );
  const ruleJp = await ruleJpOf(db, row);
  if (ruleJp === null || jp <= ruleJp) return;
  const path = ['jp'];
  if ((await overrideAboveRule(db)) === 'refuse')
    throw appError(
      'BAD_REQUEST',
      `JP melebihi ${ruleJp} JP menurut aturan metode ini`,
      `The JP is above the ${ruleJp} JP of this method's rule`,
      [
        {
          path,
          code: 'override_above_rule',
          message: {
            id: `JP tidak boleh melebihi ${ruleJp} JP menurut aturan metode ini (pengaturan instansi)`,
            en: `The JP may not exceed the ${ruleJp} JP of this method's rule (agency setting)`,
          },
        },
      ],
    );
  if (!confirmed)
    throw appError(
      'CONFLICT',
      `JP melebihi ${ruleJp} JP menurut aturan metode ini`,
      `The JP is above the ${ruleJp} JP of this method's rule`,
      [
        {
          path: ['confirmAboveRule'],
          code: 'override_above_rule',
          message: {
            id: `${jp} JP melebihi ${ruleJp} JP menurut aturan metode ini: centang konfirmasi dan tuliskan alasannya`,
            en: `${jp} JP is above the ${ruleJp} JP of this method's rule: tick the confirmation and give the reason`,
          },
        },
      ],
    );
}

/**
 * Days after which a submission still undecided is shown as overdue (policy parameter of the app:
 * the rules set no deadline for the verification).
 */
export const OVERDUE_DAYS = 14;

/**
 * The review queue's conditions (on `activities` joined with `employees`): submitted, in the
 * user's scope, not the user's own, and on tab `now` decidable by the user now, on tab `waiting`
 * waiting for someone else. One rule for the queue, its counts and the home page.
 */
function queueConditions(db: Db, user: SessionUser, profileId: string, tab: 'now' | 'waiting'): SQL[] {
  const needsSuperior = needsSupervisorSql(profileId);
  const conditions: SQL[] = [eq(activities.status, 'submitted')];
  if (user.employeeId) conditions.push(ne(activities.employeeId, user.employeeId));
  if (user.role === 'atasan') {
    conditions.push(subordinateCondition(db, user, activities.employeeId));
    // The superior decides the approvals; afterwards the item waits for the admin's verification.
    conditions.push(
      tab === 'now'
        ? and(needsSuperior, isNull(activities.supervisorApproved))!
        : sql`NOT (${and(needsSuperior, isNull(activities.supervisorApproved))})`,
    );
    return conditions;
  }
  const scope = visibleCondition(db, user, activities.employeeId);
  if (scope) conditions.push(scope);
  // Waiting for the superior: needs the approval, not given yet, and the employee has a superior to give it.
  const waitingForSuperior = sql`(${needsSuperior} AND ${activities.supervisorApproved} IS NOT TRUE AND ${employees.supervisorId} IS NOT NULL)`;
  conditions.push(tab === 'now' ? sql`NOT ${waitingForSuperior}` : waitingForSuperior);
  return conditions;
}

/**
 * The review queue counts its items up to this many past the page shown ("1–50 dari lebih dari
 * 1000"): each one counted is a row read, and nobody works a queue that long page by page.
 */
export const QUEUE_COUNT_LIMIT = 1_000;
/** The queue's order, oldest submission first (the partial index `activities_queue`). */
const QUEUE_ORDER = [asc(sql`coalesce(${activities.submittedAt}, ${activities.updatedAt})`), asc(activities.id)];
/** Newest submission first: the same index read backward. */
const QUEUE_NEWEST = [desc(sql`coalesce(${activities.submittedAt}, ${activities.updatedAt})`), desc(activities.id)];
/** The activity list counts up to this many (it is searched and filtered rather than paged through). */
export const LIST_COUNT_LIMIT = 10_000;

/**
 * Activities (joined with their employee) matching `where`, counted up to `bound` + 1: past the
 * bound a list says "more than" (counting every submission of a ministry costs seconds). With
 * `overdueSince`, also how many of those counted have waited since before it (submitted, or last
 * changed): the home page's overdue items, read in the same pass.
 */
async function boundedCounts(
  db: Db,
  where: SQL | undefined,
  bound: number,
  order: SQL[] = [],
  overdueSince?: Date,
): Promise<{ n: number; overdue: number }> {
  const found = db
    .select({
      // Without a moment to compare, no column is read: the count can stay on the index.
      since: (overdueSince
        ? sql<Date | null>`coalesce(${activities.submittedAt}, ${activities.updatedAt})`
        : sql<Date | null>`NULL::timestamptz`
      ).as('since'),
    })
    .from(activities)
    .innerJoin(employees, eq(employees.id, activities.employeeId))
    .where(where)
    .orderBy(...order)
    .limit(bound + 1)
    .as('found');
  const [row] = await db
    .select({
      n: count(),
      overdue: overdueSince
        ? sql<number>`count(*) FILTER (WHERE ${found.since} < ${overdueSince.toISOString()}::timestamptz)`.mapWith(Number)
        : sql<number>`0`.mapWith(Number),
    })
    .from(found);
  return { n: row?.n ?? 0, overdue: row?.overdue ?? 0 };
}
const boundedCount = async (db: Db, where: SQL | undefined, bound: number, order: SQL[] = []): Promise<number> =>
  (await boundedCounts(db, where, bound, order)).n;

/** Largest page of the activity list; the page asks for the next one by the last id. */
export const MAX_PAGE = 200;

/** The activity list's orders (the indexes activities_updated, activities_start, activities_title). */
export const activitySorts = ['updated', 'start', 'title'] as const;
export type ActivitySort = (typeof activitySorts)[number];

/**
 * The key each order sorts by, on `activities` or on the cursor's row `c`, and whether the key and
 * then the id run downward: each as its index holds them (or holds them backward).
 */
const SORT_KEYS: Record<ActivitySort, { key: (table: string) => SQL; desc: boolean; idDesc: boolean }> = {
  updated: { key: (t) => sql.raw(`${t}.updated_at`), desc: true, idDesc: false },
  start: { key: (t) => sql.raw(`(${t}.data->>'startDate')`), desc: true, idDesc: true },
  title: { key: (t) => sql.raw(`lower(${t}.data->>'title')`), desc: false, idDesc: false },
};

/** The activity list's filters: status, one employee, the user's own, search by name or NIP; paged after an activity (keyset). */
const ActivityListQuery = z.object({
  status: z.enum(activityStatuses).optional(),
  employeeId: z.string().max(40).optional(),
  mine: z.boolean().optional(),
  q: z.string().trim().max(100).optional(),
  /** One unit's employees (within what the user may see). */
  unitId: z.string().max(60).optional(),
  /** The year the activity counts in (its stored JP's year: the profile's period date). */
  year: z.int().min(2000).max(2100).optional(),
  method: z.enum(learningMethodCodes).optional(),
  /** The list's order: last changed first (default), latest start date first, or by title (A–Z); each has its index. */
  sort: z.enum(activitySorts).default('updated'),
  /** Paging (keyset): the activities after this one in the list's order. */
  after: z.string().max(60).optional(),
  limit: z.int().min(1).max(MAX_PAGE).default(MAX_PAGE),
});

/** What the user may see of the activity list, filtered (the page's position aside). */
function listConditions(ctx: { db: Db; user: SessionUser }, input: Omit<z.output<typeof ActivityListQuery>, 'limit'>): SQL[] {
  const visible = visibleCondition(ctx.db, ctx.user, activities.employeeId, input.mine ?? false);
  return [
    ...(visible ? [visible] : []),
    ...(input.status ? [eq(activities.status, input.status)] : []),
    ...(input.employeeId ? [eq(activities.employeeId, input.employeeId)] : []),
    ...(input.q ? [nameOrNip(input.q)] : []),
    ...(input.unitId ? [eq(employees.unitId, input.unitId)] : []),
    ...(input.year
      ? [sql`EXISTS (SELECT 1 FROM ${activityJp} WHERE ${activityJp.activityId} = ${activities.id} AND ${activityJp.year} = ${input.year})`]
      : []),
    ...(input.method ? [sql`${activities.data}->>'method' = ${input.method}`] : []),
  ];
}

/** The list's ORDER BY: the sort's key, then the id. */
function listOrder(sort: ActivitySort): SQL[] {
  const { key, desc: down, idDesc } = SORT_KEYS[sort];
  return [sql`${key('activities')} ${sql.raw(down ? 'DESC' : 'ASC')}`, idDesc ? desc(activities.id) : asc(activities.id)];
}

/**
 * The activities after the given one in the sort's order: its sort key is read in SQL from its row
 * (a time to the microsecond, a date, a title), then ties go by id.
 */
function afterCursor(after: string | undefined, sort: ActivitySort): SQL | undefined {
  if (!after) return undefined;
  const { key, desc: down, idDesc } = SORT_KEYS[sort];
  const own = key('activities');
  const cursor = sql`(SELECT ${key('c')} FROM activities c WHERE c.id = ${after})`;
  // Key and id the same way: one row comparison, which the index seeks to (no scan from the top for a deep page).
  if (down === idDesc) return sql`((${own}, ${activities.id}) ${sql.raw(down ? '<' : '>')} (${cursor}, ${after}))`;
  return sql`(${own} ${sql.raw(down ? '<' : '>')} ${cursor} OR (${own} = ${cursor} AND ${activities.id} ${sql.raw(idDesc ? '<' : '>')} ${after}))`;
}

export const activitiesRouter = router({
  /** Activities the user may see, in the chosen order (last changed first by default), with the JP each is worth on its own. */
  list: authedProcedure.input(ActivityListQuery.prefault({})).query(async ({ ctx, input }) => {
    const conditions = listConditions(ctx, input);
    const rows = await ctx.db
      .select({ activity: activities, employeeName: employees.name })
      .from(activities)
      .innerJoin(employees, eq(employees.id, activities.employeeId))
      .where(and(...conditions, afterCursor(input.after, input.sort)))
      .orderBy(...listOrder(input.sort))
      .limit(input.limit);
    const profile = await ruleProfile(ctx.db);
    return rows.map(({ activity: r, employeeName }) => {
      const converted = convertActivity(activityOf(r), { profile, trace: false });
      return {
        ...summaryOf(r),
        employeeName,
        jp: converted.ok ? converted.value.jp : null,
        problems: converted.ok ? [] : converted.problems.map((p) => p.message),
      };
    });
  }),

  /**
   * How many activities the list holds with these filters, and how many come before the page
   * after `after` ("51–100 dari 779"); counted up to LIST_COUNT_LIMIT ("more than").
   */
  count: authedProcedure.input(ActivityListQuery.omit({ limit: true }).prefault({})).query(async ({ ctx, input }) => {
    const conditions = listConditions(ctx, input);
    const [total, skipped] = await Promise.all([
      boundedCount(ctx.db, and(...conditions), LIST_COUNT_LIMIT),
      input.after ? boundedCount(ctx.db, and(...conditions, sql`NOT ${afterCursor(input.after, input.sort)}`), LIST_COUNT_LIMIT) : 0,
    ]);
    return { total: Math.min(total, LIST_COUNT_LIMIT), more: total > LIST_COUNT_LIMIT, skipped: Math.min(skipped, LIST_COUNT_LIMIT) };
  }),

  /**
   * The review queue, a page at a time: on tab `now` what the user can decide now (the superior:
   * subordinates' activities that need the superior's approval, [K] III.D.5; the admins: submitted
   * activities of their scope that need no approval or have it), on tab `waiting` the submitted
   * activities of the same scope that wait for someone else. Oldest submission first, or newest.
   */
  queue: roleProcedure('atasan', 'admin_unit', 'admin_sdm')
    .input(QueueQuery.default({ tab: 'now', sort: 'oldest', offset: 0, limit: QUEUE_PAGE }))
    .query(async ({ ctx, input }) => {
      const conditions = queueConditions(ctx.db, ctx.user, await ruleProfile(ctx.db), input.tab);
      if (input.q) conditions.push(nameOrNip(input.q));
      if (input.unitId) conditions.push(eq(employees.unitId, input.unitId));
      if (input.method) conditions.push(sql`${activities.data}->>'method' = ${input.method}`);
      const where = and(...conditions);
      const order = input.sort === 'newest' ? QUEUE_NEWEST : QUEUE_ORDER;
      const bound = input.offset + QUEUE_COUNT_LIMIT;
      const [rows, found] = await Promise.all([
        ctx.db
          .select({
            activity: activities,
            employeeName: employees.name,
            unitName: units.name,
            jp: activityJp.convertedJp,
            duplicate: hasDuplicateSql(),
          })
          .from(activities)
          .innerJoin(employees, eq(employees.id, activities.employeeId))
          .leftJoin(units, eq(units.id, employees.unitId))
          .leftJoin(activityJp, eq(activityJp.activityId, activities.id))
          .where(where)
          .orderBy(...order)
          .offset(input.offset)
          .limit(input.limit),
        // Counted in the queue's own order: its index finds the first rows whatever their share of the table.
        boundedCount(ctx.db, where, bound, order),
      ]);
      const now = Date.now();
      return {
        tab: input.tab,
        offset: input.offset,
        total: Math.min(found, bound),
        more: found > bound,
        rows: rows.map(({ activity, employeeName, unitName, jp, duplicate }) => {
          const submittedAt = activity.submittedAt ?? activity.updatedAt;
          return {
            ...summaryOf(activity),
            employeeName,
            unitName,
            jp,
            duplicate: Boolean(duplicate),
            submittedAt,
            ageDays: Math.max(0, Math.floor((now - submittedAt.getTime()) / 86_400_000)),
            canDecide: input.tab === 'now',
          };
        }),
      };
    }),

  /** What needs the user's attention, with counts: own rejections and drafts, decisions waiting, plans to approve, overdue items. */
  attention: authedProcedure.query(async ({ ctx }) => {
    const user = ctx.user;
    const own = user.employeeId;
    const ownCount = async (status: Row['status']) =>
      own
        ? ((
            await ctx.db
              .select({ n: count() })
              .from(activities)
              .where(and(eq(activities.employeeId, own), eq(activities.status, status)))
          )[0]?.n ?? 0)
        : 0;
    const reviewer = user.role === 'atasan' || user.role === 'admin_unit' || user.role === 'admin_sdm';
    let toDecide = 0;
    let overdue = 0;
    let toDecideMore = false;
    if (reviewer) {
      const conditions = queueConditions(ctx.db, user, await ruleProfile(ctx.db), 'now');
      const overdueSince = new Date(Date.now() - OVERDUE_DAYS * 86_400_000);
      // The oldest items first, up to the queue's bound: the overdue ones are among them.
      const counted = await boundedCounts(ctx.db, and(...conditions), QUEUE_COUNT_LIMIT, QUEUE_ORDER, overdueSince);
      toDecideMore = counted.n > QUEUE_COUNT_LIMIT;
      toDecide = Math.min(counted.n, QUEUE_COUNT_LIMIT);
      overdue = Math.min(counted.overdue, QUEUE_COUNT_LIMIT);
    }
    let plansToApprove = 0;
    if (user.role === 'admin_sdm') {
      const year = Number(todayIso(await agencyTimeZone(ctx.db)).slice(0, 4));
      const [row] = await ctx.db
        .select({ n: count() })
        .from(plans)
        .where(and(gte(plans.year, year), eq(plans.status, 'submitted'), ...(own ? [ne(plans.employeeId, own)] : [])));
      plansToApprove = row?.n ?? 0;
    }
    return {
      rejected: await ownCount('rejected'),
      drafts: await ownCount('draft'),
      toDecide,
      /** More than `toDecide` wait (counted up to the queue's bound); `overdue` then too may be more. */
      toDecideMore,
      overdue,
      overdueDays: OVERDUE_DAYS,
      plansToApprove,
    };
  }),

  /** One activity with its JP explanation ("why N JP?") and what the user may do with it. */
  get: authedProcedure.input(z.object({ id: z.string().max(60) })).query(async ({ ctx, input }) => {
    const row = await load(ctx.db, ctx.user, input.id);
    const employee = (
      await ctx.db
        .select({ name: employees.name, unitId: employees.unitId, supervisorId: employees.supervisorId })
        .from(employees)
        .where(eq(employees.id, row.employeeId))
    )[0];
    // Whose decision a submitted activity waits for: the superior's approval first where it is needed ([K] III.D.5), then the admin's verification.
    const waitsFor =
      row.status !== 'submitted'
        ? null
        : (await superiorApproval(ctx.db))(row) && employee?.supervisorId && row.supervisorApproved === null
          ? ('superior' as const)
          : ('admin' as const);
    // Who set the JP and who approved the conversion: kept as usernames, shown as name and NIP.
    const overrideBy = await personOf(ctx.db, row.jpOverrideBy);
    const conversionApprovedBy = await personOf(
      ctx.db,
      typeof row.data.conversionApprovedBy === 'string' ? row.data.conversionApprovedBy : null,
    );
    const shownBy = overrideBy?.nip ? `${overrideBy.name ?? ''}, NIP ${overrideBy.nip}` : row.jpOverrideBy;
    const conversion = convertActivity(activityOf({ ...row, jpOverrideBy: shownBy }), { profile: await ruleProfile(ctx.db) });
    return {
      ...row,
      data: recordOf(row),
      employeeName: employee?.name ?? row.employeeId,
      overrideBy,
      conversionApprovedBy,
      waitsFor,
      history: await decisionHistory(ctx.db, row.id),
      duplicates: await duplicatesOf(ctx.db, ctx.user, candidateOf(row)),
      // Submitting waits until the activity has ended (the submit procedure refuses it before).
      notEnded: row.data.endDate > todayIso(await agencyTimeZone(ctx.db)),
      conversion: conversion.ok
        ? { ok: true as const, jp: conversion.value.jp, trace: conversion.value.trace, profile: conversion.value.profile }
        : { ok: false as const, problems: conversion.problems },
      can: await allowedActions(ctx.db, ctx.user, row),
      ruleJp: await ruleJpOf(ctx.db, row),
      overrideAboveRule: await overrideAboveRule(ctx.db),
    };
  }),

  /** The evidence file of an activity, only to those who may see the activity. */
  evidence: authedProcedure.input(z.object({ id: z.string().max(60) })).query(async ({ ctx, input }) => {
    const row = await load(ctx.db, ctx.user, input.id);
    if (!row.evidenceSha256) throw appError('NOT_FOUND', 'Kegiatan ini tidak memiliki berkas bukti', 'This activity has no evidence file');
    const file = (await ctx.db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, row.evidenceSha256)))[0];
    if (!file) throw appError('NOT_FOUND', 'Berkas bukti tidak ditemukan', 'Evidence file not found');
    // Who opened which evidence (personal data) is kept for the auditor.
    await audit(ctx.db, ctx.user, 'activity.evidence_download', 'activity', row.id, null, { sha256: file.sha256 });
    return {
      name: row.evidenceName ?? `${row.id}`,
      mediaType: file.mediaType,
      sha256: file.sha256,
      contentBase64: Buffer.from(file.content).toString('base64'),
    };
  }),

  /** What the activity form needs: methods with their path and the input the rule profile in force today converts. */
  formInfo: authedProcedure.query(async ({ ctx }) => {
    const profileId = await ruleProfile(ctx.db);
    const versions = resolveProfiles(profileId);
    const profile = versions.ok
      ? (versionInForce(versions.value, todayIso(await agencyTimeZone(ctx.db))) ?? versions.value.at(-1))
      : undefined;
    return {
      profile: profileId,
      maxEvidenceBytes: MAX_EVIDENCE_BYTES,
      rumpun: siasnReference.rumpun.map((r) => r.name),
      methods: learningMethodCodes.map((code) => {
        const rule = profile?.methods[code];
        return {
          code,
          path: learningMethods[code].path,
          label: learningMethods[code].label,
          source: learningMethods[code].source,
          field: rule ? FIELD_OF_BASIS[rule.basis.value] : null,
          ruleSource: rule?.basis.source ?? null,
          // The "Jenis Diklat" the MyASN entry will carry (mapping of @bangkom/myasn).
          jenisDiklat: jenisDiklat(siasnReference.methodToJenisDiklat[code])?.name ?? null,
        };
      }),
    };
  }),

  create: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(ActivityFields.extend({ evidence: EvidenceFile.optional() }))
    .mutation(async ({ ctx, input }) => {
      const employeeId = ctx.user.employeeId;
      if (!employeeId) throw forbidden();
      const id = `ACT-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`.toUpperCase();
      let activity = toActivity(id, employeeId, input, 'draft');
      await ensureConvertible(ctx.db, activity);
      return ctx.db.transaction(async (tx) => {
        const file = input.evidence ? await storeEvidence(tx, input.evidence) : null;
        if (file) activity = withFile(activity, file);
        const [row] = await tx
          .insert(activities)
          .values({
            id,
            employeeId,
            status: 'draft',
            data: storedActivity(activity),
            evidenceSha256: file?.sha256 ?? null,
            evidenceName: file?.name ?? null,
            createdBy: ctx.user.id,
          })
          .returning();
        await refreshTotals(tx, [employeeId]);
        await audit(tx, ctx.user, 'activity.create', 'activity', id, null, activity);
        return { ...summaryOf(row!), duplicates: await duplicatesOf(tx, ctx.user, candidateOf(row!)) };
      });
    }),

  update: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string().max(60), fields: ActivityFields, evidence: EvidenceFile.optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      if (row.status !== 'draft' && row.status !== 'rejected')
        throw conflict('Hanya draf atau kegiatan yang ditolak yang dapat diubah', 'Only drafts and rejected activities can be edited');
      if (await issuedWithCertificate(ctx.db, row)) throw certificateRecordFixed();
      let activity = toActivity(row.id, row.employeeId, input.fields, row.status, row.data);
      await ensureConvertible(ctx.db, activity);
      return ctx.db.transaction(async (tx) => {
        const file = input.evidence ? await storeEvidence(tx, input.evidence) : null;
        if (file) activity = withFile(activity, file);
        const [updated] = await tx
          .update(activities)
          .set({
            data: storedActivity(activity),
            ...(file ? { evidenceSha256: file.sha256, evidenceName: file.name } : {}),
            updatedAt: new Date(),
          })
          // Only in the state the owner edited: a concurrent review or submission wins.
          .where(and(eq(activities.id, row.id), eq(activities.status, row.status)))
          .returning();
        if (!updated) throw changedMeanwhile();
        await refreshTotals(tx, [row.employeeId]);
        await audit(tx, ctx.user, 'activity.update', 'activity', row.id, row.data, activity);
        return { ...summaryOf(updated), duplicates: await duplicatesOf(tx, ctx.user, candidateOf(updated)) };
      });
    }),

  /**
   * Attaches (or replaces) the evidence file of a draft: for API clients, which send it as a
   * multipart body (`FormData` with `id` and `file`), never base64 in JSON. Same checks as the
   * activity form: the owner's draft only, the size, and the real type by the file's first bytes.
   */
  attachEvidence: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(EvidenceUploadData)
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      if (row.status !== 'draft') throw conflict('Hanya draf yang dapat diubah', 'Only drafts can be edited');
      return ctx.db.transaction(async (tx) => {
        const file = await storeEvidence(tx, input.file);
        const activity = withFile(recordOf(row), file);
        const [updated] = await tx
          .update(activities)
          .set({ data: storedActivity(activity), evidenceSha256: file.sha256, evidenceName: file.name, updatedAt: new Date() })
          // Only while still a draft: a submission in between is not changed underneath.
          .where(and(eq(activities.id, row.id), eq(activities.status, 'draft')))
          .returning();
        if (!updated) throw changedMeanwhile();
        await audit(tx, ctx.user, 'activity.evidence_upload', 'activity', row.id, row.data.evidence?.file ?? null, file);
        return summaryOf(updated);
      });
    }),

  /** Submits a draft for verification; the employee declares the data true, as in MyASN ([K] III.C). */
  submit: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string().max(60), declaration: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      if (await issuedWithCertificate(ctx.db, row)) throw certificateRecordFixed();
      if (!input.declaration)
        throw appError('BAD_REQUEST', 'Centang pernyataan bahwa data yang diisi benar', 'Tick the declaration that the data are true', [
          {
            path: ['declaration'],
            code: 'declaration.required',
            message: { id: 'Pernyataan kebenaran data wajib dicentang ([K] III.C)', en: 'The declaration is required ([K] III.C)' },
          },
        ]);
      // Evidence is what the unit admin verifies ([K] III.D): no file, nothing to verify.
      if (!row.evidenceSha256)
        throw appError(
          'BAD_REQUEST',
          'Lampirkan berkas bukti (sertifikat/surat keterangan) sebelum mengajukan',
          'Attach an evidence file (certificate/statement) before submitting',
          [
            {
              path: ['evidence'],
              code: 'evidence.required',
              message: { id: 'Berkas bukti wajib dilampirkan', en: 'An evidence file is required' },
            },
          ],
        );
      // Evidence of an activity exists once it has ended ([K] III.C: the certificate is recorded with its dates).
      const today = todayIso(await agencyTimeZone(ctx.db));
      if (row.data.endDate > today)
        throw appError(
          'BAD_REQUEST',
          'Kegiatan yang belum selesai belum dapat diajukan; simpan sebagai draf dan ajukan setelah tanggal selesainya',
          'An activity that has not ended yet cannot be submitted; keep it as a draft and submit it after its end date',
          [
            {
              path: ['endDate'],
              code: 'activity.not_ended',
              message: {
                id: `Tanggal selesai ${formatDate(row.data.endDate, 'id')} belum lewat`,
                en: `The end date ${formatDate(row.data.endDate, 'en')} has not passed yet`,
              },
            },
          ],
        );
      await ensureConvertible(ctx.db, recordOf(row));
      // A fixed rejection starts its review afresh: the superior and the admin decide again (the earlier decisions stay in the history).
      const resubmit = row.status === 'rejected';
      return transition(
        ctx.db,
        ctx.user,
        row,
        resubmit ? 'rejected' : 'draft',
        'submitted',
        resubmit ? 'activity.resubmit' : 'activity.submit',
        { submittedAt: new Date(), supervisorApproved: null, rejectReason: null },
        { declaration: true },
      );
    }),

  withdraw: roleProcedure('pegawai', 'atasan', 'admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string().max(60) }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (!isOwner(ctx.user, row)) throw forbidden();
      return transition(ctx.db, ctx.user, row, 'submitted', 'draft', 'activity.withdraw', { supervisorApproved: null });
    }),

  /** The direct superior approves or rejects a subordinate's non-classical activity ([K] III.D.5). */
  review: roleProcedure('atasan')
    .input(z.object({ id: z.string().max(60), approve: z.boolean(), reason: Reason.optional() }))
    .mutation(({ ctx, input }) => reviewOne(ctx.db, ctx.user, input.id, input.approve, input.reason)),

  /** The unit admin (or SDM) checks the evidence: submitted → verified, or rejected with a reason. */
  verify: roleProcedure('admin_unit', 'admin_sdm')
    .input(z.object({ id: z.string().max(60), verified: z.boolean(), reason: Reason.optional() }))
    .mutation(({ ctx, input }) => verifyOne(ctx.db, ctx.user, input.id, input.verified, input.reason)),

  /**
   * One decision on several activities with one reason: each is authorized and decided on its own
   * (as by `review` or `verify`, in its own transaction and audit entry); the answer names exactly
   * which were decided and which were skipped, and why.
   */
  decideMany: roleProcedure('atasan', 'admin_unit', 'admin_sdm')
    .input(BulkDecision)
    .mutation(async ({ ctx, input }) => {
      const accept = input.decision === 'accept';
      if (!accept && !input.reason) throw reasonRequired();
      const done: { id: string; status: Row['status'] }[] = [];
      const skipped: { id: string; message: { id: string; en: string } }[] = [];
      for (const id of new Set(input.ids)) {
        try {
          const decided =
            ctx.user.role === 'atasan'
              ? await reviewOne(ctx.db, ctx.user, id, accept, input.reason)
              : await verifyOne(ctx.db, ctx.user, id, accept, input.reason);
          done.push({ id, status: decided.status });
        } catch (error) {
          if (!(error instanceof TRPCError) || !isExpected(error)) throw error;
          const messages = errorDetails(error.cause).messages;
          if (error.code === 'FORBIDDEN') await audit(ctx.db, ctx.user, 'access.refused', 'activity', id, null, { bulk: true });
          skipped.push({ id, message: messages ?? { id: error.message, en: error.message } });
        }
      }
      return { done, skipped };
    }),

  /** Sets (or clears with `jp: null`) the JP of an activity by hand; the reason is recorded. */
  overrideJp: roleProcedure('admin_unit', 'admin_sdm')
    .input(JpOverrideInput.extend({ id: z.string().max(60) }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (isOwner(ctx.user, row)) throw forbidden();
      if (input.jp !== null) await ensureOverridable(ctx.db, row, input.jp, input.confirmAboveRule);
      return ctx.db.transaction(async (tx) => {
        const [updated] = await tx
          .update(activities)
          .set({
            jpOverride: input.jp,
            jpOverrideReason: input.jp === null ? null : input.reason,
            jpOverrideBy: input.jp === null ? null : ctx.user.username,
            updatedAt: new Date(),
          })
          // Only over the state the admin saw (status and override): a concurrent change wins, not a silent overwrite.
          .where(
            and(
              eq(activities.id, row.id),
              eq(activities.status, row.status),
              row.jpOverride === null ? isNull(activities.jpOverride) : eq(activities.jpOverride, row.jpOverride),
            ),
          )
          .returning();
        if (!updated) throw changedMeanwhile();
        // The stored JP of the employee follows the change in the same transaction.
        await refreshTotals(tx, [row.employeeId]);
        await audit(
          tx,
          ctx.user,
          'activity.jp_override',
          'activity',
          row.id,
          { jp: row.jpOverride, reason: row.jpOverrideReason },
          { jp: input.jp, reason: input.reason, ...(input.confirmAboveRule ? { confirmedAboveRule: true } : {}) },
        );
        return summaryOf(updated!);
      });
    }),

  /** The SDM unit approves the JP conversion of an activity ([P] art. 12(2)f). */
  approveConversion: roleProcedure('admin_sdm')
    .input(z.object({ id: z.string().max(60) }))
    .mutation(async ({ ctx, input }) => {
      const row = await load(ctx.db, ctx.user, input.id);
      if (isOwner(ctx.user, row)) throw forbidden();
      if (row.data.conversionApprovedBy !== undefined)
        throw conflict('Konversi JP kegiatan ini sudah disetujui', 'The JP conversion of this activity is already approved');
      return ctx.db.transaction(async (tx) => {
        const data = { ...row.data, conversionApprovedBy: ctx.user.username };
        const [updated] = await tx
          .update(activities)
          .set({ data, updatedAt: new Date() })
          .where(and(eq(activities.id, row.id), eq(activities.status, row.status), sql`NOT (${activities.data} ? 'conversionApprovedBy')`))
          .returning();
        if (!updated) throw changedMeanwhile();
        // The stored JP of the employee follows the change in the same transaction.
        await refreshTotals(tx, [row.employeeId]);
        await audit(tx, ctx.user, 'activity.conversion_approved', 'activity', row.id, null, { conversionApprovedBy: ctx.user.username });
        return summaryOf(updated!);
      });
    }),

  /** "Why N JP?": the JP the rules give for the form as filled in, with its trace, before anything is saved. */
  preview: authedProcedure.input(ActivityFields).query(async ({ ctx, input }) => {
    const activity = toActivity('preview', ctx.user.employeeId ?? 'preview', input, 'draft');
    const result = convertActivity(activity, { profile: await ruleProfile(ctx.db) });
    return result.ok
      ? { ok: true as const, jp: result.value.jp, trace: result.value.trace }
      : { ok: false as const, problems: result.problems };
  }),
});

/** The superior's decision on one activity ([K] III.D.5); the checks of the single and the bulk decision. */
async function reviewOne(db: Db, user: SessionUser, id: string, approve: boolean, reason: string | undefined) {
  const row = await load(db, user, id);
  // Never the own activity, even when an import made someone their own superior.
  if (isOwner(user, row) || !(await isSubordinate(db, user, row.employeeId))) throw forbidden();
  if (!(await superiorApproval(db))(row))
    throw conflict(
      'Hanya kegiatan nonklasikal yang dinilai atasan ([K] III.D.5)',
      'Only non-classical activities are reviewed by the superior ([K] III.D.5)',
    );
  if (row.status !== 'submitted') throw conflict('Kegiatan belum diajukan', 'The activity is not submitted');
  if (row.supervisorApproved !== null) throw conflict('Kegiatan sudah dinilai atasan', 'The activity was already reviewed');
  if (!approve && !reason) throw reasonRequired();
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(activities)
      .set(
        approve
          ? { supervisorApproved: true, updatedAt: new Date() }
          : {
              supervisorApproved: false,
              status: 'rejected',
              rejectReason: reason ?? null,
              updatedAt: new Date(),
            },
      )
      // Only while still submitted and not yet reviewed: a concurrent second review changes nothing.
      .where(and(eq(activities.id, row.id), eq(activities.status, 'submitted'), isNull(activities.supervisorApproved)))
      .returning();
    if (!updated) throw changedMeanwhile();
    // The stored JP of the employee follows the change in the same transaction.
    await refreshTotals(tx, [row.employeeId]);
    await audit(
      tx,
      user,
      approve ? 'activity.approve' : 'activity.reject',
      'activity',
      row.id,
      { status: row.status, supervisorApproved: row.supervisorApproved },
      { status: updated!.status, supervisorApproved: updated!.supervisorApproved, reason: reason ?? null },
    );
    await notifyOwner(tx, row, approve ? 'activity_approved' : 'activity_rejected', reason, user);
    return summaryOf(updated!);
  });
}

/** The admin's verification of one activity ([K] III.D); the checks of the single and the bulk decision. */
async function verifyOne(db: Db, user: SessionUser, id: string, verified: boolean, reason: string | undefined) {
  const row = await load(db, user, id);
  if (isOwner(user, row))
    throw appError('FORBIDDEN', 'Kegiatan sendiri diverifikasi oleh admin lain', 'Your own activity is verified by another admin');
  if (row.status !== 'submitted') throw conflict('Kegiatan belum diajukan', 'The activity is not submitted');
  if (!verified && !reason) throw reasonRequired();
  // Legacy records submitted before the end-date check: nothing that has not ended is counted ([K] III.C).
  if (verified && row.data.endDate > todayIso(await agencyTimeZone(db)))
    throw conflict(
      'Kegiatan belum selesai; verifikasi setelah tanggal selesainya',
      'The activity has not ended yet; verify it after its end date',
    );
  const employee = (await db.select({ supervisorId: employees.supervisorId }).from(employees).where(eq(employees.id, row.employeeId)))[0];
  if (verified && (await superiorApproval(db))(row) && employee?.supervisorId && row.supervisorApproved !== true) {
    throw conflict(
      'Kegiatan nonklasikal perlu persetujuan atasan langsung lebih dahulu ([K] III.D.5)',
      'A non-classical activity needs the direct superior’s approval first ([K] III.D.5)',
    );
  }
  const status = verified ? 'verified' : 'rejected';
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(activities)
      .set({
        status,
        rejectReason: verified ? null : (reason ?? null),
        updatedAt: new Date(),
      })
      .where(and(eq(activities.id, row.id), eq(activities.status, 'submitted')))
      .returning();
    if (!updated) throw changedMeanwhile();
    // The stored JP of the employee follows the change in the same transaction.
    await refreshTotals(tx, [row.employeeId]);
    await audit(tx, user, `activity.${status}`, 'activity', row.id, { status: row.status }, { status, reason: reason ?? null });
    await notifyOwner(tx, row, verified ? 'activity_verified' : 'activity_rejected', reason, user);
    return summaryOf(updated!);
  });
}

/** The activity's owner hears of a decision on it: who decided, and the reason of a rejection. */
const notifyOwner = async (tx: Db, row: Row, kind: NotificationKind, reason: string | undefined, by: SessionUser) =>
  notify(
    tx,
    { employeeId: row.employeeId },
    kind,
    { title: row.data.title, ...(reason ? { reason } : {}), ...(await deciderParams(tx, by.username)) },
    `/activities/${row.id}`,
  );

const changedMeanwhile = () =>
  conflict('Kegiatan baru saja diubah orang lain; muat ulang', 'The activity was just changed by someone else; reload');

const reasonRequired = () =>
  appError('BAD_REQUEST', 'Alasan penolakan wajib diisi', 'A reason is required to reject', [
    { path: ['reason'], code: 'reason.required', message: { id: 'Alasan wajib diisi', en: 'A reason is required' } },
  ]);

/** The values a duplicate check compares (see ../review.ts). */
const candidateOf = (r: Pick<Row, 'id' | 'employeeId' | 'data' | 'evidenceSha256'>) => ({
  id: r.id,
  employeeId: r.employeeId,
  method: r.data.method,
  startDate: r.data.startDate,
  endDate: r.data.endDate,
  certificateNumber: r.data.evidence?.number,
  evidenceSha256: r.evidenceSha256,
});

/** What lists and mutations return: the row without internal columns. */
function summaryOf(r: Row) {
  return {
    id: r.id,
    employeeId: r.employeeId,
    status: r.status,
    data: recordOf(r),
    evidenceName: r.evidenceName,
    hasEvidence: r.evidenceSha256 !== null,
    supervisorApproved: r.supervisorApproved,
    jpOverride: r.jpOverride,
    jpOverrideReason: r.jpOverrideReason,
    jpOverrideBy: r.jpOverrideBy,
    rejectReason: r.rejectReason,
    updatedAt: r.updatedAt,
  };
}

async function transition(
  db: Db,
  user: SessionUser,
  row: Row,
  from: Row['status'],
  to: Row['status'],
  action: string,
  extra: Partial<Row> = {},
  recorded: Record<string, unknown> = {},
) {
  if (row.status !== from)
    throw conflict(
      `Status kegiatan ${statusName(row.status, 'id')}, bukan ${statusName(from, 'id')}`,
      `The activity is ${statusName(row.status, 'en')}, not ${statusName(from, 'en')}`,
    );
  return db.transaction(async (tx) => {
    // The status in the WHERE makes a concurrent second transition update nothing.
    const [updated] = await tx
      .update(activities)
      .set({ status: to, updatedAt: new Date(), ...extra })
      .where(and(eq(activities.id, row.id), eq(activities.status, from)))
      .returning();
    if (!updated) throw changedMeanwhile();
    await refreshTotals(tx, [row.employeeId]);
    await audit(tx, user, action, 'activity', row.id, { status: from }, { status: to, ...recorded });
    return summaryOf(updated);
  });
}
