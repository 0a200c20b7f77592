import type { LearningMethod } from '@bangkom/domain';
import { learningMethodCodes, learningMethods } from '@bangkom/domain';
import type { RuleProfile } from '@bangkom/jp';
import { requiresSupervisorApproval, resolveProfiles, versionOn } from '@bangkom/jp';
import type { SQL } from 'drizzle-orm';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SessionUser } from './auth.js';
import type { Db } from './db/index.js';
import { rowsOf } from './db/index.js';
import { activities, auditLog, employees, users } from './db/schema.js';
import { anyOf, canSee } from './access.js';

/** The day after an ISO date. */
const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The methods whose activities the direct superior approves before verification, per range of end
 * dates, as the profile's versions decide it ([K] III.D.5 in the default profile): `versionOn`
 * changes only where a version starts or the day after one ends, so between those dates one
 * version governs, and the ranges give the same answer as the per-activity check.
 */
export function supervisorApprovalRanges(
  versions: readonly RuleProfile[],
): { from: string | null; to: string | null; methods: LearningMethod[] }[] {
  const bounds = [
    ...new Set(versions.flatMap((v) => [v.effectiveFrom.value, ...(v.effectiveTo ? [dayAfter(v.effectiveTo.value)] : [])])),
  ].sort();
  const starts: (string | null)[] = [null, ...bounds];
  return starts.map((from, i) => {
    const version = versionOn(versions, from ?? '0001-01-01');
    const methods = version ? learningMethodCodes.filter((code) => requiresSupervisorApproval(code, version).required) : [];
    return { from, to: starts[i + 1] ?? null, methods };
  });
}

/**
 * The SQL condition "the activity in `activities` needs the direct superior's approval" under the
 * rule profile `profileId` (the same rule as the per-activity check in the activities router).
 */
