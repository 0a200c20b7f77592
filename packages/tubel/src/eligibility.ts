import type {
  Message,
  PositionLevel,
  Problem,
  PublicSchema,
  Result,
  Rule,
  TugasBelajarCandidate,
  TugasBelajarProgramme,
} from '@bangkom/domain';
import {
  evaluateRules,
  TugasBelajarCandidate as CandidateSchema,
  TugasBelajarProgramme as ProgrammeSchema,
  fail,
  ok,
  parseEmployeeNumber,
  parseWith,
  today,
} from '@bangkom/domain';
import { z } from 'zod';
import retirementTable from '../data/retirement-ages.json' with { type: 'json' };
import { addDays, addMonths, firstDayOfNextMonth, laterOf, periodEnd } from './calendar.js';

export type CriterionStatus = 'pass' | 'fail' | 'unknown';

export interface Criterion {
  /** Stable id, e.g. `art28a.service_one_year`. */
  id: string;
  status: CriterionStatus;
  reason: Message;
  /** Article that sets the condition. */
  source: string;
  /** For a time-based failure: the first date on which this criterion passes. */
  passesOn?: string;
}

export interface RetirementTable {
  source: string;
  ages: Partial<Record<PositionLevel, { age: number; source: string }>>;
}

/** Named policy parameters for what art. 28–45 leave open; defaults documented in the README. */
export interface TubelPolicy {
  /** Days after the end of study to report to the PPK ("paling lambat 15 hari", art. 37(2)c), counted as calendar days. */
  reportDays: number;
  /** Performance predicates that count as "nilai baik" (art. 28g). Default: baik and sangat_baik. */
  goodPredicates: readonly string[];
  /**
   * Years that art. 28e.1 ("tidak pernah dijatuhi hukuman disiplin minimal tingkat sedang") looks back.
   * Default `null`: ever, as the text says.
   */
  disciplineLookbackYears: number | null;
  /** Accreditations that count as "minimal A" for a self-funded Tugas Belajar (art. 30(4)). Default A and Unggul. */
  selfFundedAccreditations: readonly string[];
}

export const defaultTubelPolicy: TubelPolicy = {
  reportDays: 15,
  goodPredicates: ['baik', 'sangat_baik'],
  disciplineLookbackYears: null,
  selfFundedAccreditations: ['A', 'unggul'],
};

export interface EligibilityOptions {
  /** Assessment date (ISO); default today in `timeZone`. */
  asOf?: string;
  /** The agency's time zone, for "today" (default `DEFAULT_TIME_ZONE` of `@bangkom/domain`). */
  timeZone?: string;
  retirementAges?: RetirementTable;
  policy?: Partial<TubelPolicy>;
}

export interface EligibilityDates {
  birthDate: string | null;
  retirementAge: number | null;
  /** First day of the month after the month the BUP is reached (PP 11/2017 art. 239). */
  retirementDate: string | null;
  /** When every failing criterion is time-based: the first date on which all of them pass. */
  earliestEligibleDate: string | null;
  plannedStart: string;
  /** Last day of the normative duration ([P] art. 38(2)). */
  plannedEnd: string;
  /** With the maximum extension of 2 semesters / 1 year ([P] art. 38(3)). */
  latestEndWithExtension: string;
  /** Report to the PPK within 15 days of the end of study ([P] art. 37(2)c). */
  reportToPpkBy: string;
  /** Service bond: 2× (released), 1× (not released), 1× (self-funded, released) the study period ([P] art. 37(2)d). */
  serviceBondMonths: number;
  serviceBondEnd: string;
  /** Re-entry programme of at most 1 year after completion ([P] art. 43(5)). */
  reentryProgrammeEnd: string;
  releasedFromDuty: boolean;
  releasedFromDutySource: string;
}

export interface Eligibility {
  eligible: boolean;
  criteria: Criterion[];
  dates: EligibilityDates;
}

export const defaultRetirementAges: RetirementTable = retirementTable as RetirementTable;

const P = (article: string) => `[P] art. ${article}`;
/** An accreditation as BAN-PT writes it ("Baik Sekali", not `baik_sekali`); the grades are the same words in English. */
const accreditationName = (accreditation: string, lang: 'id' | 'en' = 'id') =>
  accreditation === 'none'
    ? { id: 'tanpa akreditasi', en: 'not accredited' }[lang]
    : accreditation.replace('_', ' ').replace(/^[a-z]| [a-z]/g, (c) => c.toUpperCase());
