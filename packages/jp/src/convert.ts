import type { EmployeeKind, LearningActivity, Problem, Result, Rule } from '@bangkom/domain';
import { fail, inclusiveDays, learningMethods, ok, workingDaysBetween as domainWorkingDays } from '@bangkom/domain';
import type { PolicyParameters } from './policy.js';
import { roundInternational, roundJp, withDefaults } from './policy.js';
import type { JpBasis, MethodRule, RuleProfile } from './profile.js';
import { inForce, resolveProfiles } from './profile.js';
import type { TraceLevel, TraceStep } from './trace.js';
import { NO_TRACE, Tracer, traceLevelOf } from './trace.js';

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
  /**
   * Build the explanation. Default true; bulk callers turn it off for speed. `summary`: each step
   * with its rule, kind, citation and value only (an empty description, no inputs).
   */
  trace?: boolean | 'summary';
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

/** The names of the inputs a method may need, as the activity form shows them. */
const inputNames: Record<string, { id: string; en: string }> = {
  statedJp: { id: 'JP pada sertifikat', en: 'the JP on the certificate' },
  sessions: { id: 'jumlah pertemuan', en: 'the number of sessions' },
  programmeJp: { id: 'JP program', en: 'the programme JP' },
  hours: { id: 'jumlah jam', en: 'the number of hours' },
};

const missing = (field: string, method: string, why: { id: string; en: string }): Problem => {
  const name = inputNames[field] ?? { id: field, en: field };
  const label = learningMethods[method as keyof typeof learningMethods]?.label ?? { id: method, en: method };
  return {
    path: [field],
    code: 'jp.missing_input',
    message: {
      id: `Isi ${name.id}: untuk ${label.id}, ${why.id}`,
      en: `Fill in ${name.en}: for ${label.en}, ${why.en}`,
    },
  };
};

/** The date that places an activity in a month and a year (policy `periodDate`). */
export const periodDateOf = (a: Pick<LearningActivity, 'startDate' | 'endDate'>, policy: PolicyParameters): string =>
  policy.periodDate === 'start' ? a.startDate : a.endDate;

/** Working days from start to end inclusive: the one calendar of `@bangkom/domain` (weekends and fixed national holidays off). */
export const workingDaysBetween = (start: string, end: string): number => domainWorkingDays(start, end);

/** Days that per-day rules and caps use (policy `dayCounting`). */
export const countDays = (a: Pick<LearningActivity, 'days' | 'startDate' | 'endDate'>, policy: PolicyParameters): number =>
  policy.dayCounting === 'workingDays'
    ? Math.max(1, workingDaysBetween(a.startDate, a.endDate))
    : (a.days ?? (a.startDate === a.endDate ? 1 : inclusiveDays(a.startDate, a.endDate)));

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
  return convertWith(versions.value, activity, withDefaults(options.policy), traceLevelOf(options.trace));
}

