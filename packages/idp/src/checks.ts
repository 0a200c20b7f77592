import type {
  CompetencyType,
  EmployeeKind,
  IndividualDevelopmentPlan,
  LearningActivity,
  LearningMethod,
  Message,
  PlanItem,
  Problem,
  Rule,
} from '@bangkom/domain';
import {
  competencyTypeLabels,
  evaluateRules,
  gapLevelLabels,
  learningMethods,
  parseEmployeeNumber,
  performancePredicateLabels,
} from '@bangkom/domain';
import type { ActivityResult, Conversion, LearningCategory, PlanField, PolicyParameters, RuleProfile } from '@bangkom/jp';
import type { PlanIssue, PlanIssueCode, Severity } from './issues.js';
import { pointer } from './issues.js';

/** What every check reads: the parsed plan, the profile in force, and the JP facts derived once from them. */
export interface PlanContext {
  plan: IndividualDevelopmentPlan;
  profile: RuleProfile;
  policy: PolicyParameters;
  asOf: string;
  kind: EmployeeKind;
  /** Per item: its recomputed JP, why it cannot be recomputed, or nothing (no method or dates to compute from). */
  conversions: readonly (ItemConversion | undefined)[];
  /** The counting limits' verdict on every item with a conversion, in item order. */
  limited: readonly { index: number; result: ActivityResult }[];
  /** JP that counts per item index, after every cap and limit. */
  countedByItem: ReadonlyMap<number, number>;
  /** JP that would count: recomputed where possible, stated otherwise. */
  countedJp: number;
  budgetTotal: number;
  byMethod: Partial<Record<LearningMethod, number>>;
  mix: Record<LearningCategory, number>;
}

export type ItemConversion = { activity: LearningActivity; conversion: Conversion } | { problem: Problem };

/** The context of a check of one item. */
export interface ItemContext extends PlanContext {
  item: PlanItem;
  index: number;
}

/** An issue without its code: the code is the id of the check that finds it. */
export interface Finding {
  severity: Severity;
  path: string;
  message: Message;
  /** The rule behind this finding, when finer than (or taken from the profile instead of) the check's source. */
  source?: string;
}

