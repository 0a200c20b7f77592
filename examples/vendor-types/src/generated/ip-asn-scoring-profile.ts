/* Generated from schemas/ip-asn-scoring-profile.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * An IP ASN scoring profile: every point value with its source and confidence.
 */
export interface IpAsnScoringProfile {
  $schema?: string;
  id: string;
  version: string;
  title: string;
  document: {
    title: string;
    number: string;
    mark: string;
  };
  measurementYears: {
    from: number;
    to?: number;
    source: string;
  };
  /**
   * Employee kinds the measurement covers; absent = PNS and PPPK.
   */
  measuredKinds?: {
    /**
     * @minItems 1
     */
    value: ["PNS" | "PPPK", ...("PNS" | "PPPK")[]];
    source: string;
  };
  dimensions: {
    kualifikasi: {
      max: {
        points: number;
        source: string;
        confidence: "verified" | "unverified";
      };
      byEducation: {
        [k: string]: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
      };
    };
    kompetensi: {
      max: {
        points: number;
        source: string;
        confidence: "verified" | "unverified";
      };
      /**
       * From 2023: a base set by the performance predicate.
       */
      baseByPredicate?: {
        [k: string]: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
      };
      items: {
        points: number;
        source: string;
        confidence: "verified" | "unverified";
        id: string;
        label: {
          id: string;
          en: string;
        };
        /**
         * Counts activities of these methods (any method when absent).
         */
        methods?: (
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
        competencyTypes?: ("teknis" | "manajerial" | "sosial_kultural")[];
        /**
         * Applies only to these position kinds.
         */
        positionKinds?: ("jpt" | "administrasi" | "fungsional")[];
        /**
         * The measured year, or it and the year before.
         */
        window: "year" | "twoYears";
        /**
         * JP that must count in the window (0 = one activity).
         */
        minJp: number;
      }[];
    };
    kinerja: {
      max: {
        points: number;
        source: string;
        confidence: "verified" | "unverified";
      };
      byPredicate: {
        [k: string]: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
      };
    };
    disiplin: {
      max: {
        points: number;
        source: string;
        confidence: "verified" | "unverified";
      };
      /**
       * Which punishments count: those in the measured year, or any.
       */
      window: "year" | "ever";
      byPunishment: {
        none: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
        ringan: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
        sedang: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
        berat: {
          points: number;
          source: string;
          confidence: "verified" | "unverified";
        };
      };
    };
  };
  /**
   * @minItems 1
   */
  categories: [
    {
      min: number;
      max: number;
      label: {
        id: string;
        en: string;
      };
      altLabel?: string;
      source: string;
      confidence: "verified" | "unverified";
    },
    ...{
      min: number;
      max: number;
      label: {
        id: string;
        en: string;
      };
      altLabel?: string;
      source: string;
      confidence: "verified" | "unverified";
    }[]
  ];
}
