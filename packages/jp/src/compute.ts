import type { Employee, EmployeeKind, LearningActivity, Problem, PublicSchema, Result } from '@bangkom/domain';
import {
  Employee as EmployeeSchema,
  LearningActivity as ActivitySchema,
  employeeId,
  fail,
  isValidIsoDate,
  ok,
  parseWith,
  today,
} from '@bangkom/domain';
import { z } from 'zod';
import type { ConvertOptions } from './convert.js';
import { convertWith, periodDateOf, versionInForce } from './convert.js';
import type { ActivityResult } from './limits.js';
import { limitColumns, yearOfDate } from './limits.js';
import type { PolicyParameters } from './policy.js';
import { withDefaults } from './policy.js';
import type { RuleProfile } from './profile.js';
import { expiryWarning, resolveProfiles, versionOn } from './profile.js';
import type { SummaryActivity, YearSummary } from './summary.js';
import { summarize } from './summary.js';
import type { TraceStep } from './trace.js';
import { traceLevelOf } from './trace.js';

/** Input of `computeJp` and `bangkom jp`: employees are optional (an unknown `nip` is taken as a PNS). */
export const JpInput = z
  .object({ employees: z.array(EmployeeSchema).default([]), activities: z.array(ActivitySchema) })
  .meta({ title: 'JpInput', description: 'Employees and their learning activities, as read by `bangkom jp`.' });
export type JpInput = z.input<typeof JpInput>;

export interface ComputeOptions extends ConvertOptions {
  /** Summarise only this calendar year; activities placed in another year (policy `periodDate`) are not evaluated. */
  year?: number;
  /** Count `submitted` activities as well as `verified` ones (a projection). */
  projected?: boolean;
  /**
   * Skip schema validation and the duplicate-id check because the input was validated before
   * (e.g. rows read from the database). Bulk runs use it with `trace: false`.
   */
  trusted?: boolean;
  /** The date warnings are judged against (profile expiry); default today in `timeZone`. */
  today?: string;
  /** The agency's time zone, for "today" (default `DEFAULT_TIME_ZONE` of `@bangkom/domain`). */
  timeZone?: string;
  /**
   * What a record that cannot be converted does to the run. `fail` (default): the run fails with
   * every problem at its path. `report`: that activity gets `counted: false`, `jp: 0` and its
   * `problems`; every other result and summary is still computed (bulk runs over real data).
   */
  invalid?: 'fail' | 'report';
}

export interface ComputeResult {
  /** Id of the profile asked for. */
  profile: string;
  /** One per evaluated activity (all of them, or those of `year`), in input order. */
  results: ActivityResult[];
  summaries: YearSummary[];
  warnings: Problem[];
  /** Problems of the activities that could not be converted, at their input paths (`invalid: 'report'`). */
  problems: Problem[];
}

const RawInput = z.object({ employees: z.array(z.unknown()).default([]), activities: z.array(z.unknown()) });

/** The year a raw (possibly invalid) record falls in, when its period date is a real date. */
function rawYear(raw: unknown, policy: PolicyParameters): number | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const date = (raw as Record<string, unknown>)[policy.periodDate === 'start' ? 'startDate' : 'endDate'];
  return typeof date === 'string' && isValidIsoDate(date) ? Number(date.slice(0, 4)) : undefined;
}

const rawText = (raw: unknown, key: string): string | undefined => {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : undefined;
};

/**
 * The whole pipeline: validate → convert each activity under the profile version in force on its
 * date → apply cross-record limits (each under the version of its activity's date) → yearly
 * summaries (each year under the version in force at its end). With `invalid: 'fail'` any bad
 * activity fails the run with every problem at its path (`activities/N/field`); with `report` it
 * is set aside with its problems and the rest is computed.
 */