const msg = (id: string, en: string): Message => ({ id, en });

/** What every criterion reads: the parsed candidate and programme and the facts derived once from them. */
export interface EligibilityContext {
  candidate: TugasBelajarCandidate;
  programme: TugasBelajarProgramme;
  asOf: string;
  policy: TubelPolicy;
  /** Planned start (the programme's, or `asOf`). */
  start: string;
  /** Normative duration in months. */
  duration: number;
  released: boolean;
  /** Retirement age (BUP) of the candidate's position level, from the retirement table. */
  bup: { age: number; source: string } | undefined;
  retirementDate: string | null;
}

/** A criterion's finding; `source` when it cites a finer point than the criterion's article. */
type Finding = Pick<Criterion, 'status' | 'reason'> & { source?: string; passesOn?: string };
type CriterionRule = Rule<EligibilityContext, Finding>;
type Texts = { pass: Message; fail: Message; unknown: Message };

/** A yes/no fact of the candidate: unknown when not stated, pass when it equals `okWhen`. */
const factFinding = (value: boolean | undefined, okWhen: boolean, text: Texts): Finding =>
  value === undefined
    ? { status: 'unknown', reason: text.unknown }
    : value === okWhen
      ? { status: 'pass', reason: text.pass }
      : { status: 'fail', reason: text.fail };

const fact = (id: string, source: string, read: (c: TugasBelajarCandidate) => boolean | undefined, okWhen: boolean, text: Texts) =>
  ({ id, source, evaluate: ({ candidate }) => factFinding(read(candidate), okWhen, text) }) satisfies CriterionRule;

/** True when any is true, unknown when none is true and one is unknown. */
const anyOf = (...values: (boolean | undefined)[]): boolean | undefined =>
  values.includes(true) ? true : values.includes(undefined) ? undefined : false;

const UNKNOWN_PREVIOUS: Finding = {
  status: 'unknown',
  reason: msg('Riwayat Tugas Belajar sebelumnya tidak diketahui', 'Previous Tugas Belajar unknown'),
};

/**
 * The criteria of a Tugas Belajar, in the order of [P] art. 26, 28 a–k, 29, 31 and 30(4).
 * Each is evaluated on its own; the candidate is eligible when every one passes.
 */
