export type { IpAsnOfficeInput as IpAsnOfficeInputType, OfficeReport, OfficeScore } from './office.js';
export { IpAsnOfficeInput, ipasnInputSchemas, scoreOffice } from './office.js';
export type { Confidence, Points, ScoringProfile } from './profile.js';
export {
  builtInScoringProfiles,
  confidences,
  DEFAULT_SCORING_PROFILE,
  ipasnProfileSchemas,
  loadScoringProfile,
  ScoringProfile as ScoringProfileSchema,
  scoringProfileFor,
} from './profile.js';
export type { Improvement } from './raise.js';
export { improvements } from './raise.js';
export type { GroupReport, SiasnDifference, SiasnScore } from './report.js';
export { compareWithSiasn, groupReport } from './report.js';
export type { Dimension, IpAsnScore, ScoreContext, ScoreOptions, ScoreStep } from './score.js';
export { categoryOf, dimensionNames, notMeasuredReason, scoreEmployee, scoreParsed } from './score.js';
export type { StepProgress, StepStatus, WorkflowInput, WorkflowProgress, WorkflowStep } from './workflow.js';
export { addWorkingDays, isWorkingDay, reconciliationWorkflow, workflowProgress } from './workflow.js';
