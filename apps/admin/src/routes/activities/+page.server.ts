import { learningMethodCodes } from '@bangkom/domain';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { searchParam } from '$lib/server/urls';
import { recentYears } from '$lib/values';
import { activitySorts } from '$lib/server/routers/activities';

const STATUSES = ['draft', 'submitted', 'verified', 'rejected'] as const;
/** Activities per page. */
const PAGE = 50;

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  // A search by name or NIP looks for someone among all the activities the user may see (the own list has one person).
  const q = searchParam(event.url);
  const mine = event.url.searchParams.get('scope') !== 'all' && q === undefined;
  const status = STATUSES.find((s) => s === event.url.searchParams.get('status'));
  const after = event.url.searchParams.get('after') || undefined;
  // Unit, year and method: in the URL like the rest, so a filtered list can be bookmarked.
  const unitId = mine ? undefined : event.url.searchParams.get('unit')?.slice(0, 60) || undefined;
  const years = recentYears();
  const year = years.find((y) => String(y) === event.url.searchParams.get('year'));
  const method = learningMethodCodes.find((c) => c === event.url.searchParams.get('method'));
  // The order, in the URL too; the page's cursor (`after`) is read in this order.
  const sort = activitySorts.find((s) => s === event.url.searchParams.get('sort')) ?? 'updated';
  const filters = {
    mine,
    sort,
    ...(status ? { status } : {}),
    ...(q ? { q } : {}),
    ...(unitId ? { unitId } : {}),
    ...(year ? { year } : {}),
    ...(method ? { method } : {}),
  };
  const seesUnits = event.locals.user?.role === 'admin_sdm' || event.locals.user?.role === 'auditor';
  // One row more than shown tells whether there is a next page.
  const [found, counted, units] = await Promise.all([
    loadOr(event, () => caller.activities.list({ ...filters, ...(after ? { after } : {}), limit: PAGE + 1 })),
    loadOr(event, () => caller.activities.count({ ...filters, ...(after ? { after } : {}) })),
    seesUnits ? loadOr(event, () => caller.admin.units()) : Promise.resolve([]),
  ]);
  const rows = found.slice(0, PAGE);
  return {
    rows,
    counted,
    mine,
    status: status ?? '',
    q: q ?? '',
    unitId: unitId ?? '',
    year: year ?? null,
    method: method ?? '',
    sort,
    sorts: activitySorts,
    units,
    years,
    methods: learningMethodCodes,
    next: found.length > PAGE ? rows.at(-1)!.id : null,
    paged: after !== undefined,
  };
};
