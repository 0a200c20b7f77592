import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { Decision, OverrideForm } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const activity = await loadOr(event, () => caller.activities.get({ id: event.params.id }));
  return {
    activity,
    saved: event.url.searchParams.has('saved'),
    decision: await formOf(event, Decision),
    override: await formOf(event, OverrideForm, { jp: activity.jpOverride, overrideReason: activity.jpOverrideReason ?? '' }),
  };
};

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Each action calls one procedure; what a role may do is decided there, not here. */
async function run(event: RequestEvent<{ id: string }>, call: (caller: Caller, form: FormData, id: string) => Promise<unknown>) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, form, event.params.id));
  return result.ok ? { done: true } : result.failure;
}

/** A review decision with its (optional) reason. */
async function decide(event: RequestEvent<{ id: string }>, call: (caller: Caller, id: string, reason?: string) => Promise<unknown>) {
  const form = await postedForm(event, Decision);
  if (!form.valid) return refused(form);
  const caller = await callerFor(event);
  const result = await attempt(event, form, () => call(caller, event.params.id, form.data.reason));
  return result.ok ? { decision: form, done: true } : result.failure;
}
const withReason = (reason?: string) => (reason ? { reason } : {});

export const actions: Actions = {
  submit: (event) => run(event, (c, f, id) => c.activities.submit({ id, declaration: f.get('declaration') === 'on' })),
  withdraw: (event) => run(event, (c, _f, id) => c.activities.withdraw({ id })),
  approve: (event) => decide(event, (c, id, reason) => c.activities.review({ id, approve: true, ...withReason(reason) })),
  reject: (event) => decide(event, (c, id, reason) => c.activities.review({ id, approve: false, ...withReason(reason) })),
  verify: (event) => decide(event, (c, id) => c.activities.verify({ id, verified: true })),
  refuse: (event) => decide(event, (c, id, reason) => c.activities.verify({ id, verified: false, ...withReason(reason) })),
  override: async (event) => {
    const form = await postedForm(event, OverrideForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const { jp, overrideReason } = form.data;
    const result = await attempt(event, form, () => caller.activities.overrideJp({ id: event.params.id, jp, reason: overrideReason }));
    return result.ok ? { override: form, done: true } : result.failure;
  },
  approveConversion: (event) => run(event, (c, _f, id) => c.activities.approveConversion({ id })),
};
