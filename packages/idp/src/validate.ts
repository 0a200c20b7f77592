import type { IndividualDevelopmentPlan, LearningActivity, LearningMethod, PlanItem, Result } from '@bangkom/domain';
import { IndividualDevelopmentPlan as PlanSchema, parseWith, ok, today } from '@bangkom/domain';
import type { ActivityResult, LearningCategory, LimitInput, PolicyParameters, RuleProfile } from '@bangkom/jp';
import { applyLimits, convertWith, DEFAULT_PROFILE_ID, resolveProfiles, roundJp, versionInForce, withDefaults } from '@bangkom/jp';
import type { ItemConversion, PlanContext } from './checks.js';
import { runPlanChecks } from './checks.js';
import type { PlanIssue } from './issues.js';

export interface ValidatePlanOptions {
  /** Rule profile id, profile or dated versions; default the one default of `@bangkom/jp` (`DEFAULT_PROFILE_ID`). */
  profile?: RuleProfile | readonly RuleProfile[] | string;
  /** Date the deadlines are judged against (ISO); default today in `timeZone`. */
  asOf?: string;
  /** The agency's time zone, for "today" (default `DEFAULT_TIME_ZONE` of `@bangkom/domain`). */
  timeZone?: string;
  policy?: Partial<PolicyParameters>;
}

export interface PlanSummary {
  profile: string;
  year: number;
  nip: string | null;
  employeeKind: 'PNS' | 'PPPK' | 'TKK';
  items: number;
  /** Sum of the JP stated on the items. */
  statedJp: number;
  /** JP that would count: recomputed by the rule profile after every cap and limit (stated JP where it cannot be recomputed). */
  countedJp: number;
  /** Each item's JP as it counts in `countedJp`, in item order; null where neither the engine nor the item gives one. */
  itemJp: (number | null)[];
  required: number;
  cap?: number;
  shortfall: number;
  budgetTotal: number;
  budgetAvailable: number | null;
  byMethod: Partial<Record<LearningMethod, number>>;
  /** Shares of counted JP by the 70:20:10 model ([P] art. 49). */
  mix: Record<LearningCategory, number>;
}

export interface PlanValidation {
  valid: boolean;
  issues: PlanIssue[];
  summary: PlanSummary;
}

export const DEFAULT_PLAN_PROFILE = DEFAULT_PROFILE_ID;

/**
 * Validates an Individual Development Plan against a rule profile: completeness, NIP, schedule,
 * JP recomputed by the JP engine, counting limits, yearly obligation, PPPK rules, budget,
 * deadlines, fit with each method's target group and the 70:20:10 mix (the table `planChecks`).
 * A plan that does not match the schema is bad input (a failed Result); everything else is an
 * issue with a code.
 */
export function validatePlan(input: unknown, options: ValidatePlanOptions = {}): Result<PlanValidation> {
  const parsed = parseWith(PlanSchema, input);
  if (!parsed.ok) return parsed;
  const versions = resolveProfiles(options.profile ?? DEFAULT_PLAN_PROFILE);
  if (!versions.ok) return versions;
  const plan = parsed.value;
  const policy = withDefaults(options.policy);
  const asOf = options.asOf ?? today(options.timeZone);

  const profile = versionInForce(versions.value, `${plan.year}-12-31`) ?? versionInForce(versions.value, `${plan.year}-01-01`);
  if (!profile) {
    // Every check reads the profile: without one in force, this is the plan's only issue.
    const first = versions.value[0]!;
    const issue: PlanIssue = {
      code: 'plan.no_profile_in_force',
      severity: 'error',
      path: '/year',
      message: {
        id: `Tidak ada profil aturan ${first.id} yang berlaku pada tahun ${plan.year}`,
        en: `No version of rule profile ${first.id} is in force in ${plan.year}`,
      },
      source: `${first.document.mark} ${first.effectiveFrom.source}`,
    };
    return ok({ valid: false, issues: [issue], summary: emptySummary(plan, first) });
  }
  const context = planContext(plan, profile, policy, asOf);
  const issues = runPlanChecks(context);
  const { countedJp, budgetTotal, byMethod, mix } = context;
  const summary: PlanSummary = {
    ...emptySummary(plan, profile),
    statedJp: roundJp(plan.items.reduce((n, item) => n + (item.jp ?? 0), 0)),
    countedJp,
    itemJp: plan.items.map((item, i) => context.countedByItem.get(i) ?? item.jp ?? null),
    shortfall: roundJp(Math.max(0, profile.obligations[plan.employeeKind].requiredJp - countedJp)),
    budgetTotal,
    byMethod,
    mix,
  };
  return ok({ valid: !issues.some((i) => i.severity === 'error'), issues, summary });
}

