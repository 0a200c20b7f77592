import { describe, expect, it } from 'vitest';
import office from '../../../examples/data/ipasn-office.json' with { type: 'json' };
import { scoreOffice } from './office.js';

describe('office report', () => {
  const result = scoreOffice(office, { year: 2025 });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const report = result.value;

  it('scores every PNS and PPPK (not TKK) with a category and a trace', () => {
    const asn = office.employees.filter((e) => e.kind !== 'TKK');
    expect(report.scores.map((s) => s.nip).sort()).toEqual(asn.map((e) => e.nip ?? e.nipppk).sort());
    for (const s of report.scores) {
      const sum = s.dimensions.kualifikasi.score + s.dimensions.kompetensi.score + s.dimensions.kinerja.score + s.dimensions.disiplin.score;
      expect(s.total).toBe(sum);
      expect(s.category.length).toBeGreaterThan(0);
      expect(s.trace.length).toBeGreaterThan(0);
    }
  });

  it('flags unverified values in every score and in the summary', () => {
    expect(report.summary.unverifiedValuesUsed).toBe(true);
    expect(report.summary.agency.unverified).toBe(report.scores.filter((s) => s.unverified).length);
  });

  it('lists actions that raise a score, measured by re-scoring', () => {
    for (const s of report.scores) for (const i of s.improvements) expect(i.newTotal).toBe(s.total + i.gain);
    const withGain = report.scores.filter((s) => s.improvements.length > 0);
    expect(withGain.length).toBeGreaterThan(0);
  });

  it('reports units, the agency distribution and the differences with SIASN', () => {
    const { agency, units, siasnDifferences } = report.summary;
    expect(agency.distribution.reduce((n, d) => n + d.count, 0)).toBe(report.scores.length);
    expect(units.reduce((n, u) => n + u.employees, 0)).toBe(report.scores.length);
    expect(agency.lowest[0]!.total).toBe(Math.min(...report.scores.map((s) => s.total)));
    for (const d of siasnDifferences) {
      const ours = report.scores.find((s) => s.nip === d.nip)!;
      expect(d.computed).toBe(d.field === 'total' ? ours.total : ours.dimensions[d.field].score);
      expect(d.computed).not.toBe(d.siasn);
    }
    const nipsCompared = new Set(office.siasn.map((s) => s.nip));
    expect(siasnDifferences.every((d) => nipsCompared.has(d.nip))).toBe(true);
  });
});
