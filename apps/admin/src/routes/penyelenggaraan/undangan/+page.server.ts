import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return { invitations: await loadOr(event, () => caller.events.mine()) };
};

export const actions: Actions = {
  evaluate: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const comment = text(form, 'comment');
    const result = await actionOr(event, () =>
      caller.events.evaluate({
        eventId: text(form, 'eventId') ?? '',
        relevance: Number(text(form, 'relevance')),
        facilitator: Number(text(form, 'facilitator')),
        material: Number(text(form, 'material')),
        ...(comment ? { comment } : {}),
      }),
    );
    return result.ok ? { done: true, eventId: text(form, 'eventId') } : result.failure;
  },
};
