import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { ActivityForm } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [activity, formInfo] = await Promise.all([
    loadOr(event, () => caller.activities.get({ id: event.params.id })),
    loadOr(event, () => caller.activities.formInfo()),
  ]);
  if (!activity.can.edit) redirect(303, `/activities/${activity.id}`);
  const a = activity.data;
  const saved = {
    method: a.method,
    title: a.title,
    organizer: a.organizer,
    startDate: a.startDate,
    endDate: a.endDate,
    international: a.international,
    runByWorkUnit: a.runByWorkUnit,
    days: a.days,
    sessions: a.sessions,
    hours: a.hours,
    programmeJp: a.programmeJp,
    statedJp: a.statedJp,
    competencyType: a.competencyType,
    certificateNumber: a.evidence?.number,
    certificateDate: a.evidence?.date,
    rumpun: typeof a['rumpun'] === 'string' ? a['rumpun'] : undefined,
    summary: typeof a['summary'] === 'string' ? a['summary'] : undefined,
  };
  return { activity, formInfo, form: await formOf(event, ActivityForm, saved) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await postedForm(event, ActivityForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const { evidence, ...fields } = form.data;
    const result = await attempt(event, form, () =>
      caller.activities.update({ id: event.params.id, fields, ...(evidence ? { evidence } : {}) }),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/activities/${event.params.id}?saved=1`);
  },
};
