import type { Actions, PageServerLoad } from './$types';
import { removeFiles } from 'sveltekit-superforms';
import { ROW_FORM } from '$lib/forms';
import { IpasnImportForm } from '$lib/schemas';
import { callerFor, loadOr } from '$lib/server/context';
import { submitted } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const unitId = event.url.searchParams.get('unit') || undefined;
  const [report, units] = await Promise.all([
    loadOr(event, () => caller.ipasn.report({ year, ...(unitId ? { unitId } : {}) })),
    loadOr(event, () => caller.admin.units()),
  ]);
  return { report, units, unitId: unitId ?? '', years: [year - 2, year - 1, year, year + 1] };
};

export const actions: Actions = {
  importFacts: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, IpasnImportForm, (input) => caller.ipasn.importFacts(input), ROW_FORM);
    // Files are not sent back (they cannot be serialized).
    return result.ok ? removeFiles({ form: result.form, imported: result.value.imported }) : result.failure;
  },
  importSiasn: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, IpasnImportForm, (input) => caller.ipasn.importSiasn(input), ROW_FORM);
    return result.ok ? removeFiles({ form: result.form, imported: result.value.imported }) : result.failure;
  },
};
