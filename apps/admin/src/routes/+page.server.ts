import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { currentYear } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, '/login');
  const caller = await callerFor(event);
  const year = currentYear();
  const [progress, recent, attention] = await Promise.all([
    loadOr(event, () => caller.compliance.me({ year })),
    user.employeeId ? loadOr(event, () => caller.activities.list({ mine: true, limit: 5 })) : Promise.resolve([]),
    loadOr(event, () => caller.activities.attention()),
  ]);
  return { year, progress, recent, attention };
};
