import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import { eq } from 'drizzle-orm';
import type { Db } from './db/index.js';
import { employees } from './db/schema.js';
import type { IpAsnReport } from './ipasn.js';
import { employeeBatches, scoreBatch } from './ipasn.js';

/**
 * The documents of a unit's IP ASN recap ([S] B: "Surat Pengantar dari Perangkat Daerah" and the
 * "Laporan/Rekapitulasi data pendidikan, Jabatan, Bimtek/Diklat/workshop/seminar ASN").
 */

const PREDICATE_LABEL: Record<string, string> = {
  sangat_baik: 'Sangat Baik',
  baik: 'Baik',
  butuh_perbaikan: 'Butuh Perbaikan',
  kurang: 'Kurang',
  sangat_kurang: 'Sangat Kurang',
};

const number = (n: number) => n.toLocaleString('id-ID', { maximumFractionDigits: 2 });

/** The cover letter of the recap as PDF: addressee, subject, the unit's figures, signature block. */
export function coverLetterPdf(input: {
  unit: { id: string; name: string };
  year: number;
  letterNumber: string | null;
  report: IpAsnReport;
}): Promise<Uint8Array> {
  const { unit, year, letterNumber, report } = input;
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 56, info: { Title: `Surat Pengantar Rekapitulasi IP ASN ${year} — ${unit.name}` } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.font('Helvetica-Bold').fontSize(12).text(unit.name.toUpperCase(), { align: 'center' });
    doc.moveDown(1.2).font('Helvetica').fontSize(10);
    doc.text(`Nomor    : ${letterNumber ?? '........................'}`);
    doc.text('Lampiran : 1 (satu) berkas rekapitulasi');
    doc.text(`Hal      : Penyampaian Rekapitulasi Data Indeks Profesionalitas ASN Tahun ${year}`);
    doc.moveDown(1).text('Yth. Kepala Unit Pengelola Kepegawaian');
    doc.text('di tempat');
    doc.moveDown(1);
    doc.text(
      `Dalam rangka pengukuran Indeks Profesionalitas ASN (Peraturan Menteri PANRB Nomor 38 Tahun 2018 dan Peraturan BKN Nomor 8 Tahun 2019), ` +
        `bersama ini kami sampaikan rekapitulasi data pendidikan, jabatan, dan pengembangan kompetensi (pelatihan, bimbingan teknis, workshop, seminar) ` +
        `pegawai ${unit.name} tahun ${year}, dengan ringkasan sebagai berikut:`,
      { align: 'justify' },
    );
    doc.moveDown(0.6);
    const s = report.scope;
    const lines = [
      `Jumlah pegawai yang diukur: ${s.employees}`,
      `Rata-rata nilai IP ASN: ${number(s.mean)}`,
      ...s.distribution.map((d) => `Kategori ${d.category.id}: ${d.count} pegawai`),
      `Pegawai tidak diukur (TKK, atau PPPK sebelum 2023): ${report.notMeasured}`,
      `Pegawai dengan data belum lengkap: ${report.incomplete}`,
    ];
    for (const line of lines) doc.text(`•  ${line}`, { indent: 14 });
    if (s.unverified > 0) {
      doc.moveDown(0.6);
      doc
        .fontSize(9)
        .text(
          `Catatan: ${s.unverified} nilai memakai angka yang belum terverifikasi pada teks peraturan; angka tersebut merupakan perkiraan dan bukan ketentuan resmi.`,
          { align: 'justify' },
        );
      doc.fontSize(10);
    }
    doc.moveDown(1).text('Demikian kami sampaikan, atas perhatiannya kami ucapkan terima kasih.', { align: 'justify' });
    doc.moveDown(2).text(`Kepala ${unit.name},`, { align: 'right' });
    doc.moveDown(3).text('(..............................)', { align: 'right' });
    doc.text('NIP ..............................', { align: 'right' });
    doc.end();
  });
}

/**
 * The recap sheet of a unit: one row per employee with education, position, the JP verified in
 * the year, each dimension and the total. Written a batch of employees at a time.
 */
export async function recapXlsx(db: Db, input: { unit: { id: string; name: string }; year: number }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`Rekap IP ASN ${input.year}`);
  sheet.addRow([`REKAPITULASI DATA IP ASN TAHUN ${input.year} — ${input.unit.name}`]).font = { bold: true };
  const header = sheet.addRow([
    'No',
    'Nama',
    'NIP',
    'Jenis Pegawai',
    'Jabatan',
    'Pendidikan',
    'Sumber Pendidikan',
    'Predikat Kinerja',
    'Sumber Kinerja',
    'Hukuman Disiplin',
    'Sumber Disiplin',
    'JP Terverifikasi',
    'Kualifikasi',
    'Kompetensi',
    'Kinerja',
    'Disiplin',
    'Total',
    'Kategori',
    'Keterangan',
  ]);
  header.font = { bold: true };
  let n = 0;
  for await (const batch of employeeBatches(db, eq(employees.unitId, input.unit.id))) {
    const scored = await scoreBatch(db, batch, input.year);
    batch.forEach((employee, i) => {
      const s = scored[i]!;
      const p = s.sources.punishments.value;
      sheet.addRow([
        ++n,
        employee.name,
        employee.id,
        employee.kind,
        employee.data.positionTitle ?? '',
        s.sources.education.value ?? '',
        s.sources.education.source ?? '',
        s.sources.performancePredicate.value ? PREDICATE_LABEL[s.sources.performancePredicate.value] : '',
        s.sources.performancePredicate.source ?? '',
        p === null ? '' : p.length === 0 ? 'Tidak ada' : p.map((x) => `${x.level} (${x.date})`).join('; '),
        s.sources.punishments.source ?? '',
        s.verifiedJp,
        s.score?.dimensions.kualifikasi.score ?? '',
        s.score?.dimensions.kompetensi.score ?? '',
        s.score?.dimensions.kinerja.score ?? '',
        s.score?.dimensions.disiplin.score ?? '',
        s.score?.total ?? '',
        s.score?.category ?? '',
        s.notMeasured ? s.notMeasured.id : s.score?.unverified ? 'Memakai nilai yang belum terverifikasi' : '',
      ]);
    });
  }
  sheet.columns.forEach((c, i) => (c.width = [5, 30, 22, 10, 28][i] ?? 14));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
