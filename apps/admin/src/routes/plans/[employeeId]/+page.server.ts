import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { formOf, submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';
import { PlanApproval } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url, 1);
  return {
    year,
    current: await loadOr(event, () => caller.plans.get({ employeeId: event.params.employeeId, year })),
    employeeId: event.params.employeeId,
    approval: await formOf(event, PlanApproval, { employeeId: event.params.employeeId, year }),
  };
};

export const actions: Actions = {
  approve: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, PlanApproval, (plan) => caller.plans.approve(plan));
    return result.ok ? { form: result.form, approved: true } : result.failure;
  },
};
