import type { Problem, Result } from '@bangkom/domain';
import type { PositionLevel } from '@bangkom/domain';
import {
  Employee,
  LearningActivity,
  fail,
  learningMethodCodes,
  learningMethods,
  ok,
  parseCsv,
  parseWith,
  positionKindOf,
  toCsv,
} from '@bangkom/domain';
import { parseDate, toDmy } from './dates.js';

type CellType = 'string' | 'number' | 'boolean' | 'date' | 'method' | 'choice';
interface Column {
  header: string;
  /** `evidence.number` style paths build nested objects. */
  field: string;
  type: CellType;
  required?: boolean;
  /** What a value that does not fit the format must look like (in plain words). */
  format?: { id: string; en: string };
}

/**
 * The words HR officers write for a coded value of an employee, per field: the code itself and
 * its names, compared without case, spaces, dots or dashes ("Ahli Pertama", "ahli-pertama" and
 * `jf_ahli_pertama` are one value). The first label is the one the template shows.
 */
export const employeeChoices: Record<
  'kind' | 'positionKind' | 'positionLevel' | 'gender' | 'education',
  { code: string; labels: string[] }[]
> = {
  kind: [
    { code: 'PNS', labels: ['PNS', 'Pegawai Negeri Sipil'] },
    { code: 'PPPK', labels: ['PPPK', 'Pegawai Pemerintah dengan Perjanjian Kerja'] },
    { code: 'TKK', labels: ['TKK', 'Tenaga Kerja Kontrak', 'Tenaga Kontrak', 'Honorer', 'Non ASN'] },
  ],
  positionKind: [
    { code: 'jpt', labels: ['Pimpinan Tinggi', 'JPT', 'Jabatan Pimpinan Tinggi'] },
    { code: 'administrasi', labels: ['Administrasi', 'Jabatan Administrasi', 'Struktural'] },
    { code: 'fungsional', labels: ['Fungsional', 'Jabatan Fungsional', 'JF'] },
  ],
  positionLevel: [
    { code: 'jpt_utama', labels: ['Pimpinan Tinggi Utama', 'JPT Utama'] },
    { code: 'jpt_madya', labels: ['Pimpinan Tinggi Madya', 'JPT Madya', 'Eselon I'] },
    { code: 'jpt_pratama', labels: ['Pimpinan Tinggi Pratama', 'JPT Pratama', 'Eselon II'] },
    { code: 'administrator', labels: ['Administrator', 'Eselon III'] },
    { code: 'pengawas', labels: ['Pengawas', 'Eselon IV'] },
    { code: 'pelaksana', labels: ['Pelaksana', 'Staf'] },
    { code: 'jf_ahli_utama', labels: ['Ahli Utama'] },
    { code: 'jf_ahli_madya', labels: ['Ahli Madya'] },
    { code: 'jf_ahli_muda', labels: ['Ahli Muda'] },
    { code: 'jf_ahli_pertama', labels: ['Ahli Pertama'] },
    { code: 'jf_keterampilan', labels: ['Keterampilan', 'Pemula', 'Terampil', 'Mahir', 'Penyelia'] },
  ],
  gender: [
    { code: 'L', labels: ['Laki-laki', 'L', 'Pria'] },
    { code: 'P', labels: ['Perempuan', 'P', 'Wanita'] },
  ],
  education: [
    { code: 'SD', labels: ['SD', 'Sekolah Dasar'] },
    { code: 'SMP', labels: ['SMP', 'SLTP', 'MTs'] },
    { code: 'SMA', labels: ['SMA', 'SLTA', 'SMK', 'SMU', 'MA'] },
    { code: 'D1', labels: ['D1', 'D-I', 'Diploma I', 'Diploma 1'] },
    { code: 'D2', labels: ['D2', 'D-II', 'Diploma II', 'Diploma 2'] },
    { code: 'D3', labels: ['D3', 'D-III', 'Diploma III', 'Diploma 3'] },
    { code: 'D4', labels: ['D4', 'D-IV', 'Diploma IV', 'Diploma 4', 'Sarjana Terapan'] },
    { code: 'S1', labels: ['S1', 'S-1', 'Sarjana'] },
    { code: 'S2', labels: ['S2', 'S-2', 'Magister'] },
    { code: 'S3', labels: ['S3', 'S-3', 'Doktor'] },
  ],
};
type ChoiceField = keyof typeof employeeChoices;
const choiceKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s._\-/]+/g, '');
const choiceCode = new Map(
  Object.entries(employeeChoices).map(([field, choices]) => [
    field,
    new Map(choices.flatMap((c) => [c.code, ...c.labels].map((l) => [choiceKey(l), c.code] as const))),
  ]),
);
/** The value names the template lists for a field ("Ahli Pertama, Ahli Muda, …"). */
export const choiceLabels = (field: ChoiceField) => employeeChoices[field].map((c) => c.labels[0]!);

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
  {
    header: 'NIP',
    field: 'nip',
    type: 'string',
    format: { id: 'NIP harus 18 angka tanpa spasi', en: 'a NIP is 18 digits without spaces' },
  },
  {
    header: 'NIPPPK',
    field: 'nipppk',
    type: 'string',
    format: { id: 'NI PPPK harus 18 angka tanpa spasi', en: 'an NI PPPK is 18 digits without spaces' },
  },
  { header: 'ID Internal', field: 'internalId', type: 'string' },
  { header: 'Nama', field: 'name', type: 'string', required: true },
  { header: 'Jenis Pegawai', field: 'kind', type: 'choice', required: true },
  { header: 'Pangkat', field: 'pangkat', type: 'string' },
  {
    header: 'Golongan',
    field: 'golongan',
    type: 'string',
    format: { id: 'golongan ditulis seperti III/a (PNS) atau IX (PPPK)', en: 'write the golongan as III/a (PNS) or IX (PPPK)' },
  },
  { header: 'Jabatan', field: 'positionTitle', type: 'string' },
  { header: 'Jenis Jabatan', field: 'positionKind', type: 'choice' },
  { header: 'Jenjang Jabatan', field: 'positionLevel', type: 'choice' },
  { header: 'Unit Kerja', field: 'unit', type: 'string' },
  { header: 'Tempat Lahir', field: 'birthPlace', type: 'string' },
  { header: 'Tanggal Lahir', field: 'birthDate', type: 'date' },
  { header: 'TMT PNS', field: 'tmtPns', type: 'date' },
  { header: 'Jenis Kelamin', field: 'gender', type: 'choice' },
  { header: 'Pendidikan', field: 'education', type: 'choice' },
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