export const eligibilityCriteria: readonly CriterionRule[] = [
  {
    // Tugas Belajar is an assignment given to a PNS.
    id: 'art26.pns_only',
    source: `${P('1 angka 13')}; ${P('26(3)')}`,
    evaluate: ({ candidate: { kind } }) =>
      kind === 'PNS'
        ? { status: 'pass', reason: msg('Tugas Belajar diberikan kepada PNS', 'Tugas Belajar is given to a PNS') }
        : {
            status: 'fail',
            reason: msg(`Tugas Belajar hanya diberikan kepada PNS, bukan ${kind}`, `Tugas Belajar is given to PNS only, not to ${kind}`),
          },
  },
  {
    // a. ≥ 1 year of service since appointment as PNS.
    id: 'art28a.service_one_year',
    source: P('28a'),
    evaluate: ({ candidate: { tmtPns }, start }) => {
      if (!tmtPns) return { status: 'unknown', reason: msg('TMT PNS tidak diketahui', 'PNS appointment date (TMT PNS) unknown') };
      const passesOn = addMonths(tmtPns, 12);
      return passesOn <= start
        ? {
            status: 'pass',
            reason: msg(
              `Masa kerja sejak TMT PNS ${tmtPns} paling sedikit 1 tahun pada ${start}`,
              `At least 1 year of service since ${tmtPns} on ${start}`,
            ),
          }
        : {
            status: 'fail',
            reason: msg(
              `Masa kerja 1 tahun sejak TMT PNS ${tmtPns} baru tercapai pada ${passesOn}`,
              `1 year of service since ${tmtPns} is reached only on ${passesOn}`,
            ),
            passesOn,
          };
    },
  },
  {
    // b. Remaining service before the BUP ≥ 3× (released, b.1) or 2× (not released, b.2) the normative duration.
    id: 'art28b.remaining_service',
    source: P('28b'),
    evaluate: ({ bup, retirementDate, released, start, duration }) => {
      if (!retirementDate || !bup)
        return {
          status: 'unknown',
          reason: msg(
            'Jenjang jabatan tidak diketahui, BUP tidak dapat ditentukan',
            'Position level unknown; the retirement age cannot be set',
          ),
        };
      const factor = released ? 3 : 2;
      const needed = addMonths(start, factor * duration);
      const passed = needed <= retirementDate;
      return {
        source: `${P(`28b.${released ? 1 : 2}`)}; ${bup.source}`,
        status: passed ? 'pass' : 'fail',
        reason: msg(
          `Sisa masa kerja dari ${start} sampai pensiun ${retirementDate} (BUP ${bup.age}) ${passed ? 'mencukupi' : 'kurang dari'} ${factor} × ${duration} bulan (sampai ${needed})`,
          `Service left from ${start} to retirement on ${retirementDate} (age ${bup.age}) ${passed ? 'covers' : 'falls short of'} ${factor} × ${duration} months (to ${needed})`,
        ),
      };
    },
  },
  fact('art28c.field_fits', P('28c'), (c) => c.fieldFits, true, {
    pass: msg(
      'Latar belakang pendidikan, pengalaman, atau jabatan sesuai dengan program studi',
      'Education, experience or position fits the programme',
    ),
    fail: msg('Latar belakang tidak sesuai dengan program studi', 'Background does not fit the programme'),
    unknown: msg('Kesesuaian latar belakang dengan program studi belum dinyatakan', 'Fit with the programme not stated'),
  }),
  fact('art28d1.not_under_investigation', P('28d.1'), (c) => c.underInvestigation, false, {
    pass: msg('Tidak sedang dalam pemeriksaan pelanggaran disiplin/tindak pidana', 'Not under investigation'),
    fail: msg(
      'Sedang dalam pemeriksaan pelanggaran disiplin dan/atau tindak pidana',
      'Currently under investigation for a disciplinary or criminal matter',
    ),
    unknown: msg('Status pemeriksaan tidak diketahui', 'Investigation status unknown'),
  }),
  {
    // d.2 currently serving prison/detention or a moderate/heavy disciplinary punishment.
    id: 'art28d2.not_serving_punishment',
    source: P('28d.2'),
    evaluate: ({ candidate, asOf }) => {
      const servingDiscipline = candidate.disciplinaryPunishments?.some(
        (p) => p.level !== 'ringan' && p.date <= asOf && (p.endDate === undefined || p.endDate >= asOf),
      );
      return factFinding(anyOf(candidate.servingSentence, servingDiscipline), false, {
        pass: msg(
          'Tidak sedang menjalani pidana atau hukuman disiplin sedang/berat',
          'Not serving a sentence or a moderate/heavy disciplinary punishment',
        ),
        fail: msg(
          'Sedang menjalani pidana penjara/kurungan atau hukuman disiplin sedang/berat',
          'Serving a sentence or a moderate/heavy disciplinary punishment',
        ),
        unknown: msg('Status pidana/hukuman disiplin saat ini tidak diketahui', 'Current sentence/punishment status unknown'),
      });
    },
  },
  fact('art28d3.not_on_leave_or_suspended', P('28d.3'), (c) => anyOf(c.onUnpaidLeave, c.temporarilyDismissed), false, {
    pass: msg('Tidak sedang cuti di luar tanggungan negara atau diberhentikan sementara', 'Not on unpaid leave or temporarily dismissed'),
    fail: msg('Sedang cuti di luar tanggungan negara dan/atau diberhentikan sementara', 'On unpaid leave and/or temporarily dismissed'),
    unknown: msg('Status cuti/pemberhentian sementara tidak diketahui', 'Leave/suspension status unknown'),
  }),
  {
    // e.1 never punished with at least a moderate disciplinary sanction (policy: look-back period).
    id: 'art28e1.never_moderate_discipline',
    source: P('28e.1'),
    evaluate: ({ candidate, asOf, policy }) => {
      const lookbackFrom = policy.disciplineLookbackYears === null ? undefined : addMonths(asOf, -12 * policy.disciplineLookbackYears);
      const moderate = candidate.disciplinaryPunishments?.filter(
        (p) => p.level !== 'ringan' && (lookbackFrom === undefined || p.date >= lookbackFrom),
      );
      const first = moderate?.[0];
      return factFinding(moderate === undefined ? undefined : first !== undefined, false, {
        pass: msg(
          'Tidak pernah dijatuhi hukuman disiplin tingkat sedang atau berat',
          'Never punished with a moderate or heavy disciplinary sanction',
        ),
        fail: msg(
          `Pernah dijatuhi hukuman disiplin tingkat ${first?.level} (${first?.date})`,
          `Punished with a ${first?.level === 'berat' ? 'heavy' : 'moderate'} disciplinary sanction (${first?.date})`,
        ),
        unknown: msg('Riwayat hukuman disiplin tidak diketahui', 'Disciplinary record unknown'),
      });
    },
  },
  fact(
    'art28e2.never_imprisoned',
    P('28e.2'),
    (c) => (c.criminalSentences === undefined ? undefined : c.criminalSentences.length > 0),
    false,
    {
      pass: msg('Tidak pernah dijatuhi pidana penjara atau kurungan', 'Never sentenced to prison or detention'),
      fail: msg(
        'Pernah dijatuhi pidana penjara atau kurungan berdasarkan putusan pengadilan',
        'Sentenced to prison or detention by a court',
      ),
      unknown: msg('Riwayat pidana tidak diketahui', 'Criminal record unknown'),
    },
  ),
  {
    // e.3 no Tugas Belajar cancelled/stopped for unjustified reasons within 2 years of the decision.
    id: 'art28e3.no_recent_unjustified_cancellation',
    source: P('28e.3'),
    evaluate: ({ candidate: { previousTugasBelajar: previous }, start }) => {
      if (previous === undefined) return UNKNOWN_PREVIOUS;
      const blocking = previous
        .filter((t) => t.outcome !== 'completed' && t.justified !== true)
        .map((t) => ({ t, until: t.decisionDate ? addMonths(t.decisionDate, 24) : undefined }));
      const passesOn = blocking
        .flatMap((b) => (b.until !== undefined && b.until > start ? [b.until] : []))
        .sort()
        .at(-1);
      if (passesOn !== undefined)
        return {
          status: 'fail',
          reason: msg(
            `Tugas Belajar dibatalkan/dihentikan tanpa alasan yang dibenarkan; 2 tahun sejak keputusan berakhir ${passesOn}`,
            `A Tugas Belajar was cancelled/stopped for unjustified reasons; the 2 years since the decision end on ${passesOn}`,
          ),
          passesOn,
        };
      if (blocking.some((b) => b.until === undefined || b.t.justified === undefined))
        return {
          status: 'unknown',
          reason: msg(
            'Pembatalan/penghentian Tugas Belajar tanpa tanggal keputusan atau tanpa keterangan alasan',
            'A cancelled/stopped Tugas Belajar lacks its decision date or whether its reason is justified',
          ),
        };
      return {
        status: 'pass',
        reason: msg(
          'Tidak ada pembatalan/penghentian Tugas Belajar tanpa alasan yang dibenarkan dalam 2 tahun terakhir',
          'No unjustified cancellation/stop of a Tugas Belajar within 2 years',
        ),
      };
    },
  },
  fact('art28f.healthy', P('28f'), (c) => c.healthCertificate, true, {
    pass: msg('Sehat jasmani dan rohani menurut surat keterangan dokter', "Healthy according to a doctor's letter"),
    fail: msg('Tidak ada surat keterangan sehat dari dokter', "No doctor's letter of health"),
    unknown: msg('Surat keterangan sehat belum diketahui', "Doctor's letter unknown"),
  }),
  {
    // g. performance rated "baik" in each of the last two years.
    id: 'art28g.performance_good',
    source: P('28g'),
    evaluate: ({ candidate, asOf, policy }) => {
      const lastYear = Number(asOf.slice(0, 4)) - 1;
      const ratings = [lastYear - 1, lastYear].map((year) => candidate.performanceRatings?.find((r) => r.year === year));
      if (ratings.some((r) => r && !policy.goodPredicates.includes(r.predicate)))
        return {
          status: 'fail',
          reason: msg(
            `Penilaian kinerja ${lastYear - 1}–${lastYear} tidak seluruhnya baik`,
            `Performance in ${lastYear - 1}–${lastYear} not rated good in both years`,
          ),
        };
      return ratings.every((r) => r)
        ? {
            status: 'pass',
            reason: msg(
              `Penilaian kinerja ${lastYear - 1} dan ${lastYear} bernilai baik`,
              `Performance rated good in ${lastYear - 1} and ${lastYear}`,
            ),
          }
        : {
            status: 'unknown',
            reason: msg(
              `Penilaian kinerja ${lastYear - 1} dan/atau ${lastYear} tidak diketahui`,
              `Performance rating of ${lastYear - 1} and/or ${lastYear} unknown`,
            ),
          };
    },
  },
  fact('art28h.proposed', P('28h'), (c) => c.proposedBySecretary, true, {
    pass: msg('Diusulkan oleh Sekretaris Unit Organisasi', 'Proposed by the unit secretary'),
    fail: msg('Tidak diusulkan oleh Sekretaris Unit Organisasi', 'Not proposed by the unit secretary'),
    unknown: msg('Usulan Sekretaris Unit Organisasi belum diketahui', "Unit secretary's proposal unknown"),
  }),
  {
    // i. doctoral and self-funded: recommendation of a JPT madya official.
    id: 'art28i.recommendation',
    source: P('28i'),
    evaluate: ({ candidate, programme }) =>
      programme.level === 'S3' || programme.selfFunded
        ? factFinding(candidate.recommendationLetter, true, {
            pass: msg('Ada surat rekomendasi pejabat pimpinan tinggi madya', 'Recommendation letter of a JPT madya official present'),
            fail: msg(
              'Program doktoral/biaya mandiri tanpa rekomendasi pejabat pimpinan tinggi madya',
              'Doctoral/self-funded programme without a JPT madya recommendation',
            ),
            unknown: msg('Surat rekomendasi pejabat pimpinan tinggi madya belum diketahui', 'JPT madya recommendation unknown'),
          })
        : {
            status: 'pass',
            reason: msg(
              'Rekomendasi JPT madya tidak disyaratkan (bukan doktoral/biaya mandiri)',
              'No JPT madya recommendation needed (neither doctoral nor self-funded)',
            ),
          },
  },
  fact('art28j.selection_passed', P('28j'), (c) => c.selectionPassed, true, {
    pass: msg('Lulus seleksi perguruan tinggi/pemberi beasiswa', "Passed the university's or sponsor's selection"),
    fail: msg('Tidak lulus seleksi', 'Did not pass the selection'),
    unknown: msg('Hasil seleksi belum diketahui', 'Selection result unknown'),
  }),
  fact('art28k.agreement_signed', P('28k'), (c) => c.agreementSigned, true, {
    pass: msg('Perjanjian Tugas Belajar telah ditandatangani', 'Tugas Belajar agreement signed'),
    fail: msg('Perjanjian Tugas Belajar belum ditandatangani', 'Tugas Belajar agreement not signed'),
    unknown: msg('Penandatanganan perjanjian belum diketahui', 'Agreement signature unknown'),
  }),
  {
    // 1 year 6 months of work after a completed Tugas Belajar before the next.
    id: 'art29.gap_after_previous',
    source: P('29'),
    evaluate: ({ candidate: { previousTugasBelajar: previous }, start }) => {
      if (previous === undefined) return UNKNOWN_PREVIOUS;
      const completed = previous.filter((t) => t.outcome === 'completed');
      const passesOn = completed
        .flatMap((t) => (t.endDate ? [addMonths(t.endDate, 18)] : []))
        .sort()
        .at(-1);
      if (passesOn && passesOn > start)
        return {
          status: 'fail',
          reason: msg(
            `Wajib bekerja 1 tahun 6 bulan setelah Tugas Belajar sebelumnya, sampai ${passesOn}`,
            `Must work 1 year 6 months after the previous Tugas Belajar, until ${passesOn}`,
          ),
          passesOn,
        };
      if (completed.some((t) => !t.endDate))
        return {
          status: 'unknown',
          reason: msg('Tanggal selesai Tugas Belajar sebelumnya tidak diketahui', 'End date of the previous Tugas Belajar unknown'),
        };
      return {
        status: 'pass',
        reason: msg(
          'Tidak ada Tugas Belajar selesai dalam 1 tahun 6 bulan terakhir',
          'No Tugas Belajar completed within the last 1 year 6 months',
        ),
      };
    },
  },
  {
    // Programme accreditation: domestic c.1–c.2, foreign c.3 (with art. 27(4)), service colleges d.
    id: 'art31.accreditation',
    source: P('31(1)c–d'),
    evaluate: ({ programme }) => accreditationFinding(programme),
  },
  {
    // Self-funded, domestic: university and programme accredited at least A.
    id: 'art30_4.self_funded_accreditation',
    source: P('30(4)'),
    evaluate: ({ programme, policy }) => {
      if (!programme.selfFunded || programme.location === 'foreign')
        return {
          status: 'pass',
          reason: msg(
            'Tidak berlaku: bukan Tugas Belajar biaya mandiri di dalam negeri',
            'Not applicable: not a domestic self-funded Tugas Belajar',
          ),
        };
      if (programme.accreditation === undefined)
        return { status: 'unknown', reason: msg('Akreditasi program studi tidak diketahui', 'Programme accreditation unknown') };
      return policy.selfFundedAccreditations.includes(programme.accreditation)
        ? { status: 'pass', reason: msg('Biaya mandiri: akreditasi minimal A terpenuhi', 'Self-funded: accreditation of at least A met') }
        : {
            status: 'fail',
            reason: msg(
              `Biaya mandiri memerlukan akreditasi minimal A (Unggul), bukan ${accreditationName(programme.accreditation)}`,
              `Self-funded requires accreditation of at least A (Unggul), not ${accreditationName(programme.accreditation, 'en')}`,
            ),
          };
    },
  },
];

