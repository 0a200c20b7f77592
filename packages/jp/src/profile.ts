import type { EmployeeKind, LearningMethod, LearningPath, Problem, PublicSchema, Result } from '@bangkom/domain';
import {
  competencyTypes,
  employeeKinds,
  evidenceKinds,
  fail,
  gapLevels,
  isoDate,
  learningMethodCodes,
  learningMethods,
  ok,
  parseWith,
} from '@bangkom/domain';
import { z } from 'zod';
import kutaiBarat2024 from '../profiles/kutai-barat-2024.json' with { type: 'json' };
import pupr2023 from '../profiles/pupr-2023.json' with { type: 'json' };

/** Every number in a profile carries its source: document mark + section, e.g. "[K] IV.C.2.i". */
const source = z.string().min(3).describe('Document and section/article that justifies the value, e.g. "[K] IV.C.2.i".');
const cited = <T extends z.ZodType>(value: T) => z.object({ value, source });
const bilingual = z.object({ id: z.string().min(1), en: z.string().min(1) });

/** How the JP of a method is derived. */
export const jpBases = ['certificate', 'perDay', 'perSession', 'perActivity', 'programme', 'hours'] as const;
export type JpBasis = (typeof jpBases)[number];
/** What a counting limit counts: sessions (or sittings), attendance days, or whole activities. */
export const limitUnits = ['session', 'day', 'activity'] as const;
export type LimitUnit = (typeof limitUnits)[number];

const limit = z.object({ value: z.int().positive(), unit: z.enum(limitUnits), source });

export const MethodRule = z
  .object({
    basis: cited(z.enum(jpBases)),
    statedFirst: cited(z.boolean())
      .optional()
      .describe('JP printed on the evidence counts first; the conversion applies only when none is stated.'),
    rate: z
      .object({
        domestic: z.number().positive(),
        international: z
          .number()
          .positive()
          .optional()
          .describe('When absent, international = domestic × internationalMultiplier (or domestic).'),
        isMaximum: z.boolean().optional().describe('The rate is a maximum per unit; hours studied below it count as studied.'),
        source,
      })
      .optional(),
    internationalMultiplier: cited(z.number().positive()).optional().describe('"+20%" rules: international = domestic × value.'),
    sessionsDefault: cited(z.int().positive()).optional(),
    maxPerDay: z.object({ value: z.number().positive(), appliesMultiplier: z.boolean().optional(), source }).optional(),
    maxDays: cited(z.int().positive()).optional(),
    maxPerActivity: z.object({ domestic: z.number().positive(), international: z.number().positive(), source }).optional(),
    maxPerActivityRunByWorkUnit: cited(z.number().positive()).optional(),
    perMonth: limit.optional(),
    perYear: limit.optional(),
    evidence: cited(z.array(z.enum(evidenceKinds)).min(1)).optional(),
    target: z
      .object({
        gapLevels: z.array(z.enum(gapLevels)).min(1).optional().describe('Gap levels the method is meant for; absent = any.'),
        suitsCannotLeaveWorkplace: z.boolean().optional().describe('Suits an employee who cannot leave the workplace.'),
        talent: z.boolean().optional().describe('Meant for talent development (performance sangat baik/baik, [P] art. 6(4)).'),
        competencyTypes: z.array(z.enum(competencyTypes)).min(1).optional(),
        description: bilingual,
        source,
      })
      .optional()
      .describe('Target group ("Sasaran") of the method.'),
  })
  .strict();
export type MethodRule = z.output<typeof MethodRule>;

const obligation = z.object({
  requiredJp: z.number().nonnegative(),
  maxJp: z.number().positive().optional(),
  source,
});

export const learningCategories = ['experiential', 'social', 'formal'] as const;
export type LearningCategory = (typeof learningCategories)[number];

/** Fields of an Individual Development Plan a profile can require ([P] art. 17(2) a–k; [K] III.F.1). */
export const planFields = [
  'nip',
  'name',
  'position',
  'competencyType',
  'method',
  'organizer',
  'facilitator',
  'schedule',
  'curriculumFit',
  'performanceData',
  'budget',
  'jp',
] as const;
export type PlanField = (typeof planFields)[number];

