import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import { LOCALE_COOKIE, localeOf } from '$lib/i18n';
import { fromAnotherSite } from '$lib/server/api';
import { getApp } from '$lib/server/app';
import { SESSION_COOKIE, userForSession } from '$lib/server/auth';
import { refusesCrossSite } from '$lib/server/endpoints';
import { logServerError, MESSAGES, newRequestId } from '$lib/server/errors';
import { messagesFor } from '$lib/server/messages';

/** Opens the database (and seeds the demo office when asked) before the first request. */
export const init: ServerInit = async () => {
  await getApp();
};

/** What a user who must change the password may still open. */
const BEFORE_PASSWORD_CHANGE = ['/account/password', '/logout', '/language'];

export const handle: Handle = async ({ event, resolve }) => {
  const app = await getApp();
  event.locals.requestId = newRequestId();
  event.locals.locale = localeOf(event.cookies.get(LOCALE_COOKIE));
  event.locals.user = await userForSession(app.database.db, event.cookies.get(SESSION_COOKIE));
  if (refusesCrossSite(event.route.id) && fromAnotherSite(event.request))
    return new Response('Permintaan lintas situs ditolak / Cross-site request refused', { status: 403 });
  if (
    event.locals.user?.mustChangePassword &&
    !BEFORE_PASSWORD_CHANGE.includes(event.url.pathname) &&
    !event.url.pathname.startsWith('/api/')
  )
    redirect(303, '/account/password');
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%bangkom.lang%', event.locals.locale) });
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
  // Served over TLS (ORIGIN https://…): browsers must never fall back to plain HTTP.
  if (event.url.protocol === 'https:') response.headers.set('Strict-Transport-Security', 'max-age=31536000');
  // Pages show personal data: never store them in shared caches.
  if (event.locals.user && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
};

/** An unexpected error: its details (SQL, stack) go to the server log; the page shows a request id only. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
  // SvelteKit's own words for a page that does not exist ("Not Found") are English only.
  const m = messagesFor(event.locals.locale);
  if (status === 404) return { message: m.error_not_found() };
  if (status < 500) return { message };
  const requestId = logServerError(error, event.locals.requestId, `${event.request.method} ${event.url.pathname}`);
  const messages = MESSAGES.internal(requestId);
  return { message: event.locals.locale === 'en' ? messages.en : messages.id, requestId };
};
