import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, { message: 'Penilaian tidak ditemukan / Assessment not found' });
  const caller = await callerFor(event);
  return { assessment: await loadOr(event, () => caller.tubel.get({ id })) };
};