/** Conversion against already-resolved profile versions and policy (the hot path of bulk runs). */
export function convertWith(
  versions: readonly RuleProfile[],
  a: ActivityFields,
  policy: PolicyParameters,
  withTrace: boolean | TraceLevel,
): Result<Conversion> {
  const date = periodDateOf(a, policy);
  const profile = versionInForce(versions, date);
  if (!profile) {
    const range = versions.map((v) => `${v.title}: ${v.effectiveFrom.value}${v.effectiveTo ? `–${v.effectiveTo.value}` : '–'}`).join('; ');
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
        id: `${profile.title} tidak memiliki aturan konversi untuk ${learningMethods[a.method]?.label.id ?? a.method}`,
        en: `${profile.title} has no conversion rule for ${learningMethods[a.method]?.label.en ?? a.method}`,
      },
    });
  }
  const tracer = withTrace === false || withTrace === 'none' ? NO_TRACE : new Tracer(withTrace);
  const method = a.method;
  const id = tracer.steps ? stepIdsOf(profile, method) : noRuleId;
  const international = a.international === true;
  if (tracer.steps) {
    tracer.add(id('profile'), 'profile', profileCitation(profile), undefined, () => {
      const label = learningMethods[method]?.label;
      return {
        description: {
          id: `Aturan ${profile.title} berlaku pada ${date}; metode ${label?.id ?? method}, ${international ? 'luar negeri' : 'dalam negeri'}`,
          en: `Rules of ${profile.title} in force on ${date}; method ${label?.en ?? method}, ${international ? 'international' : 'domestic'}`,
        },
        inputs: { profile: profile.id, date, method, international },
      };
    });
  }

  let days = countDays(a, policy);
  if (rule.maxDays && days > rule.maxDays.value) {
    const maxDays = rule.maxDays.value;
    const capped = policy.excessDays === 'cap';
    const given = days;
    if (tracer.steps)
      tracer.add(id('max-days'), 'days', rule.maxDays.source, undefined, () => ({
        description: capped
          ? {
              id: `${given} hari melebihi lama pelaksanaan ${maxDays} hari; hanya ${maxDays} hari yang dihitung`,
              en: `${given} days exceed the ${maxDays}-day duration; only ${maxDays} days count`,
            }
          : {
              id: `Perhatian: ${given} hari melebihi lama pelaksanaan ${maxDays} hari; periksa kembali jumlah harinya`,
              en: `Note: ${given} days exceed the ${maxDays}-day duration; check the number of days`,
            },
        inputs: { days: given, maxDays },
      }));
    if (capped) days = maxDays;
  }

  const stated = a.statedJp ?? a.evidence?.statedJp;
  const context: ConversionContext = { rule, activity: a, days, international, stated, policy, tracer, id };
  let jp: number;
  if (a.override) {
    // The SDM unit's decision replaces the conversion; no input of the basis is needed then.
    const override = a.override;
    const set = override.jp;
    jp = set;
    const caps = policy.overrideCaps === 'apply';
    if (tracer.steps)
      tracer.add(id('override'), 'override', '[P] art. 12(2)f', set, () => ({
        description: {
          id: `JP ditetapkan oleh unit SDM (${override.by}): ${set} JP — ${override.reason}${caps ? '; batas bulanan dan tahunan tetap berlaku' : '; tidak dikenai batas bulanan dan tahunan'}`,
          en: `JP set by the HR unit (${override.by}): ${set} JP — ${override.reason}${caps ? '; the monthly and yearly limits still apply' : '; not subject to the monthly and yearly limits'}`,
        },
        inputs: { jp: set, reason: override.reason, by: override.by, overrideCaps: policy.overrideCaps },
      }));
    if (!caps) return ok({ jp: roundJp(jp), trace: tracer.steps ?? [], profile: profile.id });
  } else if (rule.statedFirst?.value && stated !== undefined) {
    jp = stated;
    if (tracer.steps)
      tracer.add(id('stated-jp'), 'stated', rule.statedFirst.source, stated, () => ({
        description: {
          id: `JP tercantum pada bukti dukung: ${stated} JP; konversi tidak diterapkan`,
          en: `JP stated on the evidence: ${stated} JP; no conversion applies`,
        },
        inputs: { statedJp: stated },
      }));
  } else {
    const converted = BY_BASIS.get(rule.basis.value)!.evaluate(context);
    if (!converted.ok) return converted;
    jp = converted.value;
  }

  jp = roundJp(applyActivityCaps(context, jp));
  return ok({ jp, trace: tracer.steps ?? [], profile: profile.id });
}

/** The rule id of a step when no trace is built: never read. */
const noRuleId = (): string => '';

/**
 * Rule ids `profile/method/step` of one profile version and method, by step: each built once, one
 * string shared by every trace that names it (a summary trace is then found by its strings).
 */
const ruleIds = new WeakMap<RuleProfile, Map<string, (step: string) => string>>();
function stepIdsOf(profile: RuleProfile, method: string): (step: string) => string {
  let byMethod = ruleIds.get(profile);
  if (!byMethod) ruleIds.set(profile, (byMethod = new Map()));
  let idOf = byMethod.get(method);
  if (!idOf) {
    const bySteps = new Map<string, string>();
    idOf = (step) => {
      let ruleId = bySteps.get(step);
      if (ruleId === undefined) bySteps.set(step, (ruleId = `${profile.id}/${method}/${step}`));
      return ruleId;
    };
    byMethod.set(method, idOf);
  }
  return idOf;
}

