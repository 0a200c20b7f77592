import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

const STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const mine = event.url.searchParams.get('scope') !== 'all';
  const status = STATUSES.find((s) => s === event.url.searchParams.get('status'));
  const rows = await loadOr(event, () => caller.activities.list({ mine, ...(status ? { status } : {}) }));
  return { rows, mine, status: status ?? '' };
};
