import { LearningActivity } from '@bangkom/domain';
import type { LearningActivityInput } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import conversions from '../cases/conversions.json' with { type: 'json' };
import limits from '../cases/limits.json' with { type: 'json' };
import { computeJp } from './compute.js';
import type { ComputeOptions } from './compute.js';
import { convertActivity } from './convert.js';
import type { PolicyParameters } from './policy.js';
import type { TraceStep } from './trace.js';

/** What a summary trace keeps of a step. */
const summaryOf = (steps: readonly TraceStep[]) =>
  steps.map(({ rule, kind, citation, value, activityId }) => ({
    rule,
    kind,
    citation,
    ...(value !== undefined ? { value } : {}),
    ...(activityId !== undefined ? { activityId } : {}),
  }));

describe('summary traces', () => {
  const base = { id: 'case', nip: '198503122010011004', title: 'Kasus uji', status: 'verified' };
  interface ConversionCase {
    name: string;
    activity: Partial<LearningActivityInput>;
    profile?: string;
    policy?: Partial<PolicyParameters>;
  }

  it.each((conversions.cases as ConversionCase[]).map((c) => [c.name, c] as const))(
    'conversion %s: the same steps, rules, citations and values as the full trace, without texts',
    (_, c) => {
      const activity = LearningActivity.parse({ ...base, ...c.activity });
      const options = { ...(c.profile ? { profile: c.profile } : {}), ...(c.policy ? { policy: c.policy } : {}) };
      const full = convertActivity(activity, options);
      const summary = convertActivity(activity, { ...options, trace: 'summary' });
      expect(summary.ok).toBe(full.ok);
      if (!full.ok || !summary.ok) return;
      expect(summary.value.jp).toBe(full.value.jp);
      expect(full.value.trace.length).toBeGreaterThan(0);
      expect(summaryOf(summary.value.trace)).toEqual(summaryOf(full.value.trace));
      for (const step of summary.value.trace) {
        expect(step.description).toEqual({ id: '', en: '' });
        expect(step.inputs).toBeUndefined();
      }
      for (const step of full.value.trace) expect(step.description.id.length).toBeGreaterThan(0);
    },
  );

  interface LimitCase {
    name: string;
    activities: unknown[];
    employees?: unknown[];
    profile?: string;
    policy?: Partial<PolicyParameters>;
    projected?: boolean;
  }
  it.each((limits.cases as unknown as LimitCase[]).map((c) => [c.name, c] as const))(
    'limits %s: results equal, steps summarised (the limit that took JP included)',
    (_, c) => {
      const input = { activities: c.activities, employees: c.employees ?? [] };
      const options: ComputeOptions = {
        ...(c.profile ? { profile: c.profile } : {}),
        ...(c.policy ? { policy: c.policy } : {}),
        projected: c.projected ?? false,
      };
      const full = computeJp(input, options);
      const summary = computeJp(input, { ...options, trace: 'summary' });
      expect(full.ok && summary.ok).toBe(true);
      if (!full.ok || !summary.ok) return;
      expect(summary.value.summaries).toEqual(full.value.summaries);
      expect(summary.value.results.map((r) => ({ ...r, trace: summaryOf(r.trace) }))).toEqual(
        full.value.results.map((r) => ({ ...r, trace: summaryOf(r.trace) })),
      );
    },
  );
});
