import type { Actions, PageServerLoad } from './$types';
import { ROW_FORM } from '$lib/forms';
import { MyasnMark, MyasnUnmark } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';
import { todayIso } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const entry = await loadOr(event, () => caller.myasn.activity({ id: event.params.id }));
  const { timeZone } = await event.parent();
  return { entry, today: todayIso(timeZone) };
};

/** Each action calls one procedure; who may do what is decided there. The page's forms share one id (ROW_FORM). */
export const actions: Actions = {
  mark: async (event) => {
    const caller = await callerFor(event);
    const id = event.params.id;
    const result = await submitted(
      event,
      MyasnMark,
      ({ uploadedOn, siasnId }) => caller.myasn.mark({ id, uploadedOn, ...(siasnId ? { siasnId } : {}) }),
      ROW_FORM,
    );
    return result.ok ? { form: result.form, done: true } : result.failure;
  },
  unmark: async (event) => {
    const caller = await callerFor(event);
    const id = event.params.id;
    const result = await submitted(event, MyasnUnmark, ({ reason }) => caller.myasn.unmark({ id, reason }), ROW_FORM);
    return result.ok ? { form: result.form, done: true } : result.failure;
  },
};
