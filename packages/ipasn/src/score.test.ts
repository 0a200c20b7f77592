import { describe, expect, it } from 'vitest';
import table from '../cases/scoring.json' with { type: 'json' };
import { loadProfile } from '@bangkom/jp';
import kutaiBarat from '../../jp/profiles/kutai-barat-2024.json' with { type: 'json' };
import type { IpAsnInput } from '@bangkom/domain';
import { IpAsnInput as InputSchema, RULE_SOURCE_PATTERN } from '@bangkom/domain';
import { scoringProfileFor } from './profile.js';
import type { ScoreContext } from './score.js';
import { categoryOf, countedActivities, dimensionNames, scoreEmployee, scoringRules } from './score.js';

const NIP = '198503122010011004';
const base = {
  nip: NIP,
  education: 'S1',
  positionKind: 'fungsional',
  performancePredicate: 'baik',
  disciplinaryPunishments: [],
  activities: [] as unknown[],
};
const activity = (i: number, a: Record<string, unknown>) => {
  const year = (a['year'] as number | undefined) ?? 2025;
  const { year: _year, ...rest } = a;
  return { id: `a${i}`, nip: NIP, title: 'Kegiatan', startDate: `${year}-06-0${i + 1}`, endDate: `${year}-06-0${i + 1}`, ...rest };
};
// The built-in JP profiles start in 2023; measuring 2019–2022 needs an agency's JP profile for those years.
const jp2019 = loadProfile({ ...kutaiBarat, id: 'dinas-contoh-2019', effectiveFrom: { value: '2019-01-01', source: '[A] test profile' } });
if (!jp2019.ok) throw new Error('fixture');
const score = (input: Record<string, unknown>, year = 2025) => {
  const result = scoreEmployee({ ...base, ...input }, { year, ...(year < 2023 ? { jpProfile: jp2019.value } : {}) });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};

describe('IP ASN case tables (cases/scoring.json)', () => {
  it.each(table.kualifikasi.map((c) => [c.education, c] as const))('kualifikasi %s', (_, c) => {
    const s = score({ education: c.education });
    expect(s.dimensions.kualifikasi.score).toBe(c.expected);
    const step = s.trace.find((t) => t.dimension === 'kualifikasi')!;
    expect(step.confidence).toBe(c.confidence);
  });

  it.each(table.kinerja.map((c) => [c.predicate, c] as const))('kinerja %s (2019–2022 scheme)', (_, c) => {
    const s = score({ performancePredicate: c.predicate }, 2022);
    expect(s.dimensions.kinerja.score).toBe(c.expected);
    expect(s.trace.find((t) => t.dimension === 'kinerja')!.confidence).toBe(c.confidence);
  });

  it.each(table.kompetensiBase2023.map((c) => [c.predicate, c] as const))('kompetensi base from predicate %s (2023 on)', (_, c) => {
    const s = score({ performancePredicate: c.predicate, activities: [] });
    expect(s.profileVersion).toBe('2023');
    expect(s.dimensions.kompetensi.score).toBe(c.expected);
    expect(s.trace.find((t) => t.rule.startsWith('kompetensi/base'))!.confidence).toBe('verified');
  });

  it.each(table.disiplin.map((c) => [JSON.stringify(c.punishments), c] as const))('disiplin %s', (_, c) => {
    expect(score({ disciplinaryPunishments: c.punishments }).dimensions.disiplin.score).toBe(c.expected);
  });

  it.each(table.kompetensiItems2019.map((c) => [c.name, c] as const))('kompetensi 2019–2022: %s', (_, c) => {
    const s = score(
      {
        positionKind: c.positionKind,
        activities: c.activities.map((a: Record<string, unknown>, i) =>
          activity(i, { ...a, year: ((a['year'] as number | undefined) ?? 2025) - 3 }),
        ),
      },
      2022,
    );
    expect(s.dimensions.kompetensi.score).toBe(c.expected);
  });

  it.each(table.bands.map((c) => [c.total, c] as const))('band edge %s', (_, c) => {
    const profile = scoringProfileFor(undefined, 2025);
    expect(profile.ok && categoryOf(profile.value, c.total).label.id).toBe(c.category);
  });
});

