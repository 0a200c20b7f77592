import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { activityFromForm, evidenceFromForm, valuesOf } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { formInfo: await loadOr(event, () => caller.activities.formInfo()) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const evidence = await evidenceFromForm(form);
    const result = await actionOr(
      event,
      () => caller.activities.create({ ...activityFromForm(form), ...(evidence ? { evidence } : {}) }),
      valuesOf(form),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/activities/${result.value.id}?saved=1`);
  },
};
