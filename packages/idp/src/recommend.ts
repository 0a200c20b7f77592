import type { LearningMethod, Message, PublicSchema, Result } from '@bangkom/domain';
import {
  competencyTypeLabels,
  competencyTypes,
  gapLevelLabels,
  gapLevels,
  learningMethods,
  ok,
  parseWith,
  performancePredicates,
} from '@bangkom/domain';
import type { RuleProfile } from '@bangkom/jp';
import { convertActivity, resolveProfiles, versionInForce } from '@bangkom/jp';
import { z } from 'zod';
import { DEFAULT_PLAN_PROFILE } from './validate.js';

/** What is known of an employee's development need. */
export const EmployeeNeed = z
  .object({
    year: z.int().min(2000).max(2100).describe('The year the development is for.'),
    employeeKind: z.enum(['PNS', 'PPPK', 'TKK']).default('PNS'),
    gapLevel: z.enum(gapLevels).optional(),
    performancePredicate: z.enum(performancePredicates).optional(),
    cannotLeaveWorkplace: z.boolean().default(false),
    competencyType: z.enum(competencyTypes).optional(),
    /** Budget available; 0 means no budget: in-house methods are preferred. */
    budgetAvailable: z.number().nonnegative().optional(),
    missingJp: z.number().nonnegative().optional().describe('JP still missing this year.'),
  })
  .meta({ title: 'EmployeeNeed', description: 'What is known of an employee’s development need, for method recommendation.' });
export type EmployeeNeed = z.input<typeof EmployeeNeed>;

export interface Reason {
  message: Message;
  source: string;
  /** Contribution to the ranking score. */
  weight: number;
}

export interface Recommendation {
  method: LearningMethod;
  label: Message;
  score: number;
  reasons: Reason[];
  /** JP of one unit (day, session or activity), domestic; null when it depends on the programme. */
  jpPerUnit: number | null;
  unit: 'day' | 'session' | 'activity' | 'programme';
  /** Units needed to cover `missingJp` on this method alone, within its counting limits. */
  unitsNeeded: number | null;
  /** Whether this method alone can cover `missingJp` within the year's counting limits. */
  coversMissingJp: boolean | null;
}

export interface Recommendations {
  profile: string;
  recommended: Recommendation[];
  excluded: { method: LearningMethod; reasons: Reason[] }[];
}

const GOOD = new Set(['sangat_baik', 'baik']);

/**
 * Ranks the methods of a profile for one employee's need: gap level and target group, performance
 * predicate (talent vs gap-based development, [P] art. 6(4)–(5)), the cannot-leave-the-workplace
 * constraint, PPPK methods ([P] art. 52), budget, and the JP still missing this year.
 */
