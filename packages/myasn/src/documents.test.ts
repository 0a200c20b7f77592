import ExcelJS from 'exceljs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import office from '../../../examples/data/office.json' with { type: 'json' };
import { computeJp } from '@bangkom/jp';
import { KARTU_HEADERS, kartuDataPdf, kartuDataXlsx, MONITORING_HEADERS, monitoringXlsx } from './documents.js';
import { officeKartuData, officeMonitoring } from './office-documents.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

const NIP = '199001152015032004'; // Dewi Lestari in the example office

/** Text drawn in a PDF made with the standard fonts: the hex strings of TJ operators, per (inflated) content stream. */
function pdfText(pdf: Uint8Array): string {
  const raw = Buffer.from(pdf).toString('latin1');
  const streams: string[] = [];
  const re = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    const bytes = Buffer.from(raw.slice(start, end), 'latin1');
    try {
      streams.push(inflateSync(bytes).toString('latin1'));
    } catch {
      streams.push(bytes.toString('latin1'));
    }
  }
  const lines: string[] = [];
  for (const s of streams) {
    for (const tj of s.matchAll(/\[(.*?)\]\s*TJ/gs)) {
      lines.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return lines.join('\n');
}

describe('Kartu Data', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  const card = officeKartuData(office, NIP, { place: 'Sendawar', date: '2026-01-05' });
  if (!card.ok) throw new Error(JSON.stringify(card.problems));
  const computed = computeJp(office);
  if (!computed.ok) throw new Error('fixture');
  const verified = office.activities.filter((a) => a.nip === NIP && (a.status ?? 'verified') === 'verified');

  it('lists the verified activities with the JP that counts and the yearly totals of section C', () => {
    expect(card.value.rows.map((r) => r.name).sort()).toEqual(verified.map((a) => a.title).sort());
    for (const r of card.value.rows) {
      const a = verified.find((x) => x.title === r.name)!;
      expect(r.jp).toBe(computed.value.results.find((x) => x.id === a.id)!.jp);
    }
    const summary = computed.value.summaries.find((s) => s.nip === NIP && s.year === 2025)!;
    expect(card.value.yearlyTotals).toEqual([{ year: 2025, jp: summary.jp }]);
  });

  it('writes an XLSX whose cells carry the card, read back cell by cell', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await kartuDataXlsx(card.value)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
    expect(rows[0]![0]).toBe('KARTU DATA PENGEMBANGAN KOMPETENSI');
    expect(rows).toContainEqual(['Nama Lengkap', 'Dewi Lestari, S.T.']);
    expect(rows).toContainEqual(['NIP/NIPPPK', NIP]);
    const headerIndex = rows.findIndex((r) => r[0] === KARTU_HEADERS[0] && r[1] === KARTU_HEADERS[1]);
    expect(rows[headerIndex]).toEqual([...KARTU_HEADERS]);
    const first = card.value.rows[0]!;
    expect(rows[headerIndex + 1]).toEqual([
      String(first.no),
      first.name,
      String(first.year),
      first.period,
      String(first.jp),
      first.certificate,
      first.validUntil,
      first.placeIssued,
      first.kind,
      first.copyAttached,
      first.uploadedToMyAsn,
    ]);
    const totals = rows.findIndex((r) => r[0] === 'Tahun');
    expect(rows[totals + 1]).toEqual(['2025', String(card.value.yearlyTotals[0]!.jp)]);
    expect(rows.some((r) => r[0]?.startsWith('Dengan ini saya menyatakan'))).toBe(true);
    expect(rows.some((r) => r[1] === 'Sendawar, 5 Januari 2026')).toBe(true);
  });

  it('writes a PDF with the same content, in Indonesian date format', async () => {
    const pdf = await kartuDataPdf(card.value, { compress: false });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('KARTU DATA PENGEMBANGAN KOMPETENSI');
    expect(text).toContain('Dewi Lestari, S.T.');
    // Section A is the same in the PDF as in the workbook, unit included ([K] III.B).
    expect(text).toContain(`: ${card.value.employee.unit}`);
    expect(text).toContain(`Tahun 2025: ${card.value.yearlyTotals[0]!.jp} JP`);
    for (const r of card.value.rows) expect(text).toContain(r.name.slice(0, 20));
    expect(text).toMatch(/\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember) 2025/);
    expect(text).toContain('Sendawar, 5 Januari 2026');
  });

  it('refuses an unknown NIP', () => {
    const result = officeKartuData(office, '000000000000000000');
    expect(result.ok ? [] : result.problems.map((p) => p.code)).toEqual(['myasn.unknown_employee']);
  });
});

describe('monitoring sheet', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('has the columns of [K] III.A and a row per non-draft activity', async () => {
    const rows = officeMonitoring(office);
    if (!rows.ok) throw new Error('fixture');
    expect(rows.value.length).toBe(office.activities.filter((a) => a.status !== 'draft').length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await monitoringXlsx(rows.value)) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...MONITORING_HEADERS]);
    const first = rows.value[0]!;
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual([
      1,
      first.name,
      first.nip,
      first.unit,
      first.activity,
      first.timeAndPlace,
      first.presented,
      first.category,
    ]);
    expect(ws.rowCount).toBe(3 + rows.value.length);
  });
});
