import type { ActivityStatus, EmployeeKind, LearningActivity, LearningMethod, Problem } from '@bangkom/domain';
import { learningMethods } from '@bangkom/domain';
import type { Conversion } from './convert.js';
import { countDays, periodDateOf, ruleIdOf as ruleId } from './convert.js';
import type { PolicyParameters } from './policy.js';
import { roundJp } from './policy.js';
import type { LimitUnit, MethodRule, RuleProfile } from './profile.js';
import type { TraceStep } from './trace.js';
import { addStep, traceLevelOf } from './trace.js';

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
  /** `summary`: limit steps with their rule, citation and value only (see `ComputeOptions.trace`). */
  trace: boolean | 'summary';
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

/** An activity's status as the trace says it ([K] III.C.7: only verified activities count). */
const STATUS_WORDS: Record<ActivityStatus, { id: string; en: string }> = {
  draft: { id: 'Draf', en: 'Draft' },
  submitted: { id: 'Diajukan', en: 'Submitted' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
};

/** The rule id of the PPPK method list of a profile version, built once per version. */
const pppkRuleIds = new WeakMap<RuleProfile, string>();
function pppkRuleId(profile: RuleProfile): string {
  let id = pppkRuleIds.get(profile);
  if (id === undefined) pppkRuleIds.set(profile, (id = `${profile.id}/pppk-methods`));
  return id;
}

/**
 * The trace of every result of a run without traces: one shared empty list (a million results do
 * not need a million empty arrays), frozen so that nothing can add to it by mistake.
 */
const NO_STEPS = Object.freeze([]) as unknown as TraceStep[];

/** The calendar year of an ISO date `yyyy-mm-dd`, read from its digits (no substring per activity). */
export const yearOfDate = (date: string): number =>
  (date.charCodeAt(0) - 48) * 1000 + (date.charCodeAt(1) - 48) * 100 + (date.charCodeAt(2) - 48) * 10 + (date.charCodeAt(3) - 48);
const monthOfDate = (date: string): number => (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);

/**
 * Converted activities by column, as the bulk path of `computeJp` holds them (no object per
 * activity): the record, the JP its conversion gave, that conversion's trace (only with
 * `trace: true`), and per position the profile version that converted it and the employee's kind.
 */
export interface LimitColumns {
  /** `undefined` at a position that did not convert: it gets no result here. */
  activities: readonly (LimitInput['activity'] | undefined)[];
  jp: ArrayLike<number>;
  traces: readonly (readonly TraceStep[])[] | undefined;
  profileOf: (k: number) => RuleProfile;
  kindOf: (k: number) => EmployeeKind;
}

/**
 * Applies the limits that span several records — per month, per year, the PPPK method list —
 * deterministically: activities in order of start date, then id, so earlier activities use a cap
 * first and the trace names the activity that lost JP and the rule that took it.
 */
export function applyLimits(inputs: readonly LimitInput[], options: LimitOptions): ActivityResult[] {
  return limitColumns(
    {
      activities: inputs.map((i) => i.activity),
      jp: inputs.map((i) => i.conversion.jp),
      traces: options.trace !== false ? inputs.map((i) => i.conversion.trace) : undefined,
      profileOf: (k) => inputs[k]!.profile,
      kindOf: (k) => inputs[k]!.employeeKind,
    },
    options,
  );
}

/** `applyLimits` over columns: one result per activity, in the order given. */
export function limitColumns(columns: LimitColumns, options: LimitOptions): ActivityResult[] {
  const { activities, jp: convertedJp, traces, profileOf, kindOf } = columns;
  const full = traceLevelOf(options.trace) === 'full';
  const n = activities.length;
  // Each activity's method rule, looked up once (a lookup by a method name read from the input costs more than by position).
  const rules: (MethodRule | undefined)[] = new Array(n);
  // Only activities under a monthly or yearly limit compete for it, so only they need the
  // deterministic order; the sort runs over flat arrays of the keys (cheap comparisons).
  const limited: number[] = [];
  const free: number[] = [];
  for (let k = 0; k < n; k++) {
    const a = activities[k];
    if (a === undefined) continue;
    const rule = profileOf(k).methods[a.method as LearningMethod];
    rules[k] = rule;
    (rule?.perMonth || rule?.perYear ? limited : free).push(k);
  }
  const starts = limited.map((i) => activities[i]!.startDate);
  const ids = limited.map((i) => activities[i]!.id);
  const sorted = Array.from(limited.keys()).sort((x, y) => {
    const a = starts[x]!;
    const b = starts[y]!;
    if (a !== b) return a < b ? -1 : 1;
    const p = ids[x]!;
    const q = ids[y]!;
    return p < q ? -1 : p > q ? 1 : 0;
  });
  /**
   * Units already used, per employee, under a small number key (method, year, month; month 0 for
   * the year): no string key built per activity.
   */
  const usedByNip = new Map<string, Map<number, number>>();
  const methodIds = new Map<string, number>();
  const results: ActivityResult[] = new Array(n);
  const limitOne = (index: number) => {
    const a = activities[index]!;
    const profile = profileOf(index);
    const conversionJp = convertedJp[index]!;
    const period = periodDateOf(a, options.policy);
    const year = yearOfDate(period);
    const trace: TraceStep[] = traces ? traces[index]!.slice() : NO_STEPS;
    if (!countsAs(a.status, options)) {
      if (traces)
        addStep(
          trace,
          full,
          ruleId(profile, a.method, 'status'),
          'status',
          '[K] III.C.7; [P] art. 12(2)f',
          0,
          () => ({
            description: {
              id: `${STATUS_WORDS[a.status].id}: belum diverifikasi, tidak dihitung`,
              en: `${STATUS_WORDS[a.status].en}: not verified, does not count`,
            },
            inputs: { status: a.status, projected: options.projected },
          }),
          a.id,
        );
      results[index] = { id: a.id, nip: a.nip, jp: 0, convertedJp: conversionJp, counted: false, year, trace };
      return;
    }
    if (profile.pppkMethods && kindOf(index) === 'PPPK' && !profile.pppkMethods.value.includes(a.method as LearningMethod)) {
      const exclude = options.policy.pppkOtherMethods === 'exclude';
      if (traces)
        addStep(
          trace,
          full,
          pppkRuleId(profile),
          'pppk',
          profile.pppkMethods.source,
          exclude ? 0 : undefined,
          () => ({
            description: exclude
              ? {
                  id: `${learningMethods[a.method]?.label.id ?? a.method} tidak termasuk metode untuk PPPK; tidak dihitung`,
                  en: `${learningMethods[a.method]?.label.en ?? a.method} is not one of the methods for PPPK; it does not count`,
                }
              : {
                  id: `Perhatian: ${learningMethods[a.method]?.label.id ?? a.method} tidak termasuk daftar minimal metode untuk PPPK; tetap dihitung`,
                  en: `Note: ${learningMethods[a.method]?.label.en ?? a.method} is not on the minimum list of methods for PPPK; it still counts`,
                },
            inputs: { method: a.method, employeeKind: 'PPPK' },
          }),
          a.id,
        );
      if (exclude) {
        const limitedBy = [{ rule: pppkRuleId(profile), citation: profile.pppkMethods.source }];
        results[index] = { id: a.id, nip: a.nip, jp: 0, convertedJp: conversionJp, counted: false, year, trace, limitedBy };
        return;
      }
    }
    const rule = rules[index]!;
    let jp = conversionJp;
    let counted: boolean | 'reduced' = true;
    // Allocated only for an activity a limit reduces (most are not): the bulk path stays lean.
    let limitedBy: { rule: string; citation: string }[] | undefined;
    // A JP set by the SDM unit escapes the monthly/yearly limits only under policy overrideCaps=ignore.
    const capped = (rule.perMonth || rule.perYear) && !(a.override && options.policy.overrideCaps === 'ignore');
    if (capped) {
      // A profile's monthly and yearly limits of one method count the same unit (checked by loadProfile).
      const units = unitsOf(a, (rule.perMonth ?? rule.perYear)!.unit, rule, options.policy);
      let used = usedByNip.get(a.nip);
      if (!used) usedByNip.set(a.nip, (used = new Map()));
      let methodId = methodIds.get(a.method);
      if (methodId === undefined) methodIds.set(a.method, (methodId = methodIds.size));
      const yearKey = (methodId * 10_000 + year) * 13;
      let allowed = units;
      for (let step = 0; step < 2; step++) {
        const limit = step === 0 ? rule.perMonth : rule.perYear;
        if (!limit) continue;
        const key = step === 0 ? yearKey + monthOfDate(period) : yearKey;
        const already = used.get(key) ?? 0;
        const take = Math.min(allowed, Math.max(0, limit.value - already));
        used.set(key, already + take);
        if (take === allowed) continue;
        const stepName = step === 0 ? 'per-month' : 'per-year';
        const before = units === 0 ? 0 : roundJp((conversionJp * allowed) / units);
        const offered = allowed;
        allowed = take;
        jp = units === 0 ? 0 : roundJp((conversionJp * allowed) / units);
        counted = allowed === 0 ? false : 'reduced';
        (limitedBy ??= []).push({ rule: ruleId(profile, a.method, stepName), citation: limit.source });
        if (traces) {
          const after = jp;
          addStep(
            trace,
            full,
            ruleId(profile, a.method, stepName),
            'limit',
            limit.source,
            after,
            () => {
              const label = UNIT_LABEL[limit.unit];
              const per = step === 0 ? { id: 'bulan', en: 'month' } : { id: 'tahun', en: 'year' };
              return {
                description: {
                  id: `Paling banyak ${limit.value} ${label.id} per ${per.id}; ${already} sudah terpakai, ${take} dari ${offered} dihitung → ${before} JP menjadi ${after} JP`,
                  en: `At most ${limit.value} ${label.en} per ${per.en}; ${already} already used, ${take} of ${offered} count → ${before} JP becomes ${after} JP`,
                },
                inputs: { limit: limit.value, unit: limit.unit, alreadyUsed: already, units: offered, counted: take },
              };
            },
            a.id,
          );
        }
      }
    }
    // One object shape for every result (no spread): cheaper to build, hold and serialise.
    const result: ActivityResult = { id: a.id, nip: a.nip, jp, convertedJp: conversionJp, counted, year, trace };
    if (limitedBy) result.limitedBy = limitedBy;
    results[index] = result;
  };
  for (const index of free) limitOne(index);
  for (const k of sorted) limitOne(limited[k]!);
  return results;
}
