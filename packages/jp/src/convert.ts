import type { EmployeeKind, LearningActivity, Problem, Result, Rule } from '@bangkom/domain';
import { evaluateRules, fail, inclusiveDays, learningMethods, ok, workingDaysBetween as domainWorkingDays } from '@bangkom/domain';
import type { PolicyParameters } from './policy.js';
import { roundInternational, roundJp, withDefaults } from './policy.js';
import type { JpBasis, MethodRule, RuleProfile } from './profile.js';
import { inForce, resolveProfiles } from './profile.js';
import type { TraceStep } from './trace.js';
import { NO_TRACE, Tracer } from './trace.js';

export interface Conversion {
  jp: number;
  trace: TraceStep[];
  /** Id of the profile whose rules were applied. */
  profile: string;
}

export interface ConvertOptions {
  /** A built-in profile id (default `kutai-barat-2024`), a loaded profile, or several dated versions of one. */
  profile?: RuleProfile | readonly RuleProfile[] | string;
  policy?: Partial<PolicyParameters>;
  /** Kind of the employee; affects nothing in conversion itself but is recorded for limits. Default PNS. */
  employeeKind?: EmployeeKind;
  /** Build the explanation. Default true; bulk callers turn it off for speed. */
  trace?: boolean;
}

type ActivityFields = Pick<
  LearningActivity,
  | 'id'
  | 'method'
  | 'international'
  | 'startDate'
  | 'endDate'
  | 'days'
  | 'sessions'
  | 'hours'
  | 'programmeJp'
  | 'statedJp'
  | 'runByWorkUnit'
  | 'evidence'
  | 'override'
>;

const missing = (field: string, method: string, why: { id: string; en: string }): Problem => ({
  path: [field],
  code: 'jp.missing_input',
  message: { id: `Metode ${method} memerlukan ${field}: ${why.id}`, en: `Method ${method} needs ${field}: ${why.en}` },
});

/** The date that places an activity in a month and a year (policy `periodDate`). */
export const periodDateOf = (a: Pick<LearningActivity, 'startDate' | 'endDate'>, policy: PolicyParameters): string =>
  policy.periodDate === 'start' ? a.startDate : a.endDate;

/** Working days from start to end inclusive: the one calendar of `@bangkom/domain` (weekends and fixed national holidays off). */
export const workingDaysBetween = (start: string, end: string): number => domainWorkingDays(start, end);

/** Days that per-day rules and caps use (policy `dayCounting`). */
export const countDays = (a: Pick<LearningActivity, 'days' | 'startDate' | 'endDate'>, policy: PolicyParameters): number =>
  policy.dayCounting === 'workingDays'
    ? Math.max(1, workingDaysBetween(a.startDate, a.endDate))
    : (a.days ?? inclusiveDays(a.startDate, a.endDate));

/** The profile version in force on `date`, from the versions given. */
export function versionInForce(versions: readonly RuleProfile[], date: string): RuleProfile | undefined {
  let best: RuleProfile | undefined;
  for (const v of versions) if (inForce(v, date) && (!best || v.effectiveFrom.value > best.effectiveFrom.value)) best = v;
  return best;
}

/** Turns one activity into the JP it is worth under a profile, with the chain of rules that produced it. */
export function convertActivity(activity: ActivityFields, options: ConvertOptions = {}): Result<Conversion> {
  const versions = resolveProfiles(options.profile);
  if (!versions.ok) return versions;
  return convertWith(versions.value, activity, withDefaults(options.policy), options.trace ?? true);
}

