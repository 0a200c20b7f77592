import type { Result } from '@bangkom/domain';
import { fail, learningMethods } from '@bangkom/domain';
import type { AttendanceRow, TrainingEvent } from '@bangkom/events';
import { ATTENDANCE_MARKS, attendanceSessionHeaders, readAttendanceCsv, readAttendanceRows } from '@bangkom/events';
import { toIndonesianDate } from '@bangkom/myasn';
import { xlsxTable } from '@bangkom/myasn/documents';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { EventSignatory } from './db/schema.js';
import { sniffMediaType } from './evidence.js';

/**
 * Documents of an event: the certificate (with the QR code of its verification page), the participant
 * list, the attendance sheet (and reading it back), the report.
 */

function pdf(build: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 40, ...options });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    build(doc);
    doc.end();
  });
}

const dates = (e: TrainingEvent) =>
  e.startDate === e.endDate ? toIndonesianDate(e.startDate) : `${toIndonesianDate(e.startDate)} s.d. ${toIndonesianDate(e.endDate)}`;

const place = (e: TrainingEvent) =>
  e.location.mode === 'online'
    ? `Daring (${e.location.url})`
    : `${e.location.venue}${'city' in e.location && e.location.city ? `, ${e.location.city}` : ''}`;

export interface CertificateContent {
  number: string;
  event: TrainingEvent;
  holder: { name: string; nip: string };
  jp: number;
  issuer: string;
  signatory: EventSignatory;
  issuedOn: string;
  verificationUrl: string;
}

