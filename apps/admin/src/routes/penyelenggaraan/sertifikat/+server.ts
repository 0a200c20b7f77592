import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';

/** A certificate (?nomor=…) as PDF, or its Open Badges 3.0 credential (?format=json). */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const number = event.url.searchParams.get('nomor') ?? '';
  const format = event.url.searchParams.get('format') === 'json' ? 'json' : 'pdf';
  return download(await loadOr(event, () => caller.events.certificate({ number, format })));
};
