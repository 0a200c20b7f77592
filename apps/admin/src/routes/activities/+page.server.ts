import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { searchParam } from '$lib/server/urls';

const STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;
/** Activities per page. */
const PAGE = 50;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  // A search by name or NIP looks for someone among all the activities the user may see (the own list has one person).
  const q = searchParam(event.url);
  const mine = event.url.searchParams.get('scope') !== 'all' && q === undefined;
  const status = STATUSES.find((s) => s === event.url.searchParams.get('status'));
  const after = event.url.searchParams.get('after') || undefined;
  const filters = { mine, ...(status ? { status } : {}), ...(q ? { q } : {}) };
  // One row more than shown tells whether there is a next page.
  const [found, counted] = await Promise.all([
    loadOr(event, () => caller.activities.list({ ...filters, ...(after ? { after } : {}), limit: PAGE + 1 })),
    loadOr(event, () => caller.activities.count({ ...filters, ...(after ? { after } : {}) })),
  ]);
  const rows = found.slice(0, PAGE);
  return {
    rows,
    counted,
    mine,
    status: status ?? '',
    q: q ?? '',
    next: found.length > PAGE ? rows.at(-1)!.id : null,
    paged: after !== undefined,
  };
};
