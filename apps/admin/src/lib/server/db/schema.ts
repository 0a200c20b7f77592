/**
 * The database schema: the single source of the tables, keys, CHECKs and indexes. The SQL
 * migrations in apps/admin/drizzle/ are generated from this file (`npm run db:generate -w
 * apps/admin`); `test/migrations.test.ts` fails when this file and the migrations differ.
 *
 * Constraint and index names are those the first hand-written migrations (0001_init.sql …
 * 0005_account_lifecycle.sql) gave them, so that a database created by them and one created by
 * the generated baseline are the same (see ./migrate.ts).
 */
import type { Employee, IndividualDevelopmentPlan, LearningActivity, TugasBelajarCandidate, TugasBelajarProgramme } from '@bangkom/domain';
import { activityStatuses, educationLevels, employeeKinds, performancePredicates, positionKinds } from '@bangkom/domain';
import type { TrainingEvent } from '@bangkom/events';
import type { Eligibility } from '@bangkom/tubel';
import { sql } from 'drizzle-orm';
import { locales, type Locale } from '../../i18n.js';
import {
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });
/** A transaction snapshot (`pg_current_snapshot()`): which transactions a computation saw. */
const pgSnapshot = customType<{ data: string }>({ dataType: () => 'pg_snapshot' });
/** A transaction id (`pg_current_xact_id()`). */
const xid8 = customType<{ data: string }>({ dataType: () => 'xid8' });

/** `'a', 'b'` for a CHECK (column IN (…)): the allowed values come from the code's own lists. */
const sqlList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', '));

/**
 * A LearningActivity as stored in `activities.data`: everything but its workflow status, which is
 * the `status` column alone (`recordOf` in ./records.ts puts them together). Agencies' extra fields stay.
 */
export type StoredActivity = { [K in keyof LearningActivity as K extends 'status' ? never : K]: LearningActivity[K] };

/** What `plans.data` holds: the plan as the employee saved it. Identity comes from the employee, the status is the column. */
export type StoredPlan = Partial<Omit<IndividualDevelopmentPlan, 'status' | 'year' | 'nip' | 'name' | 'employeeKind' | 'unit'>> & {
  /** Why HR returned the plan to its employee, until the employee saves it again. */
  returned?: { on: string; by: string; reason: string };
};

/** A saved Tugas Belajar assessment's input: the facts as checked. */
export interface TubelAssessmentInput {
  candidate: TugasBelajarCandidate;
  programme: TugasBelajarProgramme;
}

export const roles = ['pegawai', 'atasan', 'admin_unit', 'admin_sdm', 'auditor'] as const;
export type Role = (typeof roles)[number];

