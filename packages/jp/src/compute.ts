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
import type { ActivityResult, LimitInput } from './limits.js';
import { applyLimits } from './limits.js';
import type { PolicyParameters } from './policy.js';
import { withDefaults } from './policy.js';
import type { RuleProfile } from './profile.js';
import { expiryWarning, resolveProfiles, versionOn } from './profile.js';
import type { SummaryActivity, YearSummary } from './summary.js';
import { summarize } from './summary.js';

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
  const withTrace = options.trace ?? true;
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
  /** Activities to evaluate, with their input index; `undefined` = did not pass the schema. */
  const evaluated: { index: number; activity: LearningActivity | undefined; raw: unknown }[] = [];
  if (options.trusted) {
    const trusted = input as { employees?: Employee[]; activities: LearningActivity[] };
    employees = trusted.employees ?? [];
    trusted.activities.forEach((activity, index) => {
      if (wantedYear === undefined || Number(periodDateOf(activity, policy).slice(0, 4)) === wantedYear)
        evaluated.push({ index, activity, raw: activity });
    });
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
    parsed.value.activities.forEach((raw, index) => {
      // Not evaluated at all when outside the year asked (even a malformed record).
      const year = rawYear(raw, policy);
      if (wantedYear !== undefined && year !== undefined && year !== wantedYear) return;
      const activity = parseWith(ActivitySchema, raw);
      if (!activity.ok) {
        schemaProblems.push(...activity.problems.map((p) => ({ ...p, path: ['activities', index, ...p.path] })));
        reject(index, activity.problems);
        evaluated.push({ index, activity: undefined, raw });
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
        evaluated.push({ index, activity: report ? undefined : activity.value, raw });
        return;
      }
      seen.set(activity.value.id, index);
      evaluated.push({ index, activity: activity.value, raw });
    });
    // A file that breaks the schema is reported on its own, before any rule is tried.
    if (schemaProblems.length > 0 && !report) return fail(...schemaProblems);
  }

  const kinds = new Map<string, EmployeeKind>();
  for (const e of employees) kinds.set(employeeId(e), e.kind);
  const limitInputs: LimitInput[] = [];
  /** Position in `limitInputs` of each evaluated activity that converted. */
  const limitIndex: number[] = new Array(evaluated.length).fill(-1);
  evaluated.forEach(({ index, activity: a }, k) => {
    if (!a) return;
    const conversion = convertWith(versions.value, a, policy, withTrace);
    if (!conversion.ok) {
      reject(index, conversion.problems);
      return;
    }
    // Limits come from the same version that converted the activity: the one in force on its date.
    const profile = versionInForce(versions.value, periodDateOf(a, policy))!;
    limitIndex[k] = limitInputs.length;
    limitInputs.push({ activity: a, conversion: conversion.value, profile, employeeKind: kinds.get(a.nip) ?? 'PNS' });
  });
  if (problems.length > 0 && !report) return fail(...problems);

  const limited = applyLimits(limitInputs, { policy, projected: options.projected ?? false, trace: withTrace });
  const results: ActivityResult[] = [];
  const summaryActivities: SummaryActivity[] = [];
  evaluated.forEach(({ index, activity, raw }, k) => {
    if (limitIndex[k]! >= 0) {
      results.push(limited[limitIndex[k]!]!);
      summaryActivities.push(activity!);
      return;
    }
    const year = activity ? Number(periodDateOf(activity, policy).slice(0, 4)) : (rawYear(raw, policy) ?? wantedYear ?? 0);
    results.push({
      id: activity?.id ?? rawText(raw, 'id') ?? `#${index}`,
      nip: activity?.nip ?? rawText(raw, 'nip') ?? '',
      jp: 0,
      convertedJp: 0,
      counted: false,
      year,
      trace: [],
      problems: setAside.get(index) ?? [],
    });
    summaryActivities.push({ nip: activity?.nip ?? rawText(raw, 'nip') ?? '', method: 'pelatihan_teknis' });
  });

  const years = wantedYear !== undefined ? [wantedYear] : [...new Set(results.map((r) => r.year).filter((y) => y > 0))].sort();
  // Obligations are yearly ([P] art. 19; [K] I.E.16a): each year takes the version in force at its end.
  const byYear = new Map<number, RuleProfile>();
  const profileOfYear = (year: number): RuleProfile => {
    let p = byYear.get(year);
    if (!p) byYear.set(year, (p = versionOn(versions.value, `${year}-12-31`)!));
    return p;
  };
  const summaries = summarize(
    results.filter((r) => r.nip !== ''),
    summaryActivities.filter((_, i) => results[i]!.nip !== ''),
    employees,
    profileOfYear,
    years,
  );
  const todayDate = options.today ?? today(options.timeZone);
  const warnings = versions.value.map((v) => expiryWarning(v, todayDate)).filter((w): w is Problem => w !== undefined);
  const profileId = typeof options.profile === 'string' ? options.profile : (versions.value[0]?.id ?? '');
  return ok({ profile: profileId, results, summaries, warnings, problems });
}

export const computeSchemas: PublicSchema[] = [{ name: 'jp-input', schema: JpInput }];
