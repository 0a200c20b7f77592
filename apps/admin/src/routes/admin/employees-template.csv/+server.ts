import type { RequestHandler } from './$types';
import { employeeTemplateCsv } from '$lib/server/routers';

/** The header row of the employee import (Indonesian column names of @bangkom/myasn). */
export const GET: RequestHandler = () =>
  new Response(`\uFEFF${employeeTemplateCsv()}`, {
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="templat-pegawai.csv"' },
  });
