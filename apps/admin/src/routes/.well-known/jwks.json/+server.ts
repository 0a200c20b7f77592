import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { publishedJwks, signingKey } from '$lib/server/signing';

/** The agency's public signing keys (current and retired): anyone verifies its credentials with them. */
export const GET: RequestHandler = async () => {
  const { database } = await getApp();
  await signingKey(database.db);
  return new Response(JSON.stringify(await publishedJwks(database.db)), {
    headers: { 'content-type': 'application/jwk-set+json', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' },
  });
};
