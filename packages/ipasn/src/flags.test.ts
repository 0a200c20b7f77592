import { describe, expect, it } from 'vitest';
import v2023 from '../profiles/permenpanrb-38-2018.v2023.json' with { type: 'json' };
import { scoreOffice } from './office.js';
import { loadScoringProfile } from './profile.js';
import { improvements } from './raise.js';
import { scoreEmployee } from './score.js';
import type { IpAsnInput } from '@bangkom/domain';

const NIP = '198503122010011004';
const NI_PPPK = '199203102022212010';
const base = { nip: NIP, education: 'S1', positionKind: 'fungsional', performancePredicate: 'baik', disciplinaryPunishments: [] };

describe('IP ASN: unverified values propagate', () => {
  it('an unverified profile value of 0 marks the score unverified', () => {
    type Value = { points: number; source: string; confidence: string };
    const profile = structuredClone(v2023) as typeof v2023 & {
      dimensions: { kualifikasi: { byEducation: Record<string, Value> }; kompetensi: { items: Value[] } };
    };
    profile.dimensions.kualifikasi.byEducation['SMA'] = { points: 0, source: 'agency report', confidence: 'unverified' };
    const verified = (values: Value[]) => values.forEach((v) => (v.confidence = 'verified'));
    verified(profile.dimensions.kompetensi.items);
    verified(Object.values(profile.dimensions.kinerja.byPredicate));
    verified(Object.values(profile.dimensions.disiplin.byPunishment));
    const loaded = loadScoringProfile(profile);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const verifiedOnly = scoreEmployee({ ...base, education: 'S2' }, { year: 2025, profile: loaded.value });
    expect(verifiedOnly.ok && verifiedOnly.value.unverified).toBe(false);
    const scored = scoreEmployee({ ...base, education: 'SMA' }, { year: 2025, profile: loaded.value });
    expect(scored.ok && scored.value.unverified).toBe(true);
  });

  it('an improvement whose gain rests on an unverified value (S1 = 15 is reported, not in the regulation) is unverified', () => {
    const input = { ...base, kind: 'PNS', activities: [] } as unknown as IpAsnInput;
    const current = scoreEmployee(input, { year: 2025 });
    if (!current.ok) throw new Error('score');
    const profile = loadScoringProfile(v2023);
    if (!profile.ok) throw new Error('profile');
    const toS2 = improvements(input, current.value, profile.value, { year: 2025 }).find((i) => i.action.en.includes('S2'))!;
    // S2 = 20 is verified, but the gain 20 − 15 uses the unverified S1 value.
    expect(toS2.gain).toBe(5);
    expect(toS2.unverified).toBe(true);
  });
});

describe('IP ASN: PPPK and employee kinds', () => {
  it('does not score a PPPK before 2023 and says why', () => {
    const result = scoreEmployee({ ...base, nip: NI_PPPK, kind: 'PPPK' }, { year: 2022 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.code)).toEqual(['ipasn.not_measured']);
    expect(result.problems[0]!.message.id).toContain('2023');
  });

  it('an office report for 2022 lists its PPPK as not measured instead of scoring them', () => {
    const report = scoreOffice(
      {
        employees: [
          { nip: NIP, name: 'Budi', kind: 'PNS' },
          { nip: NI_PPPK, name: 'Rina', kind: 'PPPK' },
        ],
      },
      { year: 2022 },
    );
    expect(report.ok).toBe(true);
    if (!report.ok) return;
    expect(report.value.scores.map((s) => s.nip)).toEqual([NIP]);
    expect(report.value.notMeasured).toEqual([expect.objectContaining({ nip: NI_PPPK, name: 'Rina' })]);
  });

  it('converts a PPPK’s activities as a PPPK ([P] art. 52 list, policy pppkOtherMethods=exclude)', () => {
    const detasering = { id: 'd', nip: NI_PPPK, method: 'detasering', title: 'Detasering', startDate: '2025-03-03', endDate: '2025-04-30' };
    const options = { year: 2025, jpProfile: 'pupr-2023', jpPolicy: { pppkOtherMethods: 'exclude' as const } };
    const pppk = scoreEmployee({ ...base, nip: NI_PPPK, kind: 'PPPK', activities: [detasering] }, options);
    const pns = scoreEmployee({ ...base, kind: 'PNS', activities: [{ ...detasering, nip: NIP }] }, options);
    if (!pppk.ok || !pns.ok) throw new Error('score');
    expect(pns.value.dimensions.kompetensi.score).toBeGreaterThan(pppk.value.dimensions.kompetensi.score);
  });
});
