import type { RequestHandler } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { yearParam } from '$lib/server/urls';

/** A unit's year for MyASN/SIASN: the integrator package (?format=zip) or the MyASN form (?format=xlsx). */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const params = event.url.searchParams;
  const input = {
    year: yearParam(event.url),
    pendingOnly: params.get('pending') === '1',
    ...(params.get('unit') ? { unitId: params.get('unit')!.slice(0, 60) } : {}),
  };
  const file = await loadOr(event, () =>
    params.get('format') === 'xlsx' ? caller.myasn.exportForm(input) : caller.myasn.exportZip(input),
  );
  return download(file);
};
