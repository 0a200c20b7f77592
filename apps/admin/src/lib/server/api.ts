import type { AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import type { Context } from './trpc.js';

const json = (status: number, message: string) =>
  new Response(JSON.stringify({ error: { message } }), { status, headers: { 'content-type': 'application/json' } });

/**
 * Whether a request was started by another site (Sec-Fetch-Site, sent by every current browser).
 * `none` is the user typing the address or opening a bookmark; an old browser sends nothing.
 */
export const fromAnotherSite = (request: Request) => {
  const site = request.headers.get('sec-fetch-site');
  return site !== null && site !== 'same-origin' && site !== 'none';
};

/**
 * The tRPC API over HTTP (used by the activity form's live JP preview, open to integrations).
 * - Mutations must come from this site: a POST whose Origin is another site is refused before any
 *   procedure runs (SvelteKit's own origin check covers form posts only).
 * - Queries started by another site are refused too: some write audit entries (exports), which a
 *   cross-site link must not create in the victim's name.
 * - No batching: one request is one call, so a request cannot carry thousands of password guesses.
 */
export async function handleApi(request: Request, router: AnyTRPCRouter, createContext: () => Promise<Context>): Promise<Response> {
  const url = new URL(request.url);
  if (request.method !== 'GET' && request.headers.get('origin') !== url.origin)
    return json(403, 'Permintaan lintas situs ditolak / Cross-site request refused');
  if (fromAnotherSite(request)) return json(403, 'Permintaan lintas situs ditolak / Cross-site request refused');
  return fetchRequestHandler({ endpoint: '/api/trpc', req: request, router, createContext, allowBatching: false });
}
