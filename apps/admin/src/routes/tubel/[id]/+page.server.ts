import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { messagesFor } from '$lib/server/messages';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, { message: messagesFor(event.locals.locale).tubel_assessment_not_found() });
  const caller = await callerFor(event);
  return { assessment: await loadOr(event, () => caller.tubel.get({ id })) };
};
