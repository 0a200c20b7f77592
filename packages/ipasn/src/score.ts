import type { IpAsnInput, LearningActivity, Message, Problem, Result, Rule } from '@bangkom/domain';
import { IpAsnInput as InputSchema, evaluateRules, fail, ok, parseWith } from '@bangkom/domain';
import type { ActivityResult, PolicyParameters, RuleProfile } from '@bangkom/jp';
import { computeJp, DEFAULT_PROFILE_ID } from '@bangkom/jp';
import type { Confidence, Points, ScoringProfile } from './profile.js';
import { scoringProfileFor } from './profile.js';

export const dimensionNames = ['kualifikasi', 'kompetensi', 'kinerja', 'disiplin'] as const;
export type Dimension = (typeof dimensionNames)[number];

/** One input or profile value that went into a score. */
export interface ScoreStep {
  dimension: Dimension;
  rule: string;
  description: Message;
  points: number;
  source: string;
  confidence: Confidence;
  /** Whether the value entered the score (false for a kompetensi item that was not met). */
  used: boolean;
}

export interface IpAsnScore {
  nip: string;
  year: number;
  profile: string;
  profileVersion: string;
  total: number;
  /** The regulation's label of the band (e.g. "Sedang"). */
  category: string;
  categoryDetail: { label: Message; altLabel?: string; source: string };
  dimensions: Record<Dimension, { score: number; max: number }>;
  /** True when a value marked `unverified` in the profile contributed to the score. */
  unverified: boolean;
  /** Facts that were not given and scored nothing. */
  missing: string[];
  trace: ScoreStep[];
}

export interface ScoreOptions {
  year: number;
  profile?: string | ScoringProfile | readonly ScoringProfile[];
  /** JP rule profile for the training history (default `DEFAULT_PROFILE_ID` of `@bangkom/jp`; pass `pupr-2023`, in force from 11 January 2023, for earlier years). */
  jpProfile?: string | RuleProfile;
  /** Policy parameters of the JP engine for the training history (e.g. `pppkOtherMethods`). */
  jpPolicy?: Partial<PolicyParameters>;
  /**
   * Activities whose JP the caller has already computed (e.g. an application's stored JP totals),
   * counted as they are; the input's `activities` are then only those still to convert.
   */
  counted?: ScoreContext['counted'];
}

const GOOD_TO_POOR = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
const SEVERITY = ['ringan', 'sedang', 'berat'] as const;

/** Scores one employee for a measurement year under a scoring profile, with a trace of every value used. */
export function scoreEmployee(input: unknown, options: ScoreOptions): Result<IpAsnScore> {
  const parsed = parseWith(InputSchema, input);
  if (!parsed.ok) return parsed;
  const profile = scoringProfileFor(options.profile, options.year);
  if (!profile.ok) return profile;
  return scoreParsed(parsed.value, profile.value, options);
}

/** Why an employee is not measured in a year under a profile (e.g. PPPK before 2023), or undefined when they are. */
export function notMeasuredReason(kind: IpAsnInput['kind'], profile: ScoringProfile, year: number): Problem | undefined {
  const kinds: readonly string[] = profile.measuredKinds?.value ?? ['PNS', 'PPPK'];
  if (kinds.includes(kind)) return undefined;
  const source = profile.measuredKinds?.source ?? profile.document.number;
  return {
    path: ['kind'],
    code: 'ipasn.not_measured',
    message:
      kind === 'PPPK'
        ? {
            id: `PPPK tidak diukur IP ASN-nya untuk tahun ${year}: PPPK diukur mulai pengukuran 2023 (${source})`,
            en: `PPPK are not measured for ${year}: PPPK are measured from the 2023 measurement (${source})`,
          }
        : {
            id: `Pegawai ${kind} tidak diukur IP ASN-nya untuk tahun ${year} (${source})`,
            en: `${kind} employees are not measured for ${year} (${source})`,
          },
  };
}

/** What every scoring rule reads: the employee, the measurement year and profile, and the JP that counts. */
export interface ScoreContext {
  employee: IpAsnInput;
  year: number;
  profile: ScoringProfile;
  /** Activities of the two-year window whose JP counts (> 0), with that JP from the JP engine. */
  counted: readonly { result: ActivityResult; activity: LearningActivity }[];
}

/** A rule's part of its dimension's score, the trace of the values it used, and the facts it lacked. */
export interface Contribution {
  points: number;
  steps: ScoreStep[];
  missing?: string[];
}

export type ScoringRule = Rule<ScoreContext, Contribution> & { dimension: Dimension };

const scoreStep = (
  dimension: Dimension,
  rule: string,
  value: Points,
  description: Message,
  points = value.points,
  used = true,
): ScoreStep => ({ dimension, rule, description, points, source: value.source, confidence: value.confidence, used });
const nothing = (...missing: string[]): Contribution => ({ points: 0, steps: [], missing });

/**
 * The scoring rules, grouped by dimension in the order of the total. The values come from the
 * scoring profile (which cites each); a dimension's score is capped at the profile's maximum.
 */
