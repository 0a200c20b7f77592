import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { currentYear } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, '/login');
  const caller = await callerFor(event);
  const year = currentYear();
  const ipasnActor = user.role === 'admin_unit' || user.role === 'admin_sdm';
  const [progress, recent, attention, ipasnDue] = await Promise.all([
    loadOr(event, () => caller.compliance.me({ year })),
    user.employeeId ? loadOr(event, () => caller.activities.list({ mine: true, limit: 5 })) : Promise.resolve([]),
    loadOr(event, () => caller.activities.attention()),
    ipasnActor ? loadOr(event, () => caller.ipasn.due()) : Promise.resolve(null),
  ]);
  return { year, progress, recent, attention, ipasnDue };
};
