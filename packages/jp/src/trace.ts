import type { Message } from '@bangkom/domain';

/**
 * What a trace step does, for callers that act on steps without parsing rule ids:
 * `profile` the version applied; `conversion` the method's basis; `stated` the JP on the evidence;
 * `override` a JP set by the SDM unit; `international` a "+20%" rule; `days` the duration rule;
 * `cap` a per-activity cap; `limit` a monthly/yearly limit across records; `pppk` the PPPK method
 * list; `status` the workflow status.
 */
export const traceStepKinds = [
  'profile',
  'conversion',
  'stated',
  'override',
  'international',
  'days',
  'cap',
  'limit',
  'pppk',
  'status',
] as const;
export type TraceStepKind = (typeof traceStepKinds)[number];

/** One step of an explanation: which rule, its citation, what went in, what came out. */
export interface TraceStep {
  /** Stable rule id: `<profile>/<method>/<step>`. */
  rule: string;
  kind: TraceStepKind;
  /** Document and section that justify the step. */
  citation: string;
  description: Message;
  inputs?: Record<string, unknown>;
  /** JP after this step. */
  value?: number;
  /** The activity a cross-record limit took JP from. */
  activityId?: string;
}

/**
 * How much of an explanation to build: `full` every step with its description and inputs;
 * `summary` every step with only its rule, kind, citation and value (what a summary trace shows:
 * no text to build per activity); `none` no steps at all (bulk runs).
 */
export type TraceLevel = 'full' | 'summary' | 'none';

/** The level a `trace` option asks for: `true` (the default) full, `false` none. */
export const traceLevelOf = (trace: boolean | 'summary' | undefined): TraceLevel =>
  trace === 'summary' ? 'summary' : trace === false ? 'none' : 'full';

/** The description of a step in a summary trace: none (shared, frozen). */
const NO_DESCRIPTION = Object.freeze({ id: '', en: '' }) as Message;

/** What only a full trace holds of a step, built only when asked for. */
export interface StepDetail {
  description: Message;
  inputs: Record<string, unknown>;
}

/**
 * Collects steps, or nothing at all when the caller does not want traces (bulk runs). Callers
 * check `steps` before building a step's rule id, and `add` calls `detail` only for a full trace,
 * so a summary or no trace builds none of the description texts.
 */
export class Tracer {
  readonly steps: TraceStep[] | undefined;
  readonly full: boolean;
  constructor(level: TraceLevel | boolean) {
    const wanted = level === true ? 'full' : level === false ? 'none' : level;
    this.steps = wanted === 'none' ? undefined : [];
    this.full = wanted === 'full';
  }

  /** Records a step (see `addStep`). */
  add(rule: string, kind: TraceStepKind, citation: string, value: number | undefined, detail: () => StepDetail, activityId?: string): void {
    if (this.steps) addStep(this.steps, this.full, rule, kind, citation, value, detail, activityId);
  }
}

/**
 * Adds a step to a trace: with its description and inputs when `full` (keys in the order rule,
 * kind, citation, description, inputs, value, activityId), else only what a summary shows.
 */
export function addStep(
  steps: TraceStep[],
  full: boolean,
  rule: string,
  kind: TraceStepKind,
  citation: string,
  value: number | undefined,
  detail: () => StepDetail,
  activityId?: string,
): void {
  let step: TraceStep;
  if (full) {
    const { description, inputs } = detail();
    step = { rule, kind, citation, description, inputs };
  } else step = { rule, kind, citation, description: NO_DESCRIPTION };
  if (value !== undefined) step.value = value;
  if (activityId !== undefined) step.activityId = activityId;
  steps.push(step);
}

/** The tracer of bulk runs: records nothing and is shared, so no allocation per activity. */
export const NO_TRACE = new Tracer(false);
