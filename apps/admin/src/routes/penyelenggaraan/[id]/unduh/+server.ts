import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';

/** The participant list (?kind=participants&format=pdf|xlsx) or the activity report (?kind=report). */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const kind = event.url.searchParams.get('kind') === 'report' ? 'report' : 'participants';
  const format = kind === 'report' || event.url.searchParams.get('format') === 'pdf' ? 'pdf' : 'xlsx';
  return download(await loadOr(event, () => caller.events.document({ eventId: event.params.id, kind, format })));
};
