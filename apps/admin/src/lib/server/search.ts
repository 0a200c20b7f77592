import { sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import { employees } from './db/schema.js';

/** `%q%` for LIKE/ILIKE with the user's `\`, `%` and `_` taken literally. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;

/** Employees whose name (any case) or NIP contains what was typed: the search of every list of people. */
export function nameOrNip(q: string): SQL {
  const pattern = likePattern(q);
  return sql`(${employees.name} ILIKE ${pattern} OR ${employees.id} LIKE ${pattern})`;
}
