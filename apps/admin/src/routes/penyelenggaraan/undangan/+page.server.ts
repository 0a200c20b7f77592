import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';
import { ROW_FORM } from '$lib/forms';
import { Evaluation } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { invitations: await loadOr(event, () => caller.events.mine()) };
};

export const actions: Actions = {
  // One evaluation form per invitation: one form id for all (see ROW_FORM).
  evaluate: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, Evaluation, (evaluation) => caller.events.evaluate(evaluation), ROW_FORM);
    return result.ok ? { form: result.form, evaluated: result.form.data.eventId } : result.failure;
  },
};
