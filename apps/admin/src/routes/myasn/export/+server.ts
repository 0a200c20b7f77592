import { PassThrough, Readable } from 'node:stream';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { callerFor, loadOr } from '$lib/server/context';
import { download } from '$lib/server/download';
import { bundleZip, evidenceContent } from '$lib/server/myasn';
import { yearParam } from '$lib/server/urls';

/**
 * A unit's year for MyASN/SIASN: the integrator package (?format=zip, streamed an evidence file
 * at a time) or the MyASN form (?format=xlsx).
 */
export const GET: RequestHandler = async (event) => {
  const caller = await callerFor(event);
  const params = event.url.searchParams;
  const input = {
    year: yearParam(event.url),
    pendingOnly: params.get('pending') === '1',
    ...(params.get('unit') ? { unitId: params.get('unit')!.slice(0, 60) } : {}),
  };
  if (params.get('format') === 'xlsx') return download(await loadOr(event, () => caller.myasn.exportForm(input)));
  // The procedure decides who may export which unit and audits it; the files are read as the ZIP is written.
  const plan = await loadOr(event, () => caller.myasn.exportZip(input));
  const { db } = (await getApp()).database;
  const { stream } = bundleZip(plan.items, (sha256) => evidenceContent(db, sha256), plan.title);
  const out = new PassThrough();
  stream.on('error', (e: Error) => out.destroy(e));
  stream.pipe(out);
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="${plan.filename.replace(/[^\w.-]+/g, '_')}"`,
      'cache-control': 'private, no-store',
    },
  });
};
