import { learningMethodCodes } from '@bangkom/domain';
import { redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { SuperValidated } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused, submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';
import { ROW_FORM, type FormMessage } from '$lib/forms';
import { PlanHeader, PlanItemEdit, PlanItemRemoval, PlanStep } from '$lib/schemas';

/** Plans are made for the coming year ([P] art. 17(4): approved by mid-year before it). */
const yearOf = (url: URL) => yearParam(url, 1);

export const load: PageServerLoad = async (event) => {
  const user = event.locals.user;
  if (!user) redirect(303, '/login');
  if (!user.employeeId) redirect(303, '/plans');
  const caller = await callerFor(event);
  const year = yearOf(event.url);
  const [current, formInfo] = await Promise.all([
    loadOr(event, () => caller.plans.get({ employeeId: user.employeeId!, year })),
    loadOr(event, () => caller.activities.formInfo()),
  ]);
  // `?edit=N` opens item N in the item form.
  const asked = Number.parseInt(event.url.searchParams.get('edit') ?? '', 10);
  const editing = Number.isInteger(asked) && asked >= 0 && asked < current.plan.items.length ? asked : undefined;
  // `?method=` (from the recommendation) starts a new item with that method.
  const method = learningMethodCodes.find((c) => c === event.url.searchParams.get('method'));
  const { position, gapLevel, performancePredicate, performanceData, cannotLeaveWorkplace, budgetAvailable } = current.plan;
  return {
    year,
    current,
    formInfo,
    years: [year - 1, year, year + 1],
    header: await formOf(event, PlanHeader, {
      position,
      gapLevel,
      performancePredicate,
      performanceData,
      cannotLeaveWorkplace,
      budgetAvailable,
    }),
    item: await formOf(
      event,
      PlanItemEdit,
      editing !== undefined ? { ...current.plan.items[editing], index: editing } : method ? { method } : undefined,
    ),
    editing: editing ?? null,
  };
};

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Plan = Awaited<ReturnType<Caller['plans']['get']>>['plan'];
type Save = Parameters<Caller['plans']['save']>[0];

/** The header as it is saved: what the plan holds now, unless the form changes it. */
const headerOf = (plan: Plan): Save['header'] => ({
  ...(plan.position ? { position: plan.position } : {}),
  ...(plan.gapLevel ? { gapLevel: plan.gapLevel } : {}),
  ...(plan.performancePredicate ? { performancePredicate: plan.performancePredicate } : {}),
  ...(plan.performanceData ? { performanceData: plan.performanceData } : {}),
  cannotLeaveWorkplace: plan.cannotLeaveWorkplace,
  ...(plan.budgetAvailable !== undefined ? { budgetAvailable: plan.budgetAvailable } : {}),
});

/** Every change saves the whole plan through `plans.save`, which checks it again. */
async function change(caller: Caller, event: RequestEvent, edit: (plan: Plan) => Partial<Pick<Save, 'header' | 'items'>>) {
  const year = yearOf(event.url);
  const { plan } = await caller.plans.get({ employeeId: event.locals.user!.employeeId!, year });
  const changed = edit(plan);
  return caller.plans.save({ year, header: changed.header ?? headerOf(plan), items: changed.items ?? plan.items });
}

/** A superform's change: its refusal comes back beside its fields. */
async function changeWith<F extends SuperValidated<Record<string, unknown>, FormMessage>>(
  event: RequestEvent,
  form: F,
  edit: (plan: Plan) => Partial<Pick<Save, 'header' | 'items'>>,
) {
  if (!form.valid) return refused(form);
  const caller = await callerFor(event);
  const result = await attempt(event, form, () => change(caller, event, edit));
  return result.ok ? { form, saved: true } : result.failure;
}

/** A step of the plan (submit, withdraw): a button with nothing to fill, its refusal shown above the plan. */
async function step(event: RequestEvent, call: (caller: Caller, year: number) => Promise<unknown>) {
  const result = await submitted(event, PlanStep, async () => call(await callerFor(event), yearOf(event.url)), ROW_FORM);
  return result.ok ? { form: result.form, stepped: true } : result.failure;
}

export const actions: Actions = {
  header: async (event) => {
    const form = await postedForm(event, PlanHeader);
    return changeWith(event, form, () => ({ header: form.data }));
  },
  // One form adds an item, or changes the item at `index`.
  saveItem: async (event) => {
    const form = await postedForm(event, PlanItemEdit);
    const { index, ...item } = form.data;
    return changeWith(event, form, (plan) => ({
      items:
        index === undefined
          ? [...plan.items, item]
          : plan.items.map((old, i) => (i === index ? { ...item, ...(old.id ? { id: old.id } : {}) } : old)),
    }));
  },
  submit: async (event) => step(event, (caller, year) => caller.plans.submit({ year })),
  withdraw: async (event) => step(event, (caller, year) => caller.plans.withdraw({ year })),
  // A button on every row of the plan: one form id for all (see ROW_FORM).
  removeItem: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(
      event,
      PlanItemRemoval,
      ({ index }) => change(caller, event, (plan) => ({ items: plan.items.filter((_, i) => i !== index) })),
      ROW_FORM,
    );
    return result.ok ? { form: result.form, saved: true } : result.failure;
  },
};
