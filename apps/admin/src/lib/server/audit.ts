import type { Db } from './db/index.js';
import { auditLog } from './db/schema.js';
import type { SessionUser } from './auth.js';

/** Appends to the audit log (the table refuses updates and deletes). */
export async function audit(
  db: Pick<Db, 'insert'>,
  user: SessionUser | null,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await db.insert(auditLog).values({
    userId: user?.id ?? null,
    username: user?.username ?? null,
    action,
    entity,
    entityId,
    before: before ?? null,
    after: after ?? null,
  });
}