/** Evaluates the criteria table; a finding's own source replaces the criterion's article. */
const evaluateCriteria = (context: EligibilityContext): Criterion[] =>
  evaluateRules(eligibilityCriteria, context).map((finding, i) => {
    const { id, source } = eligibilityCriteria[i]!;
    return {
      id,
      source: finding.source ?? source,
      status: finding.status,
      reason: finding.reason,
      ...(finding.passesOn !== undefined ? { passesOn: finding.passesOn } : {}),
    };
  });

/**
 * Checks a PNS's eligibility for a Tugas Belajar against [P] art. 26, 28 a–k, 29, 30(4) and 31, and
 * computes the dates of its lifecycle. Missing facts give `unknown` and `eligible: false`.
 */
export function checkEligibility(candidateInput: unknown, programmeInput: unknown, options: EligibilityOptions = {}): Result<Eligibility> {
  const candidateResult = parseWith(CandidateSchema, candidateInput, ['candidate']);
  const programmeResult = parseWith(ProgrammeSchema, programmeInput, ['programme']);
  const problems: Problem[] = [
    ...(candidateResult.ok ? [] : candidateResult.problems),
    ...(programmeResult.ok ? [] : programmeResult.problems),
  ];
  // The number is checked with the layout of the kind (NIP, NI PPPK); a TKK has no such number.
  let birthFromNumber: string | undefined;
  if (candidateResult.ok && candidateResult.value.kind !== 'TKK') {
    const c = candidateResult.value;
    const nip = parseEmployeeNumber(c.nip, c.kind === 'PPPK' ? 'PPPK' : 'PNS', { birthDate: c.birthDate }, ['candidate', 'nip']);
    if (nip.ok) birthFromNumber = nip.value.birthDate;
    else problems.unshift(...nip.problems);
  }
  if (!candidateResult.ok || !programmeResult.ok || problems.length > 0) return fail(...problems);
  const candidate = candidateResult.value;
  const programme = programmeResult.value;
  const asOf = options.asOf ?? today(options.timeZone);
  const policy = { ...defaultTubelPolicy, ...options.policy };
  const table = options.retirementAges ?? defaultRetirementAges;

  const birthDate = candidate.birthDate ?? birthFromNumber ?? null;
  const start = programme.startDate ?? asOf;
  const duration = programme.normativeDurationMonths;
  // [P] art. 26(4) and 34(1): released from duty when longer than 6 months, unless art. 26(5)/35 apply.
  const released = programme.releasedFromDuty ?? duration > 6;
  const releasedSource =
    programme.releasedFromDuty === undefined ? `${P('26(4)')}; ${P('34(1)')}: > 6 bulan → dibebaskan` : `${P('26(4)–(5)')}; ${P('35(1)')}`;
  const bup = candidate.positionLevel ? table.ages[candidate.positionLevel] : undefined;
  const retirementDate = bup && birthDate ? firstDayOfNextMonth(addMonths(birthDate, bup.age * 12)) : null;

  const criteria = evaluateCriteria({ candidate, programme, asOf, policy, start, duration, released, bup, retirementDate });
  const eligible = criteria.every((c) => c.status === 'pass');
  const failing = criteria.filter((c) => c.status !== 'pass');
  const earliestEligibleDate =
    !eligible && failing.every((c) => c.status === 'fail' && c.passesOn !== undefined)
      ? failing.map((c) => c.passesOn!).reduce(laterOf)
      : null;

  const plannedEnd = periodEnd(start, duration);
  const afterEnd = addDays(plannedEnd, 1);
  // [P] art. 37(2)d: 2× released, 1× not released, 1× self-funded released.
  const bondFactor = released ? (programme.selfFunded ? 1 : 2) : 1;
  const serviceBondMonths = bondFactor * duration;
  return ok({
    eligible,
    criteria,
    dates: {
      birthDate,
      retirementAge: bup?.age ?? null,
      retirementDate,
      earliestEligibleDate,
      plannedStart: start,
      plannedEnd,
      latestEndWithExtension: periodEnd(start, duration + 12),
      reportToPpkBy: addDays(plannedEnd, policy.reportDays),
      serviceBondMonths,
      serviceBondEnd: periodEnd(afterEnd, serviceBondMonths),
      reentryProgrammeEnd: periodEnd(afterEnd, 12),
      releasedFromDuty: released,
      releasedFromDutySource: releasedSource,
    },
  });
}

