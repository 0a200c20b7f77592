import type { ActivityStatus, EmployeeKind, LearningActivity, LearningMethod, Problem } from '@bangkom/domain';
import type { Conversion } from './convert.js';
import { countDays, periodDateOf } from './convert.js';
import type { PolicyParameters } from './policy.js';
import { roundJp } from './policy.js';
import type { LimitUnit, MethodRule, RuleProfile } from './profile.js';
import type { TraceStep } from './trace.js';

/** One activity after cross-record limits. */
export interface ActivityResult {
  id: string;
  nip: string;
  /** JP that counts after every limit (0 when the activity does not count). */
  jp: number;
  /** JP the activity is worth on its own, before cross-record limits and status. */
  convertedJp: number;
  /** true: counts in full; 'reduced': a limit took part of it; false: does not count. */
  counted: boolean | 'reduced';
  /** Calendar year the activity counts in (policy `periodDate`). */
  year: number;
  trace: TraceStep[];
  /**
   * The cross-record limits (or the PPPK method list) that took JP from this activity, with their
   * citations; set even without a trace, so that documents can mark a capped row.
   */
  limitedBy?: { rule: string; citation: string }[];
  /** Why the activity could not be converted (only with `invalid: 'report'`; then `counted` is false and `jp` 0). */
  problems?: Problem[];
}

export interface LimitInput {
  activity: Pick<LearningActivity, 'id' | 'nip' | 'method' | 'startDate' | 'endDate' | 'days' | 'sessions' | 'status'> & {
    override?: LearningActivity['override'];
  };
  conversion: Conversion;
  /** The profile version that converted it. */
  profile: RuleProfile;
  employeeKind: EmployeeKind;
}

export interface LimitOptions {
  policy: PolicyParameters;
  /** Count `submitted` activities too (policy `projectedIncludesSubmitted`). */
  projected: boolean;
  trace: boolean;
}

const countsAs = (status: ActivityStatus, options: LimitOptions): boolean =>
  status === 'verified' || (status === 'submitted' && options.projected && options.policy.projectedIncludesSubmitted);

function unitsOf(a: LimitInput['activity'], unit: LimitUnit, rule: MethodRule, policy: PolicyParameters): number {
  if (unit === 'activity') return 1;
  if (unit === 'day') return countDays(a, policy);
  return a.sessions ?? rule.sessionsDefault?.value ?? countDays(a, policy);
}

const UNIT_LABEL: Record<LimitUnit, { id: string; en: string }> = {
  session: { id: 'pertemuan', en: 'sessions' },
  day: { id: 'hari', en: 'days' },
  activity: { id: 'kegiatan', en: 'activities' },
};

const ruleId = (profile: RuleProfile, method: string, step: string) => `${profile.id}/${method}/${step}`;

/**
 * Applies the limits that span several records — per month, per year, the PPPK method list —
 * deterministically: activities in order of start date, then id, so earlier activities use a cap
 * first and the trace names the activity that lost JP and the rule that took it.
 */
