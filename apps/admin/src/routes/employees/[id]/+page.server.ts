import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { ...(await loadOr(event, () => caller.compliance.card({ employeeId: event.params.id }))), employeeId: event.params.id };
};
