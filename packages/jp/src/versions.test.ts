import { describe, expect, it } from 'vitest';
import table from '../cases/versions.json' with { type: 'json' };
import { computeJp } from './compute.js';
import type { RuleProfile } from './profile.js';
import { builtInProfiles, loadProfile } from './profile.js';

interface Case {
  name: string;
  citation: string;
  profile: string;
  activities: unknown[];
  expected: Record<string, [number, boolean | 'reduced']>;
  required: Record<string, number>;
  ruleTakingJp?: Record<string, string>;
}

const loaded: RuleProfile[] = [];
for (const file of table.profiles) {
  const result = loadProfile(file, [...builtInProfiles, ...loaded]);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  loaded.push(result.value);
}

describe('dated profile versions case table (cases/versions.json)', () => {
  it.each((table.cases as unknown as Case[]).map((c) => [`${c.name} — ${c.citation}`, c] as const))('%s', (_, c) => {
    const versions = loaded.filter((p) => p.id === c.profile);
    expect(versions).toHaveLength(2);
    const result = computeJp({ activities: c.activities }, { profile: versions });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.results.map((r) => [r.id, [r.jp, r.counted]]))).toEqual(c.expected);
    expect(Object.fromEntries(result.value.summaries.map((s) => [String(s.year), s.required]))).toEqual(c.required);
    for (const [id, rule] of Object.entries(c.ruleTakingJp ?? {})) {
      expect(result.value.results.find((r) => r.id === id)!.trace.some((s) => s.rule === rule && s.activityId === id)).toBe(true);
    }
  });

  it('a profile extending a dated id inherits the version in force on its own start date', () => {
    const [agency2025, agency2026] = loaded.filter((p) => p.id === 'contoh-dinas');
    expect(agency2025!.methods.coaching!.perMonth!.value).toBe(3);
    expect(agency2026!.methods.coaching!.perMonth!.value).toBe(1);
    expect(agency2026!.obligations.PNS.requiredJp).toBe(24);
  });
});
