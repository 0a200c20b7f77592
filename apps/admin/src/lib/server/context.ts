import type { RequestEvent } from '@sveltejs/kit';
import { error, fail, redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { bilingual } from '../i18n.js';
import { getApp } from './app.js';
import { refusalOf } from './forms.js';
import { SESSION_COOKIE } from './auth.js';
import { errorDetails, isExpected } from './errors.js';
import { appRouter } from './routers/index.js';
import type { Context } from './trpc.js';
import { createCallerFactory } from './trpc.js';

const createCaller = createCallerFactory(appRouter);

/** The tRPC context of one request: its user (from the session cookie) and how to set the cookie. */
export async function contextFor(event: RequestEvent): Promise<Context> {
  const app = await getApp();
  return {
    db: app.database.db,
    user: event.locals.user,
    ip: event.getClientAddress(),
    sessionToken: event.cookies.get(SESSION_COOKIE),
    limiter: app.limiter,
    requestId: event.locals.requestId,
    signal: event.request.signal,
    setSession: (token, expiresAt) => {
      if (token)
        event.cookies.set(SESSION_COOKIE, token, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: event.url.protocol === 'https:',
          // The database decides when a session ends (idle timeout, lifetime, disabled account).
          ...(expiresAt ? { expires: expiresAt } : {}),
        });
      else event.cookies.delete(SESSION_COOKIE, { path: '/' });
    },
  };
}

/** Server loads and actions call procedures directly, not over HTTP: the same authorization applies. */
export async function callerFor(event: RequestEvent) {
  return createCaller(await contextFor(event));
}

/** Runs a procedure call in a load: not logged in → login page; other refusals → the error page. */
export async function loadOr<T>(event: RequestEvent, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    // An unexpected error goes to SvelteKit's handleError: logged with a request id, shown without details.
    if (e instanceof TRPCError && isExpected(e)) {
      if (e.code === 'PRECONDITION_FAILED' && event.locals.user?.mustChangePassword) redirect(303, '/account/password');
      if (e.code === 'UNAUTHORIZED') redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
      const details = errorDetails(e.cause);
      error(getHTTPStatusCodeFromError(e), { message: details.messages ? bilingual(details.messages, event.locals.locale) : e.message });
    }
    throw e;
  }
}

/**
 * Runs a procedure call in a form action without fields of its own (a button: confirm, cancel,
 * withdraw): a refusal comes back as the message the page shows (`refusalOf`); nothing else
 * changes. Forms with fields go through superforms (`postedForm` and `attempt` in `forms.ts`).
 */
export async function actionOr<T>(event: RequestEvent, call: () => Promise<T>, values?: Record<string, string>) {
  try {
    return { ok: true as const, value: await call() };
  } catch (e) {
    const { status, message, errors } = refusalOf(e, event.locals.locale, new Set(Object.keys(values ?? {})));
    return { ok: false as const, failure: fail(status, { message, errors, ...(values ? { values } : {}) }) };
  }
}
