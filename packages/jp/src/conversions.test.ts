import type { LearningActivityInput } from '@bangkom/domain';
import { LearningActivity, learningMethodCodes } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import table from '../cases/conversions.json' with { type: 'json' };
import { convertActivity } from './convert.js';
import type { PolicyParameters } from './policy.js';

interface Case {
  name: string;
  citation: string;
  activity: Partial<LearningActivityInput>;
  profile?: string;
  policy?: Partial<PolicyParameters>;
  jp?: number;
  error?: string;
}

const cases = table.cases as Case[];
const base = { id: 'case', nip: '198503122010011004', title: 'Kasus uji', status: 'verified' };

describe('JP conversion case table (cases/conversions.json)', () => {
  it.each(cases.map((c) => [`${c.name} — ${c.citation}`, c] as const))('%s', (_, c) => {
    const activity = LearningActivity.parse({ ...base, ...c.activity });
    const result = convertActivity(activity, { ...(c.profile ? { profile: c.profile } : {}), ...(c.policy ? { policy: c.policy } : {}) });
    if (c.error) {
      expect(result.ok ? 'converted' : result.problems.map((p) => p.code)).toEqual([c.error]);
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.jp).toBe(c.jp);
    // The trace ends at the JP it explains, and every step cites a source.
    const last = result.value.trace.findLast((s) => s.value !== undefined);
    expect(last?.value).toBe(c.jp);
    for (const step of result.value.trace) expect(step.citation.length).toBeGreaterThan(3);
    // The case's own citation appears in the chain of rules that produced the JP.
    const section = c.citation
      .split(/[;:]/)[0]!
      .trim()
      .replace(/\.(i|ii|1|2)$/, '');
    if (!c.citation.startsWith('[P] penutup') && !c.citation.includes('Diktum')) {
      expect(result.value.trace.map((s) => s.citation).join(' | ')).toContain(section);
    }
  });

  it('covers every method of the catalogue, domestic and international', () => {
    for (const method of learningMethodCodes) {
      const covered = cases.filter((c) => c.activity.method === method && !c.error);
      expect(
        covered.some((c) => !c.activity.international),
        `${method} domestic`,
      ).toBe(true);
      expect(
        covered.some((c) => c.activity.international),
        `${method} international`,
      ).toBe(true);
    }
  });
});
