import type { Message } from '@bangkom/domain';

/** One step of an explanation: which rule, its citation, what went in, what came out. */
export interface TraceStep {
  /** Stable rule id: `<profile>/<method>/<step>`. */
  rule: string;
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
