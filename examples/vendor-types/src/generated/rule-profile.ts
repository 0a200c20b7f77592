/* Generated from schemas/rule-profile.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A JP conversion rule profile: per-method rules and yearly obligations, every number with its source.
 */
export interface RuleProfile {
  $schema?: string;
  id: string;
  title: string;
  document: {
    title: string;
    number: string;
    date: string;
    mark: string;
  };
  extends?: string;
  effectiveFrom: {
    value: string;
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  effectiveTo?: {
    value: string;
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  notes?: {
    id: string;
    en: string;
  }[];
  obligations?: {
    PNS?: {
      requiredJp: number;
      maxJp?: number;
      /**
       * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
       */
      source: string;
    };
    PPPK?: {
      requiredJp: number;
      maxJp?: number;
      /**
       * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
       */
      source: string;
    };
    TKK?: {
      requiredJp: number;
      maxJp?: number;
      /**
       * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
       */
      source: string;
    };
  };
  pppkMethods?: {
    value: (
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
      | "nonklasikal_lainnya"
    )[];
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  /**
   * Fields every Individual Development Plan must fill.
   */
  planRequiredFields?: {
    /**
     * @minItems 1
     */
    value: [
      (
        | "nip"
        | "name"
        | "position"
        | "competencyType"
        | "method"
        | "organizer"
        | "facilitator"
        | "schedule"
        | "curriculumFit"
        | "performanceData"
        | "budget"
        | "jp"
      ),
      ...(
        | "nip"
        | "name"
        | "position"
        | "competencyType"
        | "method"
        | "organizer"
        | "facilitator"
        | "schedule"
        | "curriculumFit"
        | "performanceData"
        | "budget"
        | "jp"
      )[]
    ];
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  /**
   * Quarter of year Y−1 by whose end the plan for year Y is approved by the PPK and sent to LAN.
   */
  planDeadlines?: {
    approvalQuarter: number;
    lanQuarter: number;
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  /**
   * Learning paths whose activities the direct superior approves before the SDM unit verifies them.
   */
  supervisorApproval?: {
    paths: ("klasikal" | "nonklasikal")[];
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
  };
  learningModel?: {
    /**
     * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
     */
    source: string;
    target: {
      experiential: number;
      social: number;
      formal: number;
    };
    methods: {
      experiential: (
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
        | "nonklasikal_lainnya"
      )[];
      social: (
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
        | "nonklasikal_lainnya"
      )[];
      formal: (
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
        | "nonklasikal_lainnya"
      )[];
    };
  };
  methods?: {
    [k: string]: {
      basis?: {
        value: "certificate" | "perDay" | "perSession" | "perActivity" | "programme" | "hours";
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      /**
       * JP printed on the evidence counts first; the conversion applies only when none is stated.
       */
      statedFirst?: {
        value: boolean;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      rate?: {
        domestic: number;
        /**
         * When absent, international = domestic × internationalMultiplier (or domestic).
         */
        international?: number;
        /**
         * The rate is a maximum per unit; hours studied below it count as studied.
         */
        isMaximum?: boolean;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      /**
       * "+20%" rules: international = domestic × value.
       */
      internationalMultiplier?: {
        value: number;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      sessionsDefault?: {
        value: number;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      maxPerDay?: {
        value: number;
        appliesMultiplier?: boolean;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      maxDays?: {
        value: number;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      maxPerActivity?: {
        domestic: number;
        international: number;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      maxPerActivityRunByWorkUnit?: {
        value: number;
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      perMonth?: {
        value: number;
        unit: "session" | "day" | "activity";
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      perYear?: {
        value: number;
        unit: "session" | "day" | "activity";
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      evidence?: {
        /**
         * @minItems 1
         */
        value: [
          "sertifikat" | "sttpl" | "piagam" | "surat_keterangan" | "laporan",
          ...("sertifikat" | "sttpl" | "piagam" | "surat_keterangan" | "laporan")[]
        ];
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
      /**
       * Target group ("Sasaran") of the method.
       */
      target?: {
        /**
         * Gap levels the method is meant for; absent = any.
         *
         * @minItems 1
         */
        gapLevels?: ["rendah" | "sedang" | "tinggi", ...("rendah" | "sedang" | "tinggi")[]];
        /**
         * Suits an employee who cannot leave the workplace.
         */
        suitsCannotLeaveWorkplace?: boolean;
        /**
         * Meant for talent development (performance sangat baik/baik, [P] art. 6(4)).
         */
        talent?: boolean;
        /**
         * @minItems 1
         */
        competencyTypes?: [
          "teknis" | "manajerial" | "sosial_kultural",
          ...("teknis" | "manajerial" | "sosial_kultural")[]
        ];
        description: {
          id: string;
          en: string;
        };
        /**
         * Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".
         */
        source: string;
      };
    };
  };
}
