import type { Problem, Result } from '@bangkom/domain';
import { Employee, LearningActivity, fail, learningMethodCodes, learningMethods, ok, parseCsv, parseWith, toCsv } from '@bangkom/domain';
import { parseDate, toDmy } from './dates.js';

type CellType = 'string' | 'number' | 'boolean' | 'date' | 'method';
interface Column {
  header: string;
  field: string;
  type: CellType;
  /** `evidence.number` style paths build nested objects. */
  required?: boolean;
}

/** Import template for activities: header names in Bahasa Indonesia (a public contract, documented in the README). */
export const activityColumns: Column[] = [
  { header: 'ID', field: 'id', type: 'string', required: true },
  { header: 'NIP', field: 'nip', type: 'string', required: true },
  { header: 'Metode', field: 'method', type: 'method', required: true },
  { header: 'Nama Kegiatan', field: 'title', type: 'string', required: true },
  { header: 'Penyelenggara', field: 'organizer', type: 'string' },
  { header: 'Luar Negeri', field: 'international', type: 'boolean' },
  { header: 'Tanggal Mulai', field: 'startDate', type: 'date', required: true },
  { header: 'Tanggal Selesai', field: 'endDate', type: 'date', required: true },
  { header: 'Jumlah Hari', field: 'days', type: 'number' },
  { header: 'Jumlah Pertemuan', field: 'sessions', type: 'number' },
  { header: 'Jumlah Jam', field: 'hours', type: 'number' },
  { header: 'JP Program', field: 'programmeJp', type: 'number' },
  { header: 'JP Sertifikat', field: 'statedJp', type: 'number' },
  { header: 'Diselenggarakan Unit Kerja', field: 'runByWorkUnit', type: 'boolean' },
  { header: 'Jenis Kompetensi', field: 'competencyType', type: 'string' },
  { header: 'Jenis Bukti', field: 'evidence.kind', type: 'string' },
  { header: 'Nomor Sertifikat', field: 'evidence.number', type: 'string' },
  { header: 'Tanggal Sertifikat', field: 'evidence.date', type: 'date' },
  { header: 'Masa Berlaku Sertifikat', field: 'evidence.validUntil', type: 'date' },
  { header: 'Penerbit Sertifikat', field: 'evidence.issuer', type: 'string' },
  { header: 'Tempat Terbit Sertifikat', field: 'evidence.placeIssued', type: 'string' },
  { header: 'Status', field: 'status', type: 'string' },
];

/** Import template for employees. */
export const employeeColumns: Column[] = [
  { header: 'NIP', field: 'nip', type: 'string' },
  { header: 'NIPPPK', field: 'nipppk', type: 'string' },
  { header: 'ID Internal', field: 'internalId', type: 'string' },
  { header: 'Nama', field: 'name', type: 'string', required: true },
  { header: 'Jenis Pegawai', field: 'kind', type: 'string', required: true },
  { header: 'Pangkat', field: 'pangkat', type: 'string' },
  { header: 'Golongan', field: 'golongan', type: 'string' },
  { header: 'Jabatan', field: 'positionTitle', type: 'string' },
  { header: 'Jenis Jabatan', field: 'positionKind', type: 'string' },
  { header: 'Jenjang Jabatan', field: 'positionLevel', type: 'string' },
  { header: 'Unit Kerja', field: 'unit', type: 'string' },
  { header: 'Tempat Lahir', field: 'birthPlace', type: 'string' },
  { header: 'Tanggal Lahir', field: 'birthDate', type: 'date' },
  { header: 'TMT PNS', field: 'tmtPns', type: 'date' },
  { header: 'Jenis Kelamin', field: 'gender', type: 'string' },
  { header: 'Pendidikan', field: 'education', type: 'string' },
  { header: 'NIP Atasan', field: 'supervisorNip', type: 'string' },
];

export type ImportType = 'activities' | 'employees';
const columnsOf = (type: ImportType) => (type === 'activities' ? activityColumns : employeeColumns);

const TRUE = new Set(['ya', 'y', 'true', '1', 'yes']);
const FALSE = new Set(['tidak', 't', 'false', '0', 'no']);
const normaliseHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, ' ');
const methodByName = new Map<string, string>([
  ...learningMethodCodes.map((c) => [c, c] as const),
  ...learningMethodCodes.map((c) => [learningMethods[c].label.id.toLowerCase(), c] as const),
]);

function set(record: Record<string, unknown>, path: string, value: unknown) {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) record[head] = value;
  else record[head] = { ...(record[head] as object | undefined), [tail]: value };
}

/**
 * Turns table rows (header + cells) into records, all or nothing: every bad cell and every record
 * that fails the schema is reported with its row number, column header and a bilingual message.
 */
