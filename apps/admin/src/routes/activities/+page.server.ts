import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

const STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;
/** Activities per page. */
const PAGE = 50;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const mine = event.url.searchParams.get('scope') !== 'all';
  const status = STATUSES.find((s) => s === event.url.searchParams.get('status'));
  const after = event.url.searchParams.get('after') || undefined;
  // One row more than shown tells whether there is a next page.
  const found = await loadOr(event, () =>
    caller.activities.list({ mine, ...(status ? { status } : {}), ...(after ? { after } : {}), limit: PAGE + 1 }),
  );
  const rows = found.slice(0, PAGE);
  return { rows, mine, status: status ?? '', next: found.length > PAGE ? rows.at(-1)!.id : null, paged: after !== undefined };
};
