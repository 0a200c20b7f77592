import type { Employee, EmployeeKind, LearningActivity, Problem, PublicSchema, Result } from '@bangkom/domain';
import { Employee as EmployeeSchema, LearningActivity as ActivitySchema, employeeId, fail, ok, parseWith } from '@bangkom/domain';
import { z } from 'zod';
import type { ConvertOptions } from './convert.js';
import { convertWith } from './convert.js';
import type { ActivityResult, LimitInput } from './limits.js';
import { applyLimits } from './limits.js';
import { withDefaults } from './policy.js';
import { expiryWarning, resolveProfiles } from './profile.js';
import type { YearSummary } from './summary.js';
import { summarize } from './summary.js';

/** Input of `computeJp` and `bangkom jp`: employees are optional (an unknown `nip` is taken as a PNS). */
export const JpInput = z
  .object({ employees: z.array(EmployeeSchema).default([]), activities: z.array(ActivitySchema) })
  .meta({ title: 'JpInput', description: 'Employees and their learning activities, as read by `bangkom jp`.' });
export type JpInput = z.input<typeof JpInput>;

export interface ComputeOptions extends ConvertOptions {
  /** Summarise only this calendar year; default every year an activity falls in. */
  year?: number;
  /** Count `submitted` activities as well as `verified` ones (a projection). */
  projected?: boolean;
  /**
   * Skip schema validation and the duplicate-id check because the input was validated before
   * (e.g. rows read from the database). Bulk runs use it with `trace: false`.
   */
  trusted?: boolean;
  /** The date warnings are judged against (profile expiry); default today. */
  today?: string;
}

export interface ComputeResult {
  /** Id of the profile asked for. */
  profile: string;
  /** One per input activity, in input order. */
  results: ActivityResult[];
  summaries: YearSummary[];
  warnings: Problem[];
}

/**
 * The whole pipeline: validate → convert each activity under the profile version in force on its
 * date → apply cross-record limits → yearly summaries. All-or-nothing: any bad activity fails the run
 * with every problem reported at its path (`activities/N/field`).
 */
export function computeJp(input: unknown, options: ComputeOptions = {}): Result<ComputeResult> {
  let employees: Employee[];
  let activities: LearningActivity[];
  if (options.trusted) {
    ({ employees = [], activities } = input as { employees?: Employee[]; activities: LearningActivity[] });
  } else {
    const parsed = parseWith(JpInput, input);
    if (!parsed.ok) return parsed;
    ({ employees, activities } = parsed.value);
  }
  const versions = resolveProfiles(options.profile);
  if (!versions.ok) return versions;
  const policy = withDefaults(options.policy);
  const withTrace = options.trace ?? true;

  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  // Trusted input was validated before, duplicate ids included.
  if (!options.trusted)
    activities.forEach((a, i) => {
      const first = seen.get(a.id);
      if (first !== undefined) {
        problems.push({
          path: ['activities', i, 'id'],
          code: 'activity.duplicate_id',
          message: {
            id: `Id kegiatan ${a.id} sudah dipakai oleh /activities/${first}`,
            en: `Activity id ${a.id} is already used by /activities/${first}`,
          },
        });
      } else seen.set(a.id, i);
    });

  const kinds = new Map<string, EmployeeKind>();
  for (const e of employees) kinds.set(employeeId(e), e.kind);
  const limitInputs: LimitInput[] = [];
  activities.forEach((a, i) => {
    const conversion = convertWith(versions.value, a, policy, withTrace);
    if (!conversion.ok) {
      for (const p of conversion.problems) problems.push({ ...p, path: ['activities', i, ...p.path] });
      return;
    }
    const profile = versions.value.find((v) => v.id === conversion.value.profile && v.methods[a.method]) ?? versions.value[0]!;
    limitInputs.push({ activity: a, conversion: conversion.value, profile, employeeKind: kinds.get(a.nip) ?? 'PNS' });
  });
  if (problems.length > 0) return fail(...problems);

  const results = applyLimits(limitInputs, { policy, projected: options.projected ?? false, trace: withTrace });
  const years = options.year !== undefined ? [options.year] : [...new Set(results.map((r) => r.year))].sort();
  const summaryProfile = versions.value.at(-1)!;
  const summaries = summarize(results, activities, employees, summaryProfile, years);
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const warnings = versions.value.map((v) => expiryWarning(v, today)).filter((w): w is Problem => w !== undefined);
  const profileId = typeof options.profile === 'string' ? options.profile : (versions.value[0]?.id ?? '');
  return ok({ profile: profileId, results, summaries, warnings });
}

export const computeSchemas: PublicSchema[] = [{ name: 'jp-input', schema: JpInput }];