export function needsSupervisorSql(profileId: string): SQL {
  const method = sql`(${activities.data}->>'method')`;
  const endDate = sql`(${activities.data}->>'endDate')`;
  const versions = resolveProfiles(profileId);
  if (!versions.ok) {
    const nonClassical = learningMethodCodes.filter((code) => learningMethods[code].path === 'nonklasikal');
    return sql`${method} = ANY(${sql.param(nonClassical)}::text[])`;
  }
  const parts = supervisorApprovalRanges(versions.value)
    .filter((r) => r.methods.length > 0)
    .map(
      (r) =>
        sql`(${r.from === null ? sql`true` : sql`${endDate} >= ${r.from}`} AND ${r.to === null ? sql`true` : sql`${endDate} < ${r.to}`} AND ${method} = ANY(${sql.param(r.methods)}::text[]))`,
    );
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

/** What makes two records the same activity: the person, method and overlapping dates; the certificate number; the evidence file. */
export type DuplicateReason = 'overlap' | 'certificate' | 'file';

export interface DuplicateCandidate {
  id: string;
  employeeId: string;
  method: string;
  startDate: string;
  endDate: string;
  certificateNumber?: string | undefined;
  evidenceSha256?: string | null | undefined;
}

/**
 * The condition on an other activity `o` being a duplicate of the candidate (SQL expressions of its
 * values, so the same rule serves one record and a whole page of the queue). A rejected record does
 * not count and is no duplicate.
 */
function duplicateCondition(c: { id: SQL; employeeId: SQL; method: SQL; startDate: SQL; endDate: SQL; number: SQL; sha256: SQL }): {
  overlap: SQL;
  certificate: SQL;
  file: SQL;
} {
  return {
    overlap: sql`(o.employee_id = ${c.employeeId} AND o.data->>'method' = ${c.method} AND o.data->>'startDate' <= ${c.endDate} AND o.data->>'endDate' >= ${c.startDate})`,
    certificate: sql`(${c.number} IS NOT NULL AND upper(o.data->'evidence'->>'number') = ${c.number})`,
    file: sql`(${c.sha256} IS NOT NULL AND o.evidence_sha256 = ${c.sha256})`,
  };
}

const candidateColumns = () => ({
  id: sql`${activities.id}`,
  employeeId: sql`${activities.employeeId}`,
  method: sql`(${activities.data}->>'method')`,
  startDate: sql`(${activities.data}->>'startDate')`,
  endDate: sql`(${activities.data}->>'endDate')`,
  number: sql`nullif(upper(${activities.data}->'evidence'->>'number'), '')`,
  sha256: sql`${activities.evidenceSha256}`,
});

/** SQL boolean: the activity of the current `activities` row has a duplicate (for a page of the queue). */
export function hasDuplicateSql(): SQL<boolean> {
  const c = candidateColumns();
  const d = duplicateCondition(c);
  // One EXISTS per reason, so that each finds its rows by its own index (employee, certificate number, file).
  const exists = (condition: SQL) =>
    sql`EXISTS (SELECT 1 FROM activities o WHERE o.id <> ${c.id} AND o.status <> 'rejected' AND ${condition})`;
  return sql<boolean>`(${exists(d.overlap)} OR ${exists(d.certificate)} OR ${exists(d.file)})`;
}

export interface Duplicate {
  reasons: DuplicateReason[];
  /** The other record, when the user may see it; otherwise only that one exists. */
  id: string | null;
  title: string | null;
  status: string | null;
  employeeName: string | null;
  employeeId: string | null;
}

/** Most duplicates named on one record; more are rare and the first ones tell the reviewer enough. */
const MAX_DUPLICATES = 10;

/** The other records the candidate repeats, each with why, named only to a user who may see them. */
export async function duplicatesOf(db: Db, user: SessionUser, c: DuplicateCandidate): Promise<Duplicate[]> {
  const number = c.certificateNumber?.trim() ? c.certificateNumber.trim().toUpperCase() : null;
  const d = duplicateCondition({
    id: sql`${c.id}`,
    employeeId: sql`${c.employeeId}`,
    method: sql`${c.method}`,
    startDate: sql`${c.startDate}`,
    endDate: sql`${c.endDate}`,
    number: sql`${number}::text`,
    sha256: sql`${c.evidenceSha256 ?? null}::text`,
  });
  const rows = rowsOf<{
    id: string;
    title: string;
    status: string;
    employee_id: string;
    employee_name: string;
    overlap: boolean;
    certificate: boolean;
    file: boolean;
  }>(
    await db.execute(sql`SELECT o.id, o.data->>'title' AS title, o.status, o.employee_id, e.name AS employee_name,
        ${d.overlap} AS overlap, ${d.certificate} AS certificate, ${d.file} AS file
      FROM activities o JOIN employees e ON e.id = o.employee_id
      WHERE o.id <> ${c.id} AND o.status <> 'rejected' AND (${d.overlap} OR ${d.certificate} OR ${d.file})
      ORDER BY o.updated_at DESC, o.id LIMIT ${MAX_DUPLICATES}`),
  );
  const result: Duplicate[] = [];
  for (const r of rows) {
    const reasons = (['overlap', 'certificate', 'file'] as const).filter((k) => r[k]);
    const visible = await canSee(db, user, r.employee_id);
    result.push(
      visible
        ? { reasons, id: r.id, title: r.title, status: r.status, employeeName: r.employee_name, employeeId: r.employee_id }
        : { reasons, id: null, title: null, status: null, employeeName: null, employeeId: null },
    );
  }
  return result;
}

/** The audit actions that make up an activity's decision history. */
export const DECISION_ACTIONS = [
  'activity.submit',
  'activity.resubmit',
  'activity.withdraw',
  'activity.approve',
  'activity.reject',
  'activity.verified',
  'activity.rejected',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** An activity's decisions, oldest first: who (name and NIP when the account is an employee's), when, what, why. */
export async function decisionHistory(db: Db, activityId: string) {
  const rows = await db
    .select({
      at: auditLog.at,
      action: auditLog.action,
      username: auditLog.username,
      after: auditLog.after,
      employeeId: employees.id,
      employeeName: employees.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .leftJoin(employees, eq(employees.id, users.employeeId))
    .where(and(eq(auditLog.entity, 'activity'), eq(auditLog.entityId, activityId), anyOf(auditLog.action, DECISION_ACTIONS)))
    .orderBy(asc(auditLog.id));
  return rows.map((r) => {
    const after = (r.after ?? {}) as { reason?: unknown };
    return {
      at: r.at,
      action: r.action as DecisionAction,
      username: r.username,
      employeeId: r.employeeId,
      employeeName: r.employeeName,
      reason: typeof after.reason === 'string' ? after.reason : null,
    };
  });
}
