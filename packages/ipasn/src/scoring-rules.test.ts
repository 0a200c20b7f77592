import type { IpAsnInput } from '@bangkom/domain';
import { IpAsnInput as InputSchema, RULE_SOURCE_PATTERN } from '@bangkom/domain';
import { loadProfile } from '@bangkom/jp';
import { describe, expect, it } from 'vitest';
import table from '../cases/scoring.json' with { type: 'json' };
import kutaiBarat from '../../jp/profiles/kutai-barat-2024.json' with { type: 'json' };
import { scoringProfileFor } from './profile.js';
import type { ScoreContext } from './score.js';
import { countedActivities, dimensionNames, scoreEmployee, scoringRules } from './score.js';

const NIP = '198503122010011004';
const base = {
  nip: NIP,
  education: 'S1',
  positionKind: 'fungsional',
  performancePredicate: 'baik',
  disciplinaryPunishments: [],
  activities: [],
};
// The built-in JP profiles start in 2023; the 2019–2022 cases need an agency's JP profile for those years.
const jp2019 = loadProfile({ ...kutaiBarat, id: 'dinas-contoh-2019', effectiveFrom: { value: '2019-01-01', source: '[A] test profile' } });
if (!jp2019.ok) throw new Error('fixture');
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
