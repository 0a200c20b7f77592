import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  return {
    activity: await loadOr(event, () => caller.activities.get({ id: event.params.id })),
    saved: event.url.searchParams.has('saved'),
  };
};

const reasonOf = (form: FormData) => {
  const reason = String(form.get('reason') ?? '').trim();
  return reason ? reason : undefined;
};

/** Each action calls one procedure; what a role may do is decided there, not here. */
async function run(
  event: RequestEvent<{ id: string }>,
  call: (caller: Awaited<ReturnType<typeof callerFor>>, form: FormData, id: string) => Promise<unknown>,
) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, form, event.params.id), {
    reason: String(form.get('reason') ?? ''),
    jp: String(form.get('jp') ?? ''),
    overrideReason: String(form.get('overrideReason') ?? ''),
  });
  return result.ok ? { done: true } : result.failure;
}

export const actions: Actions = {
  submit: (event) => run(event, (c, f, id) => c.activities.submit({ id, declaration: f.get('declaration') === 'on' })),
  withdraw: (event) => run(event, (c, _f, id) => c.activities.withdraw({ id })),
  approve: (event) =>
    run(event, (c, f, id) => c.activities.review({ id, approve: true, ...(reasonOf(f) ? { reason: reasonOf(f)! } : {}) })),
  reject: (event) =>
    run(event, (c, f, id) => c.activities.review({ id, approve: false, ...(reasonOf(f) ? { reason: reasonOf(f)! } : {}) })),
  verify: (event) => run(event, (c, _f, id) => c.activities.verify({ id, verified: true })),
  refuse: (event) =>
    run(event, (c, f, id) => c.activities.verify({ id, verified: false, ...(reasonOf(f) ? { reason: reasonOf(f)! } : {}) })),
  override: (event) =>
    run(event, (c, f, id) => {
      const raw = String(f.get('jp') ?? '')
        .trim()
        .replace(',', '.');
      return c.activities.overrideJp({ id, jp: raw === '' ? null : Number(raw), reason: String(f.get('overrideReason') ?? '') });
    }),
  approveConversion: (event) => run(event, (c, _f, id) => c.activities.approveConversion({ id })),
};
