import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { filterOf, queryOf } from './filter';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const { filter, dropped } = filterOf(event.url);
  // The page's cursor: `before` newest first, `after` oldest first (the entries past it in the list's order).
  const before = Number(event.url.searchParams.get('before')) || undefined;
  const after = Number(event.url.searchParams.get('after')) || undefined;
  const page = await loadOr(event, () => caller.audit.list({ ...filter, ...(before ? { before } : {}), ...(after ? { after } : {}) }));
  return { page, filter, dropped, query: queryOf(filter) };
};
