import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, '/login');
  if (!user.employeeId) redirect(303, '/plans');
  const caller = await callerFor(event);
  const year = yearParam(event.url, 1);
  return { year, recommendation: await loadOr(event, () => caller.plans.recommend({ employeeId: user.employeeId!, year })) };
};
