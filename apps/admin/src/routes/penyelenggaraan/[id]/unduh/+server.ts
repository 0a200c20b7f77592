import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { EVENT_DOCUMENT_FORMATS } from '$lib/schemas';

/**
 * The invitation letter (?kind=invitation), the participant list (?kind=participants&format=xlsx|pdf),
 * the attendance sheet (?kind=attendance&format=xlsx|csv) or the activity report (?kind=report);
 * without a format, the document's first.
 */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const asked = event.url.searchParams.get('kind') ?? '';
  const kind = asked in EVENT_DOCUMENT_FORMATS ? (asked as keyof typeof EVENT_DOCUMENT_FORMATS) : 'participants';
  const formats: readonly ('pdf' | 'xlsx' | 'csv')[] = EVENT_DOCUMENT_FORMATS[kind];
  const format = formats.find((f) => f === event.url.searchParams.get('format')) ?? formats[0]!;
  return download(await loadOr(event, () => caller.events.document({ eventId: event.params.id, kind, format })));
};
