import { describe, expect, it } from 'vitest';
import { computeJp } from './compute.js';

const nip = '198503122010011004';
const activity = (id: string, fields: Record<string, unknown>) => ({
  id,
  nip,
  title: `Kegiatan ${id}`,
  method: 'pelatihan_teknis',
  statedJp: 24,
  startDate: '2025-03-03',
  endDate: '2025-03-05',
  ...fields,
});

/** A verified 2023 training (before [K] was in force) and a draft coaching without sessions, next to good records. */
const realData = {
  employees: [{ nip, name: 'Budi Santoso', kind: 'PNS' }],
  activities: [
    activity('ok-2025', {}),
    activity('before-k', { startDate: '2023-08-01', endDate: '2023-08-03' }),
    activity('no-sessions', { method: 'coaching', statedJp: undefined, startDate: '2025-04-07', endDate: '2025-04-07', status: 'draft' }),
    activity('ok-2025-b', { method: 'seminar', statedJp: undefined, startDate: '2025-05-06', endDate: '2025-05-06' }),
  ],
};

describe('per-activity outcome of bulk runs', () => {
  it('fails the whole run by default (invalid: fail), every problem at its path', () => {
    const result = computeJp(realData);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path.join('/'), p.code])).toEqual([
      ['activities/1/endDate', 'jp.no_profile_in_force'],
      ['activities/2/sessions', 'jp.missing_input'],
    ]);
  });

  it('invalid: report — an activity no profile can convert gets counted false, 0 JP and its problems; the rest is computed', () => {
    const result = computeJp(realData, { invalid: 'report' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const byId = Object.fromEntries(result.value.results.map((r) => [r.id, r]));
    // [K] Diktum KEEMPAT: the guideline is in force from 3 May 2024, so a 2023 activity has no rule to convert it.
    expect(byId['before-k']).toMatchObject({ jp: 0, convertedJp: 0, counted: false, year: 2023 });
    expect(byId['before-k']!.problems!.map((p) => p.code)).toEqual(['jp.no_profile_in_force']);
    // [K] IV.D.1.j: coaching is counted per session; without sessions it cannot be converted.
    expect(byId['no-sessions']).toMatchObject({ jp: 0, counted: false });
    expect(byId['no-sessions']!.problems!.map((p) => [p.path.join('/'), p.code])).toEqual([['sessions', 'jp.missing_input']]);
    expect(byId['ok-2025']).toMatchObject({ jp: 24, counted: true });
    expect(byId['ok-2025']!.problems).toBeUndefined();
    // The run lists what was skipped, each at its input path.
    expect(result.value.problems.map((p) => p.path.join('/'))).toEqual(['activities/1/endDate', 'activities/2/sessions']);
    const s2025 = result.value.summaries.find((s) => s.year === 2025)!;
    // [K] IV.C.2 (certificate JP) + [K] IV.C.3.a seminar 1 day.
    expect(s2025.jp).toBe(24 + byId['ok-2025-b']!.jp);
    expect(result.value.summaries.find((s) => s.year === 2023)).toMatchObject({ jp: 0 });
  });

  it('invalid: report — a record that breaks the schema is reported at its path and does not take the others down', () => {
    const result = computeJp(
      { activities: [activity('bad-date', { endDate: '2025-02-30' }), activity('good', {})] },
      { invalid: 'report' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => [r.id, r.jp, r.counted])).toEqual([
      ['bad-date', 0, false],
      ['good', 24, true],
    ]);
    expect(result.value.problems[0]!.path).toEqual(['activities', 0, 'endDate']);
  });

  it('activities outside the requested year are not evaluated', () => {
    const result = computeJp({ ...realData, activities: realData.activities.filter((a) => a.id !== 'no-sessions') }, { year: 2025 });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.results.map((r) => r.id)).toEqual(['ok-2025', 'ok-2025-b']);
    expect(result.value.summaries.map((s) => s.year)).toEqual([2025]);
  });
});
