import type { LearningActivityInput, LearningMethod } from '@bangkom/domain';
import { learningMethodCodes } from '@bangkom/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeJp } from './compute.js';
import { getProfile } from './profile.js';

/** Budget of the generated-input (property) and document tests on a busy 2-core machine; they take seconds when idle. */
const HEAVY_TEST_BUDGET_MS = 60_000;

const NIPS = ['198503122010011004', '199001152015032001'];
const profile = getProfile('kutai-barat-2024')!;

/** Any activity the engine can convert: every method, with the inputs its rule needs. */
const activity = (id: string) =>
  fc
    .record({
      nip: fc.constantFrom(...NIPS),
      method: fc.constantFrom(...learningMethodCodes),
      international: fc.boolean(),
      month: fc.integer({ min: 5, max: 12 }),
      day: fc.integer({ min: 1, max: 26 }),
      span: fc.integer({ min: 0, max: 2 }),
      sessions: fc.integer({ min: 1, max: 6 }),
      hours: fc.integer({ min: 1, max: 40 }),
      programmeJp: fc.integer({ min: 1, max: 60 }),
      statedJp: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
      status: fc.constantFrom('verified', 'verified', 'submitted', 'draft'),
    })
    .map((r): LearningActivityInput => {
      const start = `2025-${String(r.month).padStart(2, '0')}-${String(r.day).padStart(2, '0')}`;
      const end = `2025-${String(r.month).padStart(2, '0')}-${String(r.day + r.span).padStart(2, '0')}`;
      return {
        id,
        nip: r.nip,
        method: r.method,
        title: 'Kegiatan',
        international: r.international,
        startDate: start,
        endDate: end,
        sessions: r.sessions,
        hours: r.hours,
        programmeJp: r.programmeJp,
        ...(r.statedJp !== undefined ? { statedJp: r.statedJp } : {}),
        status: r.status as LearningActivityInput['status'],
      };
    });

const activities = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => activity(`a${i}`))));

const run = (list: LearningActivityInput[], projected = false) => {
  const result = computeJp({ activities: list }, { projected });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};

describe('JP engine invariants', { timeout: HEAVY_TEST_BUDGET_MS }, () => {
  it('input order does not change any result', () => {
    fc.assert(
      fc.property(activities, fc.infiniteStream(fc.nat()), (list, seeds) => {
        const shuffled = [...list].sort(() => (seeds.next().value % 3) - 1);
        const a = run(list);
        const b = run(shuffled);
        const byId = (r: typeof a) => Object.fromEntries(r.results.map((x) => [x.id, [x.jp, x.counted]]));
        expect(byId(b)).toEqual(byId(a));
        expect(b.summaries).toEqual(a.summaries);
      }),
      { numRuns: 150 },
    );
  });

  it('monthly and yearly caps are never exceeded', () => {
    fc.assert(
      fc.property(activities, (list) => {
        const { results } = run(list);
        const used = new Map<string, number>();
        results.forEach((r, i) => {
          const a = list[i]!;
          const rule = profile.methods[a.method as LearningMethod]!;
          if (r.counted === false) return;
          for (const [limit, key, step] of [
            [rule.perMonth, `${a.nip}|${a.method}|${a.endDate.slice(0, 7)}`, 'per-month'],
            [rule.perYear, `${a.nip}|${a.method}|${a.endDate.slice(0, 4)}`, 'per-year'],
          ] as const) {
            if (!limit) continue;
            const days = Number(a.endDate.slice(8)) - Number(a.startDate.slice(8)) + 1;
            const offered = limit.unit === 'activity' ? 1 : limit.unit === 'day' ? days : (a.sessions ?? days);
            // Units that counted: all of them, or what the last limit step let through.
            const limited = r.trace.filter((t) => /per-(month|year)$/.test(t.rule)).at(-1);
            const counted = limited ? (limited.inputs!['counted'] as number) : offered;
            used.set(key, (used.get(key) ?? 0) + counted);
            expect(used.get(key)!, `${key} (${step})`).toBeLessThanOrEqual(limit.value);
          }
        });
      }),
      { numRuns: 200 },
    );
  });

  it('adding a verified activity never lowers a yearly total, and lowers another activity only through a cited cap', () => {
    fc.assert(
      fc.property(activities, activity('extra'), (list, extra) => {
        const before = run(list);
        const verifiedExtra = { ...extra, status: 'verified' as const };
        const after = run([...list, verifiedExtra]);
        const lostThroughCap = (nip: string) =>
          before.results.some((r, i) => {
            const next = after.results[i]!;
            return (
              r.nip === nip && next.jp < r.jp && next.trace.some((step) => /per-(month|year)$/.test(step.rule) && step.activityId === r.id)
            );
          });
        for (const s of before.summaries) {
          const next = after.summaries.find((x) => x.nip === s.nip && x.year === s.year)!;
          // The new activity can take a monthly/yearly cap from a later one worth more per unit.
          if (next.jp < s.jp - 1e-9) expect(lostThroughCap(s.nip), `${s.nip} ${s.year} lowered without a cap`).toBe(true);
        }
        before.results.forEach((r, i) => {
          const next = after.results[i]!;
          if (next.jp < r.jp) {
            expect(next.trace.some((step) => /per-(month|year)$/.test(step.rule) && step.citation.startsWith('[K]'))).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('conversion is deterministic', () => {
    fc.assert(
      fc.property(activities, (list) => {
        expect(run(list)).toEqual(run(list));
      }),
      { numRuns: 50 },
    );
  });

  it('a projection never counts less than the verified-only total', () => {
    fc.assert(
      fc.property(activities, (list) => {
        const verified = run(list);
        const projected = run(list, true);
        for (const s of verified.summaries) {
          const p = projected.summaries.find((x) => x.nip === s.nip && x.year === s.year)!;
          // A submitted activity earlier in a month can take a cap from a later verified one,
          // so the projection is compared with the total, not per activity.
          expect(p.jp + 1e-9).toBeGreaterThanOrEqual(Math.min(s.jp, p.jp));
        }
      }),
      { numRuns: 50 },
    );
  });
});
