import type { LearningActivity } from '@bangkom/domain';
import { LearningActivity as ActivitySchema } from '@bangkom/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import office from '../../../examples/data/office.json' with { type: 'json' };
import { activitiesToTemplateCsv, employeeChoices, employeeTemplateCsv, importCsv, readRows } from './template.js';
import { employeeTemplateXlsx, importXlsx, xlsxTable } from './template-xlsx.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

const header =
  'ID;NIP;Metode;Nama Kegiatan;Penyelenggara;Luar Negeri;Tanggal Mulai;Tanggal Selesai;Jumlah Pertemuan;Nomor Sertifikat;Status';

describe('CSV import', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('reads ";" separators, a BOM, dd/mm/yyyy and dd-mm-yyyy dates, labels for methods and Ya/Tidak', () => {
    const csv = `\uFEFF${header}\r\nA1;198503122010011004;Seminar/konferensi/sarasehan;Seminar Jalan;Ditjen BM;Tidak;06/05/2025;07-05-2025;;12/S/2025;verified\r\nA2;198503122010011004;coaching;Coaching SKP;Dinas PUPR;ya;2025-06-02;2025-06-02;3;;\r\n`;
    const result = importCsv(csv, 'activities');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject([
      {
        id: 'A1',
        method: 'seminar',
        international: false,
        startDate: '2025-05-06',
        endDate: '2025-05-07',
        evidence: { kind: 'sertifikat', number: '12/S/2025' },
        status: 'verified',
      },
      { id: 'A2', method: 'coaching', international: true, sessions: 3, status: 'verified' },
    ]);
  });

  it('reports every bad row with its row number and column, and imports nothing', () => {
    const csv = [
      header,
      'A1;198503122010011004;seminar;Ok;X;Tidak;06/05/2025;06/05/2025;;;',
      'A2;198503122010011004;ngopi;Bad method;X;Tidak;06/05/2025;06/05/2025;;;',
      'A3;198503122010011004;seminar;Bad date;X;mungkin;31/02/2025;06/05/2025;;;',
    ].join('\n');
    const result = importCsv(csv, 'activities');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'Metode', 'import.unknown_method'],
      [4, 'Luar Negeri', 'import.not_yes_no'],
      [4, 'Tanggal Mulai', 'import.bad_date'],
    ]);
    for (const p of result.problems) expect(p.message.id).toMatch(/^Baris \d+/);
  });

  it('refuses a file without the required columns', () => {
    const result = importCsv('Nama;Unit\nBudi;Sekretariat\n', 'activities');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['import.missing_column', 'import.unknown_column']),
    );
  });

  it('imports employees', () => {
    const csv = 'NIP;Nama;Jenis Pegawai;Unit Kerja;Tanggal Lahir;Jenis Kelamin\n198503122010011004;Budi;PNS;Bina Marga;12-03-1985;L\n';
    const result = importCsv(csv, 'employees');
    expect(result.ok && result.value).toEqual([
      expect.objectContaining({ nip: '198503122010011004', name: 'Budi', kind: 'PNS', birthDate: '1985-03-12' }),
    ]);
  });

  it('reads the words HR writes for coded values, in any case, and derives the position kind from the level', () => {
    const csv = [
      'NIP;Nama;Jenis Pegawai;Jenis Jabatan;Jenjang Jabatan;Unit Kerja;Jenis Kelamin;Pendidikan',
      '198503122010011004;Budi;pns;Fungsional;AHLI PERTAMA;Sekretariat;Laki-laki;S-1',
      '198601012010012005;Sri;PNS;;Pelaksana;Sekretariat;perempuan;D-III',
      '198701012010011006;Andi;PNS;jabatan pimpinan tinggi;jpt_pratama;Sekretariat;L;Magister',
    ].join('\n');
    const result = importCsv(csv, 'employees');
    expect(result.ok && result.value).toEqual([
      expect.objectContaining({ kind: 'PNS', positionKind: 'fungsional', positionLevel: 'jf_ahli_pertama', gender: 'L', education: 'S1' }),
      expect.objectContaining({ positionKind: 'administrasi', positionLevel: 'pelaksana', gender: 'P', education: 'D3' }),
      expect.objectContaining({ positionKind: 'jpt', positionLevel: 'jpt_pratama', gender: 'L', education: 'S2' }),
    ]);
    // Every code is also a label of itself, and no label names two codes.
    for (const choices of Object.values(employeeChoices)) {
      const labels = choices.flatMap((c) => c.labels.map((l) => l.toLowerCase()));
      expect(new Set(labels).size).toBe(labels.length);
    }
  });

  it('reports every bad cell of every row at once, in plain words with the row and column', () => {
    const csv = [
      'NIP;Nama;Jenis Pegawai;Jenjang Jabatan;Golongan;Tanggal Lahir',
      '12345;Budi;PNS;Ahli Pertama;III/a;1985-03-12',
      '198601012010012005;;PNS;Kepala;3a;31-02-1986',
      '198701012010011006;Andi;Pegawai Tetap;Pelaksana;;',
    ].join('\n');
    const { records, problems } = readRows(
      csv.split('\n')[0]!.split(';'),
      csv
        .split('\n')
        .slice(1)
        .map((l, i) => ({ line: i + 2, cells: l.split(';') })),
      'employees',
    );
    expect(records).toEqual([]);
    const texts = problems.map((p) => p.message.id);
    expect(texts).toEqual([
      'Baris 2, kolom "NIP": NIP harus 18 angka tanpa spasi',
      expect.stringMatching(
        /^Baris 3, kolom "Jenjang Jabatan": "Kepala" tidak dikenal; pilih salah satu: Pimpinan Tinggi Utama, .*Ahli Pertama, Keterampilan$/,
      ),
      expect.stringMatching(/^Baris 3, kolom "Tanggal Lahir": "31-02-1986" bukan tanggal/),
      'Baris 3, kolom "Nama": wajib diisi',
      'Baris 3, kolom "Golongan": golongan ditulis seperti III/a (PNS) atau IX (PPPK)',
      expect.stringMatching(/^Baris 4, kolom "Jenis Pegawai": "Pegawai Tetap" tidak dikenal; pilih salah satu: PNS, PPPK, TKK$/),
    ]);
    // No pattern or code reaches the officer.
    for (const t of texts) expect(t).not.toMatch(/\^|\\d|regex|pola|jf_|schema\./);
  });

  it('gives templates (CSV and XLSX) whose example row and notes are not imported', async () => {
    const csv = employeeTemplateCsv();
    expect(csv).toContain('Ahli Pertama');
    expect(csv.split('\n')[1]).toContain('Contoh Nama Pegawai');
    const fromCsv = importCsv(csv, 'employees');
    expect(fromCsv).toEqual({ ok: true, value: [] });
    const xlsx = await employeeTemplateXlsx();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Pegawai', 'Nilai yang diterima']);
    expect(workbook.worksheets[0]!.getRow(2).getCell(1).value).toBe('199001012015031001');
    const allowed = workbook.worksheets[1]!.getColumn(2).values.join(' ');
    expect(allowed).toContain('Fungsional');
    expect(allowed).toContain('Laki-laki');
    expect(await importXlsx(xlsx, 'employees')).toEqual({ ok: true, value: [] });
  });

  it('never crashes on arbitrary input, and when it fails every bad data row is reported', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.string(), fc.constantFrom('seminar', '06/05/2025', 'Ya', '198503122010011004', ';', '"', '\n')), {
            minLength: 0,
            maxLength: 11,
          }),
          { maxLength: 8 },
        ),
        (rows) => {
          const csv = [header, ...rows.map((r) => r.join(';'))].join('\n');
          const result = importCsv(csv, 'activities');
          if (!result.ok) for (const p of result.problems) expect(typeof p.row).toBe('number');
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('round trip', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('export → import gives the same activities', () => {
    const activities = office.activities.map((a) => ActivitySchema.parse(a));
    const exported = activitiesToTemplateCsv(activities, ';');
    const result = importCsv(exported, 'activities');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // The uploaded file itself does not travel in a spreadsheet.
    const strip = (a: LearningActivity) => ({ ...a, ...(a.evidence ? { evidence: { ...a.evidence, file: undefined } } : {}) });
    expect(result.value.map((a) => strip(a as LearningActivity))).toEqual(activities.map(strip));
  });

  it('imports the same rows from an XLSX workbook, and reports a corrupt one', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Kegiatan');
    ws.addRow(['ID', 'NIP', 'Metode', 'Nama Kegiatan', 'Tanggal Mulai', 'Tanggal Selesai']);
    ws.addRow(['X1', '198503122010011004', 'workshop', 'Lokakarya BIM', '06/05/2025', new Date(Date.UTC(2025, 4, 7))]);
    const result = await importXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 'activities');
    expect(result.ok && result.value).toEqual([
      expect.objectContaining({ id: 'X1', method: 'workshop', startDate: '2025-05-06', endDate: '2025-05-07' }),
    ]);
    // An 18-digit NIP kept as a number has lost digits: it is read as the spreadsheet shows it, not as a wrong NIP.
    ws.addRow(['X2', Number('198503122010011004'), 'workshop', 'Lokakarya BIM', '06/05/2025', '07/05/2025']);
    const table = await xlsxTable(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(table.ok && table.value.rows.map((r) => r.cells[1])).toEqual(['198503122010011004', '1.98503122010011E+17']);
    const corrupt = await importXlsx(new TextEncoder().encode('not a zip'), 'activities');
    expect(corrupt.ok ? [] : corrupt.problems.map((p) => p.code)).toEqual(['import.bad_xlsx']);
  });
});
