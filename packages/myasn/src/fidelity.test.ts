import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { kartuDataXlsx, MONITORING_HEADERS } from './documents.js';
import { myAsnFormCsv } from './form.js';
import { myAsnForm, reconcileWithSiasn } from './office.js';
import { officeKartuData, officeMonitoring } from './office-documents.js';

/** Budget of the document tests (XLSX/PDF written and read back) on a busy 2-core machine. */
const HEAVY_TEST_BUDGET_MS = 60_000;

const NIP = '198503122010011004';
const coaching = (id: string, date: string, sessions: number) => ({
  id,
  nip: NIP,
  method: 'coaching',
  title: `Coaching ${id}`,
  organizer: 'Bidang Bina Marga',
  startDate: date,
  endDate: date,
  sessions,
  evidence: { kind: 'surat_keterangan', number: `C-${id}` },
});
const officeFile = {
  employees: [
    { nip: NIP, name: 'Budi Santoso', kind: 'PNS', unit: 'Bidang Bina Marga' },
    { internalId: 'TKK-0001', name: 'Yohanes Lung', kind: 'TKK', unit: 'Sekretariat' },
  ],
  activities: [
    coaching('c1', '2025-03-03', 2),
    coaching('c2', '2025-03-17', 2),
    {
      id: 't1',
      nip: 'TKK-0001',
      method: 'pelatihan_teknis',
      title: 'Pelatihan operator',
      organizer: 'Balai',
      startDate: '2025-04-01',
      endDate: '2025-04-02',
      statedJp: 16,
      evidence: { kind: 'sertifikat', number: 'T-1' },
    },
    {
      id: 'l1',
      nip: NIP,
      method: 'pelatihan_struktural_kepemimpinan',
      title: 'Pelatihan Kepemimpinan Pengawas',
      organizer: 'BPSDM Provinsi',
      startDate: '2025-05-05',
      endDate: '2025-07-25',
      statedJp: 280,
      evidence: { kind: 'sertifikat', number: 'PKP-1' },
    },
  ],
};

async function cells(bytes: Uint8Array): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return rows;
}

describe('MyASN fidelity', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('reconcile does not list TKK activities as missing in SIASN (TKK are never sent)', () => {
    const result = reconcileWithSiasn(officeFile, { diklat: [], kursus: [] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.value.missingInSiasn.map((m) => m.id).sort()).toEqual(['c1', 'c2', 'l1']);
  });

  it('Kartu Data rows show the JP that counts and mark a capped row with the cap’s citation, so rows add up to section C', () => {
    const card = officeKartuData(officeFile, NIP);
    if (!card.ok) throw new Error(JSON.stringify(card.problems));
    // [K] IV.D.1.j: at most 3 coaching sessions a month count; c2 keeps 1 of its 2 sessions.
    const c2 = card.value.rows.find((r) => r.name === 'Coaching c2')!;
    expect(c2.jp).toBe(2);
    expect(c2.cap).toContain('[K] IV.D.1.j');
    expect(card.value.rows.find((r) => r.name === 'Coaching c1')!.cap).toBeUndefined();
    const rowsTotal = card.value.rows.filter((r) => r.year === 2025).reduce((n, r) => n + r.jp, 0);
    expect(card.value.yearlyTotals).toEqual([{ year: 2025, jp: rowsTotal }]);
  });

  it('Kartu Data carries the declaration and signature block of [K] III.B', async () => {
    const card = officeKartuData(officeFile, NIP, { place: 'Sendawar', date: '2026-01-05' });
    if (!card.ok) throw new Error('card');
    const rows = (await cells(await kartuDataXlsx(card.value))).map((r) => r.join(' | '));
    expect(rows).toContain(
      'Dengan ini saya menyatakan informasi yang telah saya sampaikan adalah benar dan dapat dipertanggung-jawabkan dan telah di upload sebagai bukti dukung e-kinerja dan MyASN.',
    );
    const text = rows.join('\n');
    expect(text).toContain('Mengetahui,');
    expect(text).toContain('Pegawai yang melaporkan,');
    expect(text).toContain('Sendawar, 5 Januari 2026');
    expect(text).toContain(`NIP. ${NIP}`);
  });

  it('MyASN rows carry NIP and name; rumpun is empty and flagged when unknown', () => {
    const rows = myAsnForm(officeFile);
    if (!rows.ok) throw new Error('form');
    const leadership = rows.value.find((r) => r['Nama Diklat'] === 'Pelatihan Kepemimpinan Pengawas')!;
    expect(leadership['NIP']).toBe(NIP);
    expect(leadership['Nama']).toBe('Budi Santoso');
    expect(leadership['Rumpun Diklat']).toBe('');
    expect(leadership['Catatan']).toBe('isi rumpun');
    expect(myAsnFormCsv(rows.value).split('\n')[0]).toMatch(/^NIP,Nama,Jenis Diklat/);
  });

  it('the monitoring sheet carries NIP next to the name', () => {
    const rows = officeMonitoring(officeFile);
    if (!rows.ok) throw new Error('monitoring');
    expect(MONITORING_HEADERS.slice(0, 3)).toEqual(['NO', 'NAMA', 'NIP']);
    expect(rows.value.find((r) => r.activity === 'Coaching c1')).toMatchObject({ name: 'Budi Santoso', nip: NIP });
  });
});
