import type { Actions, PageServerLoad } from './$types';
import { ROW_FORM } from '$lib/forms';
import { IpasnFactsForm } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const result = await loadOr(event, () => caller.ipasn.employee({ employeeId: event.params.id, year }));
  return { result, years: [year - 2, year - 1, year, year + 1] };
};

/** Blank → not known. */
const known = <T extends string>(value: T | '') => (value === '' ? null : value);

export const actions: Actions = {
  saveFacts: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(
      event,
      IpasnFactsForm,
      (f) =>
        caller.ipasn.saveFacts({
          employeeId: event.params.id,
          year: f.year,
          education: known(f.education),
          educationSource: known(f.educationSource),
          positionKind: known(f.positionKind),
          positionKindSource: known(f.positionKindSource),
          performancePredicate: known(f.performancePredicate),
          performanceSource: known(f.performanceSource),
          punishments: f.discipline === '' ? null : f.discipline === 'none' ? [] : [{ level: f.discipline, date: f.punishmentDate }],
          disciplineSource: known(f.disciplineSource),
        }),
      ROW_FORM,
    );
    return result.ok ? { form: result.form, saved: true } : result.failure;
  },
};
