import { createTRPCClient, httpLink } from '@trpc/client';
import type { AppRouter } from '$lib/server/routers';

/** The browser's client of the tRPC API (same origin, session cookie). */
export const trpc = createTRPCClient<AppRouter>({ links: [httpLink({ url: '/api/trpc' })] });