/** A check of the whole plan, or of each item in turn (`perItem`). Its id is the code of the issues it finds. */
export type PlanCheck =
  | (Rule<PlanContext, Finding[]> & { id: PlanIssueCode; perItem?: false })
  | (Rule<ItemContext, Finding[]> & { id: PlanIssueCode; perItem: true });

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
/** The plan's and each item's keys that the profile requires ([P] art. 17(2)), for a form to mark them. */
export function requiredPlanFields(profile: RuleProfile): { plan: (keyof IndividualDevelopmentPlan)[]; item: (keyof PlanItem)[] } {
  const fields = profile.planRequiredFields?.value ?? [];
  return {
    plan: fields.flatMap((f) => (PLAN_LEVEL_FIELDS[f] ? [PLAN_LEVEL_FIELDS[f]] : [])),
    item: fields.flatMap((f) => ITEM_FIELDS[f] ?? []),
  };
}
const FIELD_LABEL: Record<PlanField, Message> = {
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
const finding = (severity: Severity, path: string, id: string, en: string, source?: string): Finding => ({
  severity,
  path,
  message: { id, en },
  ...(source !== undefined ? { source } : {}),
});
const none: Finding[] = [];
/** A method or competency types in words (findings name no codes). */
const methodName = (method: string | undefined) =>
  (method && learningMethods[method as LearningMethod]?.label) || { id: method ?? '', en: method ?? '' };
const typesName = (types: readonly CompetencyType[]) => ({
  id: types.map((t) => competencyTypeLabels[t].id).join('/'),
  en: types.map((t) => competencyTypeLabels[t].en).join('/'),
});

/** [P] art. 17(4)–(5): approval by the PPK and sending to LAN by the end of a quarter of the year before. */
const deadlineCheck = (
  id: 'plan.approval_late' | 'plan.lan_late',
  source: string,
  key: 'approvedOn' | 'sentToLanOn',
  quarter: 'approvalQuarter' | 'lanQuarter',
  what: Message,
): PlanCheck => ({
  id,
  source,
  evaluate: ({ plan, profile, asOf }) => {
    const deadlines = profile.planDeadlines;
    if (!deadlines) return none;
    const date = plan[key];
    const deadline = endOfQuarter(plan.year - 1, deadlines[quarter]);
    if (date !== undefined && date > deadline)
      return [
        finding(
          'error',
          pointer(key),
          `Rencana ${plan.year} ${what.id} pada ${date}, setelah batas ${deadline}`,
          `The ${plan.year} plan was ${what.en} on ${date}, after the ${deadline} deadline`,
          deadlines.source,
        ),
      ];
    if (date === undefined && asOf > deadline)
      return [
        finding(
          'error',
          pointer(key),
          `Rencana ${plan.year} belum ${what.id}; batasnya ${deadline} telah lewat`,
          `The ${plan.year} plan is not yet ${what.en}; the ${deadline} deadline has passed`,
          deadlines.source,
        ),
      ];
    return none;
  },
});

/**
 * The checks of an Individual Development Plan, in the order their issues are listed. Consecutive
 * per-item checks run item by item (all of item 1's issues, then item 2's).
 */
export const planChecks: readonly PlanCheck[] = [
  {
    // The fields the profile requires.
    id: 'plan.required_field',
    source: '[P] art. 17(2) a–k; [K] III.F.1',
    evaluate: ({ plan, profile }) => {
      const required = profile.planRequiredFields;
      if (!required) return none;
      const found: Finding[] = [];
      for (const field of required.value) {
        const label = FIELD_LABEL[field];
        const planKey = PLAN_LEVEL_FIELDS[field];
        if (planKey !== undefined) {
          if (plan[planKey] === undefined)
            found.push(
              finding(
                'error',
                pointer(planKey),
                `Isian wajib belum diisi: ${label.id}`,
                `Required field missing: ${label.en}`,
                required.source,
              ),
            );
          continue;
        }
        plan.items.forEach((item, i) => {
          for (const key of ITEM_FIELDS[field] ?? [])
            if (item[key] === undefined)
              found.push(
                finding(
                  'error',
                  pointer('items', i, key),
                  `Butir ${i + 1}: isian wajib belum diisi: ${label.id}`,
                  `Item ${i + 1}: required field missing: ${label.en}`,
                  required.source,
                ),
              );
        });
      }
      return found;
    },
  },
  {
    id: 'plan.no_items',
    source: '[P] art. 17(2)c–k',
    evaluate: ({ plan }) =>
      plan.items.length === 0
        ? [finding('error', '/items', 'Rencana tidak memuat butir pengembangan kompetensi', 'The plan has no development items')]
        : none,
  },
  {
    // A PNS NIP and a PPPK's NI PPPK are parsed and checked, each with its own layout; a TKK has neither.
    id: 'plan.nip_invalid',
    source: '[P] art. 17(2)a',
    evaluate: ({ plan, kind }) => {
      if (plan.nip === undefined || (kind !== 'PNS' && kind !== 'PPPK')) return none;
      const nip = parseEmployeeNumber(plan.nip, kind);
      if (nip.ok) return none;
      const { message } = nip.problems[0]!;
      return [
        finding('error', '/nip', message.id, message.en, kind === 'PNS' ? '[P] art. 17(2)a; PP 11/2017 (NIP)' : '[P] art. 17(2)a; NI PPPK'),
      ];
    },
  },
  {
    id: 'plan.date_outside_year',
    source: '[P] art. 16(2), 17(2)g (rencana tahunan)',
    perItem: true,
    evaluate: ({ plan, item, index: i }) =>
      (['startDate', 'endDate'] as const).flatMap((key) => {
        const date = item[key];
        return date !== undefined && Number(date.slice(0, 4)) !== plan.year
          ? [
              finding(
                'error',
                pointer('items', i, key),
                `Butir ${i + 1}: ${date} di luar tahun rencana ${plan.year}`,
                `Item ${i + 1}: ${date} is outside the plan year ${plan.year}`,
              ),
            ]
          : none;
      }),
  },
  {
    id: 'plan.item_dates_reversed',
    source: '[P] art. 17(2)g',
    perItem: true,
    evaluate: ({ item, index: i }) =>
      item.startDate && item.endDate && item.endDate < item.startDate
        ? [
            finding(
              'error',
              pointer('items', i, 'endDate'),
              `Butir ${i + 1}: tanggal selesai sebelum tanggal mulai`,
              `Item ${i + 1}: ends before it starts`,
            ),
          ]
        : none,
  },
  {
    // JP recomputed by the JP engine: the item lacks an input its method needs.
    id: 'plan.jp_not_computable',
    source: '[K] IV.C–D (Konversi Perhitungan Pemenuhan JP)',
    perItem: true,
    evaluate: ({ profile, conversions, item, index: i }) => {
      const c = conversions[i];
      if (!c || !('problem' in c)) return none;
      const p = c.problem;
      return [
        finding(
          'warning',
          pointer('items', i, String(p.path[0] ?? 'method')),
          `Butir ${i + 1}: JP tidak dapat dihitung ulang — ${p.message.id}`,
          `Item ${i + 1}: JP cannot be recomputed — ${p.message.en}`,
          (item.method && profile.methods[item.method]?.basis.source) ?? profile.document.mark,
        ),
      ];
    },
  },
  {
    // Per-day, per-activity and work-unit caps of the profile.
    id: 'plan.cap_reduces_jp',
    source: '[K] IV.C–D (Konversi Perhitungan Pemenuhan JP)',
    perItem: true,
    evaluate: ({ conversions, index: i }) => {
      const c = conversions[i];
      if (!c || !('conversion' in c)) return none;
      return c.conversion.trace.flatMap((step) =>
        step.kind === 'cap'
          ? [
              finding(
                'warning',
                pointer('items', i),
                `Butir ${i + 1}: ${step.description.id}`,
                `Item ${i + 1}: ${step.description.en}`,
                step.citation,
              ),
            ]
          : none,
      );
    },
  },
  {
    id: 'plan.jp_mismatch',
    source: '[K] IV.C–D (Konversi Perhitungan Pemenuhan JP)',
    perItem: true,
    evaluate: ({ profile, conversions, item, index: i }) => {
      const c = conversions[i];
      if (!c || !('conversion' in c) || item.jp === undefined) return none;
      const { jp, trace } = c.conversion;
      if (Math.abs(item.jp - jp) <= 1e-9) return none;
      const last = trace.findLast((s) => s.value !== undefined);
      return [
        finding(
          'warning',
          pointer('items', i, 'jp'),
          `Butir ${i + 1}: tertulis ${item.jp} JP, menurut aturan ${jp} JP`,
          `Item ${i + 1}: states ${item.jp} JP, the rules give ${jp} JP`,
          last?.citation ?? profile.document.mark,
        ),
      ];
    },
  },
  {
    // Monthly and yearly counting limits across the items.
    id: 'plan.limit_reduces_jp',
    source: '[K] IV.C–D (Konversi Perhitungan Pemenuhan JP)',
    evaluate: ({ limited }) =>
      limited.flatMap(({ index: i, result: r }) => {
        if (r.counted === true) return none;
        const step = r.trace.findLast((s) => (s.kind === 'limit' || s.kind === 'pppk') && s.activityId === r.id);
        return step && step.kind === 'limit'
          ? [
              finding(
                'warning',
                pointer('items', i),
                `Butir ${i + 1}: ${step.description.id}`,
                `Item ${i + 1}: ${step.description.en}`,
                step.citation,
              ),
            ]
          : none;
      }),
  },
  {
    // The training types open to a PPPK.
    id: 'plan.pppk_method',
    source: '[P] art. 52(1)–(2)',
    evaluate: ({ plan, profile, policy, kind }) => {
      const pppkMethods = profile.pppkMethods;
      if (kind !== 'PPPK' || !pppkMethods) return none;
      const severity: Severity = policy.pppkOtherMethods === 'exclude' ? 'error' : 'warning';
      return plan.items.flatMap((item, i) =>
        item.method && !pppkMethods.value.includes(item.method)
          ? [
              finding(
                severity,
                pointer('items', i, 'method'),
                `Butir ${i + 1}: metode ${methodName(item.method).id} tidak termasuk jenis pelatihan PPPK`,
                `Item ${i + 1}: method ${methodName(item.method).en} is not among the PPPK training types`,
                pppkMethods.source,
              ),
            ]
          : none,
      );
    },
  },
  {
    id: 'plan.total_below_minimum',
    source: '[P] art. 19(2)',
    evaluate: ({ profile, kind, countedJp }) => {
      const obligation = profile.obligations[kind];
      return countedJp < obligation.requiredJp
        ? [
            finding(
              'error',
              '/items',
              `Rencana menghasilkan ${countedJp} JP, kurang dari kewajiban ${obligation.requiredJp} JP`,
              `The plan yields ${countedJp} JP, below the obligation of ${obligation.requiredJp} JP`,
              obligation.source,
            ),
          ]
        : none;
    },
  },
  {
    id: 'plan.total_above_maximum',
    source: '[P] art. 19(3)',
    evaluate: ({ profile, kind, countedJp }) => {
      const obligation = profile.obligations[kind];
      return obligation.maxJp !== undefined && countedJp > obligation.maxJp
        ? [
            finding(
              'error',
              '/items',
              `Rencana menghasilkan ${countedJp} JP, melebihi batas ${obligation.maxJp} JP per tahun`,
              `The plan yields ${countedJp} JP, above the maximum of ${obligation.maxJp} JP a year`,
              obligation.source,
            ),
          ]
        : none;
    },
  },
  {
    id: 'plan.budget_exceeded',
    source: '[P] art. 17(2)j; [K] III.F.d (ketersediaan anggaran)',
    evaluate: ({ plan, budgetTotal }) =>
      plan.budgetAvailable !== undefined && budgetTotal > plan.budgetAvailable
        ? [
            finding(
              'error',
              '/budgetAvailable',
              `Kebutuhan anggaran ${rupiah(budgetTotal)} melebihi anggaran tersedia ${rupiah(plan.budgetAvailable)}`,
              `Items cost ${rupiah(budgetTotal)}, more than the ${rupiah(plan.budgetAvailable)} available`,
            ),
          ]
        : none,
  },
  deadlineCheck('plan.approval_late', '[P] art. 17(4)', 'approvedOn', 'approvalQuarter', {
    id: 'disahkan PPK',
    en: 'approved by the PPK',
  }),
  deadlineCheck('plan.lan_late', '[P] art. 17(5)', 'sentToLanOn', 'lanQuarter', { id: 'disampaikan ke LAN', en: 'sent to LAN' }),
  {
    // Fit with the method's target group ("Sasaran").
    id: 'plan.fit_gap_level',
    source: '[K] IV.C–D ("Sasaran")',
    perItem: true,
    evaluate: ({ plan, profile, item, index: i }) => {
      const target = item.method && profile.methods[item.method]?.target;
      return item.method && plan.gapLevel && target && target.gapLevels && !target.gapLevels.includes(plan.gapLevel)
        ? [
            finding(
              'warning',
              pointer('items', i, 'method'),
              `Butir ${i + 1}: sasaran ${methodName(item.method).id} adalah ${target.description.id}; kesenjangan pegawai ${gapLevelLabels[plan.gapLevel].id}`,
              `Item ${i + 1}: ${methodName(item.method).en} targets ${target.description.en}; the employee's gap is ${gapLevelLabels[plan.gapLevel].en}`,
              target.source,
            ),
          ]
        : none;
    },
  },
  {
    id: 'plan.fit_cannot_leave',
    source: '[K] IV.C–D ("Sasaran")',
    perItem: true,
    evaluate: ({ plan, profile, item, index: i }) => {
      if (!item.method || !plan.cannotLeaveWorkplace) return none;
      const target = profile.methods[item.method]?.target;
      return target?.suitsCannotLeaveWorkplace === true
        ? none
        : [
            finding(
              'warning',
              pointer('items', i, 'method'),
              `Butir ${i + 1}: pegawai tidak dapat meninggalkan tempat kerja, sedangkan ${methodName(item.method).id} dilaksanakan di luar tempat kerja`,
              `Item ${i + 1}: the employee cannot leave the workplace, but ${methodName(item.method).en} is held away from it`,
              target?.source ?? '[K] IV "Sasaran"',
            ),
          ];
    },
  },
  {
    id: 'plan.fit_performance',
    source: '[P] art. 6(4)–(5)',
    perItem: true,
    evaluate: ({ plan, profile, item, index: i }) => {
      const target = item.method && profile.methods[item.method]?.target;
      return item.method && plan.performancePredicate && GAP_BASED_PREDICATES.has(plan.performancePredicate) && target && target.talent
        ? [
            finding(
              'warning',
              pointer('items', i, 'method'),
              `Butir ${i + 1}: ${methodName(item.method).id} untuk pengembangan talenta, sedangkan predikat ${performancePredicateLabels[plan.performancePredicate].id} mengarah ke pengembangan berbasis kesenjangan kinerja`,
              `Item ${i + 1}: ${methodName(item.method).en} serves talent development, while the predicate ${performancePredicateLabels[plan.performancePredicate].en} calls for gap-based development`,
              `[P] art. 6(4)–(5); ${target.source}`,
            ),
          ]
        : none;
    },
  },
  {
    id: 'plan.fit_competency_type',
    source: '[K] III.F.1.a',
    perItem: true,
    evaluate: ({ profile, item, index: i }) => {
      const target = item.method && profile.methods[item.method]?.target;
      return item.competencyType && target && target.competencyTypes && !target.competencyTypes.includes(item.competencyType)
        ? [
            finding(
              'warning',
              pointer('items', i, 'competencyType'),
              `Butir ${i + 1}: ${methodName(item.method).id} ditujukan untuk kompetensi ${typesName(target.competencyTypes).id}, bukan ${competencyTypeLabels[item.competencyType].id}`,
              `Item ${i + 1}: ${methodName(item.method).en} targets ${typesName(target.competencyTypes).en} competency, not ${competencyTypeLabels[item.competencyType].en}`,
              `[K] III.F.1.a; ${target.source}`,
            ),
          ]
        : none;
    },
  },
  {
    // The 70:20:10 model (information).
    id: 'plan.mix',
    source: '[P] art. 49',
    evaluate: ({ profile, countedJp, mix }) => {
      if (!profile.learningModel || countedJp <= 0) return none;
      const pct = (v: number) => `${Math.round(v * 100)}%`;
      return [
        finding(
          'info',
          '/items',
          `Komposisi rencana ${pct(mix.experiential)} : ${pct(mix.social)} : ${pct(mix.formal)} (model 70:20:10)`,
          `Plan mix ${pct(mix.experiential)} : ${pct(mix.social)} : ${pct(mix.formal)} (70:20:10 model)`,
          profile.learningModel.source,
        ),
      ];
    },
  },
];

/**
 * Runs the check table: a plan check once, a run of consecutive per-item checks item by item.
 * Each finding becomes an issue with its check's id as code and, unless it cites its own, the check's source.
 */
export function runPlanChecks(context: PlanContext, checks: readonly PlanCheck[] = planChecks): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const emit = (check: PlanCheck, findings: readonly Finding[]) => {
    for (const { severity, path, message, source } of findings)
      issues.push({ code: check.id, severity, path, message, source: source ?? check.source });
  };
  for (let k = 0; k < checks.length;) {
    const check = checks[k]!;
    if (!check.perItem) {
      emit(check, evaluateRules([check], context)[0]!);
      k++;
      continue;
    }
    let end = k;
    while (checks[end]?.perItem) end++;
    const run = checks.slice(k, end) as Extract<PlanCheck, { perItem: true }>[];
    context.plan.items.forEach((item, index) => {
      const findings = evaluateRules(run, { ...context, item, index });
      run.forEach((c, j) => emit(c, findings[j]!));
    });
    k = end;
  }
  return issues;
}
