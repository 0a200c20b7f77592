/**
 * The XLSX import of the template. Apart from template.ts because it imports exceljs (an optional
 * peer): the core entry imports template.ts for the CSV import and must not load exceljs.
 */
import type { Result } from '@bangkom/domain';
import { fail } from '@bangkom/domain';
import ExcelJS from 'exceljs';
import type { ImportType } from './template.js';
import { importRows } from './template.js';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    return '';
  }
  return String(value);
};

/** Imports the first sheet of an XLSX workbook in the template's layout; a corrupt file is a Problem, not a crash. */
export async function importXlsx(data: Uint8Array, type: ImportType): Promise<Result<unknown[]>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(data as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return fail({
      path: [],
      code: 'import.bad_xlsx',
      message: { id: `Berkas XLSX tidak dapat dibaca: ${reason}`, en: `Cannot read the XLSX file: ${reason}` },
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
  return importRows(header, rows, type);
}
