import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const before = Number.parseInt(event.url.searchParams.get('before') ?? '', 10);
  return { list: await loadOr(event, () => caller.notifications.list(before > 0 ? { before } : {})) };
};

export const actions: Actions = {
  read: async (event) => {
    await (await callerFor(event)).notifications.markRead({});
    return { read: true };
  },
};
