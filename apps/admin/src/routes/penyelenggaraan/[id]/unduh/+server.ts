import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';

const FORMAT = { invitation: 'pdf', attendance: 'csv', report: 'pdf' } as const;

/**
 * The invitation letter (?kind=invitation), the participant list (?kind=participants&format=pdf|xlsx),
 * the attendance sheet (?kind=attendance, CSV) or the activity report (?kind=report).
 */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const asked = event.url.searchParams.get('kind') ?? '';
  const kind = asked in FORMAT ? (asked as keyof typeof FORMAT) : 'participants';
  const format = kind === 'participants' ? (event.url.searchParams.get('format') === 'pdf' ? 'pdf' : 'xlsx') : FORMAT[kind];
  return download(await loadOr(event, () => caller.events.document({ eventId: event.params.id, kind, format })));
};
