import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { yearParam } from '$lib/server/urls';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url, 1);
  const unitId = event.url.searchParams.get('unit') || undefined;
  const [overview, units] = await Promise.all([
    loadOr(event, () => caller.plans.overview({ year, ...(unitId ? { unitId } : {}) })),
    loadOr(event, () => caller.admin.units()),
  ]);
  return { overview, units, unitId: unitId ?? '', years: [year - 1, year, year + 1] };
};
