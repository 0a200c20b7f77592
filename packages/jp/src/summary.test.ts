import { learningMethodCodes, learningMethods } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import type { ActivityResult } from './limits.js';
import { roundJp } from './policy.js';
import { getProfile } from './profile.js';
import type { SummaryActivity } from './summary.js';
import { summarize } from './summary.js';

describe('summarize', () => {
  it('totals per employee and year equal a plain sum of the rows, employees interleaved, listed or not, over two years', () => {
    const profile = getProfile('kutai-barat-2024')!;
    const listed = Array.from({ length: 30 }, (_, i) => ({
      nip: `19850312201001${String(1000 + i)}`,
      name: `P${i}`,
      kind: 'PNS' as const,
    }));
    // More employees without a record than the store first holds for the listed ones: it has to grow.
    const nips = [...listed.map((e) => e.nip), ...Array.from({ length: 300 }, (_, i) => `X${i}`)];
    const results: ActivityResult[] = [];
    const activities: SummaryActivity[] = [];
    for (let i = 0; i < 3000; i++) {
      const nip = nips[(i * 7919) % nips.length]!;
      const method = learningMethodCodes[i % learningMethodCodes.length]!;
      const year = i % 3 === 0 ? 2024 : 2025;
      const jp = (i % 5) * 1.25;
      results.push({ id: `A${i}`, nip, jp, convertedJp: jp, counted: jp > 0, year, trace: [] });
      activities.push({ nip, method, ...(i % 4 === 0 ? { competencyType: 'teknis' as const } : {}) });
    }
    const summaries = summarize(results, activities, listed, profile, [2024, 2025]);
    const expected = new Map<string, { jp: number; klasikal: number; byMethod: Record<string, number>; teknis: number }>();
    results.forEach((r, i) => {
      const key = `${r.nip}|${r.year}`;
      const e = expected.get(key) ?? { jp: 0, klasikal: 0, byMethod: {}, teknis: 0 };
      const a = activities[i]!;
      e.jp += r.jp;
      if (learningMethods[a.method].path === 'klasikal') e.klasikal += r.jp;
      if (r.jp > 0) e.byMethod[a.method] = (e.byMethod[a.method] ?? 0) + r.jp;
      if (a.competencyType === 'teknis') e.teknis += r.jp;
      expected.set(key, e);
    });
    // Every listed employee has both years; an unlisted one only the years of their records.
    for (const e of listed)
      for (const year of [2024, 2025])
        if (!expected.has(`${e.nip}|${year}`)) expected.set(`${e.nip}|${year}`, { jp: 0, klasikal: 0, byMethod: {}, teknis: 0 });
    expect(summaries.map((s) => `${s.nip}|${s.year}`).sort()).toEqual([...expected.keys()].sort());
    for (const s of summaries) {
      const e = expected.get(`${s.nip}|${s.year}`)!;
      expect(s.jp).toBe(roundJp(e.jp));
      expect(s.byPath.klasikal).toBe(roundJp(e.klasikal));
      expect(s.byMethod).toEqual(Object.fromEntries(Object.entries(e.byMethod).map(([m, v]) => [m, roundJp(v)])));
      expect(s.byCompetencyType.teknis ?? 0).toBe(roundJp(e.teknis));
      expect(s.kind).toBe('PNS');
    }
    expect(summaries.map((s) => s.year)).toEqual([...summaries.map((s) => s.year)].sort());
  });
});
