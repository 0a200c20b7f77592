import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { yearParam } from '$lib/server/urls';

/** The monitoring sheet (XLSX) of the dashboard's year and unit; `only=below`: the list of employees below the obligation. */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const unitId = event.url.searchParams.get('unit') || undefined;
  const belowOnly = event.url.searchParams.get('only') === 'below';
  return download(await loadOr(event, () => caller.exports.monitoring({ year, belowOnly, ...(unitId ? { unitId } : {}) })));
};
