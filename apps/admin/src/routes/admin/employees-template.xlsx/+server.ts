import type { RequestHandler } from './$types';
import { employeeTemplateXlsx } from '@bangkom/myasn/documents';
import { MEDIA_TYPES } from '$lib/server/monitoring-export';

/** The employee import template as XLSX: a sheet to fill with an example row, and a sheet of the accepted values. */
export const GET: RequestHandler = async () =>
  new Response(Buffer.from(await employeeTemplateXlsx()), {
    headers: { 'content-type': MEDIA_TYPES.xlsx, 'content-disposition': 'attachment; filename="templat-pegawai.xlsx"' },
  });
