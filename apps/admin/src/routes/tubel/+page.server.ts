import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { valuesOf } from '$lib/server/forms';
import { tubelFromForm } from '$lib/server/tubel-form';
import { todayIso } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [assessments, employees] = await Promise.all([
    loadOr(event, () => caller.tubel.list()),
    loadOr(event, () => caller.admin.employees({})),
  ]);
  return { assessments, candidates: employees.filter((e) => e.kind === 'PNS'), today: todayIso() };
};

async function assess(event: Parameters<Actions[string]>[0], save: boolean) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  // The procedure validates; the form's types are loose on purpose so that errors come back per field.
  const input = tubelFromForm(form) as unknown as Parameters<typeof caller.tubel.assess>[0];
  const result = await actionOr(event, () => caller.tubel.assess({ ...input, save }), valuesOf(form));
  return result.ok ? { assessment: result.value, values: valuesOf(form) } : result.failure;
}

export const actions: Actions = {
  check: (event) => assess(event, false),
  save: (event) => assess(event, true),
};