export const scoringRules: readonly ScoringRule[] = [
  {
    // Highest education.
    id: 'kualifikasi',
    dimension: 'kualifikasi',
    source: 'PermenPANRB 38/2018: dimensi kualifikasi',
    evaluate: ({ employee: { education }, profile }) => {
      const d = profile.dimensions.kualifikasi;
      const value = education === undefined ? undefined : d.byEducation[education];
      if (education === undefined || !value) return nothing('education');
      return {
        points: Math.min(value.points, d.max.points),
        steps: [
          scoreStep('kualifikasi', `kualifikasi/${education}`, value, {
            id: `Pendidikan tertinggi ${education}: ${value.points}`,
            en: `Highest education ${education}: ${value.points}`,
          }),
        ],
      };
    },
  },
  {
    // From the 2023 measurement: a base value by performance predicate.
    id: 'kompetensi/base',
    dimension: 'kompetensi',
    source: 'PermenPANRB 38/2018: dimensi kompetensi; BKN letter 4190/B-BM.02.01/SD/K/2024 (nilai dasar)',
    evaluate: ({ employee: { performancePredicate: predicate }, profile }) => {
      const byPredicate = profile.dimensions.kompetensi.baseByPredicate;
      if (!byPredicate) return nothing();
      if (predicate === undefined) return nothing('performancePredicate');
      const base = byPredicate[predicate]!;
      return {
        points: base.points,
        steps: [
          scoreStep('kompetensi', `kompetensi/base/${predicate}`, base, {
            id: `Nilai dasar kompetensi dari predikat ${predicate}: ${base.points}`,
            en: `Kompetensi base from predicate ${predicate}: ${base.points}`,
          }),
        ],
      };
    },
  },
  {
    // The profile's development items, each met by the JP (or activities) of its window.
    id: 'kompetensi/items',
    dimension: 'kompetensi',
    source: 'PermenPANRB 38/2018: dimensi kompetensi',
    evaluate: ({ employee: e, year, profile, counted }) => {
      const out: Required<Contribution> = { points: 0, steps: [], missing: [] };
      for (const item of profile.dimensions.kompetensi.items) {
        if (item.positionKinds) {
          if (e.positionKind === undefined) {
            out.missing.push('positionKind');
            continue;
          }
          if (!item.positionKinds.includes(e.positionKind)) continue;
        }
        const inWindow = counted.filter(
          ({ result, activity }) =>
            (item.window === 'year' ? result.year === year : result.year >= year - 1 && result.year <= year) &&
            (!item.methods || item.methods.includes(activity.method)) &&
            (!item.competencyTypes || (activity.competencyType !== undefined && item.competencyTypes.includes(activity.competencyType))),
        );
        const jp = Math.round(inWindow.reduce((n, x) => n + x.result.jp, 0) * 100) / 100;
        const achieved = item.minJp > 0 ? jp >= item.minJp : inWindow.length > 0;
        const ids = inWindow.map((x) => x.activity.id).join(', ');
        out.steps.push(
          scoreStep(
            'kompetensi',
            `kompetensi/${item.id}`,
            item,
            achieved
              ? {
                  id: `${item.label.id}: terpenuhi (${jp} JP; ${ids}) → ${item.points}`,
                  en: `${item.label.en}: met (${jp} JP; ${ids}) → ${item.points}`,
                }
              : {
                  id: `${item.label.id}: belum terpenuhi (${jp} JP${item.minJp > 0 ? ` dari ${item.minJp}` : ''}) → 0`,
                  en: `${item.label.en}: not met (${jp} JP${item.minJp > 0 ? ` of ${item.minJp}` : ''}) → 0`,
                },
            achieved ? item.points : 0,
            achieved,
          ),
        );
        if (achieved) out.points += item.points;
      }
      return out;
    },
  },
  {
    // Performance predicate.
    id: 'kinerja',
    dimension: 'kinerja',
    source: 'PermenPANRB 38/2018: dimensi kinerja',
    evaluate: ({ employee: { performancePredicate: predicate }, profile }) => {
      const d = profile.dimensions.kinerja;
      if (predicate === undefined) return nothing('performancePredicate');
      const value = d.byPredicate[predicate]!;
      return {
        points: Math.min(value.points, d.max.points),
        steps: [
          scoreStep('kinerja', `kinerja/${predicate}`, value, {
            id: `Predikat kinerja ${predicate}: ${value.points}`,
            en: `Performance predicate ${predicate}: ${value.points}`,
          }),
        ],
      };
    },
  },
  {
    // The heaviest punishment in the window.
    id: 'disiplin',
    dimension: 'disiplin',
    source: 'PermenPANRB 38/2018: dimensi disiplin',
    evaluate: ({ employee: { disciplinaryPunishments: punishments }, year, profile }) => {
      const d = profile.dimensions.disiplin;
      if (punishments === undefined) return nothing('disciplinaryPunishments');
      const relevant = punishments.filter((p) => d.window === 'ever' || Number(p.date.slice(0, 4)) === year);
      const heaviest = relevant.map((p) => p.level).sort((a, b) => SEVERITY.indexOf(b) - SEVERITY.indexOf(a))[0];
      const value = heaviest ? d.byPunishment[heaviest] : d.byPunishment.none;
      return {
        points: Math.min(value.points, d.max.points),
        steps: [
          scoreStep(
            'disiplin',
            `disiplin/${heaviest ?? 'none'}`,
            value,
            heaviest
              ? { id: `Hukuman disiplin ${heaviest}: ${value.points}`, en: `Disciplinary punishment ${heaviest}: ${value.points}` }
              : { id: `Tidak ada hukuman disiplin: ${value.points}`, en: `No disciplinary punishment: ${value.points}` },
          ),
        ],
      };
    },
  },
];

