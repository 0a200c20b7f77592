import { redirect } from '@sveltejs/kit';
import { TRPCError } from '@trpc/server';
import { bilingual } from '$lib/i18n';
import { errorDetails } from '$lib/server/errors';
import { messagesFor } from '$lib/server/messages';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { MyasnHistoryUpload } from '$lib/schemas';
import { formOf, postedForm, refusalOf, refused } from '$lib/server/forms';
import { yearParam } from '$lib/server/urls';
import { recentYears } from '$lib/values';

const FILTERS = ['all', 'pending', 'uploaded'] as const;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const params = event.url.searchParams;
  const year = yearParam(event.url);
  const user = event.locals.user;
  const units = await loadOr(event, () => caller.admin.units());
  // Admin SDM and the auditor choose the unit; the own unit (or the first) comes first.
  const unitId = user?.role === 'admin_unit' ? undefined : params.get('unit') || user?.unitId || units[0]?.id;
  const filter = FILTERS.find((f) => f === params.get('filter')) ?? 'all';
  const after =
    params.get('an') !== null && params.get('ae') && params.get('aa')
      ? { name: params.get('an')!.slice(0, 200), employeeId: params.get('ae')!.slice(0, 40), activityId: params.get('aa')!.slice(0, 60) }
      : undefined;
  const scope = unitId ? { unitId } : {};
  const [list, reconciliations] = await Promise.all([
    loadOr(event, () => caller.myasn.unit({ ...scope, year, filter, ...(after ? { after } : {}) })),
    loadOr(event, () => caller.myasn.reconciliations({ ...scope, year })),
  ]);
  const historyForm = await formOf(event, MyasnHistoryUpload, { year, unitId: list.unitId });
  return {
    historyForm,
    list,
    reconciliations,
    units,
    filter,
    paged: after !== undefined,
    years: recentYears(),
  };
};

export const actions: Actions = {
  /** Reads an uploaded SIASN history file and compares it; on success the comparison opens. */
  reconcile: async (event) => {
    const caller = await callerFor(event);
    const form = await postedForm(event, MyasnHistoryUpload);
    const locale = event.locals.locale;
    const m = messagesFor(locale);
    const upload = form.data.file;
    if (!upload || upload.size === 0) return refused(form, 400, { text: m.myasn_reconcile_no_file(), other: [] });
    if (!form.valid) return refused(form);
    const { year, unitId, employeeId } = form.data;
    let id: number;
    try {
      id = (
        await caller.myasn.reconcile({
          year,
          ...(unitId && event.locals.user?.role !== 'admin_unit' ? { unitId } : {}),
          ...(employeeId ? { employeeId } : {}),
          fileName: upload.name,
          content: await upload.text(),
        })
      ).id;
    } catch (e) {
      const { status, message, errors } = refusalOf(e, locale, new Set(['employeeId']));
      // Each problem with its place in the file ("kursus no. 2, tanggalKursus"), so that it can be found and fixed.
      const problems = e instanceof TRPCError ? (errorDetails(e.cause).problems ?? []) : [];
      const inFile = (path: string[]) => path[0] === 'diklat' || path[0] === 'kursus';
      const other = problems.length
        ? problems
            .filter((p) => !p.path.includes('employeeId'))
            .map(
              (p) =>
                (inFile(p.path)
                  ? `${m.myasn_reconcile_problem_at({ kind: p.path[0]!, row: Number(p.path[1]) + 1, field: p.path.slice(2).join('.') })}: `
                  : '') + bilingual(p.message, locale),
            )
        : message.other;
      Object.assign(form.errors, errors);
      return refused(form, status, { ...message, other });
    }
    redirect(303, `/myasn/reconciliations/${id}`);
  },
};
