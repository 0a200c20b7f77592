import type { CompetencyType, Employee, EmployeeKind, LearningMethod, LearningPath } from '@bangkom/domain';
import { competencyTypes, employeeId, learningMethodCodes, learningMethods } from '@bangkom/domain';
import type { ActivityResult } from './limits.js';
import { roundJp } from './policy.js';
import type { LearningCategory, RuleProfile } from './profile.js';

export interface YearSummary {
  nip: string;
  year: number;
  kind: EmployeeKind;
  /** JP that counts this year. */
  jp: number;
  /** The yearly obligation for this kind of employee under the profile. */
  required: number;
  /** The yearly maximum, where the profile sets one (PPPK under [P] art. 19(3)). */
  cap?: number;
  compliant: boolean;
  shortfall: number;
  /** Citation of the obligation applied. */
  source: string;
  byPath: Record<LearningPath, number>;
  byMethod: Partial<Record<LearningMethod, number>>;
  byCompetencyType: Partial<Record<CompetencyType | 'unspecified', number>>;
  /** Shares of this year's JP by the 70:20:10 model of [P] art. 49 (0..1; all 0 when no JP). */
  mix: Record<LearningCategory, number>;
}

export interface SummaryActivity {
  nip: string;
  method: LearningMethod;
  competencyType?: CompetencyType | undefined;
}

/** Lookups shared by every call (bulk callers summarise in many small batches). */
const METHOD_INDEX = new Map<string, number>(learningMethodCodes.map((m, i) => [m, i]));
const TYPE_INDEX = new Map<string, number>(competencyTypes.map((t, i) => [t, i]));
const CATEGORIES = ['experiential', 'social', 'formal'] as const;
const PATH_OF = learningMethodCodes.map((m) => (learningMethods[m].path === 'klasikal' ? 0 : 1));
const TYPES_AND_UNSPECIFIED = [...competencyTypes, 'unspecified' as const];
/** The 70:20:10 category of each method (index into CATEGORIES, -1 none) under a profile version (versions may differ). */
const categoriesByProfile = new WeakMap<RuleProfile, number[]>();
function categoriesOfProfile(p: RuleProfile): number[] {
  let list = categoriesByProfile.get(p);
  if (!list) {
    const category = new Map<LearningMethod, LearningCategory>();
    for (const [cat, methods] of Object.entries(p.learningModel?.methods ?? {}) as [LearningCategory, LearningMethod[]][]) {
      for (const m of methods) category.set(m, cat);
    }
    list = learningMethodCodes.map((m) => CATEGORIES.indexOf(category.get(m) as LearningCategory));
    categoriesByProfile.set(p, list);
  }
  return list;
}

/**
 * An empty plain object that is a hash table from the start. The keys of `byMethod` differ
 * from one employee to the next (up to 26 methods): added one by one to `{}`, each distinct
 * set of keys would get a hidden class of its own in V8 (tens of thousands in a large run, the
 * largest cost of `summarize`). Deleting a property that is not the last one turns an object into
 * a hash table; it stays a plain object with the same prototype, key order and JSON.
 */
function keyedObject<T extends object>(): T {
  const object: Record<string, number> = { first: 0, second: 0 };
  delete object.first;
  delete object.second;
  return object as T;
}

/**
 * Yearly summaries per employee. Every employee listed gets a summary for each year asked
 * (so someone with no activity shows up with their whole shortfall); an activity whose
 * `nip` has no employee is treated as a PNS.
 */
