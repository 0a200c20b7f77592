import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { getApp } from '$lib/server/app';
import { callerFor, loadOr } from '$lib/server/context';
import { readJobFile } from '$lib/server/jobs';
import { messagesFor } from '$lib/server/messages';

/** The file of a finished job (an export), streamed a stored piece at a time. */
export const GET: RequestHandler = async (event) => {
  const id = Number(event.params.id);
  if (!Number.isInteger(id) || id <= 0) error(404, messagesFor(event.locals.locale).error_not_found());
  const caller = await callerFor(event);
  // The procedure decides who may download (only the user who started the job) and audits it.
  const file = await loadOr(event, () => caller.jobs.download({ id }));
  const { db } = (await getApp()).database;
  const pieces = readJobFile(db, file.id, 'result');
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await pieces.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    // The client left: stop reading pieces.
    async cancel() {
      await pieces.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': file.mediaType,
      'content-length': String(file.bytes),
      'content-disposition': `attachment; filename="${file.filename.replace(/[^\w.-]+/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
};
