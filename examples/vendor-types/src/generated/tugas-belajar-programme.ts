/* Generated from schemas/tugas-belajar-programme.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * The study programme of a Tugas Belajar ([P] art. 27, 30, 31, 38).
 */
export interface TugasBelajarProgramme {
  name?: string;
  university?: string;
  level: "D3" | "D4" | "S1" | "S2" | "S3" | "profesi";
  /**
   * Normative duration of the programme ([P] art. 38(2)).
   */
  normativeDurationMonths: number;
  /**
   * Planned start; when absent, the assessment date.
   */
  startDate?: string;
  location: "domestic" | "foreign";
  /**
   * Domestic universities ([P] art. 27(2)).
   */
  universityType?: "negeri" | "kedinasan" | "swasta";
  /**
   * Programme accreditation (domestic).
   */
  accreditation?: "unggul" | "A" | "baik_sekali" | "B" | "baik" | "C" | "none";
  /**
   * Minister's approval for a C/Baik programme ([P] art. 31(1)c.2).
   */
  ministerApproval?: boolean;
  /**
   * Recognised by the education ministry ([P] art. 27(4), 31(1)c.3).
   */
  foreignRecognised?: boolean;
  /**
   * Released from duty; when absent, released when longer than 6 months ([P] art. 26(4), 34(1)).
   */
  releasedFromDuty?: boolean;
  /**
   * Tugas Belajar biaya mandiri ([P] art. 30).
   */
  selfFunded?: boolean;
  /**
   * Field on the priority list of Lampiran V ([P] art. 31(3)).
   */
  onPriorityList?: boolean;
}
