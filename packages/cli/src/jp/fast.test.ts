import { LearningActivity, learningMethodCodes } from '@bangkom/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastActivity } from './fast.js';

// Values near each rule's edge: right and wrong types, empty and padded strings, real and impossible dates.
const text = fc.constantFrom('a', 'Seminar', '', ' padded ', 'x y', '\tT');
const date = fc.constantFrom(
  '2025-01-01',
  '2025-01-31',
  '2025-02-28',
  '2024-02-29',
  '2025-02-29',
  '2025-13-01',
  '2025-1-5',
  '2025-03-03',
  '20250101',
  '',
);
const number = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 3, 0.5, 2.5, 40, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, 1e-9),
  fc.integer({ min: -5, max: 50 }),
  fc.double({ noNaN: false }),
);
const wrongType = fc.constantFrom(null, true, 'x', 7, [], {});
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: fc.constant(undefined) });
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(field(value), { nil: undefined, freq: 2 });

const row = fc.record(
  {
    id: field(fc.constantFrom('a1', '', 'A-2')),
    nip: field(fc.constantFrom('198503122010011004', '', '1')),
    method: field(fc.oneof(fc.constantFrom(...learningMethodCodes), fc.constantFrom('kursus_x', 'Seminar', ''))),
    title: field(text),
    organizer: optional(text),
    international: optional(fc.boolean()),
    startDate: field(date),
    endDate: field(date),
    days: optional(number),
    sessions: optional(number),
    hours: optional(number),
    programmeJp: optional(number),
    statedJp: optional(number),
    runByWorkUnit: optional(fc.boolean()),
    competencyType: optional(fc.constantFrom('teknis', 'manajerial', 'sosial_kultural', 'lainnya')),
    status: optional(fc.constantFrom('draft', 'submitted', 'verified', 'rejected', 'done')),
    evidence: fc.option(fc.constant({ kind: 'sertifikat' }), { nil: undefined, freq: 10 }),
    override: fc.option(fc.constant({ jp: 10, reason: 'Keputusan unit SDM', by: 'sdm' }), { nil: undefined, freq: 10 }),
    extra: fc.option(fc.constantFrom('agency data', 42), { nil: undefined }),
  },
  { requiredKeys: [] },
);

describe('fast activity validation', () => {
  it('agrees with the LearningActivity schema on a fuzzed corpus: same verdict, same record', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 20, arbitrary: row }, { weight: 1, arbitrary: fc.anything() }), (input) => {
        const schema = LearningActivity.safeParse(structuredClone(input));
        const fast = fastActivity(structuredClone(input));
        if (fast !== undefined) {
          // Accepted by the fast path: the schema accepts it too and gives the same record.
          expect(schema.success).toBe(true);
          expect(fast).toEqual(schema.data);
        } else if (schema.success) {
          // Left to the schema only where the schema rewrites the record (trimming) or it nests one (evidence, override).
          const r = input as Record<string, unknown>;
          const padded = [r['title'], r['organizer']].some((v) => typeof v === 'string' && v.trim() !== v);
          expect(padded || r['evidence'] !== undefined || r['override'] !== undefined).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
  }, 60_000);

  it('accepts a plain well-formed activity and fills in the defaults', () => {
    const a = { id: 'a', nip: '198503122010011004', method: 'seminar', title: 'S', startDate: '2025-03-03', endDate: '2025-03-04' };
    expect(fastActivity({ ...a })).toEqual({ ...a, international: false, runByWorkUnit: false, status: 'verified' });
    expect(fastActivity({ ...a, endDate: '2025-03-02' })).toBeUndefined();
    expect(fastActivity({ ...a, days: 3 })).toBeUndefined();
  });
});