/** Conversion against already-resolved profile versions and policy (the hot path of bulk runs). */
export function convertWith(
  versions: readonly RuleProfile[],
  a: ActivityFields,
  policy: PolicyParameters,
  withTrace: boolean,
): Result<Conversion> {
  const date = periodDateOf(a, policy);
  const profile = versionInForce(versions, date);
  if (!profile) {
    const range = versions.map((v) => `${v.id}: ${v.effectiveFrom.value}${v.effectiveTo ? `–${v.effectiveTo.value}` : '–'}`).join('; ');
    return fail({
      path: [policy.periodDate === 'start' ? 'startDate' : 'endDate'],
      code: 'jp.no_profile_in_force',
      message: {
        id: `Tidak ada profil aturan yang berlaku pada ${date} (${range})`,
        en: `No rule profile is in force on ${date} (${range})`,
      },
    });
  }
  const rule = profile.methods[a.method];
  if (!rule) {
    return fail({
      path: ['method'],
      code: 'jp.no_rule_for_method',
      message: {
        id: `Profil ${profile.id} tidak memiliki aturan konversi untuk ${a.method}`,
        en: `Profile ${profile.id} has no conversion rule for ${a.method}`,
      },
    });
  }
  const tracer = withTrace ? new Tracer(true) : NO_TRACE;
  const id = (step: string) => `${profile.id}/${a.method}/${step}`;
  const international = a.international === true;
  const label = learningMethods[a.method]?.label;
  tracer.steps?.push({
    rule: id('profile'),
    kind: 'profile',
    citation: `${profile.document.mark} ${profile.document.number}`,
    description: {
      id: `Aturan ${profile.title} berlaku pada ${date}; metode ${label?.id ?? a.method}, ${international ? 'luar negeri' : 'dalam negeri'}`,
      en: `Rules of ${profile.title} in force on ${date}; method ${label?.en ?? a.method}, ${international ? 'international' : 'domestic'}`,
    },
    inputs: { profile: profile.id, date, method: a.method, international },
  });

  let days = countDays(a, policy);
  if (rule.maxDays && days > rule.maxDays.value) {
    const maxDays = rule.maxDays.value;
    const capped = policy.excessDays === 'cap';
    tracer.steps?.push({
      rule: id('max-days'),
      kind: 'days',
      citation: rule.maxDays!.source,
      description: capped
        ? {
            id: `${days} hari melebihi lama pelaksanaan ${maxDays} hari; hanya ${maxDays} hari dihitung (kebijakan excessDays=cap)`,
            en: `${days} days exceed the ${maxDays}-day duration; only ${maxDays} days count (policy excessDays=cap)`,
          }
        : {
            id: `Perhatian: ${days} hari melebihi lama pelaksanaan ${maxDays} hari (kebijakan excessDays=warn)`,
            en: `Note: ${days} days exceed the ${maxDays}-day duration (policy excessDays=warn)`,
          },
      inputs: { days, maxDays },
    });
    if (capped) days = maxDays;
  }

  const stated = a.statedJp ?? a.evidence?.statedJp;
  const context: ConversionContext = { rule, activity: a, days, international, stated, policy, tracer, id };
  let jp: number;
  if (a.override) {
    // The SDM unit's decision replaces the conversion; no input of the basis is needed then.
    jp = a.override.jp;
    const caps = policy.overrideCaps === 'apply';
    tracer.steps?.push({
      rule: id('override'),
      kind: 'override',
      citation: '[P] art. 12(2)f',
      description: {
        id: `JP ditetapkan oleh unit SDM (${a.override.by}): ${jp} JP — ${a.override.reason}${caps ? '; batas tetap berlaku (kebijakan overrideCaps=apply)' : ' (kebijakan overrideCaps=ignore)'}`,
        en: `JP set by the HR unit (${a.override.by}): ${jp} JP — ${a.override.reason}${caps ? '; limits still apply (policy overrideCaps=apply)' : ' (policy overrideCaps=ignore)'}`,
      },
      inputs: { jp, reason: a.override.reason, by: a.override.by, overrideCaps: policy.overrideCaps },
      value: jp,
    });
    if (!caps) return ok({ jp: roundJp(jp), trace: tracer.steps ?? [], profile: profile.id });
  } else if (rule.statedFirst?.value && stated !== undefined) {
    jp = stated;
    tracer.steps?.push({
      rule: id('stated-jp'),
      kind: 'stated',
      citation: rule.statedFirst!.source,
      description: {
        id: `JP tercantum pada bukti dukung: ${stated} JP; konversi tidak diterapkan`,
        en: `JP stated on the evidence: ${stated} JP; no conversion applies`,
      },
      inputs: { statedJp: stated },
      value: jp,
    });
  } else {
    const converted = BY_BASIS.get(rule.basis.value)!.evaluate(context);
    if (!converted.ok) return converted;
    jp = converted.value;
  }

  jp = roundJp(applyActivityCaps(context, jp));
  return ok({ jp, trace: tracer.steps ?? [], profile: profile.id });
}

