import type { Employee, LearningActivity } from '@bangkom/domain';
import { employeeId } from '@bangkom/domain';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { toIndonesianDate } from './dates.js';
import type { SiasnReference } from './reference.js';
import { jenisDiklat, siasnReference } from './reference.js';

/** One row of section B of the Kartu Data ([K] III.B). */
export interface KartuDataRow {
  no: number;
  name: string;
  year: number;
  period: string;
  jp: number;
  certificate: string;
  validUntil: string;
  placeIssued: string;
  kind: string;
  copyAttached: 'Ya' | 'Tidak';
  uploadedToMyAsn: 'Ya' | 'Tidak';
  /** When a limit took JP from the row: what it was worth and the limit's citation, so rows add up to section C. */
  cap?: string;
}

/** Everything the Kartu Data Pengembangan Kompetensi of one employee shows ([K] III.B). */
export interface KartuData {
  employee: { name: string; nip: string; pangkatGolongan: string; birth: string; gender: string; unit: string };
  rows: KartuDataRow[];
  /** Section C: JP that counted per year (after the JP engine's limits). */
  yearlyTotals: { year: number; jp: number }[];
  /** The signature block of [K] III.B: the head who acknowledges ("Mengetahui,") and the reporting employee. */
  signature: { place: string; date: string; headTitle: string; headName: string; headNip: string; employeePosition: string };
}

export const KARTU_HEADERS = [
  'No',
  'Nama Pengembangan Kompetensi',
  'Tahun',
  'Lama (Tgl/Bln/Thn s.d. Tgl/Bln/Thn)',
  'Lamanya (JP)',
  'Nomor dan Tanggal Sertifikat',
  'Masa Berlaku Sertifikat',
  'Tempat Terbit Sertifikat',
  'Jenis Pengembangan Kompetensi',
  'Salinan Terlampir (Ya/Tidak)',
  'Telah diupload pada MyASN (Ya/Tidak)',
] as const;

export interface KartuDataInput {
  employee: Employee;
  /**
   * Verified activities of the employee with the JP that counts (after the JP engine's limits) and,
   * for a row a limit reduced, what it was worth and the limits that took JP.
   */
  activities: {
    activity: LearningActivity;
    jp: number;
    cap?: { convertedJp: number; limitedBy: { citation: string }[] };
  }[];
  yearlyTotals: { year: number; jp: number }[];
  place?: string;
  date?: string;
  headTitle?: string;
  headName?: string;
  headNip?: string;
  reference?: SiasnReference;
}

export function kartuData(input: KartuDataInput): KartuData {
  const e = input.employee;
  const ref = input.reference ?? siasnReference;
  const rows = input.activities
    .filter(({ activity }) => activity.status === 'verified')
    .sort((x, y) => (x.activity.startDate < y.activity.startDate ? -1 : x.activity.startDate > y.activity.startDate ? 1 : 0))
    .map(({ activity: a, jp, cap }, i): KartuDataRow => ({
      no: i + 1,
      name: a.title,
      year: Number(a.endDate.slice(0, 4)),
      period: `${toIndonesianDate(a.startDate)} s.d. ${toIndonesianDate(a.endDate)}`,
      jp,
      certificate: [a.evidence?.number, a.evidence?.date ? toIndonesianDate(a.evidence.date) : undefined].filter(Boolean).join(', '),
      validUntil: a.evidence?.validUntil ? toIndonesianDate(a.evidence.validUntil) : '-',
      placeIssued: a.evidence?.placeIssued ?? '-',
      kind: jenisDiklat(ref.methodToJenisDiklat[a.method], ref)?.name ?? a.method,
      copyAttached: a.evidence?.file ? 'Ya' : 'Tidak',
      uploadedToMyAsn: a['uploadedToMyAsn'] === true || typeof a['siasnId'] === 'string' ? 'Ya' : 'Tidak',
      ...(cap && cap.convertedJp !== jp
        ? { cap: `${cap.convertedJp} JP dibatasi menjadi ${jp} JP (${cap.limitedBy.map((l) => l.citation).join('; ')})` }
        : {}),
    }));
  return {
    employee: {
      name: e.name,
      nip: employeeId(e),
      pangkatGolongan: [e.pangkat, e.golongan].filter(Boolean).join(', ') || '-',
      birth: [e.birthPlace, e.birthDate ? toIndonesianDate(e.birthDate) : undefined].filter(Boolean).join(', ') || '-',
      gender: e.gender === 'L' ? 'Laki-laki' : e.gender === 'P' ? 'Perempuan' : '-',
      unit: e.unit ?? '-',
    },
    rows,
    yearlyTotals: [...input.yearlyTotals].sort((a, b) => a.year - b.year),
    signature: {
      place: input.place ?? '',
      date: input.date ? toIndonesianDate(input.date) : '',
      headTitle: input.headTitle ?? 'Kepala Dinas',
      headName: input.headName ?? '',
      headNip: input.headNip ?? '',
      employeePosition: e.positionTitle ?? '',
    },
  };
}