/** Runs the scoring rules: each dimension sums its rules' points, capped at its maximum (a trace step says so). */
function runScoringRules(context: ScoreContext, rules: readonly ScoringRule[] = scoringRules) {
  const scores: Record<Dimension, number> = { kualifikasi: 0, kompetensi: 0, kinerja: 0, disiplin: 0 };
  const trace: ScoreStep[] = [];
  const missing: string[] = [];
  evaluateRules(rules, context).forEach((contribution, k) => {
    const { dimension } = rules[k]!;
    scores[dimension] += contribution.points;
    trace.push(...contribution.steps);
    for (const fact of contribution.missing ?? []) if (!missing.includes(fact)) missing.push(fact);
    if (rules[k + 1]?.dimension === dimension) return;
    const max = context.profile.dimensions[dimension].max;
    if (scores[dimension] > max.points) {
      trace.push(
        scoreStep(
          dimension,
          `${dimension}/max`,
          max,
          { id: `Dibatasi nilai maksimum ${max.points}`, en: `Capped at the maximum of ${max.points}` },
          max.points - scores[dimension],
        ),
      );
      scores[dimension] = max.points;
    }
  });
  return { scores, trace, missing };
}

/** The activities of the two-year window whose JP counts, from the JP engine; a failed Result names the activity. */
export function countedActivities(e: IpAsnInput, year: number, options: ScoreOptions): Result<ScoreContext['counted']> {
  const windowActivities = e.activities.filter((a) => Number(a.endDate.slice(0, 4)) >= year - 1 && Number(a.endDate.slice(0, 4)) <= year);
  // The input was parsed already (trusted); the employee's kind decides PPPK rules of the JP engine.
  const computed = computeJp(
    { employees: [{ nip: e.nip, name: e.nip, kind: e.kind }], activities: windowActivities },
    {
      profile: options.jpProfile ?? DEFAULT_PROFILE_ID,
      trace: false,
      trusted: true,
      ...(options.jpPolicy ? { policy: options.jpPolicy } : {}),
    },
  );
  if (!computed.ok) {
    const index = (i: unknown) => e.activities.indexOf(windowActivities[Number(i)]!);
    return fail(
      ...computed.problems.map((p) => ({
        ...p,
        path: p.path[0] === 'activities' ? ['activities', index(p.path[1]), ...p.path.slice(2)] : p.path,
      })),
    );
  }
  return ok(
    computed.value.results
      .map((r, i) => ({ result: r, activity: windowActivities[i]! as LearningActivity }))
      .filter((x) => x.result.jp > 0),
  );
}

export function scoreParsed(e: IpAsnInput, profile: ScoringProfile, options: ScoreOptions): Result<IpAsnScore> {
  const { year } = options;
  const notMeasured = notMeasuredReason(e.kind, profile, year);
  if (notMeasured) return fail(notMeasured);
  const converted = countedActivities(e, year, options);
  if (!converted.ok) return converted;
  const counted = [...(options.counted ?? []), ...converted.value];
  const { scores, trace, missing } = runScoringRules({ employee: e, year, profile, counted });
  const { kualifikasi, kompetensi, kinerja, disiplin } = scores;
  const d = profile.dimensions;

  const total = Math.round((kualifikasi + kompetensi + kinerja + disiplin) * 100) / 100;
  const category = categoryOf(profile, total);
  return ok({
    nip: e.nip,
    year,
    profile: profile.id,
    profileVersion: profile.version,
    total,
    category: category.label.id,
    categoryDetail: { label: category.label, ...(category.altLabel ? { altLabel: category.altLabel } : {}), source: category.source },
    dimensions: {
      kualifikasi: { score: kualifikasi, max: d.kualifikasi.max.points },
      kompetensi: { score: kompetensi, max: d.kompetensi.max.points },
      kinerja: { score: kinerja, max: d.kinerja.max.points },
      disiplin: { score: disiplin, max: d.disiplin.max.points },
    },
    // Any unverified value the score used makes it unverified, whatever its size (0 included).
    unverified: trace.some((s) => s.confidence === 'unverified' && s.used),
    missing,
    trace,
  });
}

/** The band a total falls in: each band covers totals above the band below it, up to its own maximum. */
export function categoryOf(profile: ScoringProfile, total: number): ScoringProfile['categories'][number] {
  const bands = [...profile.categories].sort((a, b) => a.max - b.max);
  return bands.find((b) => total <= b.max) ?? bands.at(-1)!;
}

export { GOOD_TO_POOR };
