/* Generated from schemas/training-event.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * A competency-development event (e.g. a bimtek) run by the agency.
 */
export interface TrainingEvent {
  id: string;
  title: string;
  /**
   * Tema ([E] item 2.1, 2.5).
   */
  theme: string;
  /**
   * Tujuan penyelenggaraan ([E] item 2.1).
   */
  objective: string;
  /**
   * Masalah/kasus yang dihadapi pegawai yang hendak diselesaikan ([E] item 2.1).
   */
  problemAddressed: string;
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
  competencyType?: "teknis" | "manajerial" | "sosial_kultural";
  /**
   * Penyelenggara: the unit that runs the event.
   */
  organizer: string;
  /**
   * Run by a work unit rather than the unit handling HR development ([P] art. 57(7)–(8)).
   */
  runByWorkUnit?: boolean;
  international?: boolean;
  startDate: string;
  endDate: string;
  /**
   * @minItems 1
   */
  sessions: [
    {
      id: string;
      date: string;
      title?: string;
      /**
       * JP of this session in the programme (informative; the programme JP is what is credited).
       */
      jp?: number;
    },
    ...{
      id: string;
      date: string;
      title?: string;
      /**
       * JP of this session in the programme (informative; the programme JP is what is credited).
       */
      jp?: number;
    }[]
  ];
  /**
   * Clock hours of the programme, where the method counts hours.
   */
  hours?: number;
  /**
   * JP of the programme (kurikulum).
   */
  programmeJp: number;
  /**
   * @minItems 1
   */
  facilitators: [
    {
      name: string;
      /**
       * NIP when the facilitator is a civil servant.
       */
      nip?: string;
      institution?: string;
      /**
       * e.g. narasumber, fasilitator, moderator.
       */
      role?: string;
    },
    ...{
      name: string;
      /**
       * NIP when the facilitator is a civil servant.
       */
      nip?: string;
      institution?: string;
      /**
       * e.g. narasumber, fasilitator, moderator.
       */
      role?: string;
    }[]
  ];
  location:
    | {
        mode: "offline";
        venue: string;
        city?: string;
      }
    | {
        mode: "online";
        url: string;
        platform?: string;
      }
    | {
        mode: "blended";
        venue: string;
        city?: string;
        url: string;
      };
}
