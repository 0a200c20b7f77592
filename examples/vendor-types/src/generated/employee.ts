/* Generated from schemas/employee.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A civil servant (PNS, PPPK) or contract worker (TKK) whose development is recorded.
 */
export interface Employee {
  /**
   * NIP of a PNS, or the NI PPPK of a PPPK (as SIASN nipBaru and MyASN carry it): 18 digits.
   */
  nip?: string;
  /**
   * NI PPPK of a PPPK: 18 digits. An alias of `nip` for a PPPK; when both are given they must be equal.
   */
  nipppk?: string;
  /**
   * Agency-internal id, for TKK who have no NIP.
   */
  internalId?: string;
  name: string;
  kind: "PNS" | "PPPK" | "TKK";
  /**
   * Pangkat, e.g. "Penata Muda".
   */
  pangkat?: string;
  /**
   * Golongan ruang, e.g. "III/a" (PNS) or "IX" (PPPK).
   */
  golongan?: string;
  /**
   * Nama jabatan.
   */
  positionTitle?: string;
  positionKind?: "jpt" | "administrasi" | "fungsional";
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
  /**
   * Unit kerja (bidang/subbag/UPT).
   */
  unit?: string;
  birthPlace?: string;
  birthDate?: string;
  /**
   * Date of appointment as PNS (TMT PNS).
   */
  tmtPns?: string;
  /**
   * L = laki-laki, P = perempuan.
   */
  gender?: "L" | "P";
  /**
   * Highest completed education.
   */
  education?: "SD" | "SMP" | "SMA" | "D1" | "D2" | "D3" | "D4" | "S1" | "S2" | "S3";
  /**
   * Identifier of the direct superior (atasan langsung).
   */
  supervisorNip?: string;
}
