import { describe, expect, it } from 'vitest';
import { computeJp } from './compute.js';
import { convertActivity } from './convert.js';
import { traceStepKinds } from './trace.js';

const nip = '198503122010011004';
const override = (jp: number) => ({ jp, reason: 'Disetujui Kepala Subbag Umpeg sesuai surat tugas', by: 'adminsdm' });
const base = { nip, title: 'Kegiatan', status: 'verified' };

describe('JP override by the SDM unit ([P] art. 12(2)f)', () => {
  it.each([
    ['coaching', { method: 'coaching', sessions: 2 }, 7],
    ['benchmarking', { method: 'benchmarking' }, 6],
    ['magang', { method: 'magang', hours: 40 }, 12],
    ['kursus without programme JP', { method: 'kursus' }, 16],
  ])('%s: the override replaces the computed JP, with a trace step giving the reason', (_, fields, jp) => {
    const result = computeJp({
      activities: [{ ...base, id: 'a1', startDate: '2025-03-03', endDate: '2025-03-03', ...fields, override: override(jp) }],
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results[0]).toMatchObject({ jp, convertedJp: jp, counted: true });
    const step = result.value.results[0]!.trace.find((s) => s.rule.endsWith('/override'))!;
    expect(step.citation).toContain('[P] art. 12(2)f');
    expect(step.description.id).toContain('Disetujui Kepala Subbag Umpeg');
    expect(step.description.id).toContain('adminsdm');
    expect(step.value).toBe(jp);
  });

  it('caps still apply by default (policy overrideCaps=apply): magang at most 20 JP ([K] IV.D.12.i), one benchmarking a year ([K] IV.D.7.i)', () => {
    const magang = convertActivity({
      id: 'm',
      method: 'magang',
      startDate: '2025-03-03',
      endDate: '2025-03-14',
      override: override(30),
    } as never);
    expect(magang.ok && magang.value.jp).toBe(20);
    const two = computeJp({
      activities: [
        { ...base, id: 'b1', method: 'benchmarking', startDate: '2025-03-03', endDate: '2025-03-03', override: override(12) },
        { ...base, id: 'b2', method: 'benchmarking', startDate: '2025-06-03', endDate: '2025-06-03', override: override(12) },
      ],
    });
    expect(two.ok && two.value.results.map((r) => [r.id, r.jp, r.counted])).toEqual([
      ['b1', 12, true],
      ['b2', 0, false],
    ]);
  });

  it('with overrideCaps=ignore the override counts as set', () => {
    const result = computeJp(
      {
        activities: [
          { ...base, id: 'm', method: 'magang', startDate: '2025-03-03', endDate: '2025-03-14', override: override(30) },
          { ...base, id: 'b1', method: 'benchmarking', startDate: '2025-03-03', endDate: '2025-03-03', override: override(12) },
          { ...base, id: 'b2', method: 'benchmarking', startDate: '2025-06-03', endDate: '2025-06-03', override: override(12) },
        ],
      },
      { policy: { overrideCaps: 'ignore' } },
    );
    expect(result.ok && result.value.results.map((r) => [r.id, r.jp])).toEqual([
      ['m', 30],
      ['b1', 12],
      ['b2', 12],
    ]);
  });

  it('an override needs a reason and who set it', () => {
    const result = computeJp({
      activities: [{ ...base, id: 'x', method: 'seminar', startDate: '2025-03-03', endDate: '2025-03-03', override: { jp: 4 } }],
    });
    expect(result.ok ? [] : result.problems.map((p) => p.path.join('/'))).toEqual([
      'activities/0/override/reason',
      'activities/0/override/by',
    ]);
  });
});

describe('typed trace steps', () => {
  it('every step says what it does, so callers need not parse rule ids ([K] IV.D.1.j limit, [K] IV.D.12.i cap)', () => {
    const result = computeJp({
      activities: [
        { ...base, id: 'c1', method: 'coaching', sessions: 3, startDate: '2025-03-03', endDate: '2025-03-03' },
        { ...base, id: 'c2', method: 'coaching', sessions: 2, startDate: '2025-03-10', endDate: '2025-03-10' },
        { ...base, id: 'm', method: 'magang', hours: 300, startDate: '2025-04-01', endDate: '2025-04-30' },
      ],
    });
    if (!result.ok) throw new Error('compute');
    const kinds = (id: string) => result.value.results.find((r) => r.id === id)!.trace.map((s) => s.kind);
    expect(kinds('c1')).toEqual(['profile', 'conversion']);
    expect(kinds('c2')).toEqual(['profile', 'conversion', 'limit']);
    expect(kinds('m')).toEqual(['profile', 'conversion', 'cap']);
    for (const r of result.value.results) for (const s of r.trace) expect(traceStepKinds).toContain(s.kind);
  });
});