export function recommendMethods(profileChoice: RuleProfile | string | undefined, needInput: unknown): Result<Recommendations> {
  const parsed = parseWith(EmployeeNeed, needInput);
  if (!parsed.ok) return parsed;
  const need = parsed.value;
  const versions = resolveProfiles(profileChoice ?? DEFAULT_PLAN_PROFILE);
  if (!versions.ok) return versions;
  const profile = versionInForce(versions.value, `${need.year}-12-31`) ?? versions.value.at(-1)!;
  const recommended: Recommendation[] = [];
  const excluded: Recommendations['excluded'] = [];

  for (const [method, rule] of Object.entries(profile.methods) as [LearningMethod, NonNullable<RuleProfile['methods'][LearningMethod]>][]) {
    const target = rule.target;
    const reasons: Reason[] = [];
    const exclude = (message: Message, source: string) => excluded.push({ method, reasons: [{ message, source, weight: 0 }] });
    if (rule.basis.value === 'certificate') {
      exclude(
        { id: 'Diselenggarakan instansi pembina atas pemanggilan peserta', en: 'Held by the supervising agency on summons' },
        rule.basis.source,
      );
      continue;
    }
    if (need.employeeKind === 'PPPK' && profile.pppkMethods && !profile.pppkMethods.value.includes(method)) {
      exclude({ id: 'Tidak termasuk jenis pelatihan PPPK', en: 'Not among the PPPK training types' }, profile.pppkMethods.source);
      continue;
    }
    if (need.cannotLeaveWorkplace && target?.suitsCannotLeaveWorkplace !== true) {
      exclude({ id: 'Dilaksanakan di luar tempat kerja', en: 'Held away from the workplace' }, target?.source ?? '[K] IV "Sasaran"');
      continue;
    }
    if (need.cannotLeaveWorkplace)
      reasons.push({
        message: { id: 'Dapat diikuti tanpa meninggalkan tempat kerja', en: 'Can be followed without leaving the workplace' },
        source: target!.source,
        weight: 2,
      });
    if (need.gapLevel && target?.gapLevels) {
      const fits = target.gapLevels.includes(need.gapLevel);
      reasons.push({
        message: fits
          ? {
              id: `Sasaran sesuai: kesenjangan ${gapLevelLabels[need.gapLevel].id} (${target.description.id})`,
              en: `Target fits: ${gapLevelLabels[need.gapLevel].en} gap (${target.description.en})`,
            }
          : { id: `Sasaran kurang sesuai: ${target.description.id}`, en: `Target does not fit: ${target.description.en}` },
        source: target.source,
        weight: fits ? 3 : -2,
      });
    } else if (target && !target.gapLevels && !target.talent && !target.competencyTypes) {
      reasons.push({
        message: { id: `Untuk semua pegawai: ${target.description.id}`, en: `For everyone: ${target.description.en}` },
        source: target.source,
        weight: 1,
      });
    }
    if (need.performancePredicate && target?.talent) {
      const good = GOOD.has(need.performancePredicate);
      reasons.push({
        message: good
          ? { id: 'Predikat kinerja mendukung pengembangan talenta', en: 'The performance predicate supports talent development' }
          : {
              id: 'Predikat kinerja mengarah ke pengembangan berbasis kesenjangan, bukan talenta',
              en: 'The performance predicate calls for gap-based, not talent, development',
            },
        source: `[P] art. 6(4)–(5); ${target.source}`,
        weight: good ? 2 : -3,
      });
    }
    if (need.competencyType && target?.competencyTypes) {
      const fits = target.competencyTypes.includes(need.competencyType);
      reasons.push({
        message: fits
          ? {
              id: `Sesuai untuk kompetensi ${competencyTypeLabels[need.competencyType].id}`,
              en: `Suits ${competencyTypeLabels[need.competencyType].en} competency`,
            }
          : {
              id: `Ditujukan untuk kompetensi ${target.competencyTypes.map((t) => competencyTypeLabels[t].id).join('/')}`,
              en: `Meant for ${target.competencyTypes.map((t) => competencyTypeLabels[t].en).join('/')} competency`,
            },
        source: target.source,
        weight: fits ? 1 : -1,
      });
    }
    if (need.budgetAvailable === 0 && target?.suitsCannotLeaveWorkplace) {
      reasons.push({
        message: {
          id: 'Tanpa anggaran: metode di tempat kerja diutamakan',
          en: 'No budget: in-house methods first',
        },
        source: 'policy: in-house methods need no travel or fees',
        weight: 1,
      });
    }

    const estimate = estimateUnits(profile, method, need.year, need.missingJp);
    if (estimate.coversMissingJp === true)
      reasons.push({
        message: {
          id: `Dapat memenuhi kekurangan ${need.missingJp} JP tahun ini (${estimate.unitsNeeded} × ${estimate.jpPerUnit} JP)`,
          en: `Can cover the missing ${need.missingJp} JP this year (${estimate.unitsNeeded} × ${estimate.jpPerUnit} JP)`,
        },
        source: estimate.source,
        weight: 1,
      });
    if (estimate.coversMissingJp === false)
      reasons.push({
        message: {
          id: `Batas hitung tidak cukup untuk ${need.missingJp} JP dengan metode ini saja`,
          en: `Counting limits keep this method alone below ${need.missingJp} JP`,
        },
        source: estimate.source,
        weight: -1,
      });

    recommended.push({
      method,
      label: learningMethods[method].label,
      score: reasons.reduce((n, r) => n + r.weight, 0),
      reasons,
      jpPerUnit: estimate.jpPerUnit,
      unit: estimate.unit,
      unitsNeeded: estimate.unitsNeeded,
      coversMissingJp: estimate.coversMissingJp,
    });
  }
  const order = Object.keys(learningMethods);
  recommended.sort((a, b) => b.score - a.score || order.indexOf(a.method) - order.indexOf(b.method));
  return ok({ profile: profile.id, recommended, excluded });
}

/** JP of one domestic unit of the method, and how many units the missing JP needs within the limits. */
function estimateUnits(profile: RuleProfile, method: LearningMethod, year: number, missingJp: number | undefined) {
  const rule = profile.methods[method]!;
  const unit =
    rule.basis.value === 'perSession'
      ? 'session'
      : rule.basis.value === 'perActivity'
        ? 'activity'
        : rule.basis.value === 'programme'
          ? 'programme'
          : 'day';
  const date = `${year}-07-01`;
  const one = convertActivity(
    {
      id: 'estimate',
      method,
      startDate: date,
      endDate: date,
      international: false,
      runByWorkUnit: false,
      sessions: 1,
      ...(rule.basis.value === 'hours' && method !== 'magang' ? { hours: 1.5 } : {}),
    },
    { profile, trace: false },
  );
  const jpPerUnit = unit === 'programme' || !one.ok || one.value.jp === 0 ? null : one.value.jp;
  if (jpPerUnit === null || missingJp === undefined)
    return { jpPerUnit, unit, unitsNeeded: null, coversMissingJp: null, source: rule.basis.source } as const;
  const unitsNeeded = Math.ceil(missingJp / jpPerUnit);
  const perYear = rule.perYear ? rule.perYear.value : rule.perMonth ? rule.perMonth.value * 12 : Infinity;
  const limitSource = rule.perYear?.source ?? rule.perMonth?.source;
  return {
    jpPerUnit,
    unit,
    unitsNeeded,
    coversMissingJp: unitsNeeded <= perYear,
    source: limitSource ? `${rule.rate?.source ?? rule.basis.source}; ${limitSource}` : (rule.rate?.source ?? rule.basis.source),
  } as const;
}

export const idpSchemas: PublicSchema[] = [{ name: 'employee-need', schema: EmployeeNeed }];
