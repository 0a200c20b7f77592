import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const after = event.url.searchParams.get('after') ?? undefined;
  const events = await loadOr(event, () => caller.events.list({ limit: 50, ...(after ? { after } : {}) }));
  return { events, created: event.url.searchParams.get('created') };
};
