import { initTRPC } from '@trpc/server';
import type { SessionUser } from './auth.js';
import type { LoginLimiter } from './auth.js';
import type { Db } from './db/index.js';
import type { Role } from './db/schema.js';
import { errorDetails, forbidden, unauthenticated } from './errors.js';

export interface Context {
  db: Db;
  user: SessionUser | null;
  /** Client address, for the login rate limit. */
  ip: string;
  /** Set or clear the session cookie (the HTTP layer decides how). */
  setSession: (token: string | null, expiresAt?: Date) => void;
  sessionToken: string | undefined;
  limiter: LoginLimiter;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    // Field errors for the forms: zod issues keep their code (the UI words them from its catalogue);
    // domain problems already carry Bahasa Indonesia and English.
    return { ...shape, data: { ...shape.data, ...errorDetails(error.cause) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw unauthenticated();
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure only these roles may call — checked on the server for every call. */
export const roleProcedure = (...allowed: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) throw forbidden();
    return next();
  });