export function importRows(header: string[], rows: { line: number; cells: string[] }[], type: ImportType): Result<unknown[]> {
  const columns = columnsOf(type);
  const problems: Problem[] = [];
  const at = (row: number, column: string, code: string, id: string, en: string): Problem => ({
    path: [row, column],
    row,
    column,
    code,
    message: { id: `Baris ${row}, kolom "${column}": ${id}`, en: `Row ${row}, column "${column}": ${en}` },
  });
  const index = new Map(header.map((h, i) => [normaliseHeader(h), i]));
  const known = new Set(columns.map((c) => normaliseHeader(c.header)));
  for (const c of columns.filter((c) => c.required && !index.has(normaliseHeader(c.header)))) {
    problems.push({
      path: [1, c.header],
      row: 1,
      column: c.header,
      code: 'import.missing_column',
      message: { id: `Kolom wajib "${c.header}" tidak ada di baris judul`, en: `Required column "${c.header}" is missing from the header` },
    });
  }
  header.forEach((h) => {
    if (h.trim() !== '' && !known.has(normaliseHeader(h)))
      problems.push({
        path: [1, h],
        row: 1,
        column: h,
        code: 'import.unknown_column',
        message: { id: `Kolom "${h}" tidak dikenal`, en: `Unknown column "${h}"` },
      });
  });
  if (problems.length > 0) return fail(...problems);
  const schema = type === 'activities' ? LearningActivity : Employee;
  const records: unknown[] = [];
  for (const { line, cells } of rows) {
    const record: Record<string, unknown> = {};
    const before = problems.length;
    for (const c of columns) {
      const i = index.get(normaliseHeader(c.header));
      const raw = i === undefined ? '' : (cells[i] ?? '').trim();
      if (raw === '') continue;
      switch (c.type) {
        case 'number': {
          const n = Number(raw.replace(',', '.'));
          if (Number.isFinite(n)) set(record, c.field, n);
          else problems.push(at(line, c.header, 'import.not_a_number', `"${raw}" bukan angka`, `"${raw}" is not a number`));
          break;
        }
        case 'boolean': {
          const v = raw.toLowerCase();
          if (TRUE.has(v)) set(record, c.field, true);
          else if (FALSE.has(v)) set(record, c.field, false);
          else problems.push(at(line, c.header, 'import.not_yes_no', `"${raw}" bukan Ya/Tidak`, `"${raw}" is not yes/no`));
          break;
        }
        case 'date': {
          const iso = parseDate(raw);
          if (iso) set(record, c.field, iso);
          else
            problems.push(
              at(
                line,
                c.header,
                'import.bad_date',
                `"${raw}" bukan tanggal (dd-mm-yyyy, dd/mm/yyyy atau yyyy-mm-dd)`,
                `"${raw}" is not a date (dd-mm-yyyy, dd/mm/yyyy or yyyy-mm-dd)`,
              ),
            );
          break;
        }
        case 'method': {
          const code = methodByName.get(raw.toLowerCase());
          if (code) set(record, c.field, code);
          else problems.push(at(line, c.header, 'import.unknown_method', `metode "${raw}" tidak dikenal`, `unknown method "${raw}"`));
          break;
        }
        default:
          set(record, c.field, raw);
      }
    }
    if (type === 'activities' && record['evidence'] && !(record['evidence'] as Record<string, unknown>)['kind'])
      set(record, 'evidence.kind', 'sertifikat');
    const parsed = parseWith(schema, record);
    if (parsed.ok) records.push(parsed.value);
    else {
      // A cell already reported (e.g. a bad date) is not reported again as a missing field.
      const reported = new Set(problems.slice(before).map((p) => p.column));
      for (const p of parsed.problems) {
        const field = p.path.join('.');
        const column = columns.find((c) => c.field === field)?.header ?? field;
        if (!reported.has(column)) problems.push(at(line, column, p.code, p.message.id, p.message.en));
      }
    }
  }
  return problems.length > 0 ? fail(...problems) : ok(records);
}

/** Imports a CSV (`,` or `;`, BOM tolerated) in the template's layout. */
export function importCsv(text: string, type: ImportType): Result<unknown[]> {
  const table = parseCsv(text);
  if (table.header.length === 0) return fail({ path: [], code: 'import.empty', message: { id: 'Berkas kosong', en: 'The file is empty' } });
  return importRows(table.header, table.rows, type);
}

/** Writes activities in the import template (CSV): export → import gives the same activities. */
export function activitiesToTemplateCsv(activities: readonly LearningActivity[], separator: ',' | ';' = ','): string {
  const value = (a: LearningActivity, c: Column): string | number | boolean | undefined => {
    const [head, tail] = c.field.split('.') as [string, string | undefined];
    const v =
      tail === undefined
        ? (a as Record<string, unknown>)[head]
        : ((a as Record<string, unknown>)[head] as Record<string, unknown> | undefined)?.[tail];
    if (v === undefined || v === null) return undefined;
    if (c.type === 'boolean') return v ? 'Ya' : 'Tidak';
    if (c.type === 'date') return toDmy(String(v));
    return v as string | number;
  };
  return toCsv([activityColumns.map((c) => c.header), ...activities.map((a) => activityColumns.map((c) => value(a, c)))], separator);
}
