import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { rows: await loadOr(event, () => caller.activities.queue()) };
};
