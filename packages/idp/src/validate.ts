import type { IndividualDevelopmentPlan, LearningActivity, LearningMethod, PlanItem, Result } from '@bangkom/domain';
import { IndividualDevelopmentPlan as PlanSchema, parseEmployeeNumber, parseWith, ok, today } from '@bangkom/domain';
import type { ActivityResult, LearningCategory, LimitInput, PlanField, PolicyParameters, RuleProfile } from '@bangkom/jp';
import { applyLimits, convertWith, DEFAULT_PROFILE_ID, resolveProfiles, roundJp, versionInForce, withDefaults } from '@bangkom/jp';
import type { PlanIssue, PlanIssueCode, Severity } from './issues.js';
import { pointer } from './issues.js';

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

const GAP_BASED_PREDICATES = new Set(['butuh_perbaikan', 'kurang', 'sangat_kurang']);
const PLAN_LEVEL_FIELDS: Partial<Record<PlanField, keyof IndividualDevelopmentPlan>> = {
  nip: 'nip',
  name: 'name',
  position: 'position',
  performanceData: 'performanceData',
};
const ITEM_FIELDS: Partial<Record<PlanField, (keyof PlanItem)[]>> = {
  competencyType: ['competencyType'],
  method: ['method'],
  organizer: ['organizer'],
  facilitator: ['facilitator'],
  schedule: ['startDate', 'endDate'],
  curriculumFit: ['curriculumFit'],
  budget: ['budget'],
  jp: ['jp'],
};
const FIELD_LABEL: Record<PlanField, { id: string; en: string }> = {
  nip: { id: 'NIP', en: 'NIP' },
  name: { id: 'nama', en: 'name' },
  position: { id: 'jabatan yang akan dikembangkan', en: 'position to develop' },
  competencyType: { id: 'jenis kompetensi', en: 'competency type' },
  method: { id: 'bentuk dan jalur', en: 'form and path' },
  organizer: { id: 'penyelenggara', en: 'organiser' },
  facilitator: { id: 'fasilitator', en: 'facilitator' },
  schedule: { id: 'jadwal', en: 'schedule' },
  curriculumFit: { id: 'kesesuaian dengan standar kurikulum', en: 'fit with the curriculum standard' },
  performanceData: { id: 'data hasil penilaian kinerja', en: 'performance-appraisal data' },
  budget: { id: 'kebutuhan anggaran', en: 'budget' },
  jp: { id: 'jumlah JP', en: 'number of JP' },
};

