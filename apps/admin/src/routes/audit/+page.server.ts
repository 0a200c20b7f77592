import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { entries: await loadOr(event, () => caller.audit.list({ limit: 200 })) };
};
