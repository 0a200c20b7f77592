import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { yearParam } from '$lib/server/urls';

/** The monitoring sheet (XLSX) of the dashboard's year and unit. */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  const unitId = event.url.searchParams.get('unit') || undefined;
  return download(await loadOr(event, () => caller.exports.monitoring({ year, ...(unitId ? { unitId } : {}) })));
};