const rupiah = (n: number) => `Rp${n.toLocaleString('id-ID')}`;
const endOfQuarter = (year: number, quarter: number) => `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;

/**
 * Validates an Individual Development Plan against a rule profile: completeness, NIP, schedule,
 * JP recomputed by the JP engine, counting limits, yearly obligation, PPPK rules, budget,
 * deadlines, fit with each method's target group and the 70:20:10 mix. A plan that does not
 * match the schema is bad input (a failed Result); everything else is an issue with a code.
 */
export function validatePlan(input: unknown, options: ValidatePlanOptions = {}): Result<PlanValidation> {
  const parsed = parseWith(PlanSchema, input);
  if (!parsed.ok) return parsed;
  const versions = resolveProfiles(options.profile ?? DEFAULT_PLAN_PROFILE);
  if (!versions.ok) return versions;
  const plan = parsed.value;
  const policy = withDefaults(options.policy);
  const asOf = options.asOf ?? today(options.timeZone);
  const issues: PlanIssue[] = [];
  const issue = (code: PlanIssueCode, severity: Severity, path: string, id: string, en: string, source: string) =>
    issues.push({ code, severity, path, message: { id, en }, source });

  const profile = versionInForce(versions.value, `${plan.year}-12-31`) ?? versionInForce(versions.value, `${plan.year}-01-01`);
  if (!profile) {
    const first = versions.value[0]!;
    issue(
      'plan.no_profile_in_force',
      'error',
      '/year',
      `Tidak ada profil aturan ${first.id} yang berlaku pada tahun ${plan.year}`,
      `No version of rule profile ${first.id} is in force in ${plan.year}`,
      `${first.document.mark} ${first.effectiveFrom.source}`,
    );
    return ok({ valid: false, issues, summary: emptySummary(plan, first) });
  }
  const kind = plan.employeeKind;

  // Completeness: the fields the profile requires.
  const required = profile.planRequiredFields;
  if (required) {
    for (const field of required.value) {
      const planKey = PLAN_LEVEL_FIELDS[field];
      if (planKey !== undefined) {
        if (plan[planKey] === undefined)
          issue(
            'plan.required_field',
            'error',
            pointer(planKey),
            `Isian wajib belum diisi: ${FIELD_LABEL[field].id}`,
            `Required field missing: ${FIELD_LABEL[field].en}`,
            required.source,
          );
        continue;
      }
      plan.items.forEach((item, i) => {
        for (const key of ITEM_FIELDS[field] ?? []) {
          if (item[key] === undefined)
            issue(
              'plan.required_field',
              'error',
              pointer('items', i, key),
              `Butir ${i + 1}: isian wajib belum diisi: ${FIELD_LABEL[field].id}`,
              `Item ${i + 1}: required field missing: ${FIELD_LABEL[field].en}`,
              required.source,
            );
        }
      });
    }
  }
  if (plan.items.length === 0)
    issue(
      'plan.no_items',
      'error',
      '/items',
      'Rencana tidak memuat butir pengembangan kompetensi',
      'The plan has no development items',
      '[P] art. 17(2)c–k',
    );

  // NIP: a PNS NIP and a PPPK's NI PPPK are parsed and checked, each with its own layout.
  if (plan.nip !== undefined && (kind === 'PNS' || kind === 'PPPK')) {
    const nip = parseEmployeeNumber(plan.nip, kind);
    if (!nip.ok)
      issue(
        'plan.nip_invalid',
        'error',
        '/nip',
        nip.problems[0]!.message.id,
        nip.problems[0]!.message.en,
        kind === 'PNS' ? '[P] art. 17(2)a; PP 11/2017 (NIP)' : '[P] art. 17(2)a; NI PPPK',
      );
  }

  // Schedule inside the plan year.
  plan.items.forEach((item, i) => {
    for (const key of ['startDate', 'endDate'] as const) {
      const date = item[key];
      if (date !== undefined && Number(date.slice(0, 4)) !== plan.year) {
        issue(
          'plan.date_outside_year',
          'error',
          pointer('items', i, key),
          `Butir ${i + 1}: ${date} di luar tahun rencana ${plan.year}`,
          `Item ${i + 1}: ${date} is outside the plan year ${plan.year}`,
          '[P] art. 16(2), 17(2)g (rencana tahunan)',
        );
      }
    }
    if (item.startDate && item.endDate && item.endDate < item.startDate) {
      issue(
        'plan.item_dates_reversed',
        'error',
        pointer('items', i, 'endDate'),
        `Butir ${i + 1}: tanggal selesai sebelum tanggal mulai`,
        `Item ${i + 1}: ends before it starts`,
        '[P] art. 17(2)g',
      );
    }
  });

  // JP: recompute each item with the engine, then apply the counting limits across items.
  const limitInputs: LimitInput[] = [];
  const itemIndex: number[] = [];
  plan.items.forEach((item, i) => {
    if (!item.method || !item.startDate || !item.endDate || item.endDate < item.startDate) return;
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
    if (!conversion.ok) {
      const p = conversion.problems[0]!;
      issue(
        'plan.jp_not_computable',
        'warning',
        pointer('items', i, String(p.path[0] ?? 'method')),
        `Butir ${i + 1}: JP tidak dapat dihitung ulang — ${p.message.id}`,
        `Item ${i + 1}: JP cannot be recomputed — ${p.message.en}`,
        rule?.basis.source ?? profile.document.mark,
      );
      return;
    }
    const { jp, trace } = conversion.value;
    for (const step of trace) {
      if (step.kind === 'cap') {
        issue(
          'plan.cap_reduces_jp',
          'warning',
          pointer('items', i),
          `Butir ${i + 1}: ${step.description.id}`,
          `Item ${i + 1}: ${step.description.en}`,
          step.citation,
        );
      }
    }
    if (item.jp !== undefined && Math.abs(item.jp - jp) > 1e-9) {
      const last = trace.findLast((s) => s.value !== undefined);
      issue(
        'plan.jp_mismatch',
        'warning',
        pointer('items', i, 'jp'),
        `Butir ${i + 1}: tertulis ${item.jp} JP, menurut aturan ${jp} JP`,
        `Item ${i + 1}: states ${item.jp} JP, the rules give ${jp} JP`,
        last?.citation ?? profile.document.mark,
      );
    }
    limitInputs.push({ activity, conversion: conversion.value, profile, employeeKind: kind });
    itemIndex.push(i);
  });
  const results: ActivityResult[] = applyLimits(limitInputs, { policy, projected: false, trace: true });
  const countedByItem = new Map<number, number>();
  results.forEach((r, k) => {
    const i = itemIndex[k]!;
    countedByItem.set(i, r.jp);
    if (r.counted === true) return;
    const step = r.trace.findLast((s) => (s.kind === 'limit' || s.kind === 'pppk') && s.activityId === r.id);
    if (step && step.kind === 'limit') {
      issue(
        'plan.limit_reduces_jp',
        'warning',
        pointer('items', i),
        `Butir ${i + 1}: ${step.description.id}`,
        `Item ${i + 1}: ${step.description.en}`,
        step.citation,
      );
    }
  });

  // PPPK: methods of [P] art. 52.
  if (kind === 'PPPK' && profile.pppkMethods) {
    plan.items.forEach((item, i) => {
      if (item.method && !profile.pppkMethods!.value.includes(item.method)) {
        const severity: Severity = policy.pppkOtherMethods === 'exclude' ? 'error' : 'warning';
        issue(
          'plan.pppk_method',
          severity,
          pointer('items', i, 'method'),
          `Butir ${i + 1}: metode ${item.method} tidak termasuk jenis pelatihan PPPK`,
          `Item ${i + 1}: method ${item.method} is not among the PPPK training types`,
          profile.pppkMethods!.source,
        );
      }
    });
  }

  // Totals against the yearly obligation and maximum.
  const statedJp = roundJp(plan.items.reduce((n, item) => n + (item.jp ?? 0), 0));
  const countedJp = roundJp(plan.items.reduce((n, item, i) => n + (countedByItem.get(i) ?? item.jp ?? 0), 0));
  const obligation = profile.obligations[kind];
  if (countedJp < obligation.requiredJp) {
    issue(
      'plan.total_below_minimum',
      'error',
      '/items',
      `Rencana menghasilkan ${countedJp} JP, kurang dari kewajiban ${obligation.requiredJp} JP`,
      `The plan yields ${countedJp} JP, below the obligation of ${obligation.requiredJp} JP`,
      obligation.source,
    );
  }
  if (obligation.maxJp !== undefined && countedJp > obligation.maxJp) {
    issue(
      'plan.total_above_maximum',
      'error',
      '/items',
      `Rencana menghasilkan ${countedJp} JP, melebihi batas ${obligation.maxJp} JP per tahun`,
      `The plan yields ${countedJp} JP, above the maximum of ${obligation.maxJp} JP a year`,
      obligation.source,
    );
  }

  // Budget.
  const budgetTotal = plan.items.reduce((n, item) => n + (item.budget ?? 0), 0);
  if (plan.budgetAvailable !== undefined && budgetTotal > plan.budgetAvailable) {
    issue(
      'plan.budget_exceeded',
      'error',
      '/budgetAvailable',
      `Kebutuhan anggaran ${rupiah(budgetTotal)} melebihi anggaran tersedia ${rupiah(plan.budgetAvailable)}`,
      `Items cost ${rupiah(budgetTotal)}, more than the ${rupiah(plan.budgetAvailable)} available`,
      '[P] art. 17(2)j; [K] III.F.d (ketersediaan anggaran)',
    );
  }

  // Deadlines: approval by the end of Q2 and sending to LAN by the end of Q3 of the year before.
  const deadlines = profile.planDeadlines;
  if (deadlines) {
    const checks = [
      {
        code: 'plan.approval_late' as const,
        date: plan.approvedOn,
        key: 'approvedOn',
        deadline: endOfQuarter(plan.year - 1, deadlines.approvalQuarter),
        what: { id: 'disahkan PPK', en: 'approved by the PPK' },
      },
      {
        code: 'plan.lan_late' as const,
        date: plan.sentToLanOn,
        key: 'sentToLanOn',
        deadline: endOfQuarter(plan.year - 1, deadlines.lanQuarter),
        what: { id: 'disampaikan ke LAN', en: 'sent to LAN' },
      },
    ];
    for (const c of checks) {
      if (c.date !== undefined && c.date > c.deadline) {
        issue(
          c.code,
          'error',
          pointer(c.key),
          `Rencana ${plan.year} ${c.what.id} pada ${c.date}, setelah batas ${c.deadline}`,
          `The ${plan.year} plan was ${c.what.en} on ${c.date}, after the ${c.deadline} deadline`,
          deadlines.source,
        );
      } else if (c.date === undefined && asOf > c.deadline) {
        issue(
          c.code,
          'error',
          pointer(c.key),
          `Rencana ${plan.year} belum ${c.what.id}; batasnya ${c.deadline} telah lewat`,
          `The ${plan.year} plan is not yet ${c.what.en}; the ${c.deadline} deadline has passed`,
          deadlines.source,
        );
      }
    }
  }

  // Fit with each method's target group.
  plan.items.forEach((item, i) => {
    if (!item.method) return;
    const target = profile.methods[item.method]?.target;
    const where = pointer('items', i, 'method');
    if (plan.gapLevel && target?.gapLevels && !target.gapLevels.includes(plan.gapLevel)) {
      issue(
        'plan.fit_gap_level',
        'warning',
        where,
        `Butir ${i + 1}: sasaran ${item.method} adalah ${target.description.id}; kesenjangan pegawai ${plan.gapLevel}`,
        `Item ${i + 1}: ${item.method} targets ${target.description.en}; the employee's gap is ${plan.gapLevel}`,
        target.source,
      );
    }
    if (plan.cannotLeaveWorkplace && target?.suitsCannotLeaveWorkplace !== true) {
      issue(
        'plan.fit_cannot_leave',
        'warning',
        where,
        `Butir ${i + 1}: pegawai tidak dapat meninggalkan tempat kerja, sedangkan ${item.method} dilaksanakan di luar tempat kerja`,
        `Item ${i + 1}: the employee cannot leave the workplace, but ${item.method} is held away from it`,
        target?.source ?? '[K] IV "Sasaran"',
      );
    }
    if (plan.performancePredicate && GAP_BASED_PREDICATES.has(plan.performancePredicate) && target?.talent) {
      issue(
        'plan.fit_performance',
        'warning',
        where,
        `Butir ${i + 1}: ${item.method} untuk pengembangan talenta, sedangkan predikat ${plan.performancePredicate} mengarah ke pengembangan berbasis kesenjangan kinerja`,
        `Item ${i + 1}: ${item.method} serves talent development, while predicate ${plan.performancePredicate} calls for gap-based development`,
        `[P] art. 6(4)–(5); ${target.source}`,
      );
    }
    if (item.competencyType && target?.competencyTypes && !target.competencyTypes.includes(item.competencyType)) {
      issue(
        'plan.fit_competency_type',
        'warning',
        pointer('items', i, 'competencyType'),
        `Butir ${i + 1}: ${item.method} ditujukan untuk kompetensi ${target.competencyTypes.join('/')}, bukan ${item.competencyType}`,
        `Item ${i + 1}: ${item.method} targets ${target.competencyTypes.join('/')} competency, not ${item.competencyType}`,
        `[K] III.F.1.a; ${target.source}`,
      );
    }
  });

  // 70:20:10.
  const byMethod: Partial<Record<LearningMethod, number>> = {};
  plan.items.forEach((item, i) => {
    if (!item.method) return;
    byMethod[item.method] = roundJp((byMethod[item.method] ?? 0) + (countedByItem.get(i) ?? item.jp ?? 0));
  });
  const mix = mixOf(byMethod, profile);
  if (profile.learningModel && countedJp > 0) {
    const pct = (v: number) => `${Math.round(v * 100)}%`;
    issue(
      'plan.mix',
      'info',
      '/items',
      `Komposisi rencana ${pct(mix.experiential)} : ${pct(mix.social)} : ${pct(mix.formal)} (model 70:20:10)`,
      `Plan mix ${pct(mix.experiential)} : ${pct(mix.social)} : ${pct(mix.formal)} (70:20:10 model)`,
      profile.learningModel.source,
    );
  }

  const summary: PlanSummary = {
    ...emptySummary(plan, profile),
    statedJp,
    countedJp,
    shortfall: roundJp(Math.max(0, obligation.requiredJp - countedJp)),
    budgetTotal,
    byMethod,
    mix,
  };
  return ok({ valid: !issues.some((i) => i.severity === 'error'), issues, summary });
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
    required: obligation.requiredJp,
    ...(obligation.maxJp !== undefined ? { cap: obligation.maxJp } : {}),
    shortfall: obligation.requiredJp,
    budgetTotal: 0,
    budgetAvailable: plan.budgetAvailable ?? null,
    byMethod: {},
    mix: { experiential: 0, social: 0, formal: 0 },
  };
}
