import {
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** Typed query layer over migrations/*.sql (the SQL files are the source of the schema). */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const units = pgTable('units', { id: text('id').primaryKey(), name: text('name').notNull() });

export const employees = pgTable('employees', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<'PNS' | 'PPPK' | 'TKK'>().notNull(),
  name: text('name').notNull(),
  unitId: text('unit_id').notNull(),
  supervisorId: text('supervisor_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
});

export const roles = ['pegawai', 'atasan', 'admin_unit', 'admin_sdm', 'auditor'] as const;
export type Role = (typeof roles)[number];

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull().unique(),
  passwordHash: text('password_hash').notNull(),
  role: text('role').$type<Role>().notNull(),
  employeeId: text('employee_id'),
  unitId: text('unit_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  disabled: boolean('disabled').notNull().default(false),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
});

export const sessions = pgTable('sessions', {
  idHash: text('id_hash').primaryKey(),
  userId: integer('user_id').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
});

export const evidenceFiles = pgTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  mediaType: text('media_type').notNull(),
  size: integer('size').notNull(),
  content: bytea('content').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

export const activities = pgTable('activities', {
  id: text('id').primaryKey(),
  employeeId: text('employee_id').notNull(),
  status: text('status').$type<'draft' | 'submitted' | 'verified' | 'rejected'>().notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  evidenceSha256: text('evidence_sha256'),
  evidenceName: text('evidence_name'),
  supervisorApproved: boolean('supervisor_approved'),
  jpOverride: numeric('jp_override', { mode: 'number' }),
  jpOverrideReason: text('jp_override_reason'),
  jpOverrideBy: text('jp_override_by'),
  rejectReason: text('reject_reason'),
  createdBy: integer('created_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const settings = pgTable('settings', { key: text('key').primaryKey(), value: jsonb('value').notNull() });

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  userId: integer('user_id'),
  username: text('username'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: jsonb('before'),
  after: jsonb('after'),
});

export const tubelAssessments = pgTable('tubel_assessments', {
  id: serial('id').primaryKey(),
  employeeId: text('employee_id').notNull(),
  asOf: date('as_of', { mode: 'string' }).notNull(),
  eligible: boolean('eligible').notNull(),
  input: jsonb('input').$type<{ candidate: Record<string, unknown>; programme: Record<string, unknown> }>().notNull(),
  result: jsonb('result').$type<Record<string, unknown>>().notNull(),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const plans = pgTable(
  'plans',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    status: text('status').$type<'draft' | 'approved'>().notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.year] })],
);

/** Stored JP result of each activity (see ../totals.ts). */
export const activityJp = pgTable(
  'activity_jp',
  {
    activityId: text('activity_id').primaryKey(),
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    jp: numeric('jp', { mode: 'number' }).notNull(),
    convertedJp: numeric('converted_jp', { mode: 'number' }).notNull(),
    counted: text('counted').$type<'true' | 'reduced' | 'false'>().notNull(),
    limitedBy: jsonb('limited_by'),
    problems: jsonb('problems'),
    profile: text('profile').notNull(),
  },
  (t) => [index('activity_jp_employee_year').on(t.employeeId, t.year), index('activity_jp_year').on(t.year, t.employeeId)],
);

/** Stored JP of each employee and year with activities (see ../totals.ts). */
export const employeeYearJp = pgTable(
  'employee_year_jp',
  {
    employeeId: text('employee_id').notNull(),
    year: integer('year').notNull(),
    jp: numeric('jp', { mode: 'number' }).notNull(),
    activities: integer('activities').notNull(),
    profile: text('profile').notNull(),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.year] })],
);

/** Employees whose stored JP waits for a recomputation (marked by triggers on activities and employees). */
export const jpStale = pgTable('jp_stale', {
  employeeId: text('employee_id').primaryKey(),
  since: timestamp('since', { withTimezone: true }).notNull().defaultNow(),
});
