import { removeFiles } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { ROW_FORM } from '$lib/forms';
import { RecapAcceptance, RecapReturn, RecapStepDone, RecapSubmission, RecapUpload } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const recap = await loadOr(event, () => caller.ipasn.recap({ unitId: event.params.unitId, year }));
  return { recap, years: [year - 2, year - 1, year, year + 1] };
};

/*
 * Every action names its year; the unit is the page's. The procedure checks who may take it and
 * from which status. The page's forms share one id (ROW_FORM): their refusal shows once, above.
 */
export const actions: Actions = {
  submit: async (event) => {
    const caller = await callerFor(event);
    const { unitId } = event.params;
    const result = await submitted(event, RecapSubmission, (d) => caller.ipasn.submitRecap({ ...d, unitId }), ROW_FORM);
    return result.ok ? { form: result.form, done: 'submit' } : result.failure;
  },
  return: async (event) => {
    const caller = await callerFor(event);
    const { unitId } = event.params;
    const result = await submitted(event, RecapReturn, (d) => caller.ipasn.returnRecap({ ...d, unitId }), ROW_FORM);
    return result.ok ? { form: result.form, done: 'return' } : result.failure;
  },
  accept: async (event) => {
    const caller = await callerFor(event);
    const { unitId } = event.params;
    const result = await submitted(event, RecapAcceptance, (d) => caller.ipasn.acceptRecap({ ...d, unitId }), ROW_FORM);
    return result.ok ? { form: result.form, done: 'accept' } : result.failure;
  },
  upload: async (event) => {
    const caller = await callerFor(event);
    const { unitId } = event.params;
    const result = await submitted(event, RecapUpload, (d) => caller.ipasn.recordUpload({ ...d, unitId }), ROW_FORM);
    // Files are not sent back (they cannot be serialized).
    return result.ok ? removeFiles({ form: result.form, done: 'upload' }) : result.failure;
  },
  completeStep: async (event) => {
    const caller = await callerFor(event);
    const { unitId } = event.params;
    const result = await submitted(event, RecapStepDone, (d) => caller.ipasn.completeStep({ ...d, unitId }), ROW_FORM);
    return result.ok ? { form: result.form, done: 'step' } : result.failure;
  },
};
