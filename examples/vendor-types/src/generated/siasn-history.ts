/* Generated from schemas/siasn-history.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * SIASN read-side records (rw-diklat, rw-kursus) to import or reconcile.
 */
export interface SiasnHistory {
  diklat?: {
    id: string;
    idPns?: string;
    nipBaru: string;
    nipLama?: string | null;
    latihanStrukturalId?: string | number;
    latihanStrukturalNama?: string | null;
    nomor?: string | null;
    tanggal: string;
    tahun?: string | number | null;
    jumlahJam?: string | number | null;
    tanggalSelesai?: string | null;
    institusiPenyelenggara?: string | null;
    [k: string]: unknown;
  }[];
  kursus?: {
    id: string;
    idPns?: string;
    nipBaru: string;
    nipLama?: string | null;
    jenisKursusNama?: string | null;
    jenisKursusSertifikat?: string | null;
    institusiPenyelenggara?: string | null;
    jenisKursusId?: string | number | null;
    jumlahJam?: string | number | null;
    namaKursus?: string | null;
    noSertipikat?: string | null;
    tahunKursus?: string | number | null;
    tanggalKursus: string;
    jenisDiklatId?: string | number | null;
    tanggalSelesaiKursus?: string | null;
    [k: string]: unknown;
  }[];
}
