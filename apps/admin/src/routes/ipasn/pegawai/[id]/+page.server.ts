import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text, valuesOf } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const result = await loadOr(event, () => caller.ipasn.employee({ employeeId: event.params.id, year }));
  return { result, years: [year - 2, year - 1, year, year + 1] };
};

type Facts = Parameters<Awaited<ReturnType<typeof callerFor>>['ipasn']['saveFacts']>[0];

export const actions: Actions = {
  saveFacts: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const values = valuesOf(form);
    const discipline = text(form, 'discipline');
    const punishmentDate = text(form, 'punishmentDate') ?? '';
    const result = await actionOr(
      event,
      () =>
        caller.ipasn.saveFacts({
          employeeId: event.params.id,
          year: Number(form.get('year')),
          education: (text(form, 'education') ?? null) as Facts['education'],
          educationSource: text(form, 'educationSource') ?? null,
          positionKind: (text(form, 'positionKind') ?? null) as Facts['positionKind'],
          positionKindSource: text(form, 'positionKindSource') ?? null,
          performancePredicate: (text(form, 'performancePredicate') ?? null) as Facts['performancePredicate'],
          performanceSource: text(form, 'performanceSource') ?? null,
          punishments:
            discipline === undefined ? null : discipline === 'none' ? [] : [{ level: discipline as 'ringan', date: punishmentDate }],
          disciplineSource: text(form, 'disciplineSource') ?? null,
        }),
      values,
    );
    return result.ok ? { saved: true } : result.failure;
  },
};
