import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { SessionUser } from './auth.js';
import type { LoginLimiter } from './auth.js';
import type { Db } from './db/index.js';
import type { Role } from './db/schema.js';

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
    // Field errors from zod, in both languages, for the forms.
    const issues = error.cause instanceof ZodError ? error.cause.issues.map((i) => ({ path: i.path.map(String), message: i.message })) : null;
    return { ...shape, data: { ...shape.data, issues } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

export const MESSAGES = {
  unauthenticated: 'Silakan masuk terlebih dahulu / Please log in first',
  forbidden: 'Anda tidak berwenang / You are not allowed to do this',
};

export const authedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: MESSAGES.unauthenticated });
  return next({ ctx: { ...ctx, user: ctx.user } });
});

/** A procedure only these roles may call — checked on the server for every call. */
export const roleProcedure = (...allowed: Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.user.role)) throw new TRPCError({ code: 'FORBIDDEN', message: MESSAGES.forbidden });
    return next();
  });
