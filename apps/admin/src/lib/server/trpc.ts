import { initTRPC } from '@trpc/server';
import { audit } from './audit.js';
import type { SessionUser } from './auth.js';
import type { LoginLimiter } from './auth.js';
import type { Db } from './db/index.js';
import type { Role } from './db/schema.js';
import {
  appError,
  controlCharacterPath,
  errorDetails,
  forbidden,
  isExpected,
  logServerError,
  MESSAGES,
  unauthenticated,
} from './errors.js';
import { written } from './read-cache.js';

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Client address, for the login rate limit. */
  ip: string;
  /** Set or clear the session cookie (the HTTP layer decides how). */
  setSession: (token: string | null, expiresAt?: Date) => void;
  sessionToken: string | undefined;
  limiter: LoginLimiter;
  /** Shown to the user with an unexpected error and written to the server log with its details. */
  requestId?: string;
  /** Aborted when the client gives up (the connection closes): long work stops between its steps. */
  signal?: AbortSignal;
}

/** Stack traces only under `vite dev`; a production (or test) server never sends them. */
export const isDev = process.env['NODE_ENV'] === 'development';

const t = initTRPC.context<Context>().create({
  isDev,
  errorFormatter({ shape, error, ctx, path }) {
    // Field errors for the forms: zod issues keep their code (the UI words them from its catalogue);
    // domain problems already carry Bahasa Indonesia and English.
    const { stack: _stack, ...data } = shape.data;
    if (isExpected(error)) return { ...shape, data: { ...(isDev ? shape.data : data), ...errorDetails(error.cause) } };
    // Anything else (a database error, a bug) may carry SQL, parameters or server paths: the
    // details go to the server log under a request id, the client gets the id only.
    const requestId = logServerError(error, ctx?.requestId, path);
    const messages = MESSAGES.internal(requestId);
    return {
      ...shape,
      message: `${messages.id} / ${messages.en}`,
      data: { ...data, requestId, messages, problems: null, issues: null },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Every procedure refuses text with NUL or other control characters (tab and line breaks
 * excepted) before it runs, with the field that holds it: such text is never data a person
 * typed, and the database refuses NUL.
 */
export const publicProcedure = t.procedure.use(async ({ getRawInput, next, type }) => {
  const path = controlCharacterPath(await getRawInput());
  if (path)
    throw appError('BAD_REQUEST', 'Isian memuat karakter kendali yang tidak diizinkan', 'The input contains a control character', [
      {
        path,
        code: 'text.control_character',
        message: { id: 'Karakter kendali (mis. NUL) tidak diizinkan', en: 'Control characters (e.g. NUL) are not allowed' },
      },
    ]);
  if (type !== 'mutation') return next();
  // After a mutation (its transaction committed) cached aggregate reads are recomputed.
  const result = await next();
  written();
  return result;
});

/** What a user with a one-time password may still call: who they are, the password change, logging out and the header's unread count (their own, harmless). */
const BEFORE_PASSWORD_CHANGE = new Set(['auth.me', 'auth.changePassword', 'auth.logout', 'notifications.unread']);

export const authedProcedure = publicProcedure.use(async ({ ctx, next, path }) => {
  if (!ctx.user) throw unauthenticated();
  if (ctx.user.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(path))
    throw appError('PRECONDITION_FAILED', MESSAGES.mustChangePassword.id, MESSAGES.mustChangePassword.en);
  const result = await next({ ctx: { ...ctx, user: ctx.user } });
  // Refusals are kept for the auditor: who tried what.
  if (!result.ok && result.error.code === 'FORBIDDEN') await audit(ctx.db, ctx.user, 'access.refused', 'procedure', path, null, null);
  return result;
});

/** A procedure only these roles may call — checked on the server for every call. */
export const roleProcedure = (...allowed: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) throw forbidden();
    return next();
  });
