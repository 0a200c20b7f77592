import type { LearningActivity } from '@bangkom/domain';
import { LearningActivity as ActivitySchema } from '@bangkom/domain';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import office from '../../../examples/data/office.json' with { type: 'json' };
import { activitiesToTemplateCsv, importCsv } from './template.js';
import { importXlsx } from './template-xlsx.js';

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
    const corrupt = await importXlsx(new TextEncoder().encode('not a zip'), 'activities');
    expect(corrupt.ok ? [] : corrupt.problems.map((p) => p.code)).toEqual(['import.bad_xlsx']);
  });
});