export function summarize(
  results: readonly ActivityResult[],
  activities: readonly SummaryActivity[],
  employees: readonly Employee[],
  profile: RuleProfile | ((year: number) => RuleProfile),
  years: readonly number[],
): YearSummary[] {
  const kinds = new Map<string, EmployeeKind>();
  for (const e of employees) kinds.set(employeeId(e), e.kind);
  const profileOf = typeof profile === 'function' ? profile : () => profile;
  const wanted = new Set(years);
  const methodIndex = METHOD_INDEX;
  const typeIndex = TYPE_INDEX;
  const categories = CATEGORIES;
  const categoriesOf = (year: number): number[] => categoriesOfProfile(profileOf(year));
  const pathOf = PATH_OF;
  // Running totals per employee-year in flat arrays: JP, by path (2), by method, by competency type (+ unspecified), by 70:20:10 category.
  const width = 1 + 2 + learningMethodCodes.length + competencyTypes.length + 1 + categories.length;
  const M = 3;
  const T = M + learningMethodCodes.length;
  const C = T + competencyTypes.length + 1;
  // The totals of each year (a run has one year or a few) in one flat store per year, an employee's
  // at their index × width: per row one map lookup (none while the employee stays the same), and
  // no typed array per employee-year (each would have a buffer of its own to allocate and collect).
  // The summaries are sorted at the end, so the order employees are found in does not matter.
  const slotOfYear = new Map<number, number>();
  const yearOfSlot: number[] = [];
  const stores: Float64Array[] = [];
  /** Per year slot, 1 for each employee who gets a summary that year. */
  const present: Uint8Array[] = [];
  const indexOfNip = new Map<string, number>();
  const nipOfIndex: string[] = [];
  let capacity = kinds.size + 64;
  const slotOf = (year: number): number => {
    let slot = slotOfYear.get(year);
    if (slot === undefined) {
      slotOfYear.set(year, (slot = yearOfSlot.length));
      yearOfSlot.push(year);
      stores.push(new Float64Array(capacity * width));
      present.push(new Uint8Array(capacity));
    }
    return slot;
  };
  const indexOf = (nip: string): number => {
    let index = indexOfNip.get(nip);
    if (index === undefined) {
      index = nipOfIndex.length;
      if (index === capacity) {
        capacity *= 2;
        for (let slot = 0; slot < stores.length; slot++) {
          const store = new Float64Array(capacity * width);
          store.set(stores[slot]!);
          stores[slot] = store;
          const flags = new Uint8Array(capacity);
          flags.set(present[slot]!);
          present[slot] = flags;
        }
      }
      indexOfNip.set(nip, index);
      nipOfIndex.push(nip);
    }
    return index;
  };
  for (const year of wanted) {
    const slot = slotOf(year);
    for (const nip of kinds.keys()) present[slot]![indexOf(nip)] = 1;
  }
  // The employee and year of the previous row: an employee's records usually come together.
  let lastNip: string | undefined;
  let lastYear = -1;
  let index = 0;
  let slot = 0;
  let categoryOf: number[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (r.year !== lastYear) {
      if (!wanted.has(r.year)) continue;
      slot = slotOf(r.year);
      categoryOf = categoriesOf(r.year);
      lastYear = r.year;
      lastNip = undefined;
    }
    if (r.nip !== lastNip) {
      index = indexOf(r.nip);
      lastNip = r.nip;
      present[slot]![index] = 1;
    }
    const jp = r.jp;
    if (jp === 0) continue;
    const at = index * width;
    const t = stores[slot]!;
    const a = activities[i]!;
    const m = methodIndex.get(a.method)!;
    t[at]! += jp;
    t[at + 1 + pathOf[m]!]! += jp;
    t[at + M + m]! += jp;
    t[at + T + (a.competencyType !== undefined ? typeIndex.get(a.competencyType)! : competencyTypes.length)]! += jp;
    if (categoryOf[m]! >= 0) t[at + C + categoryOf[m]!]! += jp;
  }
  const typesAndUnspecified = TYPES_AND_UNSPECIFIED;
  const summaries: YearSummary[] = [];
  for (let slot = 0; slot < stores.length; slot++) {
    const t = stores[slot]!;
    const flags = present[slot]!;
    const year = yearOfSlot[slot]!;
    for (let index = 0; index < nipOfIndex.length; index++) {
      if (flags[index] === 0) continue;
      const nip = nipOfIndex[index]!;
      const kind = kinds.get(nip) ?? 'PNS';
      const at = index * width;
      const obligation = profileOf(year).obligations[kind];
      const jp = roundJp(t[at]!);
      const byMethod = keyedObject<YearSummary['byMethod']>();
      for (let k = 0; k < learningMethodCodes.length; k++)
        if (t[at + M + k]! > 0) byMethod[learningMethodCodes[k]!] = roundJp(t[at + M + k]!);
      const byCompetencyType: YearSummary['byCompetencyType'] = {};
      for (let k = 0; k < typesAndUnspecified.length; k++)
        if (t[at + T + k]! > 0) byCompetencyType[typesAndUnspecified[k]!] = roundJp(t[at + T + k]!);
      const share = (k: number) => (t[at]! > 0 ? Math.round((t[at + C + k]! / t[at]!) * 1000) / 1000 : 0);
      const cap = obligation.maxJp;
      const required = obligation.requiredJp;
      const compliant = jp >= required && (cap === undefined || jp <= cap);
      const shortfall = roundJp(Math.max(0, required - jp));
      const byPath = { klasikal: roundJp(t[at + 1]!), nonklasikal: roundJp(t[at + 2]!) };
      const mix = { experiential: share(0), social: share(1), formal: share(2) };
      // Two literals rather than a spread of `cap`: same keys in the same order, no object in between.
      summaries.push(
        cap !== undefined
          ? { nip, year, kind, jp, required, cap, compliant, shortfall, source: obligation.source, byPath, byMethod, byCompetencyType, mix }
          : { nip, year, kind, jp, required, compliant, shortfall, source: obligation.source, byPath, byMethod, byCompetencyType, mix },
      );
    }
  }
  return summaries.sort((x, y) => x.year - y.year || (x.nip < y.nip ? -1 : x.nip > y.nip ? 1 : 0));
}

