import { describe, expect, it } from 'vitest';
import type { YearSummary } from './summary.js';
import { jpBands, jpDistribution, summarizeUnits } from './summary.js';

const summary = (nip: string, jp: number, required: number, kind: YearSummary['kind'] = 'PNS'): YearSummary => ({
  nip,
  year: 2025,
  kind,
  jp,
  required,
  compliant: jp >= required,
  shortfall: Math.max(0, required - jp),
  source: '[K] I.E.16a',
  byPath: { klasikal: jp, nonklasikal: 0 },
  byMethod: {},
  byCompetencyType: {},
  mix: { experiential: 0, social: 0, formal: 0 },
});

describe('unit summaries and JP bands (one definition for the CLI and the app)', () => {
  it('bands are quarters of the obligation below it, then 1–1.5×, 1.5–2× and beyond ([K] I.E.16a: 20 JP)', () => {
    expect(jpBands(20)).toEqual([
      { from: 0, to: 5 },
      { from: 5, to: 10 },
      { from: 10, to: 15 },
      { from: 15, to: 20 },
      { from: 20, to: 30 },
      { from: 30, to: 40 },
      { from: 40, to: null },
    ]);
    expect(jpDistribution([summary('a', 0, 20), summary('b', 20, 20), summary('c', 45, 20)], jpBands(20)).map((b) => b.count)).toEqual([
      1, 0, 0, 0, 1, 0, 1,
    ]);
  });

  it('counts only employees with an obligation in the rate and the distribution (TKK: none)', () => {
    const employees = [
      { nip: '198503122010011004', name: 'A', kind: 'PNS' as const, unit: 'Bina Marga' },
      { internalId: 'TKK-1', name: 'B', kind: 'TKK' as const, unit: 'Bina Marga' },
    ];
    const [unit] = summarizeUnits([summary('198503122010011004', 24, 20), summary('TKK-1', 0, 0, 'TKK')], employees, 20);
    expect(unit).toMatchObject({ unit: 'Bina Marga', employees: 1, compliant: 1, rate: 1, totalJp: 24 });
    expect(unit!.distribution.reduce((n, b) => n + b.count, 0)).toBe(1);
    expect(unit!.distribution[4]).toMatchObject({ from: 20, to: 30, count: 1 });
  });
});
