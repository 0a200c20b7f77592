import type { RequestHandler } from '@sveltejs/kit';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { contextFor } from '$lib/server/context';
import { appRouter } from '$lib/server/routers';

/**
 * The tRPC API (used by the activity form's live JP preview, open to integrations). Mutations must
 * come from this site: a POST whose Origin is another site is refused before any procedure runs
 * (SvelteKit's own origin check covers form posts only).
 */
const handler: RequestHandler = async (event) => {
  if (event.request.method !== 'GET' && event.request.headers.get('origin') !== event.url.origin) {
    return new Response(JSON.stringify({ error: { message: 'Permintaan lintas situs ditolak / Cross-site request refused' } }), {
      status: 403,
      headers: { 'content-type': 'application/json' },
    });
  }
  return fetchRequestHandler({ endpoint: '/api/trpc', req: event.request, router: appRouter, createContext: () => contextFor(event) });
};

export const GET = handler;
export const POST = handler;
