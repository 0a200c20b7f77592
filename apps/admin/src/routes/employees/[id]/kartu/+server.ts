import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';

/** Kartu Data as XLSX (?format=xlsx) or PDF (?format=pdf). */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const format = event.url.searchParams.get('format') === 'pdf' ? 'pdf' : 'xlsx';
  const file = await loadOr(event, () => caller.exports.kartuData({ employeeId: event.params.id, format }));
  return download(file);
};