/** A rule profile as written in a file; `extends` lets it inherit another profile's rules field by field. */
export const RuleProfileFile = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: z.string().min(1),
    document: z.object({ title: z.string().min(1), number: z.string().min(1), date: isoDate, mark: z.string().min(1) }),
    extends: z.string().optional(),
    effectiveFrom: cited(isoDate),
    effectiveTo: cited(isoDate).optional(),
    notes: z.array(bilingual).default([]),
    obligations: z.object({ PNS: obligation, PPPK: obligation, TKK: obligation }).partial().optional(),
    pppkMethods: cited(z.array(z.enum(learningMethodCodes))).optional(),
    planRequiredFields: cited(z.array(z.enum(planFields)).min(1))
      .optional()
      .describe('Fields every Individual Development Plan must fill.'),
    planDeadlines: z
      .object({ approvalQuarter: z.int().min(1).max(4), lanQuarter: z.int().min(1).max(4), source })
      .optional()
      .describe('Quarter of year Y−1 by whose end the plan for year Y is approved by the PPK and sent to LAN.'),
    supervisorApproval: z
      .object({ paths: z.array(z.enum(['klasikal', 'nonklasikal'])), source })
      .optional()
      .describe('Learning paths whose activities the direct superior approves before the SDM unit verifies them.'),
    learningModel: z
      .object({
        source,
        target: z.object({ experiential: z.number(), social: z.number(), formal: z.number() }),
        methods: z.object({
          experiential: z.array(z.enum(learningMethodCodes)),
          social: z.array(z.enum(learningMethodCodes)),
          formal: z.array(z.enum(learningMethodCodes)),
        }),
      })
      .optional(),
    methods: z.partialRecord(z.enum(learningMethodCodes), MethodRule.partial()).default({}),
  })
  .strict()
  .meta({
    title: 'RuleProfile',
    description: 'A JP conversion rule profile: per-method rules and yearly obligations, every number with its source.',
  });
export type RuleProfileFile = z.input<typeof RuleProfileFile>;

/** A resolved profile: inheritance applied, every method rule complete. */
export interface RuleProfile {
  id: string;
  title: string;
  document: { title: string; number: string; date: string; mark: string };
  extends?: string;
  /** Ids of the profiles this one was built from, nearest first. */
  lineage: string[];
  effectiveFrom: { value: string; source: string };
  effectiveTo?: { value: string; source: string };
  notes: { id: string; en: string }[];
  obligations: Record<EmployeeKind, { requiredJp: number; maxJp?: number; source: string }>;
  pppkMethods?: { value: LearningMethod[]; source: string };
  planRequiredFields?: { value: PlanField[]; source: string };
  planDeadlines?: { approvalQuarter: number; lanQuarter: number; source: string };
  supervisorApproval?: { paths: LearningPath[]; source: string };
  learningModel?: { source: string; target: Record<LearningCategory, number>; methods: Record<LearningCategory, LearningMethod[]> };
  methods: Partial<Record<LearningMethod, MethodRule>>;
}

const problem = (path: (string | number)[], code: string, id: string, en: string): Problem => ({ path, code, message: { id, en } });

/**
 * Validates a profile file and resolves its `extends` chain against `known` profiles.
 * Method rules merge field by field: a child that sets only `maxPerActivityRunByWorkUnit`
 * for bimtek keeps the parent's conversion for it.
 */
export function loadProfile(json: unknown, known: readonly RuleProfile[] = builtInProfiles): Result<RuleProfile> {
  const parsed = parseWith(RuleProfileFile, json);
  if (!parsed.ok) return parsed;
  return resolveProfile(parsed.value, known, (rule) => {
    const merged = MethodRule.safeParse(rule);
    return merged.success ? merged.data : merged.error.issues.map((i) => i.path.join('.'));
  });
}

type ParsedProfileFile = z.output<typeof RuleProfileFile>;

/**
 * Resolves a validated profile file: applies its `extends` chain against `known` profiles and
 * checks what the schema cannot (inheritance complete, rates present, limit units, dates).
 * `completeRule` checks a method rule after merging: the list of missing paths, or the rule.
 */