function rateFor(rule: MethodRule, international: boolean, policy: PolicyParameters): number {
  const rate = rule.rate!;
  if (!international) return rate.domestic;
  if (rate.international !== undefined) return rate.international;
  const multiplier = rule.internationalMultiplier?.value;
  return multiplier ? roundInternational(rate.domestic * multiplier, policy.internationalRounding) : rate.domestic;
}

/** What a conversion rule and a cap read: the method's rule in the profile, the activity and the facts derived once from it. */
export interface ConversionContext {
  rule: MethodRule;
  activity: ActivityFields;
  /** Days that per-day rules and caps use (policy `dayCounting`, after `maxDays`). */
  days: number;
  international: boolean;
  /** JP stated on the activity or its evidence. */
  stated: number | undefined;
  policy: PolicyParameters;
  tracer: Tracer;
  /** The trace id of a step: `profile/method/step`. */
  id: (step: string) => string;
}

/** How a basis of [K] IV.C–D turns an activity into JP (before the caps); `basis` is the profile's `basis` value. */
export type ConversionRule = Rule<ConversionContext, Result<number>> & { basis: JpBasis };

const CONVERSION_SOURCE = '[K] IV.C–D (Konversi Perhitungan Pemenuhan JP)';

/** One entry per basis a profile may give a method; the trace step of each carries the profile's own citation. */
export const conversionRules: readonly ConversionRule[] = [
  {
    id: 'certificate',
    basis: 'certificate',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, activity: a, stated, tracer, id }) => {
      const jp = stated ?? a.programmeJp;
      if (jp === undefined) {
        return fail(
          missing('statedJp', a.method, {
            id: 'JP mengikuti sertifikat/STTPL; isi statedJp atau programmeJp',
            en: 'JP follows the certificate; give statedJp or programmeJp',
          }),
        );
      }
      tracer.steps?.push({
        rule: id('certificate'),
        kind: 'conversion',
        citation: rule.basis.source,
        description: { id: `JP sesuai sertifikat/program: ${jp} JP`, en: `JP as on the certificate/programme: ${jp} JP` },
        inputs: { statedJp: stated, programmeJp: a.programmeJp },
        value: jp,
      });
      return ok(jp);
    },
  },
  {
    id: 'per-day',
    basis: 'perDay',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, activity: a, days, international, policy, tracer, id }) => {
      const rate = rateFor(rule, international, policy);
      const byDays = rate * days;
      if (rule.rate!.isMaximum && a.hours !== undefined) {
        const byHours = (a.hours * 60) / policy.minutesPerJp;
        const jp = Math.min(byHours, byDays);
        tracer.steps?.push({
          rule: id('per-day'),
          kind: 'conversion',
          citation: rule.rate!.source,
          description: {
            id: `${a.hours} jam = ${roundJp(byHours)} JP (${policy.minutesPerJp} menit/JP), paling banyak ${rate} JP × ${days} hari = ${byDays} JP → ${roundJp(jp)} JP`,
            en: `${a.hours} hours = ${roundJp(byHours)} JP (${policy.minutesPerJp} min/JP), at most ${rate} JP × ${days} days = ${byDays} JP → ${roundJp(jp)} JP`,
          },
          inputs: { hours: a.hours, days, rate, minutesPerJp: policy.minutesPerJp },
          value: roundJp(jp),
        });
        return ok(jp);
      }
      tracer.steps?.push({
        rule: id('per-day'),
        kind: 'conversion',
        citation: rule.rate!.source,
        description: {
          id: `${rate} JP per hari × ${days} hari = ${roundJp(byDays)} JP`,
          en: `${rate} JP per day × ${days} days = ${roundJp(byDays)} JP`,
        },
        inputs: { days, rate },
        value: roundJp(byDays),
      });
      return ok(byDays);
    },
  },
  {
    id: 'per-session',
    basis: 'perSession',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, activity: a, international, policy, tracer, id }) => {
      const sessions = a.sessions ?? rule.sessionsDefault?.value;
      if (sessions === undefined) {
        return fail(missing('sessions', a.method, { id: 'JP dihitung per pertemuan', en: 'JP is counted per session' }));
      }
      const rate = rateFor(rule, international, policy);
      const jp = rate * sessions;
      tracer.steps?.push({
        rule: id('per-session'),
        kind: 'conversion',
        citation: rule.rate!.source,
        description: {
          id: `${rate} JP per pertemuan × ${sessions} pertemuan = ${roundJp(jp)} JP`,
          en: `${rate} JP per session × ${sessions} sessions = ${roundJp(jp)} JP`,
        },
        inputs: { sessions, rate, ...(a.sessions === undefined ? { sessionsDefault: rule.sessionsDefault?.source } : {}) },
        value: roundJp(jp),
      });
      return ok(jp);
    },
  },
  {
    id: 'per-activity',
    basis: 'perActivity',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, international, policy, tracer, id }) => {
      const rate = rateFor(rule, international, policy);
      const multiplier = rule.internationalMultiplier;
      const citation =
        international && rule.rate!.international === undefined && multiplier
          ? `${rule.rate!.source}; ${multiplier.source}`
          : rule.rate!.source;
      tracer.steps?.push({
        rule: id('per-activity'),
        kind: 'conversion',
        citation,
        description: { id: `1 kegiatan = ${rate} JP`, en: `1 activity = ${rate} JP` },
        inputs: { rate, international },
        value: rate,
      });
      return ok(rate);
    },
  },
  {
    id: 'programme',
    basis: 'programme',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, activity: a, international, stated, policy, tracer, id }) => {
      const programme = a.programmeJp ?? stated;
      if (programme === undefined) {
        return fail(
          missing('programmeJp', a.method, { id: 'JP sesuai jam pelajaran dalam program', en: 'JP follows the programme hours' }),
        );
      }
      tracer.steps?.push({
        rule: id('programme'),
        kind: 'conversion',
        citation: rule.basis.source,
        description: {
          id: `JP program: ${programme} JP${a.programmeJp === undefined ? ' (diambil dari JP pada bukti dukung)' : ''}`,
          en: `Programme JP: ${programme} JP${a.programmeJp === undefined ? ' (taken from the JP on the evidence)' : ''}`,
        },
        inputs: { programmeJp: a.programmeJp, statedJp: stated },
        value: programme,
      });
      const multiplier = rule.internationalMultiplier;
      if (international && multiplier) {
        const jp = roundInternational(programme * multiplier.value, policy.internationalRounding);
        tracer.steps?.push(internationalStep(id, multiplier, programme, jp, policy));
        return ok(jp);
      }
      return ok(programme);
    },
  },
  {
    // Hours studied; a magang without hours counts its days (policy magangJpPerDay).
    id: 'hours',
    basis: 'hours',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, activity: a, days, international, policy, tracer, id }) => {
      let jp: number;
      if (a.hours !== undefined) {
        jp = (a.hours * 60) / policy.minutesPerJp;
        const value = roundJp(jp);
        tracer.steps?.push({
          rule: id('hours'),
          kind: 'conversion',
          citation: rule.basis.source,
          description: {
            id: `${a.hours} jam × 60 ÷ ${policy.minutesPerJp} menit per JP = ${value} JP (kebijakan minutesPerJp)`,
            en: `${a.hours} hours × 60 ÷ ${policy.minutesPerJp} minutes per JP = ${value} JP (policy minutesPerJp)`,
          },
          inputs: { hours: a.hours, minutesPerJp: policy.minutesPerJp },
          value,
        });
      } else if (a.method === 'magang') {
        jp = days * policy.magangJpPerDay;
        tracer.steps?.push({
          rule: id('duration'),
          kind: 'conversion',
          citation: rule.basis.source,
          description: {
            id: `${days} hari × ${policy.magangJpPerDay} JP per hari = ${jp} JP (kebijakan magangJpPerDay)`,
            en: `${days} days × ${policy.magangJpPerDay} JP per day = ${jp} JP (policy magangJpPerDay)`,
          },
          inputs: { days, magangJpPerDay: policy.magangJpPerDay },
          value: jp,
        });
      } else {
        return fail(missing('hours', a.method, { id: 'JP sesuai jam belajar', en: 'JP follows the hours studied' }));
      }
      const multiplier = rule.internationalMultiplier;
      if (international && multiplier) {
        const before = jp;
        jp = roundInternational(jp * multiplier.value, policy.internationalRounding);
        tracer.steps?.push(internationalStep(id, multiplier, before, jp, policy));
      }
      return ok(jp);
    },
  },
];
const BY_BASIS = new Map(conversionRules.map((r) => [r.basis, r]));