/** [P] art. 31(1)c–d (and 27(4) for a foreign university): the programme's accreditation or recognition. */
function accreditationFinding(programme: TugasBelajarProgramme): Finding {
  if (programme.location === 'foreign') {
    const source = `${P('31(1)c.3')}; ${P('27(4)')}`;
    if (programme.foreignRecognised === undefined)
      return {
        source,
        status: 'unknown',
        reason: msg('Pengakuan perguruan tinggi luar negeri belum diketahui', 'Recognition of the foreign university unknown'),
      };
    return programme.foreignRecognised
      ? {
          source,
          status: 'pass',
          reason: msg('Program studi luar negeri diakui kementerian pendidikan', 'Foreign programme recognised by the education ministry'),
        }
      : {
          source,
          status: 'fail',
          reason: msg(
            'Program studi luar negeri tidak diakui kementerian pendidikan',
            'Foreign programme not recognised by the education ministry',
          ),
        };
  }
  if (programme.universityType === 'kedinasan')
    return {
      source: P('31(1)d'),
      status: 'pass',
      reason: msg(
        'Perguruan tinggi kedinasan dikecualikan dari syarat akreditasi',
        'Service colleges are exempt from the accreditation requirement',
      ),
    };
  if (programme.accreditation === undefined)
    return {
      source: P('31(1)c'),
      status: 'unknown',
      reason: msg('Akreditasi program studi tidak diketahui', 'Programme accreditation unknown'),
    };
  if (['unggul', 'A', 'baik_sekali', 'B'].includes(programme.accreditation))
    return {
      source: P('31(1)c.1'),
      status: 'pass',
      reason: msg(
        `Akreditasi ${accreditationName(programme.accreditation)} memenuhi minimal B/Baik Sekali`,
        `Accreditation ${accreditationName(programme.accreditation, 'en')} meets the minimum of B/Baik Sekali`,
      ),
    };
  if (programme.accreditation === 'C' || programme.accreditation === 'baik') {
    const source = P('31(1)c.2');
    if (programme.ministerApproval === undefined)
      return {
        source,
        status: 'unknown',
        reason: msg(
          'Akreditasi C/Baik memerlukan persetujuan Menteri; persetujuan belum diketahui',
          "C/Baik needs the Minister's approval; approval unknown",
        ),
      };
    return programme.ministerApproval
      ? { source, status: 'pass', reason: msg('Akreditasi C/Baik dengan persetujuan Menteri', "C/Baik with the Minister's approval") }
      : { source, status: 'fail', reason: msg('Akreditasi C/Baik tanpa persetujuan Menteri', "C/Baik without the Minister's approval") };
  }
  return { source: P('31(1)c'), status: 'fail', reason: msg('Program studi belum terakreditasi', 'Programme not accredited') };
}

/** Input of `bangkom tubel`: `{ candidate, programme }`. */
export const TubelInput = z
  .object({ candidate: CandidateSchema, programme: ProgrammeSchema })
  .meta({ title: 'TubelInput', description: 'A Tugas Belajar candidate and programme, as read by `bangkom tubel`.' });

export const tubelSchemas: PublicSchema[] = [{ name: 'tubel-input', schema: TubelInput }];
