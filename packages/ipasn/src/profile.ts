import type { Problem, PublicSchema, Result } from '@bangkom/domain';
import {
  competencyTypes,
  educationLevels,
  fail,
  learningMethodCodes,
  ok,
  parseWith,
  performancePredicates,
  positionKinds,
} from '@bangkom/domain';
import { z } from 'zod';
import v2019 from '../profiles/permenpanrb-38-2018.v2019.json' with { type: 'json' };
import v2023 from '../profiles/permenpanrb-38-2018.v2023.json' with { type: 'json' };

/** Whether a value was read in the regulation text (`verified`) or only reported by agencies (`unverified`). */
export const confidences = ['verified', 'unverified'] as const;
export type Confidence = (typeof confidences)[number];

const source = z.string().min(3);
/** A point value with its source and confidence: every number of a scoring profile is one. */
const points = z.object({ points: z.number().nonnegative(), source, confidence: z.enum(confidences) });
export type Points = z.output<typeof points>;
const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) });

const kompetensiItem = points.extend({
  id: z.string().min(1),
  label: bilingual,
  methods: z.array(z.enum(learningMethodCodes)).optional().describe('Counts activities of these methods (any method when absent).'),
  competencyTypes: z.array(z.enum(competencyTypes)).optional(),
  positionKinds: z.array(z.enum(positionKinds)).optional().describe('Applies only to these position kinds.'),
  window: z.enum(['year', 'twoYears']).describe('The measured year, or it and the year before.'),
  minJp: z.number().nonnegative().describe('JP that must count in the window (0 = one activity).'),
});

export const ScoringProfile = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    version: z.string().min(1),
    title: z.string().min(1),
    document: z.object({ title: z.string().min(1), number: z.string().min(1), mark: z.string().min(1) }),
    measurementYears: z.object({ from: z.int(), to: z.int().optional(), source }),
    measuredKinds: z
      .object({ value: z.array(z.enum(['PNS', 'PPPK'])).min(1), source })
      .optional()
      .describe('Employee kinds the measurement covers; absent = PNS and PPPK.'),
    dimensions: z.object({
      kualifikasi: z.object({ max: points, byEducation: z.record(z.enum(educationLevels), points) }),
      kompetensi: z.object({
        max: points,
        baseByPredicate: z
          .record(z.enum(performancePredicates), points)
          .optional()
          .describe('From 2023: a base set by the performance predicate.'),
        items: z.array(kompetensiItem),
      }),
      kinerja: z.object({ max: points, byPredicate: z.record(z.enum(performancePredicates), points) }),
      disiplin: z.object({
        max: points,
        window: z.enum(['year', 'ever']).describe('Which punishments count: those in the measured year, or any.'),
        byPunishment: z.object({ none: points, ringan: points, sedang: points, berat: points }),
      }),
    }),
    categories: z
      .array(
        z.object({
          min: z.number(),
          max: z.number(),
          label: bilingual,
          altLabel: z.string().optional(),
          source,
          confidence: z.enum(confidences),
        }),
      )
      .min(1),
  })
  .strict()
  .meta({ title: 'IpAsnScoringProfile', description: 'An IP ASN scoring profile: every point value with its source and confidence.' });
export type ScoringProfile = z.output<typeof ScoringProfile>;

export function loadScoringProfile(json: unknown): Result<ScoringProfile> {
  const parsed = parseWith(ScoringProfile, json);
  if (!parsed.ok) return parsed;
  const p = parsed.value;
  const problems: Problem[] = [];
  const sum =
    p.dimensions.kualifikasi.max.points +
    p.dimensions.kompetensi.max.points +
    p.dimensions.kinerja.max.points +
    p.dimensions.disiplin.max.points;
  if (sum !== 100)
    problems.push({
      path: ['dimensions'],
      code: 'ipasn.max_not_100',
      message: { id: `Jumlah nilai maksimum dimensi ${sum}, bukan 100`, en: `Dimension maxima add up to ${sum}, not 100` },
    });
  const sorted = [...p.categories].sort((a, b) => a.min - b.min);
  sorted.forEach((c, i) => {
    const next = sorted[i + 1];
    if (next && next.min <= c.max)
      problems.push({
        path: ['categories'],
        code: 'ipasn.categories_overlap',
        message: {
          id: `Kategori ${c.label.id} dan ${next.label.id} bertumpang tindih`,
          en: `Categories ${c.label.en} and ${next.label.en} overlap`,
        },
      });
  });
  return problems.length > 0 ? fail(...problems) : ok(p);
}

const mustLoad = (json: unknown): ScoringProfile => {
  const r = loadScoringProfile(json);
  if (!r.ok) throw new Error(`Built-in scoring profile is invalid: ${JSON.stringify(r.problems)}`);
  return r.value;
};

/** The default profile `permenpanrb-38-2018`, in two dated versions (measurements 2019–2022, and 2023 on). */
export const builtInScoringProfiles: readonly ScoringProfile[] = [mustLoad(v2019), mustLoad(v2023)];
export const DEFAULT_SCORING_PROFILE = 'permenpanrb-38-2018';

/** The version of a profile that applies to a measurement year. */
export function scoringProfileFor(
  choice: string | ScoringProfile | readonly ScoringProfile[] | undefined,
  year: number,
): Result<ScoringProfile> {
  const versions =
    choice === undefined || typeof choice === 'string'
      ? builtInScoringProfiles.filter((p) => p.id === (choice ?? DEFAULT_SCORING_PROFILE))
      : Array.isArray(choice)
        ? choice
        : [choice as ScoringProfile];
  if (versions.length === 0)
    return fail({
      path: ['profile'],
      code: 'ipasn.unknown_profile',
      message: { id: `Profil penilaian tidak dikenal: ${String(choice)}`, en: `Unknown scoring profile: ${String(choice)}` },
    });
  const found = versions
    .filter((v) => year >= v.measurementYears.from && (v.measurementYears.to === undefined || year <= v.measurementYears.to))
    .sort((a, b) => b.measurementYears.from - a.measurementYears.from)[0];
  return found
    ? ok(found)
    : fail({
        path: ['year'],
        code: 'ipasn.no_profile_for_year',
        message: {
          id: `Tidak ada versi profil ${versions[0]!.id} untuk pengukuran tahun ${year}`,
          en: `No version of profile ${versions[0]!.id} covers the ${year} measurement`,
        },
      });
}

export const ipasnProfileSchemas: PublicSchema[] = [{ name: 'ip-asn-scoring-profile', schema: ScoringProfile }];