/** The certificate: number, holder (name + NIP), event, method, dates, JP, signatory and the QR code of the verification page. */
export async function certificatePdf(c: CertificateContent): Promise<Uint8Array> {
  const qr = await QRCode.toBuffer(c.verificationUrl, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return pdf(
    (doc) => {
      const width = doc.page.width - 80;
      doc
        .rect(20, 20, doc.page.width - 40, doc.page.height - 40)
        .lineWidth(2)
        .stroke();
      doc.font('Helvetica-Bold').fontSize(12).text(c.issuer.toUpperCase(), 40, 50, { align: 'center', width });
      doc.moveDown(1.2).fontSize(24).text('SERTIFIKAT', { align: 'center', width });
      doc.font('Helvetica').fontSize(11).text(`Nomor: ${c.number}`, { align: 'center', width });
      doc.moveDown(1.5).text('Diberikan kepada', { align: 'center', width });
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(18).text(c.holder.name, { align: 'center', width });
      doc.font('Helvetica').fontSize(11).text(`NIP ${c.holder.nip}`, { align: 'center', width });
      doc.moveDown(1).text('yang telah mengikuti dan menyelesaikan', { align: 'center', width });
      doc.moveDown(0.4).font('Helvetica-Bold').fontSize(14).text(c.event.title, { align: 'center', width });
      doc.moveDown(0.8).font('Helvetica').fontSize(11);
      const rows: [string, string][] = [
        ['Metode', learningMethods[c.event.method].label.id],
        ['Tema', c.event.theme],
        ['Tanggal', dates(c.event)],
        ['Tempat', place(c.event)],
        ['Penyelenggara', c.event.organizer],
        ['Jumlah JP', `${c.jp} JP`],
      ];
      for (const [label, value] of rows) {
        const y = doc.y;
        doc.text(label, 90, y, { width: 110 });
        doc.text(`: ${value}`, 200, y, { width: width - 160 });
        doc.moveDown(0.2);
      }
      const bottom = doc.page.height - 250;
      doc.image(qr, 60, bottom, { width: 120 });
      doc.fontSize(8).text('Pindai untuk memeriksa keaslian / Scan to verify', 50, bottom + 124, { width: 140, align: 'center' });
      doc.fontSize(7).text(c.verificationUrl, 50, bottom + 146, { width: 140, align: 'center' });
      doc.fontSize(11).text(`Diterbitkan ${toIndonesianDate(c.issuedOn)}`, 330, bottom, { width: 220, align: 'center' });
      doc.text(c.signatory.position, 330, doc.y + 4, { width: 220, align: 'center' });
      doc.font('Helvetica-Bold').text(c.signatory.name, 330, bottom + 90, { width: 220, align: 'center' });
      if (c.signatory.nip) doc.font('Helvetica').text(`NIP ${c.signatory.nip}`, 330, doc.y, { width: 220, align: 'center' });
    },
    { layout: 'portrait', info: { Title: `Sertifikat ${c.number}`, Producer: 'Bangkom' } },
  );
}

export interface ParticipantLine {
  name: string;
  nip: string;
  unit: string;
  position: string;
  attended: number;
  /** Ids of the sessions attended. */
  attendedSessions: string[];
  sessions: number;
  passed: boolean | null;
  certificate: string | null;
  jp: number | null;
  revoked: boolean;
}

export interface EvaluationSummary {
  responses: number;
  relevance: number | null;
  facilitator: number | null;
  material: number | null;
  comments: string[];
}

const status = (p: ParticipantLine) => (p.revoked ? 'Dicabut' : p.passed === null ? '-' : p.passed ? 'Lulus' : 'Tidak memenuhi kehadiran');

/** The participant list (and attendance, certificates when closed) as XLSX. */
export async function participantsXlsx(event: TrainingEvent, lines: readonly ParticipantLine[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Peserta');
  ws.addRow([`DAFTAR PESERTA ${event.title.toUpperCase()}`]).font = { bold: true };
  ws.addRow([`${dates(event)} · ${place(event)}`]);
  ws.addRow([]);
  const header = ws.addRow([
    'No',
    'Nama',
    'NIP',
    'Unit kerja',
    'Jabatan',
    'Hadir (sesi)',
    'Jumlah sesi',
    'Status',
    'Nomor sertifikat',
    'JP',
  ]);
  header.font = { bold: true };
  lines.forEach((p, i) =>
    ws.addRow([i + 1, p.name, p.nip, p.unit, p.position, p.attended, p.sessions, status(p), p.certificate ?? '', p.jp ?? '']),
  );
  // NIPs are text (18 digits would lose precision as numbers).
  ws.getColumn(3).numFmt = '@';
  [5, 32, 22, 28, 28, 12, 12, 24, 26, 8].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const ALLOWED_SHEET = 'Nilai yang diterima';

/**
 * The attendance sheet to fill in and upload: a title, how to fill it (Bahasa Indonesia, then
 * English), then the column titles and one row a participant (NIP kept as text, name, unit, the
 * attendance recorded so far as 1/0 per session), and a sheet of the marks a session cell takes.
 * `readAttendanceFile` reads it back as it is.
 */
export async function attendanceXlsx(event: TrainingEvent, lines: readonly ParticipantLine[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kehadiran');
  ws.addRow([`DAFTAR HADIR ${event.title.toUpperCase()}`]).font = { bold: true };
  ws.addRow([`${dates(event)} · ${place(event)}`]);
  ws.addRow([
    `Isi kolom tiap sesi: 1 = hadir, 0 atau kosong = tidak hadir (lihat lembar "${ALLOWED_SHEET}"). Jangan ubah kolom NIP. Simpan sebagai .xlsx, lalu unggah pada halaman kegiatan.`,
  ]);
  ws.addRow([
    `Fill in each session's column: 1 = present, 0 or empty = absent (see the sheet "${ALLOWED_SHEET}"). Do not change the NIP column. Save as .xlsx, then upload it on the event's page.`,
  ]).font = { italic: true, color: { argb: 'FF555555' } };
  ws.addRow([]);
  const sessions = attendanceSessionHeaders(event);
  const header = ws.addRow(['NIP', 'Nama', 'Unit kerja', ...sessions]);
  header.font = { bold: true };
  for (const p of lines) ws.addRow([p.nip, p.name, p.unit, ...event.sessions.map((s) => (p.attendedSessions.includes(s.id) ? 1 : 0))]);
  // NIPs are text: 18 digits kept as a number lose their last ones (and show as 1,98E+17).
  ws.getColumn(1).numFmt = '@';
  [22, 32, 28, ...sessions.map(() => 20)].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const first = header.number + 1;
  for (let row = first; row < first + lines.length; row++)
    for (let col = 4; col < 4 + sessions.length; col++)
      ws.getCell(row, col).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: ['"1,0"'],
        showErrorMessage: true,
        // A warning only: the other marks of the values sheet are accepted too.
        errorStyle: 'warning',
        errorTitle: 'Kehadiran / Attendance',
        error: '1 = hadir / present, 0 = tidak hadir / absent',
      };
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: header.number }];
  const allowed = wb.addWorksheet(ALLOWED_SHEET);
  allowed.columns = [
    { header: 'Kolom / Column', width: 24 },
    { header: 'Nilai / Value', width: 48 },
    { header: 'Arti / Meaning', width: 30 },
  ];
  allowed.getRow(1).font = { bold: true };
  const others = (marks: readonly string[], main: string) =>
    marks
      .filter((v) => v !== main)
      .map((v) => (v === '' ? 'kosong / empty' : v))
      .join(', ');
  const sessionColumns = sessions.length === 1 ? sessions[0]! : `${sessions[0]} … ${sessions.at(-1)}`;
  allowed.addRow([sessionColumns, `1 (juga / also: ${others(ATTENDANCE_MARKS.present, '1')})`, 'Hadir / present']);
  allowed.addRow([sessionColumns, `0 (juga / also: ${others(ATTENDANCE_MARKS.absent, '0')})`, 'Tidak hadir / absent']);
  allowed.addRow(['NIP', 'NIP peserta sebagai teks / the participant’s NIP as text', 'Jangan diubah / do not change']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/**
 * Reads an uploaded attendance file, known by its content rather than its name: an XLSX workbook
 * (a ZIP container; its first sheet) or CSV text. Anything else (an old .xls, a PDF, an image) is
 * refused with what to send instead.
 */
export async function readAttendanceFile(event: Pick<TrainingEvent, 'sessions'>, bytes: Uint8Array): Promise<Result<AttendanceRow[]>> {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) {
    const table = await xlsxTable(bytes);
    if (!table.ok) return table;
    return readAttendanceRows(event, [{ line: 1, cells: table.value.header }, ...table.value.rows]);
  }
  const refusal = (code: string, id: string, en: string) => fail<AttendanceRow[]>({ path: ['file'], code, message: { id, en } });
  if (starts(0xd0, 0xcf, 0x11, 0xe0))
    return refusal(
      'attendance.old_excel',
      'Berkas Excel lama (.xls) tidak dapat dibaca; simpan sebagai .xlsx atau CSV',
      'An old Excel file (.xls) cannot be read; save it as .xlsx or CSV',
    );
  // Text has no NUL byte; a PDF or an image is known by its first bytes.
  if (sniffMediaType(bytes) || bytes.subarray(0, 8192).includes(0))
    return refusal('attendance.bad_type', 'Hanya berkas XLSX atau CSV yang diterima', 'Only XLSX or CSV files are accepted');
  return readAttendanceCsv(event, new TextDecoder().decode(bytes));
}

function table(doc: PDFKit.PDFDocument, columns: { title: string; width: number }[], rows: string[][]) {
  const left = 40;
  const line = (cells: string[], bold: boolean) => {
    if (doc.y > doc.page.height - 60) doc.addPage();
    const y = doc.y;
    let x = left;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
    let height = 0;
    cells.forEach((cell, i) => {
      const w = columns[i]!.width;
      height = Math.max(height, doc.heightOfString(cell, { width: w - 4 }));
      doc.text(cell, x + 2, y, { width: w - 4 });
      x += w;
    });
    doc.y = y + height + 4;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(x, doc.y - 2)
      .lineWidth(0.3)
      .stroke();
  };
  line(
    columns.map((c) => c.title),
    true,
  );
  for (const r of rows) line(r, false);
  doc.x = left;
}

const participantColumns = [
  { title: 'No', width: 28 },
  { title: 'Nama', width: 150 },
  { title: 'NIP', width: 110 },
  { title: 'Unit kerja', width: 120 },
  { title: 'Hadir', width: 45 },
  { title: 'Status', width: 95 },
  { title: 'Nomor sertifikat', width: 130 },
  { title: 'JP', width: 35 },
];
const participantRows = (lines: readonly ParticipantLine[]) =>
  lines.map((p, i) => [
    String(i + 1),
    p.name,
    p.nip,
    p.unit,
    `${p.attended}/${p.sessions}`,
    status(p),
    p.certificate ?? '',
    p.jp === null ? '' : String(p.jp),
  ]);

/** The participant list as PDF (A4 landscape). */
export function participantsPdf(event: TrainingEvent, lines: readonly ParticipantLine[]): Promise<Uint8Array> {
  return pdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(12).text(`DAFTAR PESERTA ${event.title.toUpperCase()}`, { align: 'center' });
      doc
        .font('Helvetica')
        .fontSize(9)
        .text(`${dates(event)} · ${place(event)} · ${event.organizer}`, { align: 'center' });
      doc.moveDown(1);
      table(doc, participantColumns, participantRows(lines));
    },
    { layout: 'landscape', info: { Title: `Daftar peserta ${event.title}`, Producer: 'Bangkom' } },
  );
}

