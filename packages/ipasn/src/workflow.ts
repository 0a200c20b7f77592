import type { Message, Problem, Result } from '@bangkom/domain';
import { fail, isValidIsoDate, ok, today } from '@bangkom/domain';
import holidays from '../data/holidays-fixed.json' with { type: 'json' };
import sop from '../data/workflow-sop-68-2023.json' with { type: 'json' };

export interface WorkflowStep {
  step: number;
  actor: string;
  inputs: string[];
  outputs: string[];
  /** Time standard in working days. */
  workingDays: number;
  activity: Message;
  source: string;
}

/** The 12-step yearly IP ASN reconciliation of [D] SOP 68.SOP/OT.03/SDL.4/2023, as data. */
export const reconciliationWorkflow: { id: string; title: string; document: string; steps: WorkflowStep[] } = sop;

export type StepStatus = 'done' | 'done_late' | 'current' | 'late' | 'pending';

export interface StepProgress {
  step: number;
  actor: string;
  activity: Message;
  workingDays: number;
  /** The step's clock starts when the step before it is done (step 1: when the letter arrives). */
  startsOn: string | null;
  dueOn: string | null;
  doneOn: string | null;
  status: StepStatus;
  source: string;
}

export interface WorkflowProgress {
  workflow: string;
  asOf: string;
  currentStep: number | null;
  lateSteps: number[];
  steps: StepProgress[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const toIso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const fromIso = (s: string) => new Date(Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)));

/** Working day: Monday–Friday, not a holiday (fixed national holidays plus the dates given). */
export function isWorkingDay(date: string, extraHolidays: ReadonlySet<string>): boolean {
  const day = fromIso(date).getUTCDay();
  return day !== 0 && day !== 6 && !extraHolidays.has(date) && !holidays.fixed.some((h) => date.slice(5) === h.monthDay);
}

/** The date `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number, extraHolidays: ReadonlySet<string> = new Set()): string {
  const d = fromIso(date);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(toIso(d), extraHolidays)) left--;
  }
  return toIso(d);
}

export interface WorkflowInput {
  /** Date the SDM bureau's reconciliation letter arrived (step 1 starts). */
  startedOn: string;
  /** Dates each step was completed, by step number. */
  done: { step: number; on: string }[];
  /** Holidays and cuti bersama of the year beyond the fixed national holidays (from the yearly SKB). */
  holidays?: string[];
  /** Date progress is judged against (ISO); default today in `timeZone`. */
  asOf?: string;
  /** The agency's time zone, for "today" (default `DEFAULT_TIME_ZONE` of `@bangkom/domain`). */
  timeZone?: string;
}

/** Due dates in working days, the current step and the late ones. */
export function workflowProgress(input: WorkflowInput): Result<WorkflowProgress> {
  const problems: Problem[] = [];
  const asOf = input.asOf ?? today(input.timeZone);
  const bad = (path: (string | number)[], value: string) =>
    problems.push({ path, code: 'workflow.bad_date', message: { id: `Tanggal tidak sah: ${value}`, en: `Invalid date: ${value}` } });
  if (!isValidIsoDate(input.startedOn)) bad(['startedOn'], input.startedOn);
  input.done.forEach((d, i) => {
    if (!isValidIsoDate(d.on)) bad(['done', i, 'on'], d.on);
    if (!reconciliationWorkflow.steps.some((s) => s.step === d.step))
      problems.push({
        path: ['done', i, 'step'],
        code: 'workflow.unknown_step',
        message: { id: `Langkah ${d.step} tidak ada (1–12)`, en: `There is no step ${d.step} (1–12)` },
      });
  });
  (input.holidays ?? []).forEach((h, i) => {
    if (!isValidIsoDate(h)) bad(['holidays', i], h);
  });
  if (problems.length > 0) return fail(...problems);
  const extra = new Set(input.holidays ?? []);
  const doneOn = new Map(input.done.map((d) => [d.step, d.on]));
  const steps: StepProgress[] = [];
  let startsOn: string | null = input.startedOn;
  let currentStep: number | null = null;
  for (const s of reconciliationWorkflow.steps) {
    const dueOn = startsOn ? addWorkingDays(startsOn, s.workingDays, extra) : null;
    const done = doneOn.get(s.step) ?? null;
    let status: StepStatus;
    if (done) status = dueOn && done > dueOn ? 'done_late' : 'done';
    else if (currentStep === null) {
      currentStep = s.step;
      status = dueOn && asOf > dueOn ? 'late' : 'current';
    } else status = 'pending';
    steps.push({
      step: s.step,
      actor: s.actor,
      activity: s.activity,
      workingDays: s.workingDays,
      startsOn,
      dueOn,
      doneOn: done,
      status,
      source: s.source,
    });
    startsOn = done ?? null;
  }
  return ok({
    workflow: reconciliationWorkflow.id,
    asOf,
    currentStep,
    lateSteps: steps.filter((s) => s.status === 'late' || s.status === 'done_late').map((s) => s.step),
    steps,
  });
}
