import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { yearParam } from '$lib/server/urls';

const KINDS = ['coverLetter', 'recap', 'result'] as const;

/** The recap's documents: ?kind=coverLetter (PDF), recap (XLSX) or result (the BKN upload result). */
export const GET: RequestHandler = async (event) => {
  const kind = event.url.searchParams.get('kind');
  if (!KINDS.includes(kind as (typeof KINDS)[number])) error(404);
  const caller = await callerFor(event);
  const year = yearParam(event.url);
  return download(
    await loadOr(event, () => caller.ipasn.document({ unitId: event.params.unitId, year, kind: kind as (typeof KINDS)[number] })),
  );
};
