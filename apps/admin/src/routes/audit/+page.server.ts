import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { filterOf, queryOf } from './filter';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const { filter, dropped } = filterOf(event.url);
  const before = Number(event.url.searchParams.get('before')) || undefined;
  const page = await loadOr(event, () => caller.audit.list({ ...filter, ...(before ? { before } : {}) }));
  return { page, filter, dropped, query: queryOf(filter) };
};
