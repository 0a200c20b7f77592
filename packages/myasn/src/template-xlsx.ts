/**
 * The XLSX side of the templates (reading a sheet, the employee template workbook). Apart from template.ts
 * because it imports exceljs (an optional peer): the core entry imports template.ts for the CSV import and
 * must not load exceljs.
 */
import type { Result } from '@bangkom/domain';
import { fail, ok } from '@bangkom/domain';
import ExcelJS from 'exceljs';
import type { ImportType } from './template.js';
import { employeeAllowedValues, employeeColumns, employeeExample, importRows } from './template.js';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  // A whole number past 2^53 (an 18-digit NIP typed into a number cell) has lost its last digits:
  // it reads as a spreadsheet shows it (1.98703122010012E+17), never as digits that look exact.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential().toUpperCase();
  return String(value);
};

/** The header and rows of the first sheet of an XLSX workbook; a corrupt file is a Problem, not a crash. */
export async function xlsxTable(data: Uint8Array): Promise<Result<{ header: string[]; rows: { line: number; cells: string[] }[] }>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail({
      path: [],
      code: 'import.bad_xlsx',
      message: { id: `Berkas Excel tidak dapat dibaca (${reason})`, en: `Cannot read the Excel file (${reason})` },
    });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0)
    return fail({ path: [], code: 'import.empty', message: { id: 'Lembar kerja kosong', en: 'The worksheet is empty' } });
  const width = sheet.columnCount;
  const read = (n: number) => Array.from({ length: width }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
  const header = read(1);
  const rows: { line: number; cells: string[] }[] = [];
  for (let n = 2; n <= sheet.rowCount; n++) {
    const cells = read(n);
    if (cells.some((c) => c.trim() !== '')) rows.push({ line: n, cells });
  }
  return ok({ header, rows });
}

/** Imports the first sheet of an XLSX workbook in the template's layout. */
export async function importXlsx(data: Uint8Array, type: ImportType): Promise<Result<unknown[]>> {
  const table = await xlsxTable(data);
  return table.ok ? importRows(table.value.header, table.value.rows, type) : table;
}

/** The employee template as XLSX: a sheet to fill (header and example row, NIP columns as text) and a sheet of accepted values. */
export async function employeeTemplateXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Pegawai');
  sheet.columns = employeeColumns.map((c) => ({
    header: c.header,
    key: c.header,
    width: Math.max(14, c.header.length + 4),
    // An 18-digit NIP typed into a number cell loses its last digits.
    ...(c.type === 'string' ? { style: { numFmt: '@' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(employeeExample).font = { italic: true, color: { argb: 'FF666666' } };
  const values = workbook.addWorksheet('Nilai yang diterima');
  values.columns = [
    { header: 'Kolom', key: 'column', width: 24 },
    { header: 'Nilai yang diterima', key: 'values', width: 100 },
  ];
  values.getRow(1).font = { bold: true };
  for (const v of employeeAllowedValues()) values.addRow(v);
  values.addRow({});
  values.addRow({ column: 'Catatan', values: 'Baris contoh pada lembar Pegawai tidak diimpor; huruf besar/kecil tidak dibedakan.' });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
