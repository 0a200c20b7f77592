import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { tubelInput } from '$lib/server/tubel-form';
import { TubelForm } from '$lib/schemas';
import { todayIso } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [assessments, employees] = await Promise.all([
    loadOr(event, () => caller.tubel.list()),
    loadOr(event, () => caller.admin.employees({})),
  ]);
  const today = todayIso();
  return {
    assessments,
    candidates: employees.filter((e) => e.kind === 'PNS'),
    today,
    form: await formOf(event, TubelForm, { asOf: today }),
  };
};

async function assess(event: Parameters<Actions[string]>[0], save: boolean) {
  const form = await postedForm(event, TubelForm);
  if (!form.valid) return refused(form);
  const caller = await callerFor(event);
  // A history entry's missing date and the like are refused by the procedure, beside the field it names.
  const result = await attempt(event, form, () => caller.tubel.assess({ ...tubelInput(form.data), save }));
  return result.ok ? { form, assessment: result.value } : result.failure;
}

export const actions: Actions = {
  check: (event) => assess(event, false),
  save: (event) => assess(event, true),
};
