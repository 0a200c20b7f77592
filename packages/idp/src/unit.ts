import type { LearningMethod, Problem, Result } from '@bangkom/domain';
import { fail, ok } from '@bangkom/domain';
import type { PlanIssue } from './issues.js';
import type { PlanSummary, ValidatePlanOptions } from './validate.js';
import { validatePlan } from './validate.js';

export interface UnitPlanReport {
  unit: string;
  plans: number;
  valid: number;
  totalJp: number;
  budgetTotal: number;
  /** Employees planned below their yearly obligation. */
  belowMinimum: { nip: string | null; name: string | null; countedJp: number; shortfall: number }[];
  itemsByMethod: Partial<Record<LearningMethod, number>>;
}

export interface PlansValidation {
  valid: boolean;
  plans: {
    index: number;
    nip: string | null;
    name: string | null;
    unit: string;
    valid: boolean;
    issues: PlanIssue[];
    summary: PlanSummary;
  }[];
  units: UnitPlanReport[];
}

/**
 * Validates many plans at once (a unit's or an agency's) and totals them per unit. Any plan that
 * does not match the schema fails the whole run, with every problem at `/plans/N/...`.
 */
export function validatePlans(inputs: readonly unknown[], options: ValidatePlanOptions = {}): Result<PlansValidation> {
  const problems: Problem[] = [];
  const plans: PlansValidation['plans'] = [];
  inputs.forEach((input, index) => {
    const result = validatePlan(input, options);
    if (!result.ok) {
      problems.push(...result.problems.map((p) => ({ ...p, path: ['plans', index, ...p.path] })));
      return;
    }
    const raw = input as { name?: string; unit?: string };
    plans.push({
      index,
      nip: result.value.summary.nip,
      name: raw.name ?? null,
      unit: raw.unit ?? '(tanpa unit)',
      valid: result.value.valid,
      issues: result.value.issues,
      summary: result.value.summary,
    });
  });
  if (problems.length > 0) return fail(...problems);
  const units = new Map<string, UnitPlanReport>();
  for (const p of plans) {
    let u = units.get(p.unit);
    if (!u) units.set(p.unit, (u = { unit: p.unit, plans: 0, valid: 0, totalJp: 0, budgetTotal: 0, belowMinimum: [], itemsByMethod: {} }));
    u.plans++;
    if (p.valid) u.valid++;
    u.totalJp = Math.round((u.totalJp + p.summary.countedJp) * 100) / 100;
    u.budgetTotal += p.summary.budgetTotal;
    if (p.summary.shortfall > 0)
      u.belowMinimum.push({ nip: p.nip, name: p.name, countedJp: p.summary.countedJp, shortfall: p.summary.shortfall });
    for (const method of Object.keys(p.summary.byMethod) as LearningMethod[]) u.itemsByMethod[method] = (u.itemsByMethod[method] ?? 0) + 1;
  }
  return ok({ valid: plans.every((p) => p.valid), plans, units: [...units.values()].sort((a, b) => a.unit.localeCompare(b.unit)) });
}
