import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text, valuesOf } from '$lib/server/forms';
import { todayIso } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const entry = await loadOr(event, () => caller.myasn.activity({ id: event.params.id }));
  const { timeZone } = await event.parent();
  return { entry, today: todayIso(timeZone) };
};

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Each action calls one procedure; who may do what is decided there. */
async function run(event: RequestEvent<{ id: string }>, call: (caller: Caller, form: FormData, id: string) => Promise<unknown>) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, form, event.params.id), valuesOf(form));
  return result.ok ? { done: true } : result.failure;
}

export const actions: Actions = {
  mark: (event) =>
    run(event, (c, f, id) => {
      const siasnId = text(f, 'siasnId');
      return c.myasn.mark({ id, uploadedOn: String(f.get('uploadedOn') ?? ''), ...(siasnId ? { siasnId } : {}) });
    }),
  unmark: (event) => run(event, (c, f, id) => c.myasn.unmark({ id, reason: String(f.get('reason') ?? '') })),
};
