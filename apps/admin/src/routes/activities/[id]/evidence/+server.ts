import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';

/** The evidence file, only to those who may see the activity (the procedure decides). */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const file = await loadOr(event, () => caller.activities.evidence({ id: event.params.id }));
  return new Response(Buffer.from(file.contentBase64, 'base64'), {
    headers: {
      'content-type': file.mediaType,
      'content-disposition': `inline; filename="${file.name.replace(/[^\w.-]+/g, '_')}"`,
      'cache-control': 'private, no-store',
      // The stored type was sniffed from the content; the browser must not guess another.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf",
    },
  });
};
