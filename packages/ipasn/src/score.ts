import type { IpAsnInput, LearningActivity, Message, Problem, Result } from '@bangkom/domain';
import { IpAsnInput as InputSchema, fail, ok, parseWith } from '@bangkom/domain';
import type { PolicyParameters, RuleProfile } from '@bangkom/jp';
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

export function scoreParsed(e: IpAsnInput, profile: ScoringProfile, options: ScoreOptions): Result<IpAsnScore> {
  const { year } = options;
  const notMeasured = notMeasuredReason(e.kind, profile, year);
  if (notMeasured) return fail(notMeasured);
  const d = profile.dimensions;
  const trace: ScoreStep[] = [];
  const missing: string[] = [];
  const step = (dimension: Dimension, rule: string, value: Points, id: string, en: string, points = value.points, used = true) =>
    trace.push({ dimension, rule, description: { id, en }, points, source: value.source, confidence: value.confidence, used });

  // Kualifikasi: highest education.
  let kualifikasi = 0;
  if (e.education === undefined) missing.push('education');
  else {
    const value = d.kualifikasi.byEducation[e.education];
    if (value) {
      kualifikasi = Math.min(value.points, d.kualifikasi.max.points);
      step(
        'kualifikasi',
        `kualifikasi/${e.education}`,
        value,
        `Pendidikan tertinggi ${e.education}: ${value.points}`,
        `Highest education ${e.education}: ${value.points}`,
      );
    } else missing.push('education');
  }

  // Kompetensi: base by predicate (from 2023) + development items, JP from the JP engine.
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
  const counted = computed.value.results
    .map((r, i) => ({ result: r, activity: windowActivities[i]! as LearningActivity }))
    .filter((x) => x.result.jp > 0);
  let kompetensi = 0;
  if (d.kompetensi.baseByPredicate) {
    if (e.performancePredicate === undefined) missing.push('performancePredicate');
    else {
      const base = d.kompetensi.baseByPredicate[e.performancePredicate]!;
      kompetensi += base.points;
      step(
        'kompetensi',
        `kompetensi/base/${e.performancePredicate}`,
        base,
        `Nilai dasar kompetensi dari predikat ${e.performancePredicate}: ${base.points}`,
        `Kompetensi base from predicate ${e.performancePredicate}: ${base.points}`,
      );
    }
  }
  for (const item of d.kompetensi.items) {
    if (item.positionKinds) {
      if (e.positionKind === undefined) {
        if (!missing.includes('positionKind')) missing.push('positionKind');
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
    step(
      'kompetensi',
      `kompetensi/${item.id}`,
      item,
      achieved
        ? `${item.label.id}: terpenuhi (${jp} JP; ${ids}) → ${item.points}`
        : `${item.label.id}: belum terpenuhi (${jp} JP${item.minJp > 0 ? ` dari ${item.minJp}` : ''}) → 0`,
      achieved
        ? `${item.label.en}: met (${jp} JP; ${ids}) → ${item.points}`
        : `${item.label.en}: not met (${jp} JP${item.minJp > 0 ? ` of ${item.minJp}` : ''}) → 0`,
      achieved ? item.points : 0,
      achieved,
    );
    if (achieved) kompetensi += item.points;
  }
  if (kompetensi > d.kompetensi.max.points) {
    step(
      'kompetensi',
      'kompetensi/max',
      d.kompetensi.max,
      `Dibatasi nilai maksimum ${d.kompetensi.max.points}`,
      `Capped at the maximum of ${d.kompetensi.max.points}`,
      d.kompetensi.max.points - kompetensi,
    );
    kompetensi = d.kompetensi.max.points;
  }

  // Kinerja: performance predicate.
  let kinerja = 0;
  if (e.performancePredicate === undefined) {
    if (!missing.includes('performancePredicate')) missing.push('performancePredicate');
  } else {
    const value = d.kinerja.byPredicate[e.performancePredicate]!;
    kinerja = Math.min(value.points, d.kinerja.max.points);
    step(
      'kinerja',
      `kinerja/${e.performancePredicate}`,
      value,
      `Predikat kinerja ${e.performancePredicate}: ${value.points}`,
      `Performance predicate ${e.performancePredicate}: ${value.points}`,
    );
  }

  // Disiplin: the heaviest punishment in the window.
  let disiplin = 0;
  if (e.disciplinaryPunishments === undefined) missing.push('disciplinaryPunishments');
  else {
    const relevant = e.disciplinaryPunishments.filter((p) => d.disiplin.window === 'ever' || Number(p.date.slice(0, 4)) === year);
    const heaviest = relevant.map((p) => p.level).sort((a, b) => SEVERITY.indexOf(b) - SEVERITY.indexOf(a))[0];
    const value = heaviest ? d.disiplin.byPunishment[heaviest] : d.disiplin.byPunishment.none;
    disiplin = Math.min(value.points, d.disiplin.max.points);
    step(
      'disiplin',
      `disiplin/${heaviest ?? 'none'}`,
      value,
      heaviest ? `Hukuman disiplin ${heaviest}: ${value.points}` : `Tidak ada hukuman disiplin: ${value.points}`,
      heaviest ? `Disciplinary punishment ${heaviest}: ${value.points}` : `No disciplinary punishment: ${value.points}`,
    );
  }

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
