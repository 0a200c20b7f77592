import type { RequestHandler } from './$types';
import { employeeTemplateCsv } from '@bangkom/myasn';

/** The employee import template as CSV: the header, an example row and the accepted values (Indonesian column names of @bangkom/myasn). */
export const GET: RequestHandler = () =>
  new Response(`\uFEFF${employeeTemplateCsv()}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="templat-pegawai.csv"' },
  });