/** The example row of the employee template: a row equal to it is never imported (HR may leave it in). */
export const employeeExample: Record<string, string> = {
  NIP: '199001012015031001',
  Nama: 'Contoh Nama Pegawai',
  'Jenis Pegawai': 'PNS',
  Pangkat: 'Penata Muda',
  Golongan: 'III/a',
  Jabatan: 'Analis Sumber Daya Manusia Aparatur Ahli Pertama',
  'Jenis Jabatan': 'Fungsional',
  'Jenjang Jabatan': 'Ahli Pertama',
  'Unit Kerja': 'Sekretariat',
  'Tempat Lahir': 'Makassar',
  'Tanggal Lahir': '01-01-1990',
  'TMT PNS': '01-03-2015',
  'Jenis Kelamin': 'Laki-laki',
  Pendidikan: 'S1',
};

/** Plain words for a schema check that failed on a cell (the schema's own wording quotes patterns). */
const plainIssue = (code: string, column: Column): { id: string; en: string } | undefined => {
  switch (code) {
    case 'schema.invalid_type':
    case 'schema.too_small':
      return { id: 'wajib diisi', en: 'required' };
    case 'schema.invalid_format':
      return column.format ?? { id: 'isiannya tidak sesuai format', en: 'the value does not have the expected format' };
    case 'schema.invalid_value':
      return { id: 'bukan pilihan yang dikenal', en: 'not one of the accepted values' };
    default:
      return code.startsWith('schema.') ? { id: 'isiannya tidak dapat dibaca', en: 'the value cannot be read' } : undefined;
  }
};

/** A row to skip: empty, a note (first filled cell starts with "#"), or the template's example row. */
function skipped(cells: string[], index: Map<string, number>, type: ImportType): boolean {
  const first = cells.find((c) => c.trim() !== '');
  if (first === undefined || first.trim().startsWith('#')) return true;
  if (type !== 'employees') return false;
  return employeeColumns.every((c) => {
    const i = index.get(normaliseHeader(c.header));
    return (i === undefined ? '' : (cells[i] ?? '').trim()) === (employeeExample[c.header] ?? '');
  });
}

/**
 * Turns table rows (header + cells) into records, each with its row number, and the problems of
 * the rows that could not be read: every bad cell and every record that fails the schema, with its
 * row number, column header and a plain bilingual message ("Baris 4, kolom "Jenis Jabatan": …").
 * A problem with the header row comes alone (no row can be read then).
 */