export function applyLimits(inputs: readonly LimitInput[], options: LimitOptions): ActivityResult[] {
  // Only activities under a monthly or yearly limit compete for it, so only they need the
  // deterministic order; the sort runs over flat arrays of the keys (cheap comparisons).
  const limited: number[] = [];
  const free: number[] = [];
  inputs.forEach((input, index) => {
    const rule = input.profile.methods[input.activity.method as LearningMethod];
    (rule?.perMonth || rule?.perYear ? limited : free).push(index);
  });
  const starts = limited.map((i) => inputs[i]!.activity.startDate);
  const ids = limited.map((i) => inputs[i]!.activity.id);
  const sorted = Array.from(limited.keys()).sort((x, y) => {
    const a = starts[x]!;
    const b = starts[y]!;
    if (a !== b) return a < b ? -1 : 1;
    const p = ids[x]!;
    const q = ids[y]!;
    return p < q ? -1 : p > q ? 1 : 0;
  });
  const order = [...free, ...sorted.map((k) => limited[k]!)];
  const used = new Map<string, number>();
  const results: ActivityResult[] = new Array(inputs.length);
  for (const index of order) {
    const input = inputs[index]!;
    const { activity: a, conversion, profile } = input;
    const period = periodDateOf(a, options.policy);
    const year = Number(period.slice(0, 4));
    const trace = options.trace ? [...conversion.trace] : [];
    if (!countsAs(a.status, options)) {
      if (options.trace) {
        trace.push({
          rule: ruleId(profile, a.method, 'status'),
          kind: 'status',
          citation: '[K] III.C.7; [P] art. 12(2)f',
          description: {
            id: `Status ${a.status}: belum diverifikasi, tidak dihitung`,
            en: `Status ${a.status}: not verified, does not count`,
          },
          inputs: { status: a.status, projected: options.projected },
          value: 0,
          activityId: a.id,
        });
      }
      results[index] = { id: a.id, nip: a.nip, jp: 0, convertedJp: conversion.jp, counted: false, year, trace };
      continue;
    }
    if (input.employeeKind === 'PPPK' && profile.pppkMethods && !profile.pppkMethods.value.includes(a.method as LearningMethod)) {
      const exclude = options.policy.pppkOtherMethods === 'exclude';
      if (options.trace) {
        trace.push({
          rule: `${profile.id}/pppk-methods`,
          kind: 'pppk',
          citation: profile.pppkMethods.source,
          description: exclude
            ? {
                id: `Metode ${a.method} tidak termasuk daftar PPPK; tidak dihitung (kebijakan pppkOtherMethods=exclude)`,
                en: `Method ${a.method} is not on the PPPK list; does not count (policy pppkOtherMethods=exclude)`,
              }
            : {
                id: `Perhatian: metode ${a.method} tidak termasuk daftar minimal PPPK; tetap dihitung (kebijakan pppkOtherMethods=warn)`,
                en: `Note: method ${a.method} is not on the PPPK minimum list; still counts (policy pppkOtherMethods=warn)`,
              },
          inputs: { method: a.method, employeeKind: 'PPPK' },
          ...(exclude ? { value: 0 } : {}),
          activityId: a.id,
        });
      }
      if (exclude) {
        const limitedBy = [{ rule: `${profile.id}/pppk-methods`, citation: profile.pppkMethods.source }];
        results[index] = { id: a.id, nip: a.nip, jp: 0, convertedJp: conversion.jp, counted: false, year, trace, limitedBy };
        continue;
      }
    }
    const rule = profile.methods[a.method as LearningMethod]!;
    let jp = conversion.jp;
    let counted: boolean | 'reduced' = true;
    // Allocated only for an activity a limit reduces (most are not): the bulk path stays lean.
    let limitedBy: { rule: string; citation: string }[] | undefined;
    // A JP set by the SDM unit escapes the monthly/yearly limits only under policy overrideCaps=ignore.
    const capped = (rule.perMonth || rule.perYear) && !(a.override && options.policy.overrideCaps === 'ignore');
    if (capped) {
      // A profile's monthly and yearly limits of one method count the same unit (checked by loadProfile).
      const units = unitsOf(a, (rule.perMonth ?? rule.perYear)!.unit, rule, options.policy);
      let allowed = units;
      for (let step = 0; step < 2; step++) {
        const limit = step === 0 ? rule.perMonth : rule.perYear;
        if (!limit) continue;
        const key = step === 0 ? `${a.nip}|${a.method}|${period.slice(0, 7)}` : `${a.nip}|${a.method}|${year}`;
        const already = used.get(key) ?? 0;
        const take = Math.min(allowed, Math.max(0, limit.value - already));
        used.set(key, already + take);
        if (take === allowed) continue;
        const stepName = step === 0 ? 'per-month' : 'per-year';
        const before = units === 0 ? 0 : roundJp((conversion.jp * allowed) / units);
        const offered = allowed;
        allowed = take;
        jp = units === 0 ? 0 : roundJp((conversion.jp * allowed) / units);
        counted = allowed === 0 ? false : 'reduced';
        (limitedBy ??= []).push({ rule: ruleId(profile, a.method, stepName), citation: limit.source });
        if (options.trace) {
          const label = UNIT_LABEL[limit.unit];
          const per = step === 0 ? { id: 'bulan', en: 'month' } : { id: 'tahun', en: 'year' };
          trace.push({
            rule: ruleId(profile, a.method, stepName),
            kind: 'limit',
            citation: limit.source,
            description: {
              id: `Kegiatan ${a.id}: paling banyak ${limit.value} ${label.id} per ${per.id}; ${already} sudah terpakai, ${take} dari ${offered} dihitung → ${before} JP menjadi ${jp} JP`,
              en: `Activity ${a.id}: at most ${limit.value} ${label.en} per ${per.en}; ${already} already used, ${take} of ${offered} count → ${before} JP becomes ${jp} JP`,
            },
            inputs: { limit: limit.value, unit: limit.unit, alreadyUsed: already, units: offered, counted: take },
            value: jp,
            activityId: a.id,
          });
        }
      }
    }
    // One object shape for every result (no spread): cheaper to build, hold and serialise.
    const result: ActivityResult = { id: a.id, nip: a.nip, jp, convertedJp: conversion.jp, counted, year, trace };
    if (limitedBy) result.limitedBy = limitedBy;
    results[index] = result;
  }
  return results;
}
