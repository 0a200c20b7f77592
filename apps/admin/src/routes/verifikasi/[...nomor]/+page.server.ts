import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { messagesFor } from '$lib/server/messages';
import { checkCertificate, verificationLimiter } from '$lib/server/verification';

/** The public check of a certificate by its number or QR code: no login, limited per address. */
export const load: PageServerLoad = async (event) => {
  if (!verificationLimiter.allow(event.getClientAddress())) error(429, messagesFor(event.locals.locale).verify_too_many());
  const { database } = await getApp();
  const number = event.params.nomor.slice(0, 100);
  event.setHeaders({ 'cache-control': 'no-store' });
  return { check: await checkCertificate(database.db, number) };
};
