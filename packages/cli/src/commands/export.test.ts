import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleData, runCli } from '../test/capture.js';

const tmp = mkdtempSync(join(tmpdir(), 'bangkom-export-'));
const office = JSON.parse(readFileSync(exampleData('office.json'), 'utf8')) as {
  employees: { kind: string; nip?: string; nipppk?: string; internalId?: string }[];
  activities: { nip: string; status?: string }[];
};

describe('bangkom export', () => {
  it('siasn: a JSON array of save bodies for the verified ASN activities', async () => {
    const { code, stdout } = await runCli(['export', 'siasn', exampleData('office.json'), '--context', exampleData('siasn-context.json')]);
    expect(code).toBe(0);
    const payloads = JSON.parse(stdout) as { kind: string; endpoint: string; body: Record<string, unknown> }[];
    const tkk = new Set(office.employees.filter((e) => e.kind === 'TKK').map((e) => e.internalId));
    expect(payloads).toHaveLength(office.activities.filter((a) => (a.status ?? 'verified') === 'verified' && !tkk.has(a.nip)).length);
    for (const p of payloads) expect(p.endpoint).toBe(p.kind === 'diklat' ? '/apisiasn/1.0/diklat/save' : '/apisiasn/1.0/kursus/save');
  });

  it('myasn: CSV with NIP and name, the nine form fields and a note', async () => {
    const { code, stdout } = await runCli(['export', 'myasn', exampleData('office.json'), '--format', 'csv']);
    expect(code).toBe(0);
    expect(stdout.split('\r\n')[0]).toBe(
      'NIP,Nama,Jenis Diklat,Nama Diklat,Institusi Penyelenggara,Nomor Sertifikat,Tahun Diklat,Tanggal Mulai,Tanggal Selesai,Durasi (Jam),Rumpun Diklat,Catatan',
    );
  });

  it('kartu-data and monitoring: XLSX and PDF files that open', async () => {
    const xlsx = join(tmp, 'kartu.xlsx');
    const pdf = join(tmp, 'kartu.pdf');
    const monitoring = join(tmp, 'monitoring.xlsx');
    expect((await runCli(['export', 'kartu-data', exampleData('office.json'), '--nip', '199001152015032004', '--out', xlsx])).code).toBe(0);
    expect((await runCli(['export', 'kartu-data', exampleData('office.json'), '--nip', '199001152015032004', '--out', pdf])).code).toBe(0);
    expect((await runCli(['export', 'monitoring', exampleData('office.json'), '--out', monitoring])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets[0]!.getCell('A1').value).toBe('KARTU DATA PENGEMBANGAN KOMPETENSI');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await wb.xlsx.readFile(monitoring);
    expect(wb.worksheets[0]!.getCell('B3').value).toBe('NAMA');
  });

  it('refuses a missing --nip, a wrong extension and an unknown export', async () => {
    expect((await runCli(['export', 'kartu-data', exampleData('office.json'), '--out', join(tmp, 'x.xlsx')])).code).toBe(2);
    expect(
      (await runCli(['export', 'kartu-data', exampleData('office.json'), '--nip', '199001152015032004', '--out', join(tmp, 'x.doc')])).code,
    ).toBe(2);
    expect((await runCli(['export', 'word', exampleData('office.json')])).code).toBe(2);
  });
});

describe('bangkom import and reconcile', () => {
  it('imports the template CSV', async () => {
    const { code, stdout } = await runCli(['import', exampleData('import-activities.csv'), '--type', 'activities']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).activities).toHaveLength(6);
  });

  it('exits 2 with every bad row on stderr', async () => {
    const { code, stdout, stderr } = await runCli(['import', exampleData('import-activities-bad.csv'), '--type', 'activities']);
    expect([code, stdout]).toEqual([2, '']);
    expect(JSON.parse(stderr).errors.map((e: { row: number; column: string }) => [e.row, e.column])).toEqual([
      [2, 'Tanggal Mulai'],
      [3, 'Metode'],
      [3, 'Luar Negeri'],
    ]);
  });

  it('reconciles with SIASN: the three kinds of difference', async () => {
    const { code, stdout } = await runCli(['reconcile', exampleData('office.json'), exampleData('siasn-history.json')]);
    expect(code).toBe(0);
    const r = JSON.parse(stdout);
    expect(r.missingInSiasn.length).toBeGreaterThan(0);
    expect(r.missingLocally.map((m: { id: string }) => m.id)).toEqual(['siasn-kursus-K99']);
    expect(r.different.length).toBeGreaterThan(0);
  });
});
