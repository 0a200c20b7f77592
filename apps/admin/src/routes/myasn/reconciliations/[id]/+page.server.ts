import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text, valuesOf } from '$lib/server/forms';

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

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function run(event: RequestEvent, call: (caller: Caller, form: FormData) => Promise<unknown>) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, form), valuesOf(form));
  return result.ok ? { done: true } : result.failure;
}

export const actions: Actions = {
  /** One line: mark (link to SIASN), import the SIASN record for verification, or ignore with a reason. */
  resolve: (event) =>
    run(event, (c, f) => {
      const reason = text(f, 'reason');
      const action = String(f.get('action') ?? '') as 'mark';
      return c.myasn.resolve({ itemId: Number(f.get('itemId')), action, ...(reason ? { reason } : {}) });
    }),
  markAgreeing: (event) => run(event, (c) => c.myasn.markAgreeing({ id: Number(event.params.id) })),
};
