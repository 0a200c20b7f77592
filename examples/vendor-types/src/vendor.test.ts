import { LearningActivity as LearningActivitySchema, parseWith } from '@bangkom/domain';
import { describe, expect, it } from 'vitest';
import type { Agree } from './agreement.js';
import type { LearningActivity } from './generated/learning-activity.js';

describe('vendor types', () => {
  it('a value typed with the generated LearningActivity is accepted by the zod schema', () => {
    const fromVendor: LearningActivity = {
      id: 'v-1',
      nip: '198503122010011004',
      method: 'workshop',
      title: 'Lokakarya BIM',
      startDate: '2024-08-01',
      endDate: '2024-08-01',
      evidence: { kind: 'sertifikat', number: '12/BIM/2024', statedJp: 5 },
    };
    const parsed = parseWith(LearningActivitySchema, fromVendor);
    expect(parsed.ok && parsed.value.evidence?.statedJp).toBe(5);
  });

  it('Agree tells apart types that differ', () => {
    const differ: Agree<{ a: string }, { a: number }> = false;
    const same: Agree<{ a?: string }, { a?: string }> = true;
    expect([differ, same]).toEqual([false, true]);
  });
});