/** The plan workflow in the app: drafted by the employee, approved by HR on the PPK's behalf ([P] art. 17(4)). */
/** A plan is drafted, submitted to HR for the PPK's approval ([P] art. 17(4)), then approved (or returned to draft with a reason). */
export const planStatuses = ['draft', 'submitted', 'approved'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export const units = pgTable('units', { id: text('id').primaryKey(), name: text('name').notNull() });

export const employees = pgTable(
  'employees',
  {
    /** NIP (PNS), NIPPPK (PPPK) or internal id (TKK). */
    id: text('id').primaryKey(),
    kind: text('kind').$type<(typeof employeeKinds)[number]>().notNull(),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    supervisorId: text('supervisor_id'),
    /** The Employee record of @bangkom/domain. */
    data: jsonb('data').$type<Employee>().notNull(),
  },
  (t) => [
    check('employees_kind_check', sql`${t.kind} IN (${sqlList(employeeKinds)})`),
    foreignKey({ name: 'employees_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
    foreignKey({ name: 'employees_supervisor_id_fkey', columns: [t.supervisorId], foreignColumns: [t.id] }),
    index('employees_unit').on(t.unitId),
    index('employees_supervisor').on(t.supervisorId),
    // Employee lists by name (all, or one unit's), paged by (name, id).
    index('employees_name').on(t.name, t.id),
    // kind last: a unit's dashboard reads its employees from the index alone (an index-only scan).
    index('employees_unit_name').on(t.unitId, t.name, t.id, t.kind),
  ],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull().unique('users_username_key'),
    /** scrypt$N$r$p$salt$hash */
    passwordHash: text('password_hash').notNull(),
    role: text('role').$type<Role>().notNull(),
    employeeId: text('employee_id'),
    unitId: text('unit_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabled: boolean('disabled').notNull().default(false),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    /** Where notifications are also e-mailed (optional; only when the server has SMTP settings). */
    email: text('email'),
    /** The language the user last chose in the app: their e-mails are written in it (none: Bahasa Indonesia). */
    language: text('language').$type<Locale>(),
  },
  (t) => [
    check('users_role_check', sql`${t.role} IN (${sqlList(roles)})`),
    check('users_language_check', sql`${t.language} IN (${sqlList(locales)})`),
    foreignKey({ name: 'users_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
    foreignKey({ name: 'users_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
  ],
);

/** What a notification tells its reader: the text comes from the message catalogue by kind, with `params`. */
export const notificationKinds = [
  'activity_rejected',
  'activity_approved',
  'activity_verified',
  'plan_submitted',
  'plan_returned',
  'plan_approved',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const mailStates = ['pending', 'sending', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/** One notice to one user account about an event that concerns them; read once opened. */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').notNull(),
    kind: text('kind').$type<NotificationKind>().notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    link: text('link').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
    /**
     * Its e-mail (an outbox): 'pending' when written for an account with an address while mail is
     * on, 'sending' while a server sends it, then 'sent', or 'failed' after `MAIL_ATTEMPTS` tries;
     * null when it is not mailed.
     */
    mailState: text('mail_state').$type<MailState>(),
    mailAttempts: integer('mail_attempts').notNull().default(0),
  },
  (t) => [
    check('notifications_kind_check', sql`${t.kind} IN (${sqlList(notificationKinds)})`),
    check('notifications_mail_state_check', sql`${t.mailState} IN (${sqlList(mailStates)})`),
    // The mailer's poll: the notices still to send, oldest first.
    index('notifications_mail_pending')
      .on(t.id)
      .where(sql`mail_state = 'pending'`),
    foreignKey({ name: 'notifications_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    index('notifications_user_created').on(t.userId, t.createdAt),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie value; the value itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'sessions_user_id_fkey', columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
    index('sessions_user').on(t.userId),
  ],
);

export const evidenceFiles = pgTable('evidence_files', {
  /** Content address. */
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const activities = pgTable(
  'activities',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    status: text('status').$type<(typeof activityStatuses)[number]>().notNull(),
    /** The LearningActivity record of @bangkom/domain, without its status (the column above). */
    data: jsonb('data').$type<StoredActivity>().notNull(),
    evidenceSha256: text('evidence_sha256'),
    evidenceName: text('evidence_name'),
    supervisorApproved: boolean('supervisor_approved'),
    jpOverride: numeric('jp_override', { mode: 'number' }),
    jpOverrideReason: text('jp_override_reason'),
    /** Who set the override: the SDM unit's decision ([P] art. 12(2)f) is given to the engine as { jp, reason, by }. */
    jpOverrideBy: text('jp_override_by'),
    rejectReason: text('reject_reason'),
    /** When it was last submitted (or resubmitted after a rejection): the review queue's date and age. */
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('activities_status_check', sql`${t.status} IN (${sqlList(activityStatuses)})`),
    foreignKey({ name: 'activities_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
    foreignKey({ name: 'activities_evidence_sha256_fkey', columns: [t.evidenceSha256], foreignColumns: [evidenceFiles.sha256] }),
    foreignKey({ name: 'activities_created_by_fkey', columns: [t.createdBy], foreignColumns: [users.id] }),
    index('activities_employee').on(t.employeeId),
    // The activity lists: newest first (all, or one employee's), and the review queue (submitted, oldest first).
    index('activities_updated').on(t.updatedAt.desc().nullsFirst(), t.id),
    index('activities_employee_updated').on(t.employeeId, t.updatedAt.desc().nullsFirst(), t.id),
    index('activities_status_updated').on(t.status, t.updatedAt, t.id),
    // The activity list by start date (latest first: the index read backward) and by title.
    index('activities_start').on(sql`(${t.data}->>'startDate')`, t.id),
    index('activities_title').on(sql`lower(${t.data}->>'title')`, t.id),
    // The review queue's page: submitted only, in the queue's order (oldest submission first).
    index('activities_queue')
      .on(sql`coalesce(${t.submittedAt}, ${t.updatedAt})`, t.id)
      .where(sql`${t.status} = 'submitted'`),
    // Duplicate warnings: the same evidence file, or the same certificate number (case aside), on another record.
    index('activities_evidence_sha256').on(t.evidenceSha256),
    index('activities_certificate_number').on(sql`upper(${t.data}->'evidence'->>'number')`),
  ],
);

export const settings = pgTable('settings', { key: text('key').primaryKey(), value: jsonb('value').notNull() });

/** Append-only (who, when, what, before/after): UPDATE and DELETE are refused by a trigger (migration 0001). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  // The history of one record (an activity's decisions), oldest first.
  (t) => [index('audit_log_entity').on(t.entity, t.entityId, t.id)],
);

/** Tugas Belajar eligibility assessments as the HR admin saved them: the facts given and the result. */
export const tubelAssessments = pgTable(
  'tubel_assessments',
  {
    id: serial('id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    asOf: date('as_of', { mode: 'string' }).notNull(),
    eligible: boolean('eligible').notNull(),
    input: jsonb('input').$type<TubelAssessmentInput>().notNull(),
    result: jsonb('result').$type<Eligibility>().notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'tubel_assessments_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
    foreignKey({ name: 'tubel_assessments_created_by_fkey', columns: [t.createdBy], foreignColumns: [users.id] }),
    index('tubel_assessments_employee').on(t.employeeId),
  ],
);

/** Individual Development Plans ([P] art. 17): one per employee and year. */
export const plans = pgTable(
  'plans',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<PlanStatus>().notNull(),
    data: jsonb('data').$type<StoredPlan>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'plans_pkey', columns: [t.employeeId, t.year] }),
    check('plans_status_check', sql`${t.status} IN (${sqlList(planStatuses)})`),
    foreignKey({ name: 'plans_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
  ],
);

/**
 * The stored JP result of each activity (../totals.ts): the JP that counts after the limits
 * (verified only), the JP it is worth on its own, the limits that took JP, the profile. Written in
 * the transaction of every change to the employee's records.
 */
export const activityJp = pgTable(
  'activity_jp',
  {
    activityId: text('activity_id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    /** The year the activity counts in (its end date). */
    year: integer('year').notNull(),
    jp: numeric('jp', { mode: 'number' }).notNull(),
    convertedJp: numeric('converted_jp', { mode: 'number' }).notNull(),
    counted: text('counted').$type<'true' | 'reduced' | 'false'>().notNull(),
    limitedBy: jsonb('limited_by').$type<{ rule: string; citation: string }[]>(),
    /** Why no rule could convert the activity. */
    problems: jsonb('problems').$type<unknown[]>(),
    profile: text('profile').notNull(),
  },
  (t) => [
    check('activity_jp_counted_check', sql`${t.counted} IN ('true', 'reduced', 'false')`),
    foreignKey({ name: 'activity_jp_activity_id_fkey', columns: [t.activityId], foreignColumns: [activities.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    foreignKey({ name: 'activity_jp_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    index('activity_jp_employee_year').on(t.employeeId, t.year),
    index('activity_jp_year').on(t.year, t.employeeId),
    index('activity_jp_problems')
      .on(t.year)
      .where(sql`${t.problems} IS NOT NULL`),
  ],
);

/** The stored JP of each employee and year with activities (../totals.ts); dashboards aggregate it. */
export const employeeYearJp = pgTable(
  'employee_year_jp',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    jp: numeric('jp', { mode: 'number' }).notNull(),
    activities: integer('activities').notNull(),
    /** Activities of the year whose JP could not be computed (`activity_jp.problems`): the dashboard reads them only when there are some. */
    problems: integer('problems').notNull().default(0),
    profile: text('profile').notNull(),
  },
  (t) => [
    primaryKey({ name: 'employee_year_jp_pkey', columns: [t.employeeId, t.year] }),
    foreignKey({ name: 'employee_year_jp_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    // jp and problems as keys too: the dashboards' aggregates read the index alone (an index-only scan).
    index('employee_year_jp_year').on(t.year, t.employeeId, t.jp, t.problems),
  ],
);

/** One employee below the obligation, as a unit's stored figures keep the largest shortfalls. */
export interface StoredBelow {
  id: string;
  /** Name and kind as they were when the figures were computed (a rename makes them out of date). */
  name: string;
  kind: 'PNS' | 'PPPK' | 'TKK';
  jp: number;
  required: number;
  shortfall: number;
}

/**
 * The dashboard figures of one unit and year (../unit-figures.ts), aggregated from the stored JP
 * of its employees: the agency's dashboard adds up these rows instead of reading every employee.
 * A row is current while every change to its unit's employees or their stored JP
 * (`unit_jp_changes`) is visible in the snapshot it was computed in, and it was computed under the
 * rule profile in force.
 */
export const unitYearJp = pgTable(
  'unit_year_jp',
  {
    unitId: text('unit_id').notNull(),
    year: integer('year').notNull(),
    profile: text('profile').notNull(),
    snapshot: pgSnapshot('snapshot').notNull(),
    /** Employees with an obligation in the year, and how many of them meet it. */
    employees: integer('employees').notNull(),
    compliant: integer('compliant').notNull(),
    /** Their JP added up. */
    jp: numeric('jp', { mode: 'number' }).notNull(),
    /** Employees without an obligation (TKK). */
    free: integer('free').notNull(),
    /** Activities whose JP could not be computed. */
    problems: integer('problems').notNull(),
    /** Employees with an obligation per JP band (`jpBands` of the year's obligation), in the bands' order. */
    bands: jsonb('bands').$type<number[]>().notNull(),
    /** The unit's largest shortfalls (BELOW_SHOWN at most), largest first, then by name. */
    below: jsonb('below').$type<StoredBelow[]>().notNull(),
    /** Employees below the obligation (all of them, not only those in `below`). */
    belowTotal: integer('below_total').notNull(),
  },
  (t) => [
    primaryKey({ name: 'unit_year_jp_pkey', columns: [t.unitId, t.year] }),
    foreignKey({ name: 'unit_year_jp_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
  ],
);

/**
 * Changes that make a unit's stored figures out of date: one row per unit and writing transaction,
 * inserted by triggers on employees and employee_year_jp (migration unit_figures), removed once
 * every stored figure of the unit has seen them.
 */
export const unitJpChanges = pgTable(
  'unit_jp_changes',
  {
    unitId: text('unit_id').notNull(),
    xid: xid8('xid').notNull(),
  },
  (t) => [primaryKey({ name: 'unit_jp_changes_pkey', columns: [t.unitId, t.xid] })],
);

/**
 * Employees whose stored JP waits for a recomputation: marked by triggers on activities and
 * employees (migration stale_marks) for writes outside the app's own path, recomputed before a read
 * or in the background.
 */
export const jpStale = pgTable('jp_stale', {
  employeeId: text('employee_id').primaryKey(),
  since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
});

/** What a background job can be (../jobs.ts). */
export const jobKinds = ['monitoring_export', 'employee_import'] as const;
export type JobKind = (typeof jobKinds)[number];
export const jobStatuses = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/**
 * Background jobs (../jobs.ts): the queue is this table, polled by every server; a server claims
 * a queued job with `FOR UPDATE SKIP LOCKED` and keeps `heartbeat_at` current while it runs it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').$type<JobKind>().notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull(),
    status: text('status').$type<JobStatus>().notNull().default('queued'),
    progressDone: integer('progress_done').notNull().default(0),
    /** Null while the size of the work is not known yet (e.g. the file is still being read). */
    progressTotal: integer('progress_total'),
    /** What a finished job gives: counts, or the stored file's name, media type and size. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** Why it failed: a message in both languages and, for an import, the rows' problems. */
    error: jsonb('error').$type<{ message: { id: string; en: string }; problems?: unknown[] }>(),
    /** Asked by the user who started it; the runner stops at its next checkpoint. */
    cancelRequested: boolean('cancel_requested').notNull().default(false),
    /** Starts so far: a job interrupted too often (a server dying on it) fails instead of running again. */
    attempts: integer('attempts').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    check('jobs_kind_check', sql`${t.kind} IN (${sqlList(jobKinds)})`),
    check('jobs_status_check', sql`${t.status} IN (${sqlList(jobStatuses)})`),
    foreignKey({ name: 'jobs_created_by_fkey', columns: [t.createdBy], foreignColumns: [users.id] }).onDelete('set null'),
    // The runner's poll: the oldest queued job first; stale running jobs for recovery.
    index('jobs_status_id').on(t.status, t.id),
    index('jobs_created_by').on(t.createdBy, t.id),
  ],
);

/**
 * Files of a job in pieces of at most 1 MiB (`part` 'input': an uploaded import; 'result': an
 * export): written and read a piece at a time, so neither side holds the whole file.
 */
export const jobFiles = pgTable(
  'job_files',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    part: text('part').$type<'input' | 'result'>().notNull(),
    seq: integer('seq').notNull(),
    bytes: bytea('bytes').notNull(),
  },
  (t) => [
    primaryKey({ name: 'job_files_pkey', columns: [t.jobId, t.part, t.seq] }),
    check('job_files_part_check', sql`${t.part} IN ('input', 'result')`),
    foreignKey({ name: 'job_files_job_id_fkey', columns: [t.jobId], foreignColumns: [jobs.id] }).onDelete('cascade'),
  ],
);

/**
 * Employees of an import job, validated and waiting to be applied (../employee-import.ts): filled
 * a chunk per transaction, then moved into `employees` in one transaction (all or nothing).
 */
export const employeeImportRows = pgTable(
  'employee_import_rows',
  {
    jobId: bigint('job_id', { mode: 'number' }).notNull(),
    seq: integer('seq').notNull(),
    id: text('id').notNull(),
    kind: text('kind').$type<(typeof employeeKinds)[number]>().notNull(),
    name: text('name').notNull(),
    unitId: text('unit_id').notNull(),
    supervisorId: text('supervisor_id'),
    data: jsonb('data').$type<Employee>().notNull(),
  },
  (t) => [
    primaryKey({ name: 'employee_import_rows_pkey', columns: [t.jobId, t.seq] }),
    foreignKey({ name: 'employee_import_rows_job_id_fkey', columns: [t.jobId], foreignColumns: [jobs.id] }).onDelete('cascade'),
  ],
);

/** Where an activity's "uploaded to MyASN/SIASN" mark came from: an officer, a reconciliation, or a record imported from SIASN. */
export const myasnUploadSources = ['manual', 'reconciliation', 'siasn_import'] as const;
export type MyasnUploadSource = (typeof myasnUploadSources)[number];

/**
 * Verified activities entered in MyASN/SIASN ([K] III.C), one row each: the Kartu Data column
 * "Telah diupload pada MyASN" ([K] III.B) reads it. Undoing a mark deletes the row; the audit log
 * keeps what it was and why it was undone.
 */
export const myasnUploads = pgTable(
  'myasn_uploads',
  {
    activityId: text('activity_id').primaryKey(),
    /** The day it was entered in MyASN/SIASN, as the officer states it. */
    uploadedOn: date('uploaded_on', { mode: 'string' }).notNull(),
    /** The SIASN record id (`rwDiklatId`/`rwKursusId`), when known. */
    siasnId: text('siasn_id'),
    source: text('source').$type<MyasnUploadSource>().notNull(),
    recordedBy: integer('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('myasn_uploads_source_check', sql`${t.source} IN (${sqlList(myasnUploadSources)})`),
    foreignKey({ name: 'myasn_uploads_activity_id_fkey', columns: [t.activityId], foreignColumns: [activities.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    foreignKey({ name: 'myasn_uploads_recorded_by_fkey', columns: [t.recordedBy], foreignColumns: [users.id] }),
    index('myasn_uploads_siasn_id').on(t.siasnId),
  ],
);

/** A SIASN history file (rw-diklat/rw-kursus) compared with a unit's verified activities of a year. */
export const siasnReconciliations = pgTable(
  'siasn_reconciliations',
  {
    id: serial('id').primaryKey(),
    unitId: text('unit_id').notNull(),
    year: integer('year').notNull(),
    /** Set when the file was one employee's history; the comparison then covers that employee only. */
    employeeId: text('employee_id'),
    fileName: text('file_name').notNull(),
    /** SIASN records of the year in the file, and of other years (left out of the comparison). */
    siasnRecords: integer('siasn_records').notNull(),
    otherYears: integer('other_years').notNull(),
    matched: integer('matched').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'siasn_reconciliations_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
    foreignKey({ name: 'siasn_reconciliations_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }).onUpdate(
      'cascade',
    ),
    foreignKey({ name: 'siasn_reconciliations_uploaded_by_fkey', columns: [t.uploadedBy], foreignColumns: [users.id] }),
    index('siasn_reconciliations_unit_year').on(t.unitId, t.year, t.id),
  ],
);

export const reconciliationItemKinds = ['missing_in_siasn', 'missing_locally', 'different', 'agreeing'] as const;
export type ReconciliationItemKind = (typeof reconciliationItemKinds)[number];
export const reconciliationResolutions = ['marked', 'imported', 'ignored'] as const;
export type ReconciliationResolution = (typeof reconciliationResolutions)[number];

/** One line of a reconciliation and what was done about it. */
export const siasnReconciliationItems = pgTable(
  'siasn_reconciliation_items',
  {
    id: serial('id').primaryKey(),
    reconciliationId: integer('reconciliation_id').notNull(),
    kind: text('kind').$type<ReconciliationItemKind>().notNull(),
    employeeId: text('employee_id').notNull(),
    /** The local activity (missing in SIASN, different, agreeing). */
    activityId: text('activity_id'),
    /** The SIASN record id (missing locally, different, agreeing). */
    siasnId: text('siasn_id'),
    title: text('title').notNull(),
    number: text('number'),
    differences: jsonb('differences').$type<{ field: string; local: string | number | null; siasn: string | number | null }[]>(),
    /** The SIASN record as an activity (`fromSiasn`), kept to import it. */
    siasnActivity: jsonb('siasn_activity').$type<LearningActivity>(),
    resolution: text('resolution').$type<ReconciliationResolution>(),
    note: text('note'),
    resolvedBy: integer('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    check('siasn_reconciliation_items_kind_check', sql`${t.kind} IN (${sqlList(reconciliationItemKinds)})`),
    check(
      'siasn_reconciliation_items_resolution_check',
      sql`${t.resolution} IS NULL OR ${t.resolution} IN (${sqlList(reconciliationResolutions)})`,
    ),
    foreignKey({
      name: 'siasn_reconciliation_items_reconciliation_id_fkey',
      columns: [t.reconciliationId],
      foreignColumns: [siasnReconciliations.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'siasn_reconciliation_items_activity_id_fkey', columns: [t.activityId], foreignColumns: [activities.id] }).onUpdate(
      'cascade',
    ),
    foreignKey({ name: 'siasn_reconciliation_items_resolved_by_fkey', columns: [t.resolvedBy], foreignColumns: [users.id] }),
    index('siasn_reconciliation_items_reconciliation').on(t.reconciliationId, t.kind, t.id),
  ],
);

/** A disciplinary punishment as the IP ASN disiplin dimension reads it (PermenPANRB 38/2018: dimensi disiplin). */
export interface IpAsnPunishment {
  level: 'ringan' | 'sedang' | 'berat';
  date: string;
}

/**
 * The IP ASN facts of an employee and year that the app does not hold otherwise (PermenPANRB
 * 38/2018: kualifikasi, kinerja, disiplin): each with where it was read from (e.g. "SKP 2025",
 * "SK Hukuman Disiplin 800/12/2025", "ijazah"). A null fact is unknown and scores nothing.
 */
export const ipasnFacts = pgTable(
  'ipasn_facts',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    education: text('education').$type<(typeof educationLevels)[number]>(),
    educationSource: text('education_source'),
    positionKind: text('position_kind').$type<(typeof positionKinds)[number]>(),
    positionKindSource: text('position_kind_source'),
    performancePredicate: text('performance_predicate').$type<(typeof performancePredicates)[number]>(),
    performanceSource: text('performance_source'),
    /** [] = no punishment; null = not known. */
    punishments: jsonb('punishments').$type<IpAsnPunishment[]>(),
    disciplineSource: text('discipline_source'),
    updatedBy: integer('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'ipasn_facts_pkey', columns: [t.employeeId, t.year] }),
    check('ipasn_facts_education_check', sql`${t.education} IN (${sqlList(educationLevels)})`),
    check('ipasn_facts_position_kind_check', sql`${t.positionKind} IN (${sqlList(positionKinds)})`),
    check('ipasn_facts_performance_check', sql`${t.performancePredicate} IN (${sqlList(performancePredicates)})`),
    foreignKey({ name: 'ipasn_facts_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    foreignKey({ name: 'ipasn_facts_updated_by_fkey', columns: [t.updatedBy], foreignColumns: [users.id] }),
    index('ipasn_facts_year').on(t.year, t.employeeId),
  ],
);

/** The scores SIASN returns (`nilaiipasn`) as imported from a file, to compare with the app's own. */
export const ipasnSiasnScores = pgTable(
  'ipasn_siasn_scores',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    kualifikasi: numeric('kualifikasi', { mode: 'number' }).notNull(),
    kompetensi: numeric('kompetensi', { mode: 'number' }).notNull(),
    kinerja: numeric('kinerja', { mode: 'number' }).notNull(),
    disiplin: numeric('disiplin', { mode: 'number' }).notNull(),
    total: numeric('total', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    importedBy: integer('imported_by'),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'ipasn_siasn_scores_pkey', columns: [t.employeeId, t.year] }),
    foreignKey({ name: 'ipasn_siasn_scores_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] })
      .onDelete('cascade')
      .onUpdate('cascade'),
    foreignKey({ name: 'ipasn_siasn_scores_imported_by_fkey', columns: [t.importedBy], foreignColumns: [users.id] }),
    index('ipasn_siasn_scores_year').on(t.year, t.employeeId),
  ],
);

/** The yearly IP ASN recap cycle: opened by HR when the reconciliation letter arrives ([D] SOP 68/2023 step 1). */
export const ipasnCycles = pgTable('ipasn_cycles', {
  year: integer('year').primaryKey(),
  startedOn: date('started_on', { mode: 'string' }).notNull(),
  openedBy: integer('opened_by'),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where a unit's recap stands: assembled by the unit, checked by HR, uploaded to BKN ([S] C.1–4). */
export const recapStatuses = ['draft', 'submitted', 'returned', 'accepted', 'uploaded'] as const;
export type RecapStatus = (typeof recapStatuses)[number];

/** One entry of a recap's history: who did what, when, with which note. */
export interface RecapEvent {
  at: string;
  by: string;
  action: 'submit' | 'return' | 'accept' | 'upload';
  note?: string;
}

/** A unit's IP ASN recap of a year: the recap as submitted (a snapshot), HR's decision and the upload to BKN. */
export const ipasnRecaps = pgTable(
  'ipasn_recaps',
  {
    unitId: text('unit_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<RecapStatus>().notNull(),
    letterNumber: text('letter_number'),
    /** The recap as last submitted: summary and one row per employee. */
    snapshot: jsonb('snapshot'),
    returnNote: text('return_note'),
    history: jsonb('history').$type<RecapEvent[]>().notNull().default([]),
    uploadedOn: date('uploaded_on', { mode: 'string' }),
    resultSha256: text('result_sha256'),
    resultName: text('result_name'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'ipasn_recaps_pkey', columns: [t.unitId, t.year] }),
    check('ipasn_recaps_status_check', sql`${t.status} IN (${sqlList(recapStatuses)})`),
    foreignKey({ name: 'ipasn_recaps_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
    foreignKey({ name: 'ipasn_recaps_result_sha256_fkey', columns: [t.resultSha256], foreignColumns: [evidenceFiles.sha256] }),
  ],
);

/** The date each step of the SOP was completed for a unit's recap ([D] SOP 68.SOP/OT.03/SDL.4/2023). */
export const ipasnRecapSteps = pgTable(
  'ipasn_recap_steps',
  {
    unitId: text('unit_id').notNull(),
    year: integer('year').notNull(),
    step: integer('step').notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    doneBy: integer('done_by'),
  },
  (t) => [
    primaryKey({ name: 'ipasn_recap_steps_pkey', columns: [t.unitId, t.year, t.step] }),
    check('ipasn_recap_steps_step_check', sql`${t.step} BETWEEN 1 AND 12`),
    foreignKey({ name: 'ipasn_recap_steps_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
    foreignKey({ name: 'ipasn_recap_steps_done_by_fkey', columns: [t.doneBy], foreignColumns: [users.id] }),
  ],
);
/** An event the agency runs itself (Penyelenggaraan): open while participants and attendance are recorded, then closed. */
export const eventStatuses = ['open', 'closed'] as const;
export type EventStatus = (typeof eventStatuses)[number];

/** Who signs the certificates of an event. */
export interface EventSignatory {
  name: string;
  nip?: string;
  position: string;
}

/** A participant's evaluation of an event: scores 1–5 and free text ([E] item 2: evaluasi penyelenggaraan). */
export interface EventEvaluation {
  relevance: number;
  facilitator: number;
  material: number;
  comment?: string;
}

export const trainingEvents = pgTable(
  'training_events',
  {
    id: text('id').primaryKey(),
    /** The TrainingEvent of @bangkom/events, as checked by `checkEvent`. */
    data: jsonb('data').$type<TrainingEvent>().notNull(),
    /** The organising unit for an admin unit's event (participants from that unit only); null: organised by HR for the agency. */
    unitId: text('unit_id'),
    status: text('status').$type<EventStatus>().notNull(),
    /** Share of sessions a participant must attend to pass (0..1; [P] art. 66(3): default every session). */
    minimumAttendance: numeric('minimum_attendance', { mode: 'number' }).notNull().default(1),
    signatory: jsonb('signatory').$type<EventSignatory>().notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    check('training_events_status_check', sql`${t.status} IN (${sqlList(eventStatuses)})`),
    check('training_events_minimum_attendance_check', sql`${t.minimumAttendance} >= 0 AND ${t.minimumAttendance} <= 1`),
    foreignKey({ name: 'training_events_unit_id_fkey', columns: [t.unitId], foreignColumns: [units.id] }),
    foreignKey({ name: 'training_events_created_by_fkey', columns: [t.createdBy], foreignColumns: [users.id] }),
    index('training_events_created').on(t.createdAt.desc(), t.id),
    index('training_events_unit').on(t.unitId),
  ],
);

export const eventParticipants = pgTable(
  'event_participants',
  {
    eventId: text('event_id').notNull(),
    employeeId: text('employee_id').notNull(),
    /** Ids of the sessions attended. */
    attended: jsonb('attended').$type<string[]>().notNull().default([]),
    evaluation: jsonb('evaluation').$type<EventEvaluation>(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'event_participants_pkey', columns: [t.eventId, t.employeeId] }),
    foreignKey({ name: 'event_participants_event_id_fkey', columns: [t.eventId], foreignColumns: [trainingEvents.id] }).onDelete('cascade'),
    foreignKey({ name: 'event_participants_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
    index('event_participants_employee').on(t.employeeId),
  ],
);

/** Certificates issued when an event closes: number, JP, the signed Open Badges 3.0 credential, revocation. */
export const certificates = pgTable(
  'certificates',
  {
    number: text('number').primaryKey(),
    /** The year of the sequence the number belongs to (it restarts each year). */
    year: integer('year').notNull(),
    eventId: text('event_id').notNull(),
    employeeId: text('employee_id').notNull(),
    /** The verified learning activity the certificate credits. */
    activityId: text('activity_id').notNull(),
    jp: numeric('jp', { mode: 'number' }).notNull(),
    /** The OB3 credential as a JWT-VC (EdDSA). */
    credential: text('credential').notNull(),
    kid: text('kid').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    unique('certificates_event_employee_key').on(t.eventId, t.employeeId),
    foreignKey({ name: 'certificates_event_id_fkey', columns: [t.eventId], foreignColumns: [trainingEvents.id] }),
    foreignKey({ name: 'certificates_employee_id_fkey', columns: [t.employeeId], foreignColumns: [employees.id] }),
    foreignKey({ name: 'certificates_activity_id_fkey', columns: [t.activityId], foreignColumns: [activities.id] }),
    index('certificates_year').on(t.year),
    index('certificates_employee').on(t.employeeId),
  ],
);

/**
 * The agency's Ed25519 keys that sign credentials. The private key is encrypted (AES-256-GCM) with a
 * key from the environment; a retired key stays so that credentials it signed still verify.
 */
export const signingKeys = pgTable('signing_keys', {
  kid: text('kid').primaryKey(),
  publicJwk: jsonb('public_jwk').$type<Record<string, unknown>>().notNull(),
  /** base64(iv | tag | ciphertext) of the private JWK. */
  privateJwkEncrypted: text('private_jwk_encrypted').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp('retired_at', { withTimezone: true }),
});
