import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { valuesOf } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const recap = await loadOr(event, () => caller.ipasn.recap({ unitId: event.params.unitId, year }));
  return { recap, years: [year - 2, year - 1, year, year + 1] };
};

/** Every action names its unit and year; the procedure checks who may take it and from which status. */
const unitYear = (event: { params: { unitId: string } }, form: FormData) => ({
  unitId: event.params.unitId,
  year: Number(form.get('year')),
});

export const actions: Actions = {
  submit: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(
      event,
      () => caller.ipasn.submitRecap({ ...unitYear(event, form), letterNumber: String(form.get('letterNumber') ?? '') }),
      valuesOf(form),
    );
    return result.ok ? { done: 'submit' } : result.failure;
  },
  return: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(
      event,
      () => caller.ipasn.returnRecap({ ...unitYear(event, form), note: String(form.get('note') ?? '') }),
      valuesOf(form),
    );
    return result.ok ? { done: 'return' } : result.failure;
  },
  accept: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.ipasn.acceptRecap(unitYear(event, form)));
    return result.ok ? { done: 'accept' } : result.failure;
  },
  upload: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const file = form.get('result');
    const result = await actionOr(
      event,
      () =>
        caller.ipasn.recordUpload({
          ...unitYear(event, form),
          uploadedOn: String(form.get('uploadedOn') ?? ''),
          result: file instanceof File ? file : new File([], 'kosong.pdf'),
        }),
      valuesOf(form),
    );
    return result.ok ? { done: 'upload' } : result.failure;
  },
  completeStep: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(
      event,
      () =>
        caller.ipasn.completeStep({ ...unitYear(event, form), step: Number(form.get('step')), doneOn: String(form.get('doneOn') ?? '') }),
      valuesOf(form),
    );
    return result.ok ? { done: 'step' } : result.failure;
  },
};
