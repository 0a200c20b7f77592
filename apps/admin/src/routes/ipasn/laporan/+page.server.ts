import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
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

/** The uploaded file of an import form (an empty input gives an empty file, which the procedure refuses). */
const fileOf = (form: FormData) => {
  const file = form.get('file');
  return file instanceof File ? file : new File([], 'kosong.csv');
};

export const actions: Actions = {
  importFacts: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.ipasn.importFacts({ year: Number(form.get('year')), file: fileOf(form) }));
    return result.ok ? { imported: result.value.imported } : result.failure;
  },
  importSiasn: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.ipasn.importSiasn({ year: Number(form.get('year')), file: fileOf(form) }));
    return result.ok ? { imported: result.value.imported } : result.failure;
  },
};
