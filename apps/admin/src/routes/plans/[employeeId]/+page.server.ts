import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';

const yearOf = (url: URL) => {
  const asked = Number(url.searchParams.get('year'));
  return Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : new Date().getFullYear() + 1;
};

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearOf(event.url);
  return { year, current: await loadOr(event, () => caller.plans.get({ employeeId: event.params.employeeId, year })), employeeId: event.params.employeeId };
};

export const actions: Actions = {
  approve: async (event) => {
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.plans.approve({ employeeId: event.params.employeeId, year: yearOf(event.url) }));
    return result.ok ? { approved: true } : result.failure;
  },
};
