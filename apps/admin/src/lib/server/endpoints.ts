/**
 * Which endpoints (`+server.ts` routes) refuse requests started by another site.
 *
 * Every endpoint serves a file or data with personal details, and most write an audit entry, so a link or
 * an image on another site must not be able to start one in the victim's name. The list is the route files
 * themselves: a new endpoint is protected without anyone remembering to add it here.
 */
// Globs skip folders whose name starts with a dot unless the pattern names them.
const ROUTE_FILES = Object.keys(import.meta.glob(['/src/routes/**/+server.ts', '/src/routes/.well-known/**/+server.ts']));

/** Endpoints meant for anyone, or that check for themselves. */
export const OPEN_ENDPOINTS: ReadonlySet<string> = new Set([
  // The agency's public signing keys: other systems verify certificates with them.
  '/.well-known/jwks.json',
  // A certificate's status, for verifiers in other systems; the same route is the public verification page.
  '/verifikasi/[...nomor]',
  // The tRPC API refuses cross-site calls itself (handleApi), with a JSON error its clients read.
  '/api/trpc/[...trpc]',
]);

/** The route id SvelteKit gives a route file: `/src/routes/jobs/[id]/file/+server.ts` → `/jobs/[id]/file`. */
export const routeIdOf = (file: string) => file.replace(/^\/src\/routes/, '').replace(/\/\+server\.ts$/, '') || '/';

export const ENDPOINTS: ReadonlySet<string> = new Set(ROUTE_FILES.map(routeIdOf));

/** Whether a request for this route must come from this site (or be typed or bookmarked by the user). */
export const refusesCrossSite = (routeId: string | null) => routeId !== null && ENDPOINTS.has(routeId) && !OPEN_ENDPOINTS.has(routeId);
