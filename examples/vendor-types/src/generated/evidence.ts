/* Generated from schemas/evidence.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * Bukti dukung of a learning activity.
 */
export interface Evidence {
  kind: "sertifikat" | "sttpl" | "piagam" | "surat_keterangan" | "laporan";
  /**
   * Nomor sertifikat / surat.
   */
  number?: string;
  /**
   * Tanggal sertifikat / surat.
   */
  date?: string;
  /**
   * Masa berlaku sertifikat (end of validity).
   */
  validUntil?: string;
  issuer?: string;
  /**
   * Tempat terbit sertifikat.
   */
  placeIssued?: string;
  /**
   * JP printed on the evidence.
   */
  statedJp?: number;
  file?: {
    name: string;
    /**
     * Lower-case hex SHA-256 of the file content.
     */
    sha256: string;
    /**
     * Size in bytes.
     */
    size: number;
    mediaType: "application/pdf" | "image/jpeg" | "image/png";
  };
}