const score = (x: number | null) => (x === null ? '-' : x.toFixed(2).replace('.', ','));

/** The activity report for the head of the unit: the event, participants and attendance, evaluation summary, JP credited. */
export function reportPdf(
  event: TrainingEvent,
  lines: readonly ParticipantLine[],
  evaluation: EvaluationSummary,
  signatory: EventSignatory,
): Promise<Uint8Array> {
  return pdf(
    (doc) => {
      doc.font('Helvetica-Bold').fontSize(13).text('LAPORAN PENYELENGGARAAN', { align: 'center' });
      doc.fontSize(12).text(event.title.toUpperCase(), { align: 'center' });
      doc.moveDown(1).fontSize(10).text('A. KEGIATAN');
      doc.font('Helvetica').fontSize(9);
      const facts: [string, string][] = [
        ['Metode', learningMethods[event.method].label.id],
        ['Tema', event.theme],
        ['Tujuan', event.objective],
        ['Masalah yang diatasi', event.problemAddressed],
        ['Tanggal', dates(event)],
        ['Sesi', `${event.sessions.length} sesi`],
        ['JP program', `${event.programmeJp} JP`],
        ['Tempat', place(event)],
        ['Penyelenggara', `${event.organizer}${event.runByWorkUnit ? ' (unit kerja)' : ''}`],
        ['Fasilitator', event.facilitators.map((f) => f.name + (f.institution ? ` (${f.institution})` : '')).join('; ')],
      ];
      for (const [label, value] of facts) {
        const y = doc.y;
        doc.text(label, 40, y, { width: 130 });
        doc.text(`: ${value}`, 170, y, { width: 620 });
      }
      const passed = lines.filter((p) => p.passed && !p.revoked);
      const jp = passed.reduce((sum, p) => sum + (p.jp ?? 0), 0);
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(10).text('B. RINGKASAN', 40);
      doc.font('Helvetica').fontSize(9);
      doc.text(`Peserta: ${lines.length}; lulus dan bersertifikat: ${passed.length}; JP dicatat: ${jp} JP.`);
      doc.text(
        `Evaluasi (${evaluation.responses} tanggapan, skala 1–5): relevansi ${score(evaluation.relevance)}, fasilitator ${score(evaluation.facilitator)}, materi ${score(evaluation.material)}.`,
      );
      for (const comment of evaluation.comments.slice(0, 20)) doc.text(`• ${comment}`, { indent: 10 });
      doc.moveDown(0.8).font('Helvetica-Bold').fontSize(10).text('C. PESERTA, KEHADIRAN DAN JP', 40);
      doc.moveDown(0.3);
      table(doc, participantColumns, participantRows(lines));
      doc.moveDown(1.5);
      if (doc.y > doc.page.height - 120) doc.addPage();
      doc.font('Helvetica').fontSize(10).text(signatory.position, 560, doc.y, { width: 240, align: 'center' });
      doc.moveDown(3).font('Helvetica-Bold').text(signatory.name, 560, doc.y, { width: 240, align: 'center' });
      if (signatory.nip) doc.font('Helvetica').text(`NIP ${signatory.nip}`, 560, doc.y, { width: 240, align: 'center' });
    },
    { layout: 'landscape', info: { Title: `Laporan ${event.title}`, Producer: 'Bangkom' } },
  );
}

