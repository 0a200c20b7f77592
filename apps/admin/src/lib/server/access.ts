import type { AnyColumn, SQL } from 'drizzle-orm';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import type { SessionUser } from './auth.js';
import type { Db } from './db/index.js';
import { employees } from './db/schema.js';
import { appError, forbidden } from './errors.js';

// Who may see whom, the one place every procedure asks: a pegawai the own records, an atasan also
// the direct subordinates', an admin unit the own unit's, admin SDM and the auditor everyone's.
// Scopes are SQL conditions (subqueries), never lists of ids sent to the database: a unit of
// 40,000 employees would exceed the bind-parameter limit of the embedded database.

/** `column = ANY($1)`: one array parameter, however many values (instead of `IN ($1, $2, …)`). */
export const anyOf = (column: AnyColumn, values: readonly string[]): SQL => sql`${column} = ANY(${sql.param(values)}::text[])`;

const never = sql`false`;

/** The condition "the employee id in `column` belongs to `unitId`" (a subquery: one parameter). */
export function inUnit(db: Db, column: AnyColumn, unitId: string): SQL {
  return inArray(column, db.select({ id: employees.id }).from(employees).where(eq(employees.unitId, unitId)));
}

/**
 * The condition "the employee id in `column` is one the user may see" (undefined = everyone).
 * `mine` restricts it to the user's own records.
 */
export function visibleCondition(db: Db, user: SessionUser, column: AnyColumn, mine = false): SQL | undefined {
  const own = user.employeeId ? eq(column, user.employeeId) : never;
  if (mine) return own;
  switch (user.role) {
    case 'admin_sdm':
    case 'auditor':
      return undefined;
    case 'admin_unit':
      return inUnit(db, column, user.unitId ?? '');
    case 'atasan':
      return or(own, subordinateCondition(db, user, column));
    default:
      return own;
  }
}

/** The condition "the employee id in `column` is a direct subordinate of the user" (a subquery, not a list of values). */
export function subordinateCondition(db: Db, user: SessionUser, column: AnyColumn): SQL {
  if (!user.employeeId) return never;
  return inArray(
    column,
    db
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.supervisorId, user.employeeId), sql`${employees.id} <> ${user.employeeId}`)),
  );
}

/** Whether the user may see this employee's records. */
export async function canSee(db: Db, user: SessionUser, employeeId: string): Promise<boolean> {
  const condition = visibleCondition(db, user, employees.id);
  const rows = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.id, employeeId), condition));
  return rows.length > 0;
}

/** Whether the employee is a direct subordinate of the user (never the user themself). */
export async function isSubordinate(db: Db, user: SessionUser, employeeId: string): Promise<boolean> {
  if (!user.employeeId || employeeId === user.employeeId) return false;
  const rows = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(eq(employees.id, employeeId), eq(employees.supervisorId, user.employeeId)));
  return rows.length > 0;
}

/** Units an admin may look at: their own for admin_unit, any (or all) for admin SDM and the auditor. */
export function unitScope(user: SessionUser, asked: string | undefined): string | undefined {
  if (user.role === 'admin_unit') {
    if (!user.unitId) throw forbidden();
    if (asked && asked !== user.unitId) throw forbidden();
    return user.unitId;
  }
  return asked;
}

/** The employee record, if the user may see that employee (FORBIDDEN otherwise). */
export async function ensureVisible(db: Db, user: SessionUser, employeeId: string) {
  const employee = (await db.select().from(employees).where(eq(employees.id, employeeId)))[0];
  if (employee && !(await canSee(db, user, employeeId))) throw forbidden();
  if (!employee) {
    // Unknown and invisible look alike to those who may not see everyone.
    if (user.role !== 'admin_sdm' && user.role !== 'auditor') throw forbidden();
    throw appError('NOT_FOUND', 'Pegawai tidak ditemukan', 'Employee not found');
  }
  return employee;
}
