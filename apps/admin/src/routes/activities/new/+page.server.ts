import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { ActivityForm } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return {
    formInfo: await loadOr(event, () => caller.activities.formInfo()),
    // No method chosen until the employee chooses one (the schema's default would be the first).
    form: await formOf(event, ActivityForm, { method: '' as never }),
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await postedForm(event, ActivityForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    // The file goes to the procedure as it came (a multipart part), which checks its size and real type.
    const result = await attempt(event, form, () => caller.activities.create(form.data));
    if (!result.ok) return result.failure;
    redirect(303, `/activities/${result.value.id}?saved=1`);
  },
};
