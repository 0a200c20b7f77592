/* Generated from schemas/ip-asn-office-input.schema.json by examples/vendor-types/generate.mjs. Do not edit. */

/**
 * Employees, activities and facts of an office for its IP ASN report.
 */
export interface IpAsnOfficeInput {
  employees: Employee[];
  activities?: LearningActivity[];
  /**
   * Per-employee facts of the measured year: performance predicate and disciplinary record ([] = none).
   */
  facts?: {
    nip: string;
    performancePredicate?: "sangat_baik" | "baik" | "butuh_perbaikan" | "kurang" | "sangat_kurang";
    disciplinaryPunishments?: {
      level: "ringan" | "sedang" | "berat";
      date: string;
    }[];
  }[];
  /**
   * Scores SIASN returns (nilaiipasn), to compare with the computed ones.
   */
  siasn?: {
    nip: string;
    kualifikasi: number;
    kompetensi: number;
    kinerja: number;
    disiplin: number;
    total: number;
  }[];
}
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
/**
 * One competency-development activity of one employee, with its evidence.
 */
export interface LearningActivity {
  id: string;
  /**
   * NIP (PNS), NIPPPK (PPPK) or internal id (TKK) of the learner.
   */
  nip: string;
  method:
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
  title: string;
  organizer?: string;
  /**
   * Held abroad (luar negeri); domestic when false.
   */
  international?: boolean;
  startDate: string;
  endDate: string;
  /**
   * Attendance days; when absent, the inclusive span from startDate to endDate.
   */
  days?: number;
  /**
   * Meetings: coaching, mentoring, komunitas belajar, belajar mandiri sittings, bimbingan di tempat kerja.
   */
  sessions?: number;
  /**
   * Clock hours studied or worked, where a rule counts hours.
   */
  hours?: number;
  /**
   * JP of the programme/curriculum.
   */
  programmeJp?: number;
  /**
   * JP printed on the evidence.
   */
  statedJp?: number;
  /**
   * A bimtek run by a work unit rather than the SDM unit ([P] art. 57(7–8)).
   */
  runByWorkUnit?: boolean;
  competencyType?: "teknis" | "manajerial" | "sosial_kultural";
  evidence?: Evidence;
  /**
   * JP set by the SDM unit in place of the conversion ([P] art. 12(2)f); whether caps still apply is the policy `overrideCaps`.
   */
  override?: {
    jp: number;
    /**
     * Why the computed JP is replaced (shown in the trace).
     */
    reason: string;
    /**
     * Who set it (user name or NIP of the officer).
     */
    by: string;
  };
  /**
   * Workflow state. A record without a status is taken as verified (e.g. a finished register or a SIASN import).
   */
  status?: "draft" | "submitted" | "verified" | "rejected";
  [k: string]: unknown;
}
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
