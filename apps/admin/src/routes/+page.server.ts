import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { currentYear } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, '/login');
  const caller = await callerFor(event);
  const year = currentYear();
  const [progress, recent, queue] = await Promise.all([
    loadOr(event, () => caller.compliance.me({ year })),
    user.employeeId ? loadOr(event, () => caller.activities.list({ mine: true })) : Promise.resolve([]),
    user.role === 'atasan' || user.role === 'admin_unit' || user.role === 'admin_sdm'
      ? loadOr(event, () => caller.activities.queue())
      : Promise.resolve(null),
  ]);
  return { year, progress, recent: recent.slice(0, 5), queueCount: queue?.length ?? null };
};
