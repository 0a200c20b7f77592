import { redirect } from '@sveltejs/kit';
import type { RequestEvent } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { activityFromForm, defined, number, text, valuesOf } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

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
  return { year, current, formInfo, years: [year - 1, year, year + 1] };
};

/** Every change saves the whole plan through `plans.save`, which checks it again. */
async function change(
  event: RequestEvent,
  edit: (
    plan: Awaited<ReturnType<Awaited<ReturnType<typeof callerFor>>['plans']['get']>>['plan'],
    form: FormData,
  ) => { header?: Record<string, unknown>; items?: unknown[] },
) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const year = yearOf(event.url);
  const result = await actionOr(
    event,
    async () => {
      const { plan } = await caller.plans.get({ employeeId: event.locals.user!.employeeId!, year });
      const changed = edit(plan, form);
      const header = changed.header ?? {
        ...(plan.position ? { position: plan.position } : {}),
        ...(plan.gapLevel ? { gapLevel: plan.gapLevel } : {}),
        ...(plan.performancePredicate ? { performancePredicate: plan.performancePredicate } : {}),
        ...(plan.performanceData ? { performanceData: plan.performanceData } : {}),
        cannotLeaveWorkplace: plan.cannotLeaveWorkplace,
        ...(plan.budgetAvailable !== undefined ? { budgetAvailable: plan.budgetAvailable } : {}),
      };
      return caller.plans.save({ year, header, items: (changed.items ?? plan.items) as never } as Parameters<typeof caller.plans.save>[0]);
    },
    valuesOf(form),
  );
  return result.ok ? { saved: true } : result.failure;
}

export const actions: Actions = {
  header: (event) =>
    change(event, (_plan, form) => {
      return {
        header: defined({
          position: text(form, 'position'),
          gapLevel: text(form, 'gapLevel'),
          performancePredicate: text(form, 'performancePredicate'),
          performanceData: text(form, 'performanceData'),
          cannotLeaveWorkplace: form.get('cannotLeaveWorkplace') === 'on',
          budgetAvailable: number(form, 'budgetAvailable'),
        }),
      };
    }),
  addItem: (event) =>
    change(event, (plan, form) => {
      const fields = activityFromForm(form) as Record<string, unknown>;
      const item = defined({
        method: fields['method'],
        title: fields['title'] || undefined,
        organizer: fields['organizer'] || undefined,
        facilitator: text(form, 'facilitator'),
        competencyType: fields['competencyType'],
        startDate: fields['startDate'] || undefined,
        endDate: fields['endDate'] || undefined,
        international: fields['international'],
        days: fields['days'],
        sessions: fields['sessions'],
        hours: fields['hours'],
        programmeJp: fields['programmeJp'],
        curriculumFit: text(form, 'curriculumFit'),
        jp: number(form, 'jp'),
        budget: number(form, 'budget'),
      });
      return { items: [...plan.items, item] };
    }),
  removeItem: (event) =>
    change(event, (plan, form) => {
      const index = Number(form.get('index'));
      return { items: plan.items.filter((_, i) => i !== index) };
    }),
};