function resolveProfile(
  file: ParsedProfileFile,
  known: readonly RuleProfile[],
  completeRule: (rule: Partial<MethodRule>) => MethodRule | string[],
): Result<RuleProfile> {
  let parent: RuleProfile | undefined;
  if (file.extends !== undefined) {
    // A parent id with several dated versions: inherit the one in force on this profile's own start date.
    parent = versionOn(
      known.filter((p) => p.id === file.extends),
      file.effectiveFrom.value,
    );
    if (!parent) {
      return fail(
        problem(
          ['extends'],
          'profile.unknown_parent',
          `Profil induk tidak dikenal: ${file.extends}`,
          `Unknown parent profile: ${file.extends}`,
        ),
      );
    }
  }
  const methods: Partial<Record<LearningMethod, MethodRule>> = { ...parent?.methods };
  const problems: Problem[] = [];
  for (const [method, override] of Object.entries(file.methods) as [LearningMethod, Partial<MethodRule>][]) {
    const merged = completeRule({ ...parent?.methods[method], ...override });
    if (!Array.isArray(merged)) methods[method] = merged;
    else
      problems.push(
        problem(
          ['methods', method],
          'profile.incomplete_rule',
          `Aturan metode ${method} tidak lengkap setelah pewarisan: ${merged.join(', ')}`,
          `Rule for ${method} is incomplete after inheritance: ${merged.join(', ')}`,
        ),
      );
  }
  const obligations = { ...parent?.obligations, ...file.obligations } as Partial<RuleProfile['obligations']>;
  for (const kind of employeeKinds) {
    if (!obligations[kind])
      problems.push(
        problem(
          ['obligations', kind],
          'profile.missing_obligation',
          `Kewajiban JP untuk ${kind} belum ditetapkan`,
          `No JP obligation set for ${kind}`,
        ),
      );
  }
  for (const [method, rule] of Object.entries(methods) as [LearningMethod, MethodRule][]) {
    const needsRate = rule.basis.value === 'perDay' || rule.basis.value === 'perSession' || rule.basis.value === 'perActivity';
    if (needsRate && !rule.rate)
      problems.push(
        problem(
          ['methods', method, 'rate'],
          'profile.missing_rate',
          `Metode ${method} berbasis ${rule.basis.value} memerlukan rate`,
          `Method ${method} with basis ${rule.basis.value} needs a rate`,
        ),
      );
  }
  for (const [method, rule] of Object.entries(methods) as [LearningMethod, MethodRule][]) {
    if (rule.perMonth && rule.perYear && rule.perMonth.unit !== rule.perYear.unit) {
      problems.push(
        problem(
          ['methods', method, 'perYear', 'unit'],
          'profile.mixed_limit_units',
          `Batas bulanan dan tahunan ${method} harus memakai satuan yang sama`,
          `Monthly and yearly limits of ${method} must count the same unit`,
        ),
      );
    }
  }
  if (file.effectiveTo && file.effectiveTo.value < file.effectiveFrom.value) {
    problems.push(
      problem(
        ['effectiveTo', 'value'],
        'profile.ends_before_start',
        'Tanggal akhir berlaku sebelum tanggal mulai berlaku',
        'The profile ends before it starts',
      ),
    );
  }
  if (problems.length > 0) return fail(...problems);
  const learningModel = file.learningModel ?? parent?.learningModel;
  const pppkMethods = file.pppkMethods ?? parent?.pppkMethods;
  const planRequiredFields = file.planRequiredFields ?? parent?.planRequiredFields;
  const planDeadlines = file.planDeadlines ?? parent?.planDeadlines;
  const supervisorApproval = file.supervisorApproval ?? parent?.supervisorApproval;
  return ok({
    id: file.id,
    title: file.title,
    document: file.document,
    ...(file.extends !== undefined ? { extends: file.extends } : {}),
    lineage: [file.id, ...(parent?.lineage ?? [])],
    effectiveFrom: file.effectiveFrom,
    ...(file.effectiveTo ? { effectiveTo: file.effectiveTo } : {}),
    notes: file.notes,
    obligations: obligations as RuleProfile['obligations'],
    ...(pppkMethods ? { pppkMethods } : {}),
    ...(planRequiredFields ? { planRequiredFields } : {}),
    ...(planDeadlines ? { planDeadlines } : {}),
    ...(supervisorApproval ? { supervisorApproval } : {}),
    ...(learningModel ? { learningModel } : {}),
    methods,
  });
}

/**
 * A built-in profile file, resolved without the schema: the files ship with the package and a test
 * (profile.test.ts) holds them to `RuleProfileFile`, so loading the package runs no validation.
 * Only the schema's defaults are applied here.
 */
