import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { activityFromForm, evidenceFromForm, valuesOf } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [activity, formInfo] = await Promise.all([
    loadOr(event, () => caller.activities.get({ id: event.params.id })),
    loadOr(event, () => caller.activities.formInfo()),
  ]);
  if (!activity.can.edit) redirect(303, `/activities/${activity.id}`);
  return { activity, formInfo };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const evidence = await evidenceFromForm(form);
    const result = await actionOr(
      event,
      () => caller.activities.update({ id: event.params.id, fields: activityFromForm(form), ...(evidence ? { evidence } : {}) }),
      valuesOf(form),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/activities/${event.params.id}?saved=1`);
  },
};
