import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url, 1);
  return {
    year,
    current: await loadOr(event, () => caller.plans.get({ employeeId: event.params.employeeId, year })),
    employeeId: event.params.employeeId,
  };
};

export const actions: Actions = {
  approve: async (event) => {
    const caller = await callerFor(event);
    const result = await actionOr(event, () =>
      caller.plans.approve({ employeeId: event.params.employeeId, year: yearParam(event.url, 1) }),
    );
    return result.ok ? { approved: true } : result.failure;
  },
};
