import { describe, expect, it } from 'vitest';
import table from '../cases/limits.json' with { type: 'json' };
import { computeJp } from './compute.js';
import type { PolicyParameters } from './policy.js';

interface Case {
  name: string;
  citation: string;
  activities: unknown[];
  employees?: unknown[];
  profile?: string;
  policy?: Partial<PolicyParameters>;
  projected?: boolean;
  expected: Record<string, [number, boolean | 'reduced']>;
  ruleTakingJp?: Record<string, string>;
}

describe('cross-record limits case table (cases/limits.json)', () => {
  it.each((table.cases as unknown as Case[]).map((c) => [`${c.name} — ${c.citation}`, c] as const))('%s', (_, c) => {
    const result = computeJp(
      { activities: c.activities, employees: c.employees ?? [] },
      { ...(c.profile ? { profile: c.profile } : {}), ...(c.policy ? { policy: c.policy } : {}), projected: c.projected ?? false },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const actual = Object.fromEntries(result.value.results.map((r) => [r.id, [r.jp, r.counted]]));
    expect(actual).toEqual(c.expected);
    for (const [id, rule] of Object.entries(c.ruleTakingJp ?? {})) {
      const steps = result.value.results.find((r) => r.id === id)!.trace;
      expect(
        steps.some((s) => s.rule === rule && s.activityId === id),
        `${id} names ${rule}`,
      ).toBe(true);
    }
  });
});