/** The rule id of a step of an activity by `method` under a profile version (`profile/method/step`). */
export const ruleIdOf = (profile: RuleProfile, method: string, step: string): string => stepIdsOf(profile, method)(step);

/** The citation of a profile version's own document (its mark and number), built once per version. */
const profileCitations = new WeakMap<RuleProfile, string>();
function profileCitation(profile: RuleProfile): string {
  let citation = profileCitations.get(profile);
  if (citation === undefined) profileCitations.set(profile, (citation = `${profile.document.mark} ${profile.document.number}`));
  return citation;
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
            id: 'JP mengikuti sertifikat/STTPL; isi JP pada sertifikat atau JP program',
            en: 'JP follows the certificate; give the JP on the certificate or the programme JP',
          }),
        );
      }
      if (tracer.steps)
        tracer.add(id('certificate'), 'conversion', rule.basis.source, jp, () => ({
          description: { id: `JP sesuai sertifikat/program: ${jp} JP`, en: `JP as on the certificate/programme: ${jp} JP` },
          inputs: { statedJp: stated, programmeJp: a.programmeJp },
        }));
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
        if (tracer.steps)
          tracer.add(id('per-day'), 'conversion', rule.rate!.source, roundJp(jp), () => ({
            description: {
              id: `${a.hours} jam = ${roundJp(byHours)} JP (${policy.minutesPerJp} menit/JP), paling banyak ${rate} JP × ${days} hari = ${byDays} JP → ${roundJp(jp)} JP`,
              en: `${a.hours} hours = ${roundJp(byHours)} JP (${policy.minutesPerJp} min/JP), at most ${rate} JP × ${days} days = ${byDays} JP → ${roundJp(jp)} JP`,
            },
            inputs: { hours: a.hours, days, rate, minutesPerJp: policy.minutesPerJp },
          }));
        return ok(jp);
      }
      if (tracer.steps)
        tracer.add(id('per-day'), 'conversion', rule.rate!.source, roundJp(byDays), () => ({
          description: {
            id: `${rate} JP per hari × ${days} hari = ${roundJp(byDays)} JP`,
            en: `${rate} JP per day × ${days} days = ${roundJp(byDays)} JP`,
          },
          inputs: { days, rate },
        }));
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
      if (tracer.steps)
        tracer.add(id('per-session'), 'conversion', rule.rate!.source, roundJp(jp), () => ({
          description: {
            id: `${rate} JP per pertemuan × ${sessions} pertemuan = ${roundJp(jp)} JP`,
            en: `${rate} JP per session × ${sessions} sessions = ${roundJp(jp)} JP`,
          },
          inputs: { sessions, rate, ...(a.sessions === undefined ? { sessionsDefault: rule.sessionsDefault?.source } : {}) },
        }));
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
      if (tracer.steps)
        tracer.add(id('per-activity'), 'conversion', citation, rate, () => ({
          description: { id: `1 kegiatan = ${rate} JP`, en: `1 activity = ${rate} JP` },
          inputs: { rate, international },
        }));
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
      if (tracer.steps)
        tracer.add(id('programme'), 'conversion', rule.basis.source, programme, () => ({
          description: {
            id: `JP program: ${programme} JP${a.programmeJp === undefined ? ' (diambil dari JP pada bukti dukung)' : ''}`,
            en: `Programme JP: ${programme} JP${a.programmeJp === undefined ? ' (taken from the JP on the evidence)' : ''}`,
          },
          inputs: { programmeJp: a.programmeJp, statedJp: stated },
        }));
      const multiplier = rule.internationalMultiplier;
      if (international && multiplier) {
        const jp = roundInternational(programme * multiplier.value, policy.internationalRounding);
        if (tracer.steps) internationalStep(tracer, id, multiplier, programme, jp, policy);
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
        if (tracer.steps)
          tracer.add(id('hours'), 'conversion', rule.basis.source, value, () => ({
            description: {
              id: `${a.hours} jam × 60 ÷ ${policy.minutesPerJp} menit per JP = ${value} JP`,
              en: `${a.hours} hours × 60 ÷ ${policy.minutesPerJp} minutes per JP = ${value} JP`,
            },
            inputs: { hours: a.hours, minutesPerJp: policy.minutesPerJp },
          }));
      } else if (a.method === 'magang') {
        jp = days * policy.magangJpPerDay;
        if (tracer.steps)
          tracer.add(id('duration'), 'conversion', rule.basis.source, jp, () => ({
            description: {
              id: `${days} hari × ${policy.magangJpPerDay} JP per hari = ${jp} JP`,
              en: `${days} days × ${policy.magangJpPerDay} JP per day = ${jp} JP`,
            },
            inputs: { days, magangJpPerDay: policy.magangJpPerDay },
          }));
      } else {
        return fail(missing('hours', a.method, { id: 'JP sesuai jam belajar', en: 'JP follows the hours studied' }));
      }
      const multiplier = rule.internationalMultiplier;
      if (international && multiplier) {
        const before = jp;
        jp = roundInternational(jp * multiplier.value, policy.internationalRounding);
        if (tracer.steps) internationalStep(tracer, id, multiplier, before, jp, policy);
      }
      return ok(jp);
    },
  },
];
const BY_BASIS = new Map(conversionRules.map((r) => [r.basis, r]));