const inviteeColumns = [
  { title: 'No', width: 28 },
  { title: 'Nama', width: 160 },
  { title: 'NIP', width: 115 },
  { title: 'Unit kerja', width: 110 },
  { title: 'Jabatan', width: 102 },
];

/**
 * The invitation letter: what, why, when and where, signed by the event's signatory, with the list
 * of those invited attached (name, NIP, unit, position). One letter for all participants.
 */
export function invitationPdf(
  event: TrainingEvent,
  lines: readonly ParticipantLine[],
  issuer: string,
  signatory: EventSignatory,
  date: string,
): Promise<Uint8Array> {
  return pdf(
    (doc) => {
      const width = doc.page.width - 80;
      doc.font('Helvetica-Bold').fontSize(12).text(issuer.toUpperCase(), { align: 'center', width });
      doc.font('Helvetica').fontSize(9).text(event.organizer, { align: 'center', width });
      doc
        .moveTo(40, doc.y + 4)
        .lineTo(40 + width, doc.y + 4)
        .lineWidth(1)
        .stroke();
      doc.moveDown(1.2).fontSize(10);
      const head: [string, string][] = [
        ['Perihal', `Undangan ${event.title}`],
        ['Lampiran', `1 (satu) berkas: daftar ${lines.length} peserta`],
      ];
      for (const [label, value] of head) {
        const y = doc.y;
        doc.text(label, 40, y, { width: 80 });
        doc.text(`: ${value}`, 120, y, { width: width - 80 });
      }
      doc.text(toIndonesianDate(date), 40, doc.y - 2 * doc.currentLineHeight(), { width, align: 'right' });
      doc.moveDown(2).text('Yth. Bapak/Ibu peserta sebagaimana terlampir', 40);
      doc.text('di tempat');
      doc.moveDown(1);
      doc.text(
        `Dalam rangka ${event.objective.replace(/[.]$/, '').replace(/^./, (c) => c.toLowerCase())}, dengan ini kami mengundang Bapak/Ibu untuk mengikuti ${learningMethods[event.method].label.id} "${event.title}" dengan tema ${event.theme}, yang akan dilaksanakan pada:`,
        { width, align: 'justify' },
      );
      doc.moveDown(0.6);
      const facts: [string, string][] = [
        ['Tanggal', dates(event)],
        ['Sesi', `${event.sessions.length} sesi (${event.programmeJp} JP)`],
        ['Tempat', place(event)],
        ['Fasilitator', event.facilitators.map((f) => f.name + (f.institution ? ` (${f.institution})` : '')).join('; ')],
      ];
      for (const [label, value] of facts) {
        const y = doc.y;
        doc.text(label, 70, y, { width: 90 });
        doc.text(`: ${value}`, 160, y, { width: width - 120 });
      }
      doc.moveDown(0.6);
      doc.text(
        'Sertifikat diberikan kepada peserta yang mengikuti seluruh rangkaian kegiatan. Demikian undangan ini kami sampaikan; atas perhatian dan kehadiran Bapak/Ibu kami ucapkan terima kasih.',
        40,
        doc.y,
        { width, align: 'justify' },
      );
      doc.moveDown(2);
      doc.text(signatory.position, 330, doc.y, { width: 225, align: 'center' });
      doc.moveDown(3.5).font('Helvetica-Bold').text(signatory.name, 330, doc.y, { width: 225, align: 'center' });
      if (signatory.nip) doc.font('Helvetica').text(`NIP ${signatory.nip}`, 330, doc.y, { width: 225, align: 'center' });
      doc.addPage();
      doc
        .font('Helvetica-Bold')
        .fontSize(11)
        .text(`LAMPIRAN: DAFTAR PESERTA ${event.title.toUpperCase()}`, 40, 40, { width, align: 'center' });
      doc.moveDown(1);
      table(
        doc,
        inviteeColumns,
        lines.map((p, i) => [String(i + 1), p.name, p.nip, p.unit, p.position]),
      );
    },
    { layout: 'portrait', info: { Title: `Undangan ${event.title}`, Producer: 'Bangkom' } },
  );
}
