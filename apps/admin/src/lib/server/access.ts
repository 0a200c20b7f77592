import { eq } from 'drizzle-orm';
import type { SessionUser } from './auth.js';
import type { Db } from './db/index.js';
import { employees } from './db/schema.js';
import { appError, forbidden } from './errors.js';

// Who may see whom, the one place every procedure asks: a pegawai the own records, an atasan also
// the direct subordinates', an admin unit the own unit's, admin SDM and the auditor everyone's.

/** Employee ids whose activities the user may see (null = all). */
export async function visibleEmployees(db: Db, user: SessionUser): Promise<string[] | null> {
  switch (user.role) {
    case 'admin_sdm':
    case 'auditor':
      return null;
    case 'admin_unit':
      return (
        await db
          .select({ id: employees.id })
          .from(employees)
          .where(eq(employees.unitId, user.unitId ?? ''))
      ).map((r) => r.id);
    case 'atasan':
      return [...(user.employeeId ? [user.employeeId] : []), ...(await subordinatesOf(db, user))];
    default:
      return user.employeeId ? [user.employeeId] : [];
  }
}

export async function subordinatesOf(db: Db, user: SessionUser): Promise<string[]> {
  if (!user.employeeId) return [];
  return (await db.select({ id: employees.id }).from(employees).where(eq(employees.supervisorId, user.employeeId))).map((r) => r.id);
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
  const visible = await visibleEmployees(db, user);
  if (visible !== null && !visible.includes(employeeId)) throw forbidden();
  const employee = (await db.select().from(employees).where(eq(employees.id, employeeId)))[0];
  if (!employee) throw appError('NOT_FOUND', 'Pegawai tidak ditemukan', 'Employee not found');
  return employee;
}
