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

/** Collects steps, or nothing at all when the caller does not want traces (bulk runs): `tracer.steps?.push(step)` builds no step then. */
export class Tracer {
  readonly steps: TraceStep[] | undefined;
  constructor(enabled: boolean) {
    this.steps = enabled ? [] : undefined;
  }
}

/** The tracer of bulk runs: records nothing and is shared, so no allocation per activity. */
export const NO_TRACE = new Tracer(false);
