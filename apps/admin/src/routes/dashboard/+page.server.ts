import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const thisYear = new Date().getFullYear();
  const asked = Number(event.url.searchParams.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const unitId = event.url.searchParams.get('unit') || undefined;
  const [dashboard, units] = await Promise.all([loadOr(event, () => caller.compliance.dashboard({ year, ...(unitId ? { unitId } : {}) })), loadOr(event, () => caller.admin.units())]);
  return { dashboard, units, years: Array.from({ length: 4 }, (_, i) => thisYear - i) };
};
