import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { RecapCycle, StepOfAction } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { formOf, submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

/** HR's overview of every unit's recap; the others go to what they may see: their unit's recap or their own score. */
export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  const year = yearParam(event.url);
  if (user.role === 'admin_unit' && user.unitId) redirect(303, `/ipasn/rekap/${encodeURIComponent(user.unitId)}?year=${year}`);
  if (user.role !== 'admin_sdm' && user.role !== 'auditor') {
    if (user.employeeId) redirect(303, `/ipasn/pegawai/${encodeURIComponent(user.employeeId)}?year=${year}`);
    redirect(303, '/');
  }
  const caller = await callerFor(event);
  const overview = await loadOr(event, () => caller.ipasn.overview({ year }));
  const [cycleForm, stepsForm] = await Promise.all([
    formOf(event, RecapCycle, { year, startedOn: overview.cycle?.startedOn ?? overview.asOf }),
    formOf(event, StepOfAction, overview.stepOfAction),
  ]);
  return { overview, cycleForm, stepsForm, years: [year - 2, year - 1, year, year + 1] };
};

export const actions: Actions = {
  openCycle: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, RecapCycle, (cycle) => caller.ipasn.openCycle(cycle));
    return result.ok ? { form: result.form, opened: true } : result.failure;
  },
  setStepOfAction: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, StepOfAction, (mapping) => caller.ipasn.setStepOfAction(mapping));
    return result.ok ? { form: result.form, stepsSet: true } : result.failure;
  },
};
