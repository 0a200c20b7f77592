import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { callerFor, loadOr } from '$lib/server/context';
import { auditEntries } from '$lib/server/routers/audit';
import { toCsv } from '@bangkom/domain';
import { filterOf } from '../filter';
import { messagesFor } from '$lib/server/messages';
import { AUDIT_EXPORT_WIDTHS, auditExportHeader, auditExportRow } from '$lib/server/audit-export';

/**
 * The log as the page filters it, as CSV or XLSX. Written page by page as it is read, so the
 * server's memory does not grow with the log; the export itself is logged first.
 */
export const GET: RequestHandler = async (event) => {
  const format = event.url.searchParams.get('format');
  const { locale } = event.locals;
  if (format !== 'csv' && format !== 'xlsx') error(400, messagesFor(locale).audit_export_format());
  const caller = await callerFor(event);
  const { filter } = filterOf(event.url);
  await loadOr(event, () => caller.audit.recordExport({ filter, format }));
  const pages = auditEntries((input) => caller.audit.list(input), filter);
  const stamp = new Date().toISOString().slice(0, 10);
  const headers = {
    'cache-control': 'private, no-store',
    'content-disposition': `attachment; filename="log-audit-${stamp}.${format}"`,
  };

  if (format === 'csv') {
    const encoder = new TextEncoder();
    let first = true;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { value: page, done } = await pages.next();
        if (done) return controller.close();
        const rows = page.entries.map((e) => auditExportRow(e, page.timeZone, locale));
        // A byte-order mark so Excel opens the file as UTF-8.
        controller.enqueue(encoder.encode(`${first ? `\uFEFF${toCsv([auditExportHeader(locale)])}` : ''}${toCsv(rows)}`));
        first = false;
      },
      async cancel() {
        await pages.return(undefined);
      },
    });
    return new Response(body, { headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' } });
  }

  const { PassThrough } = await import('node:stream');
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const sheet = workbook.addWorksheet(messagesFor(locale).audit_export_sheet());
  sheet.columns = auditExportHeader(locale).map((header, i) => ({ header, width: AUDIT_EXPORT_WIDTHS[i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const page of pages) for (const e of page.entries) sheet.addRow(auditExportRow(e, page.timeZone, locale)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (e) {
      out.destroy(e as Error);
    }
  })();
  return new Response(Readable.toWeb(out) as ReadableStream<Uint8Array>, {
    headers: { ...headers, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