const internationalStep = (
  id: (step: string) => string,
  multiplier: { value: number; source: string },
  before: number,
  after: number,
  policy: PolicyParameters,
): TraceStep => ({
  rule: id('international'),
  kind: 'international',
  citation: multiplier.source,
  description: {
    id: `Luar negeri: ${roundJp(before)} JP × ${multiplier.value} = ${after} JP (pembulatan: ${policy.internationalRounding})`,
    en: `International: ${roundJp(before)} JP × ${multiplier.value} = ${after} JP (rounding: ${policy.internationalRounding})`,
  },
  inputs: { multiplier: multiplier.value, internationalRounding: policy.internationalRounding },
  value: after,
});

/** A cap a method's rule sets on one activity: at most `limit` JP. */
export interface ActivityCap {
  limit: number;
  citation: string;
  what: { id: string; en: string };
}

/** The caps on one activity's JP, applied in this order after the conversion; undefined when the method has none. */
export const activityCaps: readonly Rule<ConversionContext, ActivityCap | undefined>[] = [
  {
    id: 'max-per-day',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, days, international, policy }) => {
      if (!rule.maxPerDay) return undefined;
      const multiplier = rule.internationalMultiplier?.value;
      const perDay =
        international && rule.maxPerDay.appliesMultiplier && multiplier
          ? roundInternational(rule.maxPerDay.value * multiplier, policy.internationalRounding)
          : rule.maxPerDay.value;
      return {
        limit: perDay * days,
        citation: rule.maxPerDay.source,
        what: { id: `Paling banyak ${perDay} JP per hari × ${days} hari`, en: `At most ${perDay} JP per day × ${days} days` },
      };
    },
  },
  {
    id: 'max-per-activity',
    source: CONVERSION_SOURCE,
    evaluate: ({ rule, international }) => {
      if (!rule.maxPerActivity) return undefined;
      const limit = international ? rule.maxPerActivity.international : rule.maxPerActivity.domestic;
      return {
        limit,
        citation: rule.maxPerActivity.source,
        what: { id: `Paling banyak ${limit} JP per kegiatan`, en: `At most ${limit} JP per activity` },
      };
    },
  },
  {
    // A bimtek run by the participant's own unit.
    id: 'max-work-unit',
    source: '[P] art. 57(7)–(8)',
    evaluate: ({ rule, activity }) => {
      if (!rule.maxPerActivityRunByWorkUnit || !activity.runByWorkUnit) return undefined;
      const limit = rule.maxPerActivityRunByWorkUnit.value;
      return {
        limit,
        citation: rule.maxPerActivityRunByWorkUnit.source,
        what: { id: `Diselenggarakan unit kerja: paling banyak ${limit} JP`, en: `Run by a work unit: at most ${limit} JP` },
      };
    },
  },
];

/** Lowers `jp` to each cap in turn that it exceeds, with a trace step for each. */
function applyActivityCaps(context: ConversionContext, jp: number): number {
  let result = jp;
  evaluateRules(activityCaps, context).forEach((cap, k) => {
    if (!cap || result <= cap.limit + 1e-9) return;
    const before = result;
    result = cap.limit;
    context.tracer.steps?.push({
      rule: context.id(activityCaps[k]!.id),
      kind: 'cap',
      citation: cap.citation,
      description: {
        id: `${cap.what.id}: ${roundJp(before)} JP dibatasi menjadi ${roundJp(cap.limit)} JP`,
        en: `${cap.what.en}: ${roundJp(before)} JP capped at ${roundJp(cap.limit)} JP`,
      },
      inputs: { before: roundJp(before), limit: roundJp(cap.limit) },
      value: roundJp(cap.limit),
    });
  });
  return result;
}