describe('scores', () => {
  it('adds the four dimensions and names the category', () => {
    const s = score({
      education: 'S2',
      performancePredicate: 'sangat_baik',
      activities: [activity(0, { method: 'pelatihan_teknis', statedJp: 20, competencyType: 'teknis' })],
    });
    // kualifikasi 20 + kompetensi (25 base + 5 technical) + kinerja 30 + disiplin 5
    expect([
      s.dimensions.kualifikasi.score,
      s.dimensions.kompetensi.score,
      s.dimensions.kinerja.score,
      s.dimensions.disiplin.score,
      s.total,
    ]).toEqual([20, 30, 30, 5, 85]);
    expect(s.category).toBe('Tinggi');
  });

  it('reaches but never passes 40 for kompetensi', () => {
    const s = score({
      performancePredicate: 'sangat_baik',
      positionKind: 'fungsional',
      activities: [
        activity(0, { method: 'pelatihan_fungsional', statedJp: 40 }),
        activity(1, { method: 'pelatihan_teknis', statedJp: 20, competencyType: 'teknis' }),
        activity(2, { method: 'seminar' }),
      ],
    });
    expect(s.dimensions.kompetensi.score).toBe(40);
    const leadership = score({
      performancePredicate: 'sangat_baik',
      positionKind: 'administrasi',
      activities: [
        activity(0, { method: 'pelatihan_struktural_kepemimpinan', statedJp: 40 }),
        activity(1, { method: 'pelatihan_teknis', statedJp: 20, competencyType: 'teknis' }),
        activity(2, { method: 'seminar' }),
      ],
    });
    expect(leadership.dimensions.kompetensi.score).toBe(40);
  });

  it('flags a score that used an unverified value, and not one that used only verified values', () => {
    // S3 (verified), sangat baik (verified kinerja and base), no unverified item met, disiplin unknown.
    const verifiedOnly = scoreEmployee({ nip: NIP, education: 'S3', performancePredicate: 'sangat_baik', activities: [] }, { year: 2025 });
    expect(verifiedOnly.ok && [verifiedOnly.value.unverified, verifiedOnly.value.total, verifiedOnly.value.missing]).toEqual([
      false,
      80,
      ['positionKind', 'disciplinaryPunishments'],
    ]);
    const withBaik = score({ education: 'S3', performancePredicate: 'baik' });
    expect(withBaik.unverified).toBe(true);
  });

  it('scores unknown facts as 0 and lists them as missing', () => {
    const result = scoreEmployee({ nip: NIP, activities: [] }, { year: 2025 });
    expect(result.ok && [result.value.total, result.value.missing]).toEqual([
      0,
      ['education', 'performancePredicate', 'positionKind', 'disciplinaryPunishments'],
    ]);
  });

  it('refuses a year no profile version covers and bad input', () => {
    expect(scoreEmployee(base, { year: 2017 }).ok).toBe(false);
    const bad = scoreEmployee({ ...base, education: 'S4' }, { year: 2025 });
    expect(bad.ok ? [] : bad.problems.map((p) => p.path.join('/'))).toEqual(['education']);
  });
});

const options = (year: number) => ({ year, ...(year < 2023 ? { jpProfile: jp2019.value } : {}) });

/** Every input of cases/scoring.json, with its measurement year, as score.test.ts builds it. */
const caseInputs: { input: Record<string, unknown>; year: number }[] = [
  ...table.kualifikasi.map((c) => ({ input: { education: c.education }, year: 2025 })),
  ...table.kinerja.map((c) => ({ input: { performancePredicate: c.predicate }, year: 2022 })),
  ...table.kompetensiBase2023.map((c) => ({ input: { performancePredicate: c.predicate }, year: 2025 })),
  ...table.disiplin.map((c) => ({ input: { disciplinaryPunishments: c.punishments }, year: 2025 })),
  ...table.kompetensiItems2019.map((c) => ({
    input: {
      positionKind: c.positionKind,
      activities: c.activities.map((a: Record<string, unknown>, i) => {
        const { year = 2025, ...rest } = a as { year?: number };
        const date = `${year - 3}-06-0${i + 1}`;
        return { id: `a${i}`, nip: NIP, title: 'Kegiatan', startDate: date, endDate: date, ...rest };
      }),
    },
    year: 2022,
  })),
];