export function readRows(
  header: string[],
  rows: { line: number; cells: string[] }[],
  type: ImportType,
): { records: { line: number; value: unknown }[]; problems: Problem[] } {
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
  const records: { line: number; value: unknown }[] = [];
  if (problems.length > 0) return { records, problems };
  const schema = type === 'activities' ? LearningActivity : Employee;
  for (const { line, cells } of rows) {
    if (skipped(cells, index, type)) continue;
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
                `"${raw}" bukan tanggal (tulis seperti 31-12-1990, 31/12/1990 atau 1990-12-31)`,
                `"${raw}" is not a date (write it as 31-12-1990, 31/12/1990 or 1990-12-31)`,
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
        case 'choice': {
          const field = c.field as ChoiceField;
          const code = choiceCode.get(field)?.get(choiceKey(raw));
          if (code) set(record, c.field, code);
          else {
            const allowed = choiceLabels(field).join(', ');
            problems.push(
              at(
                line,
                c.header,
                'import.unknown_choice',
                `"${raw}" tidak dikenal; pilih salah satu: ${allowed}`,
                `"${raw}" is not known; use one of: ${allowed}`,
              ),
            );
          }
          break;
        }
        default:
          set(record, c.field, raw);
      }
    }
    if (type === 'activities' && record['evidence'] && !(record['evidence'] as Record<string, unknown>)['kind'])
      set(record, 'evidence.kind', 'sertifikat');
    // A level names its kind: "Ahli Pertama" alone is a jabatan fungsional.
    if (type === 'employees' && record['positionLevel'] && !record['positionKind'])
      record['positionKind'] = positionKindOf(record['positionLevel'] as PositionLevel);
    const parsed = parseWith(schema, record);
    if (parsed.ok) {
      if (problems.length === before) records.push({ line, value: parsed.value });
    } else {
      // A cell already reported (e.g. a bad date) is not reported again as a missing field.
      const reported = new Set(problems.slice(before).map((p) => p.column));
      for (const p of parsed.problems) {
        const field = p.path.join('.');
        const column = columns.find((c) => c.field === field || c.field === String(p.path[0]));
        const header = column?.header ?? field;
        const plain = column ? plainIssue(p.code, column) : undefined;
        if (!reported.has(header)) problems.push(at(line, header, p.code, plain?.id ?? p.message.id, plain?.en ?? p.message.en));
        reported.add(header);
      }
    }
  }
  return { records, problems };
}

/** Turns table rows into records, all or nothing (see `readRows`). */
export function importRows(header: string[], rows: { line: number; cells: string[] }[], type: ImportType): Result<unknown[]> {
  const { records, problems } = readRows(header, rows, type);
  return problems.length > 0 ? fail(...problems) : ok(records.map((r) => r.value));
}

/** Imports a CSV (`,` or `;`, BOM tolerated) in the template's layout. */
export function importCsv(text: string, type: ImportType): Result<unknown[]> {
  const table = parseCsv(text);
  if (table.header.length === 0) return fail({ path: [], code: 'import.empty', message: { id: 'Berkas kosong', en: 'The file is empty' } });
  return importRows(table.header, table.rows, type);
}

/** The accepted values of the employee template, column by column (the CSV's notes and the XLSX's second sheet). */
export const employeeAllowedValues = (): { column: string; values: string }[] => [
  ...employeeColumns
    .filter((c) => c.type === 'choice')
    .map((c) => ({ column: c.header, values: choiceLabels(c.field as ChoiceField).join(', ') })),
  { column: 'Tanggal Lahir, TMT PNS', values: '31-12-1990, 31/12/1990 atau 1990-12-31' },
  { column: 'Unit Kerja', values: 'nama unit kerja seperti tertulis di aplikasi' },
  { column: 'NIP Atasan', values: 'NIP atasan langsung (pegawai yang sudah ada atau ada di berkas ini)' },
];

/** The employee template as CSV: the header, the example row, then the accepted values as notes ("#" lines are skipped). */
export function employeeTemplateCsv(): string {
  const header = employeeColumns.map((c) => c.header);
  return toCsv([
    header,
    header.map((h) => employeeExample[h] ?? ''),
    [],
    ['# Nilai yang diterima (baris yang diawali # dan baris contoh di atas tidak diimpor)'],
    ...employeeAllowedValues().map((v) => [`# ${v.column}: ${v.values}`]),
  ]);
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