export function computeJp(input: unknown, options: ComputeOptions = {}): Result<ComputeResult> {
  const versions = resolveProfiles(options.profile);
  if (!versions.ok) return versions;
  const policy = withDefaults(options.policy);
  const traceLevel = traceLevelOf(options.trace);
  const withTrace = traceLevel !== 'none';
  const report = options.invalid === 'report';
  const wantedYear = options.year;

  const problems: Problem[] = [];
  /** Problems per input index of an activity set aside (report mode). */
  const setAside = new Map<number, Problem[]>();
  const reject = (index: number, list: Problem[]) => {
    const at = list.map((p) => ({ ...p, path: ['activities', index, ...p.path] }));
    problems.push(...at);
    if (report) setAside.set(index, [...(setAside.get(index) ?? []), ...list]);
  };

  let employees: Employee[] = [];
  // The activities to evaluate, by column (no object per activity): input index (`undefined`:
  // all of them, in order), the record (`undefined` = did not pass the schema) and, for untrusted
  // input, the record as given.
  let evalIndex: number[] | undefined = [];
  let evalActivity: (LearningActivity | undefined)[] = [];
  let evalRaw: unknown[] | undefined;
  if (options.trusted) {
    const trusted = input as { employees?: Employee[]; activities: LearningActivity[] };
    employees = trusted.employees ?? [];
    const list = trusted.activities;
    let inYear = list.length;
    if (wantedYear !== undefined) for (const a of list) if (yearOfDate(periodDateOf(a, policy)) !== wantedYear) inYear--;
    if (inYear === list.length) {
      // Every record is evaluated: the input list is the column itself.
      evalIndex = undefined;
      evalActivity = list;
    } else {
      for (let index = 0; index < list.length; index++) {
        const activity = list[index]!;
        if (yearOfDate(periodDateOf(activity, policy)) === wantedYear) {
          evalIndex.push(index);
          evalActivity.push(activity);
        }
      }
    }
  } else {
    const parsed = parseWith(RawInput, input);
    if (!parsed.ok) return parsed;
    parsed.value.employees.forEach((raw, index) => {
      const employee = parseWith(EmployeeSchema, raw, ['employees', index]);
      if (employee.ok) employees.push(employee.value);
      else problems.push(...employee.problems);
    });
    // An employee record that is not valid is left out in report mode: their activities count as a PNS's.
    if (problems.length > 0 && !report) return fail(...problems);
    const seen = new Map<string, number>();
    const schemaProblems: Problem[] = [];
    const raws: unknown[] = (evalRaw = []);
    const indices: number[] = (evalIndex = []);
    const evaluate = (index: number, activity: LearningActivity | undefined, raw: unknown) => {
      indices.push(index);
      evalActivity.push(activity);
      raws.push(raw);
    };
    parsed.value.activities.forEach((raw, index) => {
      // Not evaluated at all when outside the year asked (even a malformed record).
      const year = rawYear(raw, policy);
      if (wantedYear !== undefined && year !== undefined && year !== wantedYear) return;
      const activity = parseWith(ActivitySchema, raw);
      if (!activity.ok) {
        schemaProblems.push(...activity.problems.map((p) => ({ ...p, path: ['activities', index, ...p.path] })));
        reject(index, activity.problems);
        evaluate(index, undefined, raw);
        return;
      }
      const first = seen.get(activity.value.id);
      if (first !== undefined) {
        reject(index, [
          {
            path: ['id'],
            code: 'activity.duplicate_id',
            message: {
              id: `Id kegiatan ${activity.value.id} sudah dipakai oleh /activities/${first}`,
              en: `Activity id ${activity.value.id} is already used by /activities/${first}`,
            },
          },
        ]);
        // Still converted in fail mode, so that every problem of the file is reported at once.
        evaluate(index, report ? undefined : activity.value, raw);
        return;
      }
      seen.set(activity.value.id, index);
      evaluate(index, activity.value, raw);
    });
    // A file that breaks the schema is reported on its own, before any rule is tried.
    if (schemaProblems.length > 0 && !report) return fail(...schemaProblems);
  }

  const kinds = new Map<string, EmployeeKind>();
  for (const e of employees) kinds.set(employeeId(e), e.kind);
  const n = evalActivity.length;
  const inputIndex = (k: number) => (evalIndex ? evalIndex[k]! : k);
  // What the limits take of each activity that converted: the record (`undefined` where it did
  // not convert; the evaluated list itself while all do), its JP, trace and profile version.
  let converted: readonly (LearningActivity | undefined)[] = evalActivity;
  const convertedJp = new Float64Array(n);
  const convertedTraces: TraceStep[][] | undefined = withTrace ? new Array<TraceStep[]>(n) : undefined;
  // With one version (the usual case) it is the one that converted every activity.
  const single = versions.value.length === 1 ? versions.value[0]! : undefined;
  const convertedProfiles: RuleProfile[] | undefined = single ? undefined : new Array<RuleProfile>(n);
  let allConverted = true;
  for (let k = 0; k < n; k++) {
    const a = evalActivity[k];
    const conversion = a ? convertWith(versions.value, a, policy, traceLevel) : undefined;
    if (!conversion?.ok) {
      if (conversion) reject(inputIndex(k), conversion.problems);
      if (allConverted) converted = evalActivity.slice();
      allConverted = false;
      (converted as (LearningActivity | undefined)[])[k] = undefined;
      continue;
    }
    convertedJp[k] = conversion.value.jp;
    if (convertedTraces) convertedTraces[k] = conversion.value.trace;
    // Limits come from the same version that converted the activity: the one in force on its date.
    if (convertedProfiles) convertedProfiles[k] = versionInForce(versions.value, periodDateOf(a!, policy))!;
  }
  if (problems.length > 0 && !report) return fail(...problems);

  const limited = limitColumns(
    {
      activities: converted,
      jp: convertedJp,
      traces: convertedTraces,
      profileOf: single ? () => single : (k) => convertedProfiles![k]!,
      kindOf: (k) => kinds.get(converted[k]!.nip) ?? 'PNS',
    },
    { policy, projected: options.projected ?? false, trace: options.trace ?? true },
  );
  // Each activity that did not convert gets its result here: 0 JP, does not count, its problems.
  const results = limited as ActivityResult[];
  let withoutNip = false;
  if (!allConverted) {
    for (let k = 0; k < n; k++) {
      if (converted[k] !== undefined) continue;
      const index = inputIndex(k);
      const activity = evalActivity[k];
      const raw = evalRaw ? evalRaw[k] : activity;
      const year = activity ? yearOfDate(periodDateOf(activity, policy)) : (rawYear(raw, policy) ?? wantedYear ?? 0);
      const nip = activity?.nip ?? rawText(raw, 'nip') ?? '';
      if (nip === '') withoutNip = true;
      results[k] = {
        id: activity?.id ?? rawText(raw, 'id') ?? `#${index}`,
        nip,
        jp: 0,
        convertedJp: 0,
        counted: false,
        year,
        trace: [],
        problems: setAside.get(index) ?? [],
      };
    }
  }
  // What the summaries read of each activity; one that did not convert counts 0 JP (its method is not read).
  const summaryActivities: readonly SummaryActivity[] = allConverted
    ? (evalActivity as LearningActivity[])
    : evalActivity.map((a, k) => a ?? { nip: results[k]!.nip, method: 'pelatihan_teknis' });

  let years: number[];
  if (wantedYear !== undefined) years = [wantedYear];
  else {
    const distinct = new Set<number>();
    for (const r of results) if (r.year > 0) distinct.add(r.year);
    years = [...distinct].sort();
  }
  // Obligations are yearly ([P] art. 19; [K] I.E.16a): each year takes the version in force at its end.
  const byYear = new Map<number, RuleProfile>();
  const profileOfYear = (year: number): RuleProfile => {
    let p = byYear.get(year);
    if (!p) byYear.set(year, (p = versionOn(versions.value, `${year}-12-31`)!));
    return p;
  };
  const summaries = withoutNip
    ? summarize(
        results.filter((r) => r.nip !== ''),
        summaryActivities.filter((_, i) => results[i]!.nip !== ''),
        employees,
        profileOfYear,
        years,
      )
    : summarize(results, summaryActivities, employees, profileOfYear, years);
  // Today's date is only read for a version with an end date (building the date formatter costs more than a batch).
  const ending = versions.value.filter((v) => v.effectiveTo !== undefined);
  const todayDate = ending.length > 0 ? (options.today ?? today(options.timeZone)) : '';
  const warnings = ending.map((v) => expiryWarning(v, todayDate)).filter((w): w is Problem => w !== undefined);
  const profileId = typeof options.profile === 'string' ? options.profile : (versions.value[0]?.id ?? '');
  return ok({ profile: profileId, results, summaries, warnings, problems });
}

export const computeSchemas: PublicSchema[] = [{ name: 'jp-input', schema: JpInput }];
