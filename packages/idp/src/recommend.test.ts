import { describe, expect, it } from 'vitest';
import { recommendMethods } from './recommend.js';
import { validatePlans } from './unit.js';
import unit from '../../../examples/data/idp-unit.json' with { type: 'json' };

describe('recommendMethods', () => {
  it('offers only in-house methods to someone who cannot leave the workplace, ranked by fit', () => {
    const result = recommendMethods('pupr-2023', { year: 2026, gapLevel: 'rendah', cannotLeaveWorkplace: true, missingJp: 12 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const methods = result.value.recommended.map((r) => r.method);
    expect(methods).toEqual(
      expect.arrayContaining(['coaching', 'mentoring', 'belajar_mandiri', 'komunitas_belajar', 'bimbingan_di_tempat_kerja', 'e_learning']),
    );
    expect(methods).not.toContain('seminar');
    expect(result.value.excluded.find((e) => e.method === 'seminar')?.reasons[0]?.source).toMatch(/\[K\]/);
    // Low gap: the methods aimed at a low gap come before e-learning (for everyone) and PJJ (medium/high).
    expect(methods.indexOf('coaching')).toBeLessThan(methods.indexOf('pelatihan_jarak_jauh'));
    const coaching = result.value.recommended.find((r) => r.method === 'coaching')!;
    expect(coaching).toMatchObject({ jpPerUnit: 2, unit: 'session', unitsNeeded: 6, coversMissingJp: true });
    for (const r of result.value.recommended) for (const reason of r.reasons) expect(reason.source.length).toBeGreaterThan(3);
  });

  it('says when counting limits keep a method alone below the missing JP', () => {
    const result = recommendMethods('pupr-2023', { year: 2026, missingJp: 20 });
    const bimbingan = result.ok ? result.value.recommended.find((r) => r.method === 'bimbingan_di_tempat_kerja') : undefined;
    expect(bimbingan).toMatchObject({ jpPerUnit: 1, unitsNeeded: 20, coversMissingJp: false });
    const benchmarking = result.ok ? result.value.recommended.find((r) => r.method === 'benchmarking') : undefined;
    expect(benchmarking).toMatchObject({ jpPerUnit: 10, unitsNeeded: 2, coversMissingJp: false });
  });

  it('keeps PPPK to the methods of [P] art. 52 and talent methods away from a poor predicate', () => {
    const pppk = recommendMethods('pupr-2023', { year: 2026, employeeKind: 'PPPK' });
    expect(pppk.ok && pppk.value.recommended.map((r) => r.method)).not.toContain('detasering');
    expect(pppk.ok && pppk.value.excluded.find((e) => e.method === 'detasering')?.reasons[0]?.source).toMatch(/art\. 52/);
    const poor = recommendMethods('pupr-2023', { year: 2026, performancePredicate: 'kurang' });
    const good = recommendMethods('pupr-2023', { year: 2026, performancePredicate: 'sangat_baik' });
    const score = (r: typeof poor) => (r.ok ? r.value.recommended.find((x) => x.method === 'detasering')!.score : NaN);
    expect(score(good)).toBeGreaterThan(score(poor));
  });

  it('rejects a bad need with paths', () => {
    const result = recommendMethods('pupr-2023', { year: 2026, gapLevel: 'besar' });
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('/'))).toEqual(['gapLevel']);
  });
});

describe('validatePlans', () => {
  it('totals a unit and lists who is planned below 20 JP', () => {
    const result = validatePlans(unit.plans, { asOf: '2026-01-15' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const binaMarga = result.value.units.find((u) => u.unit === 'Bidang Bina Marga')!;
    expect(binaMarga).toMatchObject({ plans: 2, valid: 1, totalJp: 32, budgetTotal: 7000000 });
    expect(binaMarga.belowMinimum).toEqual([{ nip: '199001152015032004', name: 'Dewi Lestari, S.T.', countedJp: 8, shortfall: 12 }]);
    expect(binaMarga.itemsByMethod).toEqual({ seminar: 2, kursus: 1 });
    expect(result.value.valid).toBe(false);
  });

  it('reports a malformed plan at its index', () => {
    const result = validatePlans([unit.plans[0], { year: 2026 }]);
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('/'))).toEqual(['plans/1/items']);
  });
});