function contextOf(input: Record<string, unknown>, year: number): ScoreContext {
  const employee: IpAsnInput = InputSchema.parse({ ...base, ...input });
  const profile = scoringProfileFor(undefined, year);
  const counted = countedActivities(employee, year, options(year));
  if (!profile.ok || !counted.ok) throw new Error('fixture');
  return { employee, year, profile: profile.value, counted: counted.value };
}

describe('IP ASN scoring rule table', () => {
  it('gives every rule a unique id under its dimension and a citation of the regulation', () => {
    const ids = scoringRules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { id, dimension, source } of scoringRules) {
      expect(id.split('/')[0], id).toBe(dimension);
      expect(source, id).toMatch(RULE_SOURCE_PATTERN);
      expect(source, id).not.toMatch(/DOMAIN|seeds?\//);
    }
    // Grouped by dimension in the order of the total: each dimension's rules are consecutive.
    const order = scoringRules.map((r) => r.dimension).filter((d, i, all) => all[i - 1] !== d);
    expect(order).toEqual([...dimensionNames]);
  });

  it('has every rule exercised: some case of cases/scoring.json scores with a value it used', () => {
    const contexts = caseInputs.map(({ input, year }) => contextOf(input, year));
    const unused = scoringRules.filter((rule) => !contexts.some((c) => rule.evaluate(c).steps.some((s) => s.used && s.points > 0)));
    expect(unused.map((r) => r.id)).toEqual([]);
  });

  it('evaluates each rule on its own: its steps are the steps of the whole score that it produced', () => {
    for (const { input, year } of caseInputs) {
      const whole = scoreEmployee({ ...base, ...input }, options(year));
      if (!whole.ok) throw new Error(JSON.stringify(whole.problems));
      const context = contextOf(input, year);
      const alone = scoringRules.flatMap((rule) => rule.evaluate(context).steps);
      // The whole score adds only the dimension caps' steps.
      expect(whole.value.trace.filter((s) => !s.rule.endsWith('/max'))).toEqual(alone);
      for (const dimension of dimensionNames) {
        const points = scoringRules.filter((r) => r.dimension === dimension).reduce((n, r) => n + r.evaluate(context).points, 0);
        expect(whole.value.dimensions[dimension].score).toBe(Math.min(points, whole.value.dimensions[dimension].max));
      }
    }
  });
});

describe('JP computed by the caller (options.counted)', () => {
  it('scores the same as the raw activities when given their counted JP', () => {
    const activities = [
      activity(0, { method: 'pelatihan_teknis', statedJp: 24, competencyType: 'teknis' }),
      activity(1, { method: 'seminar', competencyType: 'teknis' }),
    ];
    const parsed = InputSchema.parse({ ...base, activities });
    const counted = countedActivities(parsed, 2025, { year: 2025 });
    if (!counted.ok) throw new Error('fixture');
    expect(counted.value.length).toBe(2);
    const fromRaw = score({ activities });
    const fromCounted = scoreEmployee({ ...base, activities: [] }, { year: 2025, counted: counted.value });
    if (!fromCounted.ok) throw new Error(JSON.stringify(fromCounted.problems));
    expect(fromCounted.value.dimensions).toEqual(fromRaw.dimensions);
    expect(fromCounted.value.total).toBe(fromRaw.total);
    // Without them the kompetensi items are not met: the counted JP is what made the difference.
    expect(score({}).dimensions.kompetensi.score).toBeLessThan(fromRaw.dimensions.kompetensi.score);
  });
});
