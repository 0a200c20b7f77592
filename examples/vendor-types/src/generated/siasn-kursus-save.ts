/* Generated from schemas/siasn-kursus-save.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * Body of SIASN kursus/save (every jenis diklat but 1).
 */
export interface SiasnKursusSave {
  id: string;
  pnsOrangId: string;
  instansiId: string;
  institusiPenyelenggara: string;
  jenisDiklatId: string;
  jenisKursus: string;
  jenisKursusSertipikat: string;
  jumlahJam: number;
  lokasiId: string;
  namaKursus: string;
  nomorSertipikat: string;
  tahunKursus: number;
  tanggalKursus: string;
  tanggalSelesaiKursus: string;
  path: {
    dok_id: string;
    dok_nama: string;
    dok_uri: string;
    object: string;
    slug: string;
  }[];
}
