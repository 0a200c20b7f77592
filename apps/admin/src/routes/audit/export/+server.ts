import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { callerFor, loadOr } from '$lib/server/context';
import { auditEntries } from '$lib/server/routers/audit';
import { toCsv } from '@bangkom/domain';
import { filterOf } from '../filter';
import { messagesFor } from '$lib/server/messages';

const HEADER = [
  'id',
  'waktu (ISO 8601)',
  'zona waktu',
  'akun',
  'tindakan',
  'objek',
  'nomor objek',
  'sebelum',
  'sesudah',
  'nama pegawai',
  'NIP',
];
type Entry = {
  id: number;
  at: Date | string;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  /** The employee whose account it is (none for a system or administrator account). */
  employeeName: string | null;
  employeeId: string | null;
};
/**
 * A text a spreadsheet would run as a formula (=, +, -, @ first) is written with a leading
 * apostrophe: account names and object ids in the log can be typed by anyone at the login form.
 */
const inert = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));
const rowOf = (e: Entry, timeZone: string) => [
  String(e.id),
  new Date(e.at).toISOString(),
  timeZone,
  inert(e.username ?? ''),
  e.action,
  e.entity,
  inert(e.entityId ?? ''),
  json(e.before),
  json(e.after),
  inert(e.employeeName ?? ''),
  e.employeeId ?? '',
];

/**
 * The log as the page filters it, as CSV or XLSX. Written page by page as it is read, so the
 * server's memory does not grow with the log; the export itself is logged first.
 */
export const GET: RequestHandler = async (event) => {
  const format = event.url.searchParams.get('format');
  if (format !== 'csv' && format !== 'xlsx') error(400, messagesFor(event.locals.locale).audit_export_format());
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
        const rows = page.entries.map((e) => rowOf(e, page.timeZone));
        // A byte-order mark so Excel opens the file as UTF-8.
        controller.enqueue(encoder.encode(`${first ? `\uFEFF${toCsv([HEADER])}` : ''}${toCsv(rows)}`));
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
  const sheet = workbook.addWorksheet('Log audit');
  sheet.columns = HEADER.map((header, i) => ({ header, width: [8, 24, 16, 16, 28, 14, 38, 60, 60][i] }));
  sheet.getRow(1).font = { bold: true };
  void (async () => {
    try {
      for await (const page of pages) for (const e of page.entries) sheet.addRow(rowOf(e, page.timeZone)).commit();
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
