import type { CompetencyType, Employee, EmployeeKind, LearningMethod, LearningPath } from '@bangkom/domain';
import { employeeId, learningMethods } from '@bangkom/domain';
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

/**
 * Yearly summaries per employee. Every employee listed gets a summary for each year asked
 * (so someone with no activity shows up with their whole shortfall); an activity whose
 * `nip` has no employee is treated as a PNS.
 */
export function summarize(
  results: readonly ActivityResult[],
  activities: readonly SummaryActivity[],
  employees: readonly Employee[],
  profile: RuleProfile,
  years: readonly number[],
): YearSummary[] {
  const kinds = new Map<string, EmployeeKind>();
  for (const e of employees) kinds.set(employeeId(e), e.kind);
  const category = new Map<LearningMethod, LearningCategory>();
  for (const [cat, methods] of Object.entries(profile.learningModel?.methods ?? {}) as [LearningCategory, LearningMethod[]][]) {
    for (const m of methods) category.set(m, cat);
  }
  const wanted = new Set(years);
  const byKey = new Map<string, YearSummary>();
  const entry = (nip: string, year: number): YearSummary => {
    const key = `${nip}|${year}`;
    let s = byKey.get(key);
    if (!s) {
      const kind = kinds.get(nip) ?? 'PNS';
      const obligation = profile.obligations[kind];
      s = {
        nip,
        year,
        kind,
        jp: 0,
        required: obligation.requiredJp,
        ...(obligation.maxJp !== undefined ? { cap: obligation.maxJp } : {}),
        compliant: false,
        shortfall: 0,
        source: obligation.source,
        byPath: { klasikal: 0, nonklasikal: 0 },
        byMethod: {},
        byCompetencyType: {},
        mix: { experiential: 0, social: 0, formal: 0 },
      };
      byKey.set(key, s);
    }
    return s;
  };
  for (const year of wanted) for (const nip of kinds.keys()) entry(nip, year);
  results.forEach((r, i) => {
    if (!wanted.has(r.year)) return;
    const s = entry(r.nip, r.year);
    if (r.jp === 0) return;
    const a = activities[i]!;
    s.jp += r.jp;
    s.byPath[learningMethods[a.method].path] += r.jp;
    s.byMethod[a.method] = (s.byMethod[a.method] ?? 0) + r.jp;
    const type = a.competencyType ?? 'unspecified';
    s.byCompetencyType[type] = (s.byCompetencyType[type] ?? 0) + r.jp;
    const cat = category.get(a.method);
    if (cat) s.mix[cat] += r.jp;
  });
  const summaries = [...byKey.values()];
  for (const s of summaries) {
    s.jp = roundJp(s.jp);
    s.byPath.klasikal = roundJp(s.byPath.klasikal);
    s.byPath.nonklasikal = roundJp(s.byPath.nonklasikal);
    for (const k of Object.keys(s.byMethod) as LearningMethod[]) s.byMethod[k] = roundJp(s.byMethod[k]!);
    for (const k of Object.keys(s.byCompetencyType) as (CompetencyType | 'unspecified')[]) s.byCompetencyType[k] = roundJp(s.byCompetencyType[k]!);
    for (const k of ['experiential', 'social', 'formal'] as const) s.mix[k] = s.jp > 0 ? Math.round((s.mix[k] / s.jp) * 1000) / 1000 : 0;
    s.shortfall = roundJp(Math.max(0, s.required - s.jp));
    s.compliant = s.jp >= s.required && (s.cap === undefined || s.jp <= s.cap);
  }
  return summaries.sort((x, y) => (x.year - y.year) || (x.nip < y.nip ? -1 : x.nip > y.nip ? 1 : 0));
}

export interface UnitSummary {
  unit: string;
  year: number;
  employees: number;
  compliant: number;
  /** compliant ÷ employees, 0..1. */
  rate: number;
  totalJp: number;
  /** Employees per JP band. */
  distribution: { range: string; count: number }[];
}

/** JP bands of the unit distribution: nothing, below half the obligation, below it, and above. */
const BANDS = ['0', '1-9', '10-19', '20-29', '30-39', '40+'] as const;
const bandOf = (jp: number): number => (jp <= 0 ? 0 : Math.min(BANDS.length - 1, 1 + Math.floor(jp / 10)));

/** Per unit (employee `unit`; "(tanpa unit)" when absent) and year: headcount, compliance, JP bands. */
export function summarizeUnits(summaries: readonly YearSummary[], employees: readonly Employee[]): UnitSummary[] {
  const unitOf = new Map(employees.map((e) => [employeeId(e), e.unit ?? '(tanpa unit)']));
  const units = new Map<string, UnitSummary>();
  for (const s of summaries) {
    const unit = unitOf.get(s.nip) ?? '(tanpa unit)';
    const key = `${unit}|${s.year}`;
    let u = units.get(key);
    if (!u) {
      u = { unit, year: s.year, employees: 0, compliant: 0, rate: 0, totalJp: 0, distribution: BANDS.map((range) => ({ range, count: 0 })) };
      units.set(key, u);
    }
    u.employees++;
    if (s.compliant) u.compliant++;
    u.totalJp = roundJp(u.totalJp + s.jp);
    u.distribution[bandOf(s.jp)]!.count++;
  }
  for (const u of units.values()) u.rate = u.employees === 0 ? 0 : Math.round((u.compliant / u.employees) * 1000) / 1000;
  return [...units.values()].sort((x, y) => x.year - y.year || x.unit.localeCompare(y.unit));
}
