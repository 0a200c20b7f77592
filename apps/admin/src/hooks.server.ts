import type { Handle, ServerInit } from '@sveltejs/kit';
import { LOCALE_COOKIE, localeOf } from '$lib/i18n';
import { getApp } from '$lib/server/app';
import { SESSION_COOKIE, userForSession } from '$lib/server/auth';

/** Opens the database (and seeds the demo office when asked) before the first request. */
export const init: ServerInit = async () => {
  await getApp();
};

export const handle: Handle = async ({ event, resolve }) => {
  const app = await getApp();
  event.locals.locale = localeOf(event.cookies.get(LOCALE_COOKIE));
  event.locals.user = await userForSession(app.database.db, event.cookies.get(SESSION_COOKIE));
  const response = await resolve(event, { transformPageChunk: ({ html }) => html.replace('%bangkom.lang%', event.locals.locale) });
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  if (!response.headers.has('X-Frame-Options')) response.headers.set('X-Frame-Options', 'DENY');
  // Pages show personal data: never store them in shared caches.
  if (event.locals.user && !response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
  return response;
};
