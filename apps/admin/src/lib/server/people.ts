import { eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Person } from '../people.js';
import type { Db } from './db/index.js';
import { employees, users } from './db/schema.js';

/**
 * The employee of an account that acted (approved, resolved, uploaded), under its own name so a
 * query that already joins `employees` for the record's employee can join it too:
 * `.leftJoin(users, eq(users.id, table.resolvedBy)).leftJoin(actingEmployee, eq(actingEmployee.id, users.employeeId))`.
 */
export const actingEmployee = alias(employees, 'acting_employee');
/** The columns of a person (see `Person`) from `users` and `actingEmployee`. */
export const personColumns = { username: users.username, name: actingEmployee.name, nip: actingEmployee.id };

/**
 * The person behind a username kept in a record (an override, a conversion approval, a returned
 * plan): one row by the unique username; an unknown username stays a username.
 */
export async function personOf(db: Db, username: string | null | undefined): Promise<Person | null> {
  if (!username) return null;
  const row = (
    await db
      .select(personColumns)
      .from(users)
      .leftJoin(actingEmployee, eq(actingEmployee.id, users.employeeId))
      .where(eq(users.username, username))
  )[0];
  return row ?? { username, name: null, nip: null };
}