function builtIn(json: unknown, known: RuleProfile[]): RuleProfile {
  const raw = json as Partial<ParsedProfileFile>;
  const file = { ...raw, notes: raw.notes ?? [], methods: raw.methods ?? {} } as ParsedProfileFile;
  const result = resolveProfile(file, known, (rule) => rule as MethodRule);
  if (!result.ok) throw new Error(`Built-in profile is invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The profile files shipped with the package, parents before the profiles that extend them. */
export const builtInProfileFiles: readonly unknown[] = [kutaiBarat2024, pupr2023];

/** The profiles shipped with the package. */
export const builtInProfiles: readonly RuleProfile[] = builtInProfileFiles.reduce<RuleProfile[]>(
  (list, json) => [...list, builtIn(json, list)],
  [],
);

export const DEFAULT_PROFILE_ID = 'kutai-barat-2024';

export const getProfile = (id: string): RuleProfile | undefined => builtInProfiles.find((p) => p.id === id);

/** The dated versions of a profile chosen by id (all built-in versions with that id), object or list. */
export function resolveProfiles(profile: RuleProfile | readonly RuleProfile[] | string | undefined): Result<readonly RuleProfile[]> {
  if (profile === undefined || typeof profile === 'string') {
    const id = profile ?? DEFAULT_PROFILE_ID;
    const versions = builtInProfiles.filter((p) => p.id === id);
    if (versions.length > 0) return ok(versions);
    return fail(
      problem(
        ['profile'],
        'profile.unknown',
        `Profil aturan tidak dikenal: ${id}. Tersedia: ${[...new Set(builtInProfiles.map((p) => p.id))].join(', ')}`,
        `Unknown rule profile: ${id}. Available: ${[...new Set(builtInProfiles.map((p) => p.id))].join(', ')}`,
      ),
    );
  }
  return ok(isProfileList(profile) ? profile : [profile]);
}

const isProfileList = (p: RuleProfile | readonly RuleProfile[]): p is readonly RuleProfile[] => Array.isArray(p);

/**
 * The version of a profile that governs `date`: the one in force then; failing that, the latest
 * that started on or before it; failing that, the earliest. Used where a date must map to some
 * version (yearly obligations, inheritance), unlike conversion, which needs one in force.
 */
export function versionOn(versions: readonly RuleProfile[], date: string): RuleProfile | undefined {
  let inForceThen: RuleProfile | undefined;
  let startedBefore: RuleProfile | undefined;
  let earliest: RuleProfile | undefined;
  for (const v of versions) {
    if (inForce(v, date) && (!inForceThen || v.effectiveFrom.value > inForceThen.effectiveFrom.value)) inForceThen = v;
    if (v.effectiveFrom.value <= date && (!startedBefore || v.effectiveFrom.value > startedBefore.effectiveFrom.value)) startedBefore = v;
    if (!earliest || v.effectiveFrom.value < earliest.effectiveFrom.value) earliest = v;
  }
  return inForceThen ?? startedBefore ?? earliest;
}

/** Whether the profile is in force on `date` (ISO). */
export function inForce(profile: RuleProfile, date: string): boolean {
  return date >= profile.effectiveFrom.value && (profile.effectiveTo === undefined || date <= profile.effectiveTo.value);
}

/** A warning when the profile's end date has passed on `today`. */
export function expiryWarning(profile: RuleProfile, today: string): Problem | undefined {
  if (profile.effectiveTo && profile.effectiveTo.value < today) {
    return problem(
      ['profile'],
      'profile.expired',
      `Profil ${profile.id} berakhir pada ${profile.effectiveTo.value}; periksa apakah ada aturan yang lebih baru`,
      `Profile ${profile.id} ended on ${profile.effectiveTo.value}; check for newer rules`,
    );
  }
  return undefined;
}

export const jpSchemas: PublicSchema[] = [{ name: 'rule-profile', schema: RuleProfileFile }];

/**
 * Whether an activity by `method` needs the direct superior's approval before the SDM unit verifies
 * it, under a profile version, with the rule's citation (e.g. [K] III.D.5 for non-classical methods).
 */
export function requiresSupervisorApproval(
  method: LearningMethod,
  profile: Pick<RuleProfile, 'supervisorApproval'>,
): { required: boolean; source?: string } {
  const rule = profile.supervisorApproval;
  if (!rule) return { required: false };
  return { required: rule.paths.includes(learningMethods[method].path), source: rule.source };
}
