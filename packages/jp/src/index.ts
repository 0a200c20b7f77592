export type { ComputeOptions, ComputeResult } from './compute.js';
export { computeJp, computeSchemas, JpInput } from './compute.js';
export type { Conversion, ConvertOptions } from './convert.js';
export { convertActivity, convertWith, countDays, periodDateOf, versionInForce, workingDaysBetween } from './convert.js';
export type { ActivityResult, LimitInput, LimitOptions } from './limits.js';
export { applyLimits } from './limits.js';
export type { PolicyParameters } from './policy.js';
export { defaultPolicy, roundJp, withDefaults } from './policy.js';
export type { JpBasis, LearningCategory, LimitUnit, PlanField, RuleProfile, RuleProfileFile as RuleProfileFileInput } from './profile.js';
export {
  builtInProfiles,
  DEFAULT_PROFILE_ID,
  expiryWarning,
  getProfile,
  inForce,
  jpBases,
  jpSchemas,
  learningCategories,
  limitUnits,
  planFields,
  loadProfile,
  requiresSupervisorApproval,
  versionOn,
  MethodRule,
  resolveProfiles,
  RuleProfileFile,
} from './profile.js';
export type { JpBand, JpBandCount, SummaryActivity, UnitSummary, YearSummary } from './summary.js';
export { jpBands, jpDistribution, summarize, summarizeUnits } from './summary.js';
export type { TraceStep, TraceStepKind } from './trace.js';
export { traceStepKinds } from './trace.js';
