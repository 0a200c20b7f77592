/* Generated from schemas/tubel-input.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A Tugas Belajar candidate and programme, as read by `bangkom tubel`.
 */
export interface TubelInput {
  candidate: TugasBelajarCandidate;
  programme: TugasBelajarProgramme;
}
/**
 * A PNS proposed for a Tugas Belajar ([P] art. 28–31).
 */
export interface TugasBelajarCandidate {
  /**
   * NIP of the PNS (18 digits); the NI PPPK or internal id of another kind.
   */
  nip: string;
  /**
   * Tugas Belajar is given to PNS ([P] art. 1 angka 13; art. 26(3)); another kind fails that criterion.
   */
  kind?: "PNS" | "PPPK" | "TKK";
  name?: string;
  /**
   * When absent, taken from the NIP.
   */
  birthDate?: string;
  /**
   * Date of appointment as PNS ([P] art. 28a counts service from it).
   */
  tmtPns?: string;
  /**
   * Position level; sets the retirement age (BUP).
   */
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
  /**
   * [P] art. 28c: education, experience or position fits the study programme.
   */
  fieldFits?: boolean;
  /**
   * [P] art. 28d.1: currently under investigation for a disciplinary or criminal matter.
   */
  underInvestigation?: boolean;
  /**
   * [P] art. 28d.2: currently serving prison or detention.
   */
  servingSentence?: boolean;
  /**
   * [P] art. 28d.3: on cuti di luar tanggungan negara.
   */
  onUnpaidLeave?: boolean;
  /**
   * [P] art. 28d.3: pemberhentian sementara.
   */
  temporarilyDismissed?: boolean;
  /**
   * [P] art. 28d.2 and e.1: every disciplinary punishment ever imposed, with its dates.
   */
  disciplinaryPunishments?: {
    level: "ringan" | "sedang" | "berat";
    date: string;
    endDate?: string;
  }[];
  /**
   * [P] art. 28e.2: prison or detention sentences by a court.
   */
  criminalSentences?: {
    kind: "penjara" | "kurungan";
    date: string;
    endDate?: string;
  }[];
  previousTugasBelajar?: {
    level?: "D3" | "D4" | "S1" | "S2" | "S3" | "profesi";
    /**
     * When the study ended (completed) or was cancelled/stopped.
     */
    endDate?: string;
    outcome: "completed" | "cancelled" | "stopped";
    /**
     * For cancelled/stopped: whether the reason is justified by the regulations.
     */
    justified?: boolean;
    reason?: string;
    /**
     * Date of the cancellation/stop decision (SK).
     */
    decisionDate?: string;
  }[];
  /**
   * [P] art. 28g: ratings of the last two years.
   */
  performanceRatings?: {
    year: number;
    predicate: "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";
  }[];
  /**
   * [P] art. 28f: doctor's letter stating physical and mental health.
   */
  healthCertificate?: boolean;
  /**
   * [P] art. 28h: proposed by the unit secretary.
   */
  proposedBySecretary?: boolean;
  /**
   * [P] art. 28i: recommendation of a JPT madya official (doctoral or self-funded).
   */
  recommendationLetter?: boolean;
  /**
   * [P] art. 28j: passed the university's or sponsor's selection.
   */
  selectionPassed?: boolean;
  /**
   * [P] art. 28k: signed the Tugas Belajar agreement.
   */
  agreementSigned?: boolean;
}
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
