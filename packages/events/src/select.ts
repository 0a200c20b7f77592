import type {
  CompetencyType,
  Employee,
  IndividualDevelopmentPlan,
  LearningMethod,
  PlanItem,
  PositionKind,
  PositionLevel,
} from '@bangkom/domain';
import { employeeId } from '@bangkom/domain';
import type { YearSummary } from '@bangkom/jp';

/** Why an employee was proposed as a participant. */
export interface Candidate {
  employee: Employee;
  /** The employee's id as the JP engine uses it (NIP, NI PPPK or internal id). */
  id: string;
  reasons: { id: string; en: string }[];
}

export interface SelectionCriteria {
  /** Keep employees of these units (exact match on `unit`). */
  units?: readonly string[];
  /** Keep employees whose position matches: any of the kinds, levels, or title substrings (case-insensitive). */
  position?: { kinds?: readonly PositionKind[]; levels?: readonly PositionLevel[]; titleIncludes?: readonly string[] };
  /**
   * Keep employees below their yearly obligation ([P] art. 19(2): at least 20 JP a year for a PNS),
   * from `@bangkom/jp` summaries of `year`. An employee with no summary has no JP yet and is kept.
   */
  belowObligation?: { year: number; summaries: readonly YearSummary[] };
  /**
   * Keep employees whose development plan of `year` ([P] art. 17) has an item matching the event:
   * same competency type and, when given, the same method.
   */
  plannedIn?: {
    year: number;
    plans: readonly IndividualDevelopmentPlan[];
    competencyType?: CompetencyType;
    method?: LearningMethod;
  };
}

const has = (list: readonly string[] | undefined, value: string | undefined) => !!list && value !== undefined && list.includes(value);

export function matchesPosition(e: Employee, position: NonNullable<SelectionCriteria['position']>): boolean {
  const title = e.positionTitle?.toLowerCase();
  return (
    has(position.kinds, e.positionKind) ||
    has(position.levels, e.positionLevel) ||
    (!!title && (position.titleIncludes ?? []).some((t) => title.includes(t.toLowerCase())))
  );
}

/** The plan item of the employee's plan that matches the event, if any. */
export function matchingPlanItem(
  id: string,
  planned: NonNullable<SelectionCriteria['plannedIn']>,
): { plan: IndividualDevelopmentPlan; item: PlanItem; index: number } | undefined {
  for (const plan of planned.plans) {
    if (plan.nip !== id || plan.year !== planned.year) continue;
    const index = plan.items.findIndex(
      (item) =>
        (planned.competencyType === undefined || item.competencyType === planned.competencyType) &&
        (planned.method === undefined || item.method === planned.method),
    );
    if (index >= 0) return { plan, item: plan.items[index]!, index };
  }
  return undefined;
}

/**
 * Proposes participants: every criterion given must hold (they narrow one another). The result
 * keeps the employees' order and says, per employee, why each criterion held.
 */
export function selectParticipants(employees: readonly Employee[], criteria: SelectionCriteria): Candidate[] {
  const summaries = new Map<string, YearSummary>();
  if (criteria.belowObligation) {
    for (const s of criteria.belowObligation.summaries) if (s.year === criteria.belowObligation.year) summaries.set(s.nip, s);
  }
  const out: Candidate[] = [];
  for (const employee of employees) {
    const id = employeeId(employee);
    const reasons: Candidate['reasons'] = [];
    if (criteria.units) {
      if (!has(criteria.units, employee.unit)) continue;
      reasons.push({ id: `Unit kerja ${employee.unit}`, en: `Work unit ${employee.unit}` });
    }
    if (criteria.position) {
      if (!matchesPosition(employee, criteria.position)) continue;
      const what = employee.positionTitle ?? employee.positionLevel ?? employee.positionKind ?? '';
      reasons.push({ id: `Jabatan ${what}`, en: `Position ${what}` });
    }
    if (criteria.belowObligation) {
      const summary = summaries.get(id);
      if (summary && summary.shortfall <= 0) continue;
      reasons.push(
        summary
          ? {
              id: `Baru ${summary.jp} dari ${summary.required} JP wajib tahun ${summary.year} (${summary.source})`,
              en: `Only ${summary.jp} of the ${summary.required} JP required in ${summary.year} (${summary.source})`,
            }
          : {
              id: `Belum ada JP tercatat tahun ${criteria.belowObligation.year}`,
              en: `No JP recorded in ${criteria.belowObligation.year}`,
            },
      );
    }
    if (criteria.plannedIn) {
      const match = matchingPlanItem(id, criteria.plannedIn);
      if (!match) continue;
      const label = match.item.title ?? match.item.id ?? `#${match.index + 1}`;
      reasons.push({
        id: `Direncanakan dalam rencana pengembangan ${match.plan.year}: ${label} ([P] art. 17)`,
        en: `Planned in the ${match.plan.year} development plan: ${label} ([P] art. 17)`,
      });
    }
    out.push({ employee, id, reasons });
  }
  return out;
}
