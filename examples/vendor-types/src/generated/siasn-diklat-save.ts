/* Generated from schemas/siasn-diklat-save.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * Body of SIASN diklat/save (structural training).
 */
export interface SiasnDiklatSave {
  /**
   * Empty for a new record.
   */
  id: string;
  pnsOrangId: string;
  latihanStrukturalId: string;
  nomor: string;
  /**
   * dd-mm-yyyy
   */
  tanggal: string;
  tanggalSelesai: string;
  tahun: number;
  jumlahJam: number;
  institusiPenyelenggara: string;
  jenisKompetensi: string;
  bobot: number;
  path: {
    dok_id: string;
    dok_nama: string;
    dok_uri: string;
    object: string;
    slug: string;
  }[];
}
