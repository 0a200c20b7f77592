import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { messagesFor } from '$lib/server/messages';

/** The SIASN save body of an activity, with its upload descriptor, as a JSON file. */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const entry = await loadOr(event, () => caller.myasn.activity({ id: event.params.id }));
  if (!entry.payloadJson) error(404, { message: messagesFor(event.locals.locale).myasn_siasn_not_ready() });
  return download({
    filename: `siasn-${entry.payload?.kind ?? 'kursus'}-${entry.id}.json`,
    mediaType: 'application/json',
    contentBase64: Buffer.from(entry.payloadJson).toString('base64'),
  });
};
