/* Generated from schemas/tugas-belajar-candidate.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A PNS proposed for a Tugas Belajar ([P] art. 28).
 */
export interface TugasBelajarCandidate {
  nip: string;
  name?: string;
  /**
   * When absent, taken from the NIP.
   */
  birthDate?: string;
  tmtPns?: string;
  positionLevel?:
    | "jpt_utama"
    | "jpt_madya"
    | "jpt_pratama"
    | "administrator"
    | "pengawas"
    | "pelaksana"
    | "jf_ahli_utama"
    | "jf_ahli_madya"
    | "jf_ahli_muda"
    | "jf_ahli_pertama"
    | "jf_keterampilan";
  education?: "SD" | "SMP" | "SMA" | "D1" | "D2" | "D3" | "D4" | "S1" | "S2" | "S3";
  performanceRatings?: {
    year: number;
    predicate: "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";
  }[];
}
