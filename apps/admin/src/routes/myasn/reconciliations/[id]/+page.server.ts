import type { Actions, PageServerLoad } from './$types';
import { ROW_FORM } from '$lib/forms';
import { MyasnMarkAgreeing, MyasnResolve } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';

const KINDS = ['missing_in_siasn', 'missing_locally', 'different', 'agreeing'] as const;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const id = Number(event.params.id);
  const kind = KINDS.find((k) => k === event.url.searchParams.get('kind'));
  const after = Number(event.url.searchParams.get('after'));
  const reconciliation = await loadOr(event, () =>
    caller.myasn.reconciliation({
      id: Number.isInteger(id) && id > 0 ? id : 0,
      ...(kind ? { kind } : {}),
      ...(Number.isInteger(after) && after > 0 ? { after } : {}),
    }),
  );
  return { reconciliation, kind: kind ?? null };
};

/** The buttons of every line share one form id (ROW_FORM): a refusal shows once, above the lines. */
export const actions: Actions = {
  /** One line: mark (link to SIASN), import the SIASN record for verification, or ignore with a reason. */
  resolve: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, MyasnResolve, (line) => caller.myasn.resolve(line), ROW_FORM);
    return result.ok ? { form: result.form, done: true } : result.failure;
  },
  markAgreeing: async (event) => {
    const caller = await callerFor(event);
    const id = Number(event.params.id);
    const result = await submitted(event, MyasnMarkAgreeing, () => caller.myasn.markAgreeing({ id }), ROW_FORM);
    return result.ok ? { form: result.form, done: true } : result.failure;
  },
};
