export type { PlanIssue, PlanIssueCode, Severity } from './issues.js';
export { planIssueCodes } from './issues.js';
export type { Reason, Recommendation, Recommendations } from './recommend.js';
export { EmployeeNeed, idpSchemas, recommendMethods } from './recommend.js';
export type { PlansValidation, UnitPlanReport } from './unit.js';
export { validatePlans } from './unit.js';
export type { PlanSummary, PlanValidation, ValidatePlanOptions } from './validate.js';
export { DEFAULT_PLAN_PROFILE, validatePlan } from './validate.js';
export { requiredPlanFields } from './checks.js';
