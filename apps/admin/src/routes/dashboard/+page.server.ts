import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { yearParam } from '$lib/server/urls';
import { currentYear } from '$lib/values';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const thisYear = currentYear();
  const unitId = event.url.searchParams.get('unit') || undefined;
  const [dashboard, units] = await Promise.all([
    loadOr(event, () => caller.compliance.dashboard({ year, ...(unitId ? { unitId } : {}) })),
    loadOr(event, () => caller.admin.units()),
  ]);
  return { dashboard, units, years: Array.from({ length: 4 }, (_, i) => thisYear - i) };
};
