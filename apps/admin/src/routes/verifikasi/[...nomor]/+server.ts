import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { messagesFor } from '$lib/server/messages';
import { checkCertificate, verificationLimiter } from '$lib/server/verification';

/**
 * The certificate's status for programs (the page's address asked for JSON rather than HTML, as
 * scripts/verify-credential.mjs does after checking the signature): valid, revoked or unknown,
 * with the revocation date. Limited per address like the page.
 */
export const GET: RequestHandler = async (event) => {
  if (!verificationLimiter.allow(event.getClientAddress())) error(429, messagesFor(event.locals.locale).verify_too_many());
  const { database } = await getApp();
  const check = await checkCertificate(database.db, event.params.nomor.slice(0, 100));
  return json(
    { number: check.number, status: check.status, revokedAt: check.revokedAt ?? null },
    { headers: { 'cache-control': 'no-store', 'access-control-allow-origin': '*' } },
  );
};