/** The agency's rounding of an international JP, in words (the trace names no policy setting). */
const ROUNDING_WORDS: Record<PolicyParameters['internationalRounding'], { id: string; en: string }> = {
  none: { id: '', en: '' },
  down: { id: ' (dibulatkan ke bawah)', en: ' (rounded down)' },
  nearest: { id: ' (dibulatkan)', en: ' (rounded to the nearest whole JP)' },
  up: { id: ' (dibulatkan ke atas)', en: ' (rounded up)' },
};

const internationalStep = (
  tracer: Tracer,
  id: (step: string) => string,
  multiplier: { value: number; source: string },
  before: number,
  after: number,
  policy: PolicyParameters,
): void =>
  tracer.add(id('international'), 'international', multiplier.source, after, () => ({
    description: {
      id: `Luar negeri: ${roundJp(before)} JP × ${multiplier.value} = ${after} JP${ROUNDING_WORDS[policy.internationalRounding].id}`,
      en: `International: ${roundJp(before)} JP × ${multiplier.value} = ${after} JP${ROUNDING_WORDS[policy.internationalRounding].en}`,
    },
    inputs: { multiplier: multiplier.value, internationalRounding: policy.internationalRounding },
  }));

/** A cap a method's rule sets on one activity: at most `limit` JP. */
export interface ActivityCap {
  limit: number;
  citation: string;
  /** What the cap says, for the trace (built only when a trace shows it). */
  what: () => { id: string; en: string };
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
        what: () => ({ id: `Paling banyak ${perDay} JP per hari × ${days} hari`, en: `At most ${perDay} JP per day × ${days} days` }),
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
        what: () => ({ id: `Paling banyak ${limit} JP per kegiatan`, en: `At most ${limit} JP per activity` }),
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
        what: () => ({ id: `Diselenggarakan unit kerja: paling banyak ${limit} JP`, en: `Run by a work unit: at most ${limit} JP` }),
      };
    },
  },
];

/** Lowers `jp` to each cap in turn that it exceeds, with a trace step for each. */
function applyActivityCaps(context: ConversionContext, jp: number): number {
  let result = jp;
  // The table in order, as `evaluateRules` runs it, without a list of outcomes per activity.
  for (const capRule of activityCaps) {
    const cap = capRule.evaluate(context);
    if (!cap || result <= cap.limit + 1e-9) continue;
    const before = result;
    result = cap.limit;
    const tracer = context.tracer;
    if (tracer.steps)
      tracer.add(context.id(capRule.id), 'cap', cap.citation, roundJp(cap.limit), () => {
        const what = cap.what();
        return {
          description: {
            id: `${what.id}: ${roundJp(before)} JP dibatasi menjadi ${roundJp(cap.limit)} JP`,
            en: `${what.en}: ${roundJp(before)} JP capped at ${roundJp(cap.limit)} JP`,
          },
          inputs: { before: roundJp(before), limit: roundJp(cap.limit) },
        };
      });
  }
  return result;
}