/** The declaration of the Kartu Data form, word for word ([K] III.B). */
export const KARTU_DECLARATION =
  'Dengan ini saya menyatakan informasi yang telah saya sampaikan adalah benar dan dapat dipertanggung-jawabkan dan telah di upload sebagai bukti dukung e-kinerja dan MyASN.';

/** Notes under section B: the rows a limit reduced, with the limit's citation. */
const capNotes = (card: KartuData): string[] => card.rows.filter((r) => r.cap).map((r) => `*) No. ${r.no}: ${r.cap}`);

/** The signature block of [K] III.B as two columns of lines: left "Mengetahui," the head; right the reporting employee. */
function signatureLines(card: KartuData): [string, string][] {
  const s = card.signature;
  return [
    ['', `${s.place}${s.place && s.date ? ', ' : ''}${s.date}`],
    ['Mengetahui,', 'Pegawai yang melaporkan,'],
    [`${s.headTitle}`, s.employeePosition],
    ['', ''],
    ['', ''],
    [s.headName || '(.......................................)', card.employee.name],
    [`NIP. ${s.headNip}`.trim(), `NIP. ${card.employee.nip}`],
  ];
}

/** Section A of the Kartu Data ([K] III.B), the same in the workbook and the PDF. */
const identityRows = (card: KartuData): [string, string][] => [
  ['Nama Lengkap', card.employee.name],
  ['NIP/NIPPPK', card.employee.nip],
  ['Pangkat dan Golongan Ruang', card.employee.pangkatGolongan],
  ['Tempat/Tgl Lahir', card.employee.birth],
  ['Jenis Kelamin', card.employee.gender],
  ['Unit Kerja', card.employee.unit],
];

/** The Kartu Data as an XLSX workbook (one sheet, sections A–C and the signature block). */
export async function kartuDataXlsx(card: KartuData): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bangkom';
  const ws = wb.addWorksheet('Kartu Data', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true } });
  ws.addRow(['KARTU DATA PENGEMBANGAN KOMPETENSI']).font = { bold: true, size: 14 };
  ws.addRow([]);
  ws.addRow(['A. DATA PEGAWAI']).font = { bold: true };
  for (const [label, value] of identityRows(card)) ws.addRow([label, value]);
  ws.addRow([]);
  ws.addRow(['B. RIWAYAT PENGEMBANGAN KOMPETENSI']).font = { bold: true };
  const header = ws.addRow([...KARTU_HEADERS]);
  header.font = { bold: true };
  header.eachCell(
    (c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } }),
  );
  for (const r of card.rows)
    ws.addRow([
      r.no,
      r.name,
      r.year,
      r.period,
      r.jp,
      r.certificate,
      r.validUntil,
      r.placeIssued,
      r.kind,
      r.copyAttached,
      r.uploadedToMyAsn,
    ]);
  for (const note of capNotes(card)) ws.addRow([note]);
  ws.addRow([]);
  ws.addRow(['C. JUMLAH JAM PELATIHAN TAHUNAN']).font = { bold: true };
  ws.addRow(['Tahun', 'Jumlah Jam Pelatihan (JP)']).font = { bold: true };
  for (const t of card.yearlyTotals) ws.addRow([t.year, t.jp]);
  ws.addRow([]);
  ws.addRow([KARTU_DECLARATION]);
  ws.addRow([]);
  for (const line of signatureLines(card)) ws.addRow(line);
  ws.columns.forEach((col, i) => (col.width = [6, 38, 8, 34, 10, 28, 18, 20, 30, 14, 16][i] ?? 12));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** The Kartu Data as a PDF (A4 landscape). Text uses the standard Helvetica font: no font files needed. */
