import type { RequestEvent } from '@sveltejs/kit';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { Decision, OverrideForm, SubmitForm, WithdrawForm } from '$lib/schemas';

/** What a decision did, for the confirmation on the next page ("Disetujui; menunggu verifikasi"). */
const DECIDED = ['approved', 'verified', 'rejected'] as const;
type Decided = (typeof DECIDED)[number];

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const activity = await loadOr(event, () => caller.activities.get({ id: event.params.id }));
  const decided = DECIDED.find((d) => d === event.url.searchParams.get('decided')) ?? null;
  // The activity just decided before this one (the queue moves on to the next item).
  const previousId = event.url.searchParams.get('prev');
  const previous =
    decided && previousId
      ? await caller.activities
          .get({ id: previousId })
          .then((p) => ({ id: p.id, title: p.data.title, employeeName: p.employeeName, employeeId: p.employeeId }))
          .catch(() => null)
      : null;
  return {
    activity,
    saved: event.url.searchParams.has('saved'),
    submitted: event.url.searchParams.has('submitted'),
    decided,
    previous,
    decision: await formOf(event, Decision),
    submitForm: await formOf(event, SubmitForm),
    withdrawForm: await formOf(event, WithdrawForm),
    override: await formOf(event, OverrideForm, { jp: activity.jpOverride, overrideReason: activity.jpOverrideReason ?? '' }),
  };
};

type Caller = Awaited<ReturnType<typeof callerFor>>;

/** Each action calls one procedure; what a role may do is decided there, not here. */
async function run(event: RequestEvent<{ id: string }>, call: (caller: Caller, id: string) => Promise<unknown>) {
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, event.params.id));
  return result.ok ? { done: true } : result.failure;
}

/**
 * A review decision with its (optional) reason; then on to the next item the reviewer can decide
 * (or back to the queue when none is left), with what the decision did and what happens next.
 */
async function decide(
  event: RequestEvent<{ id: string }>,
  decided: Decided,
  call: (caller: Caller, id: string, reason?: string) => Promise<unknown>,
) {
  const form = await postedForm(event, Decision);
  if (!form.valid) return refused(form);
  const caller = await callerFor(event);
  const result = await attempt(event, form, () => call(caller, event.params.id, form.data.reason));
  if (!result.ok) return result.failure;
  const next = (await caller.activities.queue({ tab: 'now', offset: 0, limit: 2 })).rows.find((r) => r.id !== event.params.id);
  const done = `decided=${decided}&prev=${encodeURIComponent(event.params.id)}`;
  redirect(303, next ? `/activities/${encodeURIComponent(next.id)}?${done}` : `/review?${done}`);
}
const withReason = (reason?: string) => (reason ? { reason } : {});

export const actions: Actions = {
  submit: async (event) => {
    const form = await postedForm(event, SubmitForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const result = await attempt(event, form, () => caller.activities.submit({ id: event.params.id, declaration: form.data.declaration }));
    if (!result.ok) return result.failure;
    redirect(303, `/activities/${encodeURIComponent(event.params.id)}?submitted=1`);
  },
  withdraw: async (event) => {
    const form = await postedForm(event, WithdrawForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const result = await attempt(event, form, () => caller.activities.withdraw({ id: event.params.id }));
    return result.ok ? { withdrawForm: form, done: true } : result.failure;
  },
  approve: (event) => decide(event, 'approved', (c, id, reason) => c.activities.review({ id, approve: true, ...withReason(reason) })),
  reject: (event) => decide(event, 'rejected', (c, id, reason) => c.activities.review({ id, approve: false, ...withReason(reason) })),
  verify: (event) => decide(event, 'verified', (c, id) => c.activities.verify({ id, verified: true })),
  refuse: (event) => decide(event, 'rejected', (c, id, reason) => c.activities.verify({ id, verified: false, ...withReason(reason) })),
  override: async (event) => {
    const form = await postedForm(event, OverrideForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const { jp, overrideReason, confirmAboveRule } = form.data;
    const result = await attempt(event, form, () =>
      caller.activities.overrideJp({ id: event.params.id, jp, reason: overrideReason, confirmAboveRule }),
    );
    return result.ok ? { override: form, done: true } : result.failure;
  },
  approveConversion: (event) => run(event, (c, id) => c.activities.approveConversion({ id })),
};
