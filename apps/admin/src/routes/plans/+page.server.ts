import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { pageParam, yearParam } from '$lib/server/urls';
import { PLANS_PAGE, PlansQuery } from '$lib/schemas';

/** The list as the URL asks for it (bookmarkable): year, search, unit, status, sort, page; what does not parse is left out. */
function queryOf(url: URL) {
  const status = PlansQuery.shape.status.safeParse(url.searchParams.get('status') || undefined);
  const sort = PlansQuery.shape.sort.safeParse(url.searchParams.get('sort') || undefined);
  return {
    year: yearParam(url, 1),
    q: url.searchParams.get('q')?.trim().slice(0, 100) || undefined,
    unitId: url.searchParams.get('unit')?.slice(0, 60) || undefined,
    status: status.success ? status.data : undefined,
    sort: sort.success ? sort.data : ('name' as const),
    page: pageParam(url),
  };
}

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const query = queryOf(event.url);
  const [overview, units] = await Promise.all([
    loadOr(event, () =>
      caller.plans.overview({
        year: query.year,
        ...(query.q ? { q: query.q } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.status ? { status: query.status } : {}),
        sort: query.sort,
        offset: (query.page - 1) * PLANS_PAGE,
        limit: PLANS_PAGE,
      }),
    ),
    loadOr(event, () => caller.admin.units()),
  ]);
  return { overview, units, query, years: [query.year - 1, query.year, query.year + 1] };
};