export interface UnitSummary {
  unit: string;
  year: number;
  /** Employees with a JP obligation (required > 0); those without one (e.g. TKK) are not counted. */
  employees: number;
  compliant: number;
  /** compliant ÷ employees, 0..1. */
  rate: number;
  totalJp: number;
  /** Employees per JP band (`jpBands` of the obligation). */
  distribution: JpBandCount[];
}

/** A band of the JP distribution: from (inclusive) to (exclusive; null = no upper end). */
export interface JpBand {
  from: number;
  to: number | null;
}
export interface JpBandCount extends JpBand {
  /** Printable range, e.g. "5–10" or "≥ 40". */
  range: string;
  count: number;
}

/**
 * The bands of the JP distribution, the same for the CLI and the app: quarters of the yearly
 * obligation below it (how far someone is from it), then 1–1.5×, 1.5–2× and beyond.
 */
export function jpBands(obligation: number): JpBand[] {
  const edges = [0, 0.25, 0.5, 0.75, 1, 1.5, 2].map((f) => roundJp(obligation * f));
  return edges.map((from, i) => ({ from, to: edges[i + 1] ?? null }));
}

/** How many of the summaries fall in each band. */
export function jpDistribution(summaries: readonly Pick<YearSummary, 'jp'>[], bands: readonly JpBand[]): JpBandCount[] {
  return bands.map((band) => ({
    ...band,
    range: band.to === null ? `≥ ${band.from}` : `${band.from}–${band.to}`,
    count: summaries.filter((s) => s.jp >= band.from && (band.to === null || s.jp < band.to)).length,
  }));
}

/**
 * Per unit (employee `unit`; "(tanpa unit)" when absent) and year: headcount, compliance and JP
 * bands of the employees with an obligation. `obligation` sets the bands; default the highest
 * obligation among the summaries (the PNS one).
 */
export function summarizeUnits(
  summaries: readonly YearSummary[],
  employees: readonly Employee[],
  obligation: number = Math.max(0, ...summaries.map((s) => s.required)),
): UnitSummary[] {
  const unitOf = new Map(employees.map((e) => [employeeId(e), e.unit ?? '(tanpa unit)']));
  const bands = jpBands(obligation);
  const groups = new Map<string, { unit: string; year: number; obliged: YearSummary[] }>();
  for (const s of summaries) {
    const unit = unitOf.get(s.nip) ?? '(tanpa unit)';
    const key = `${unit}|${s.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { unit, year: s.year, obliged: [] }));
    if (s.required > 0) g.obliged.push(s);
  }
  return [...groups.values()]
    .map(({ unit, year, obliged }) => {
      const compliant = obliged.filter((s) => s.compliant).length;
      return {
        unit,
        year,
        employees: obliged.length,
        compliant,
        rate: obliged.length === 0 ? 0 : Math.round((compliant / obliged.length) * 1000) / 1000,
        totalJp: roundJp(obliged.reduce((n, s) => n + s.jp, 0)),
        distribution: jpDistribution(obliged, bands),
      };
    })
    .sort((x, y) => x.year - y.year || x.unit.localeCompare(y.unit));
}
