import { error, redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { messagesFor } from '$lib/server/messages';
import { checkCertificate, verificationLimiter } from '$lib/server/verification';

/** The public check of a certificate by its number or QR code: no login, limited per address. */
export const load: PageServerLoad = async (event) => {
  // The number typed in the page's form goes to its own address (the one the certificate's QR code holds).
  const typed = event.url.searchParams.get('nomor')?.trim().slice(0, 100);
  if (typed) redirect(303, `/verifikasi/${encodeURIComponent(typed)}`);
  if (!verificationLimiter.allow(event.getClientAddress())) error(429, messagesFor(event.locals.locale).verify_too_many());
  const { database } = await getApp();
  const number = event.params.nomor.slice(0, 100);
  event.setHeaders({ 'cache-control': 'no-store' });
  // Without a number the page only asks for one.
  return { check: number.trim() ? await checkCertificate(database.db, number) : null };
};
