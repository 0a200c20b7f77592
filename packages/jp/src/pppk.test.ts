import { describe, expect, it } from 'vitest';
import { computeJp } from './compute.js';

// NI PPPK (digit 13 = 2) carried in `nip`, as SIASN nipBaru and MyASN logins do.
const NI_PPPK = '199203102022212010';

describe('a PPPK identified by the NI PPPK in nip', () => {
  it('is computed as a PPPK: [P] art. 19(3) at most 24 JP a year, no minimum', () => {
    const result = computeJp(
      {
        employees: [{ nip: NI_PPPK, name: 'Rina Oktaviani', kind: 'PPPK' }],
        activities: [
          {
            id: 'a',
            nip: NI_PPPK,
            method: 'pelatihan_teknis',
            title: 'Pelatihan',
            startDate: '2025-03-03',
            endDate: '2025-03-05',
            statedJp: 30,
          },
        ],
      },
      { profile: 'pupr-2023' },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.summaries).toEqual([
      expect.objectContaining({ nip: NI_PPPK, kind: 'PPPK', required: 0, cap: 24, compliant: false }),
    ]);
  });
});
