import type { LearningActivity as Activity } from '@bangkom/domain';
import { activityStatuses, competencyTypes, LearningActivity, learningMethodCodes } from '@bangkom/domain';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityStore } from './store.js';

const positive = fc.constantFrom(0.5, 1, 2, 3, 7.5, 40);
const optional = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });

// Records as the schema gives them: every optional field present or absent, the nested ones (kept whole) too.
const record = fc
  .record(
    {
      id: fc.constantFrom('a1', 'K-2', 'x"y'),
      nip: fc.constantFrom('198503122010011004', '199001012015032001'),
      method: fc.constantFrom(...learningMethodCodes),
      title: fc.constantFrom('Seminar', 'Pelatihan teknis'),
      organizer: optional(fc.constantFrom('BPSDM', 'Unit')),
      international: fc.boolean(),
      startDate: fc.constantFrom('2025-01-01', '2025-03-03'),
      endDate: fc.constantFrom('2025-03-03', '2025-03-05'),
      days: optional(fc.constantFrom(1, 2)),
      sessions: optional(fc.constantFrom(1, 4)),
      hours: optional(positive),
      programmeJp: optional(positive),
      statedJp: optional(fc.constantFrom(0, 2, 12.5)),
      runByWorkUnit: fc.boolean(),
      competencyType: optional(fc.constantFrom(...competencyTypes)),
      evidence: optional(fc.constant({ kind: 'sertifikat', statedJp: 8 })),
      status: fc.constantFrom(...activityStatuses),
    },
    { requiredKeys: ['id', 'nip', 'method', 'title', 'international', 'startDate', 'endDate', 'runByWorkUnit', 'status'] },
  )
  .map((raw) => LearningActivity.safeParse(raw))
  .filter((parsed) => parsed.success)
  .map((parsed) => parsed.data as Activity);

describe('the activity columns of bangkom jp', () => {
  it('give back every record as it was set, at its index, with nothing where none was set', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 40 }), record), { maxLength: 30 }), (entries) => {
        const store = new ActivityStore();
        const expected = new Map<number, Activity>();
        // Indices in input order (as read), each set at most once, then a later overwrite (a repeated id).
        const sorted = [...new Map(entries).entries()].sort(([x], [y]) => x - y);
        for (const [index, a] of sorted) {
          store.set(index, a);
          expected.set(index, a);
        }
        if (sorted.length > 0) {
          const [index] = sorted[0]!;
          const replacement = sorted[sorted.length - 1]![1];
          store.set(index, replacement);
          expected.set(index, replacement);
        }
        for (let i = 0; i <= 41; i++) {
          const a = expected.get(i);
          expect(store.has(i)).toBe(a !== undefined);
          expect(store.get(i)).toEqual(a);
          if (a) expect([store.id(i), store.nip(i)]).toEqual([a.id, a.nip]);
        }
      }),
    );
  });
});