export function kartuDataPdf(card: KartuData, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: 'A4',
      layout: 'landscape',
      margin: 36,
      compress: options.compress ?? true,
      info: { Title: `Kartu Data Pengembangan Kompetensi ${card.employee.name}`, Producer: 'Bangkom' },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(13).text('KARTU DATA PENGEMBANGAN KOMPETENSI', { align: 'center' });
    doc.moveDown(0.8).fontSize(10).text('A. DATA PEGAWAI');
    doc.font('Helvetica').fontSize(9);
    for (const [label, value] of identityRows(card))
      doc.text(`${label}`, 36, doc.y, { continued: false, width: 150 }).moveUp().text(`: ${value}`, 190, doc.y);
    doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10).text('B. RIWAYAT PENGEMBANGAN KOMPETENSI', 36);
    const widths = [22, 140, 32, 120, 36, 100, 60, 60, 110, 44, 46];
    const row = (cells: (string | number)[], bold = false) => {
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7);
      const heights = cells.map((c, i) => doc.heightOfString(String(c), { width: widths[i]! - 4 }));
      const h = Math.max(...heights) + 6;
      if (doc.y + h > doc.page.height - 72) doc.addPage();
      const y = doc.y;
      let x = 36;
      cells.forEach((c, i) => {
        doc.rect(x, y, widths[i]!, h).stroke();
        doc.text(String(c), x + 2, y + 3, { width: widths[i]! - 4 });
        x += widths[i]!;
      });
      doc.x = 36;
      doc.y = y + h;
    };
    row([...KARTU_HEADERS], true);
    for (const r of card.rows)
      row([r.no, r.name, r.year, r.period, r.jp, r.certificate, r.validUntil, r.placeIssued, r.kind, r.copyAttached, r.uploadedToMyAsn]);
    doc.font('Helvetica').fontSize(7);
    for (const note of capNotes(card)) doc.text(note, 36);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(10).text('C. JUMLAH JAM PELATIHAN TAHUNAN', 36);
    doc.font('Helvetica').fontSize(9);
    for (const t of card.yearlyTotals) doc.text(`Tahun ${t.year}: ${t.jp} JP`, 36);
    if (doc.y > doc.page.height - 180) doc.addPage();
    doc.moveDown(0.8).text(KARTU_DECLARATION, 36, doc.y, { width: doc.page.width - 72 });
    doc.moveDown(1);
    const y = doc.y;
    signatureLines(card).forEach(([left, right], i) => {
      if (left) doc.text(left, 36, y + i * 14, { width: 400 });
      if (right) doc.text(right, 520, y + i * 14, { width: 280 });
    });
    doc.end();
  });
}

/** One row of the unit monitoring sheet ([K] III.A). */
export interface MonitoringRow {
  name: string;
  nip: string;
  unit: string;
  activity: string;
  timeAndPlace: string;
  presented: 'Sudah' | 'Belum';
  category: string;
}

export const MONITORING_HEADERS = [
  'NO',
  'NAMA',
  'NIP',
  'UNIT KERJA (BIDANG/SUBBAG/UPT)',
  'PENGEMBANGAN KOMPETENSI',
  'WAKTU DAN TEMPAT',
  'SUDAH PRESENTASI/MENGUMPULKAN BAHAN?',
  'KATEGORI PENGEMBANGAN KOMPETENSI',
] as const;

export function monitoringRows(
  employees: readonly Employee[],
  activities: readonly LearningActivity[],
  ref: SiasnReference = siasnReference,
): MonitoringRow[] {
  const byId = new Map(employees.map((e) => [employeeId(e), e]));
  return activities
    .filter((a) => a.status !== 'draft')
    .sort((x, y) => (x.startDate < y.startDate ? -1 : x.startDate > y.startDate ? 1 : x.id.localeCompare(y.id)))
    .map((a) => {
      const e = byId.get(a.nip);
      return {
        name: e?.name ?? a.nip,
        nip: a.nip,
        unit: e?.unit ?? '-',
        activity: a.title,
        timeAndPlace: [
          a.startDate === a.endDate
            ? toIndonesianDate(a.startDate)
            : `${toIndonesianDate(a.startDate)} s.d. ${toIndonesianDate(a.endDate)}`,
          a.evidence?.placeIssued,
        ]
          .filter(Boolean)
          .join(', '),
        presented: a['materialsSubmitted'] === true ? 'Sudah' : 'Belum',
        category: jenisDiklat(ref.methodToJenisDiklat[a.method], ref)?.name ?? a.method,
      };
    });
}

export async function monitoringXlsx(rows: readonly MonitoringRow[], title = 'MONITORING PENGEMBANGAN KOMPETENSI'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Bangkom';
  const ws = wb.addWorksheet('Monitoring', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true } });
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const header = ws.addRow([...MONITORING_HEADERS]);
  header.font = { bold: true };
  rows.forEach((r, i) => ws.addRow([i + 1, r.name, r.nip, r.unit, r.activity, r.timeAndPlace, r.presented, r.category]));
  ws.columns.forEach((col, i) => (col.width = [6, 30, 22, 30, 40, 34, 22, 34][i] ?? 12));
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
