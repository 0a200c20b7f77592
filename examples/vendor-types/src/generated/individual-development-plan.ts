/* Generated from schemas/individual-development-plan.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A yearly Individual Development Plan ([P] art. 17).
 */
export interface IndividualDevelopmentPlan {
  /**
   * The year the plan is for.
   */
  year: number;
  /**
   * [P] art. 17(2)a NIP.
   */
  nip?: string;
  /**
   * [P] art. 17(2)a nama.
   */
  name?: string;
  employeeKind?: "PNS" | "PPPK" | "TKK";
  unit?: string;
  /**
   * [P] art. 17(2)b jabatan yang akan dikembangkan.
   */
  position?: string;
  /**
   * Competency gap from post-evaluation ([K] V.C).
   */
  gapLevel?: "rendah" | "sedang" | "tinggi";
  /**
   * Latest performance predicate ([P] art. 6(3)).
   */
  performancePredicate?: "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";
  /**
   * [P] art. 17(2)i data hasil penilaian kinerja (e.g. the appraisal reference).
   */
  performanceData?: string;
  /**
   * The employee cannot leave the workplace ([K] IV "Sasaran").
   */
  cannotLeaveWorkplace?: boolean;
  /**
   * Budget available for this plan (rupiah).
   */
  budgetAvailable?: number;
  status?: "draft" | "approved" | "sent_to_lan";
  draftedOn?: string;
  /**
   * Approval by the PPK ([P] art. 17(4)).
   */
  approvedOn?: string;
  /**
   * Sent to LAN ([P] art. 17(5)).
   */
  sentToLanOn?: string;
  items: {
    /**
     * Item id; defaults to its position (item-1, item-2, …).
     */
    id?: string;
    /**
     * [P] art. 17(2)c jenis kompetensi.
     */
    competencyType?: "teknis" | "manajerial" | "sosial_kultural";
    /**
     * [P] art. 17(2)d bentuk dan jalur.
     */
    method?:
      | "pelatihan_struktural_kepemimpinan"
      | "pelatihan_dasar"
      | "pelatihan_manajerial"
      | "pelatihan_teknis"
      | "pelatihan_fungsional"
      | "pelatihan_sosial_kultural"
      | "seminar"
      | "workshop"
      | "kursus"
      | "penataran"
      | "bimbingan_teknis"
      | "sosialisasi"
      | "klasikal_lainnya"
      | "coaching"
      | "mentoring"
      | "e_learning"
      | "pelatihan_jarak_jauh"
      | "detasering"
      | "outbound"
      | "benchmarking"
      | "pertukaran_pegawai"
      | "belajar_mandiri"
      | "komunitas_belajar"
      | "bimbingan_di_tempat_kerja"
      | "magang"
      | "nonklasikal_lainnya";
    title?: string;
    /**
     * [P] art. 17(2)e penyelenggara.
     */
    organizer?: string;
    /**
     * [P] art. 17(2)f fasilitator.
     */
    facilitator?: string;
    /**
     * [P] art. 17(2)g jadwal.
     */
    startDate?: string;
    endDate?: string;
    international?: boolean;
    days?: number;
    sessions?: number;
    hours?: number;
    programmeJp?: number;
    runByWorkUnit?: boolean;
    /**
     * [P] art. 17(2)h kesesuaian dengan standar kurikulum.
     */
    curriculumFit?: string;
    /**
     * [P] art. 17(2)j anggaran (rupiah).
     */
    budget?: number;
    /**
     * [P] art. 17(2)k jumlah JP.
     */
    jp?: number;
  }[];
}
