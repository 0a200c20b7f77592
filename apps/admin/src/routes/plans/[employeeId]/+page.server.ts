import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { formOf, submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';
import { PlanApproval, PlanReturn } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url, 1);
  const employeeId = event.params.employeeId;
  return {
    year,
    current: await loadOr(event, () => caller.plans.get({ employeeId, year })),
    employeeId,
    approval: await formOf(event, PlanApproval, { employeeId, year }),
    returning: await formOf(event, PlanReturn, { employeeId, year }),
  };
};

export const actions: Actions = {
  approve: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, PlanApproval, (plan) => caller.plans.approve(plan));
    return result.ok ? { form: result.form, approved: true } : result.failure;
  },
  return: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, PlanReturn, (plan) => caller.plans.return(plan));
    return result.ok ? { form: result.form, returned: true } : result.failure;
  },
};