/** The facts every plan check reads, derived once: each item's JP recomputed by the engine, the counting limits across items, totals and mix. */
export function planContext(plan: IndividualDevelopmentPlan, profile: RuleProfile, policy: PolicyParameters, asOf: string): PlanContext {
  const kind = plan.employeeKind;
  const conversions = plan.items.map((item, i) => convertItem(plan, item, i, profile, policy));
  const limitInputs: LimitInput[] = [];
  const itemIndex: number[] = [];
  conversions.forEach((c, i) => {
    if (!c || !('conversion' in c)) return;
    limitInputs.push({ activity: c.activity, conversion: c.conversion, profile, employeeKind: kind });
    itemIndex.push(i);
  });
  const results: ActivityResult[] = applyLimits(limitInputs, { policy, projected: false, trace: true });
  const limited = results.map((result, k) => ({ index: itemIndex[k]!, result }));
  const countedByItem = new Map(limited.map(({ index, result }) => [index, result.jp]));
  const countedOf = (item: PlanItem, i: number) => countedByItem.get(i) ?? item.jp ?? 0;
  const byMethod: Partial<Record<LearningMethod, number>> = {};
  plan.items.forEach((item, i) => {
    if (item.method) byMethod[item.method] = roundJp((byMethod[item.method] ?? 0) + countedOf(item, i));
  });
  return {
    plan,
    profile,
    policy,
    asOf,
    kind,
    conversions,
    limited,
    countedByItem,
    countedJp: roundJp(plan.items.reduce((n, item, i) => n + countedOf(item, i), 0)),
    budgetTotal: plan.items.reduce((n, item) => n + (item.budget ?? 0), 0),
    byMethod,
    mix: mixOf(byMethod, profile),
  };
}

/** An item as the learning activity the JP engine converts; nothing when it lacks a method or a sound schedule. */
function convertItem(
  plan: IndividualDevelopmentPlan,
  item: PlanItem,
  i: number,
  profile: RuleProfile,
  policy: PolicyParameters,
): ItemConversion | undefined {
  if (!item.method || !item.startDate || !item.endDate || item.endDate < item.startDate) return undefined;
  const rule = profile.methods[item.method];
  const activity: LearningActivity = {
    id: item.id ?? `item-${i + 1}`,
    nip: plan.nip ?? 'plan',
    method: item.method,
    title: item.title ?? item.method,
    international: item.international,
    startDate: item.startDate,
    endDate: item.endDate,
    ...(item.days !== undefined ? { days: item.days } : {}),
    ...(item.sessions !== undefined ? { sessions: item.sessions } : {}),
    ...(item.hours !== undefined ? { hours: item.hours } : {}),
    ...(item.programmeJp !== undefined ? { programmeJp: item.programmeJp } : {}),
    // A programme held on summons has the JP its organiser states: the planned figure.
    ...(rule?.basis.value === 'certificate' && item.jp !== undefined ? { statedJp: item.jp } : {}),
    runByWorkUnit: item.runByWorkUnit,
    status: 'verified',
  };
  const conversion = convertWith([profile], activity, policy, true);
  return conversion.ok ? { activity, conversion: conversion.value } : { problem: conversion.problems[0]! };
}

function mixOf(byMethod: Partial<Record<LearningMethod, number>>, profile: RuleProfile): Record<LearningCategory, number> {
  const totals = { experiential: 0, social: 0, formal: 0 };
  let all = 0;
  for (const [method, jp] of Object.entries(byMethod) as [LearningMethod, number][]) {
    all += jp;
    for (const cat of ['experiential', 'social', 'formal'] as const)
      if (profile.learningModel?.methods[cat].includes(method)) totals[cat] += jp;
  }
  const share = (v: number) => (all > 0 ? Math.round((v / all) * 1000) / 1000 : 0);
  return { experiential: share(totals.experiential), social: share(totals.social), formal: share(totals.formal) };
}

function emptySummary(plan: IndividualDevelopmentPlan, profile: RuleProfile): PlanSummary {
  const obligation = profile.obligations[plan.employeeKind];
  return {
    profile: profile.id,
    year: plan.year,
    nip: plan.nip ?? null,
    employeeKind: plan.employeeKind,
    items: plan.items.length,
    statedJp: 0,
    countedJp: 0,
    itemJp: plan.items.map((item) => item.jp ?? null),
    required: obligation.requiredJp,
    ...(obligation.maxJp !== undefined ? { cap: obligation.maxJp } : {}),
    shortfall: obligation.requiredJp,
    budgetTotal: 0,
    budgetAvailable: plan.budgetAvailable ?? null,
    byMethod: {},
    mix: { experiential: 0, social: 0, formal: 0 },
  };
}
