export { addDays, addMonths, daysInMonth, firstDayOfNextMonth, isLeapYear, periodEnd } from './calendar.js';
export type {
  Criterion,
  CriterionStatus,
  Eligibility,
  EligibilityDates,
  EligibilityOptions,
  RetirementTable,
  TubelPolicy,
} from './eligibility.js';
export { checkEligibility, defaultRetirementAges, defaultTubelPolicy, TubelInput, tubelSchemas } from './eligibility.js';
