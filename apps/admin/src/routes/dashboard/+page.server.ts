import type { Actions, PageServerLoad } from './$types';
import { redirect } from '@sveltejs/kit';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { yearParam } from '$lib/server/urls';
import { recentYears } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const unitId = event.url.searchParams.get('unit') || undefined;
  const [dashboard, units, exportJobs] = await Promise.all([
    loadOr(event, () => caller.compliance.dashboard({ year, ...(unitId ? { unitId } : {}) })),
    loadOr(event, () => caller.admin.units()),
    // The caller's latest export in the background (its progress or its download link).
    loadOr(event, () => caller.jobs.list({ kind: 'monitoring_export', limit: 1 })),
  ]);
  return { dashboard, units, exportJob: exportJobs[0] ?? null, years: recentYears() };
};

export const actions: Actions = {
  /** The monitoring sheet of the whole agency (or the chosen unit) as a background job. */
  exportMonitoring: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const year = Number(form.get('year'));
    const unitId = String(form.get('unit') ?? '') || undefined;
    const format = form.get('format') === 'csv' ? 'csv' : 'xlsx';
    const result = await actionOr(event, () => caller.jobs.exportMonitoring({ year, format, ...(unitId ? { unitId } : {}) }));
    if (!result.ok) return result.failure;
    redirect(303, `/dashboard?year=${year}${unitId ? `&unit=${encodeURIComponent(unitId)}` : ''}`);
  },
  cancelJob: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.jobs.cancel({ id: Number(form.get('jobId')) }));
    return result.ok ? { cancelled: result.value.id } : result.failure;
  },
};
