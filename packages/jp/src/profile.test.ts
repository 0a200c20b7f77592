import { describe, expect, it } from 'vitest';
import kutaiBarat from '../profiles/kutai-barat-2024.json' with { type: 'json' };
import { computeJp } from './compute.js';
import { convertActivity } from './convert.js';
import {
  builtInProfileFiles,
  builtInProfiles,
  expiryWarning,
  getProfile,
  loadProfile,
  requiresSupervisorApproval,
  RuleProfileFile,
} from './profile.js';

const seminar = {
  id: 's',
  nip: '198503122010011004',
  method: 'seminar',
  title: 'Seminar',
  startDate: '2025-03-03',
  endDate: '2025-03-03',
  international: false,
  runByWorkUnit: false,
  status: 'verified',
} as const;

describe('rule profiles', () => {
  it('the built-in profiles, loaded without validation, pass the schema and equal their validated load', () => {
    expect(builtInProfiles).toHaveLength(builtInProfileFiles.length);
    const validated: (typeof builtInProfiles)[number][] = [];
    builtInProfileFiles.forEach((json, k) => {
      const parsed = RuleProfileFile.safeParse(json);
      expect(parsed.error?.issues ?? []).toEqual([]);
      const loaded = loadProfile(json, validated);
      if (!loaded.ok) expect.fail(JSON.stringify(loaded.problems));
      expect(builtInProfiles[k]).toEqual(loaded.value);
      validated.push(loaded.value);
    });
  });

  it('every number of the built-in profiles carries a source', () => {
    // A number is covered by the nearest enclosing object that names a source.
    const walk = (value: unknown, path: string, covered = false): void => {
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}/${i}`, covered));
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        const here = covered || typeof o['source'] === 'string';
        if (Object.values(o).some((v) => typeof v === 'number')) expect(here, `${path} has a source`).toBe(true);
        for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`, here);
      }
    };
    for (const p of builtInProfiles) walk(p, p.id);
  });

  it('pupr-2023 inherits the Kutai Barat conversions and says so', () => {
    const pupr = getProfile('pupr-2023')!;
    expect(pupr.lineage).toEqual(['pupr-2023', 'kutai-barat-2024']);
    expect(pupr.methods.seminar).toEqual(getProfile('kutai-barat-2024')!.methods.seminar);
    expect(pupr.methods.bimbingan_teknis?.maxPerActivityRunByWorkUnit?.value).toBe(30);
    expect(pupr.notes.map((n) => n.en).join(' ')).toMatch(/Lampiran II is not in our sources/);
  });

  it('reports a bad agency profile with paths', () => {
    const bad = { ...kutaiBarat, id: 'Agency X', methods: { seminar: { basis: { value: 'perWeek', source: '[X] 1' } } } };
    const result = loadProfile(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      const paths = result.problems.map((p) => p.path.join('/'));
      expect(paths).toEqual(expect.arrayContaining(['id', 'methods/seminar/basis/value']));
    }
  });

  it('loads an agency profile that extends a built-in one and overrides a rate', () => {
    const agency = {
      id: 'dinas-contoh-2025',
      title: 'Pedoman Dinas Contoh',
      document: { title: 'SK Kepala Dinas Contoh', number: 'SK 1/2025', date: '2025-01-02', mark: '[A]' },
      extends: 'kutai-barat-2024',
      effectiveFrom: { value: '2025-01-02', source: '[A] Diktum 3' },
      methods: { seminar: { rate: { domestic: 3, international: 5, source: '[A] Lampiran 1' } } },
    };
    const loaded = loadProfile(agency);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const result = convertActivity(seminar, { profile: loaded.value });
    expect(result.ok && result.value.jp).toBe(3);
    expect(result.ok && result.value.trace.some((s) => s.citation === '[A] Lampiran 1')).toBe(true);
  });

  it('refuses an unknown parent and an unknown profile id', () => {
    const orphan = loadProfile({ ...kutaiBarat, id: 'x', extends: 'nowhere' });
    expect(orphan.ok ? [] : orphan.problems.map((p) => p.code)).toEqual(['profile.unknown_parent']);
    const unknown = convertActivity(seminar, { profile: 'nowhere' });
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.code)).toEqual(['profile.unknown']);
  });

  it('uses the version in force on the activity date and warns about expired versions', () => {
    const v1 = loadProfile({
      ...kutaiBarat,
      id: 'dinas',
      effectiveFrom: { value: '2024-05-03', source: '[K] v1' },
      effectiveTo: { value: '2024-12-31', source: '[K] v1 end' },
    });
    const v2 = loadProfile({
      ...kutaiBarat,
      id: 'dinas',
      effectiveFrom: { value: '2025-01-01', source: '[K] v2' },
      methods: {
        ...kutaiBarat.methods,
        seminar: { ...kutaiBarat.methods.seminar, rate: { domestic: 5, international: 6, source: '[K] v2 rate' } },
      },
    });
    if (!v1.ok || !v2.ok) throw new Error('fixture');
    const versions = [v1.value, v2.value];
    const in2024 = convertActivity({ ...seminar, startDate: '2024-06-03', endDate: '2024-06-03' }, { profile: versions });
    const in2025 = convertActivity(seminar, { profile: versions });
    expect([in2024.ok && in2024.value.jp, in2025.ok && in2025.value.jp]).toEqual([4, 5]);
    expect(expiryWarning(v1.value, '2025-01-15')?.code).toBe('profile.expired');
    expect(expiryWarning(v2.value, '2025-01-15')).toBeUndefined();
    const computed = computeJp({ activities: [seminar] }, { profile: versions, today: '2025-06-01' });
    expect(computed.ok && computed.value.warnings.map((w) => w.code)).toEqual(['profile.expired']);
  });
});

describe('yearly summaries', () => {
  const employees = [
    { name: 'Budi', kind: 'PNS', nip: '198503122010011004', unit: 'Bidang Bina Marga' },
    { name: 'Rina', kind: 'PPPK', nipppk: '199203102022212005', unit: 'Bidang Bina Marga' },
    { name: 'Tono', kind: 'TKK', internalId: 'TKK-007', unit: 'UPT Alat Berat' },
  ];
  const activity = (id: string, nip: string, method: string, extra: object = {}) => ({
    id,
    nip,
    method,
    title: id,
    startDate: '2025-04-07',
    endDate: '2025-04-07',
    ...extra,
  });

  it('applies each kind’s obligation and the PPPK maximum of [P] art. 19(3)', () => {
    const input = {
      employees,
      activities: [
        activity('b1', '198503122010011004', 'kursus', { programmeJp: 24, competencyType: 'teknis' }),
        activity('r1', '199203102022212005', 'kursus', { programmeJp: 30 }),
      ],
    };
    const pupr = computeJp(input, { profile: 'pupr-2023', year: 2025 });
    expect(pupr.ok).toBe(true);
    if (!pupr.ok) return;
    const by = Object.fromEntries(pupr.value.summaries.map((s) => [s.nip, s]));
    expect(by['198503122010011004']).toMatchObject({
      jp: 24,
      required: 20,
      compliant: true,
      shortfall: 0,
      byPath: { klasikal: 24, nonklasikal: 0 },
      byCompetencyType: { teknis: 24 },
    });
    expect(by['199203102022212005']).toMatchObject({ jp: 30, required: 0, cap: 24, compliant: false });
    expect(by['TKK-007']).toMatchObject({ jp: 0, required: 0, compliant: true });
    const kutai = computeJp(input, { year: 2025 });
    const rina = kutai.ok ? kutai.value.summaries.find((s) => s.nip === '199203102022212005') : undefined;
    expect(rina).toMatchObject({ required: 20, compliant: true });
    expect(rina?.cap).toBeUndefined();
  });

  it('lists employees without activities with their whole shortfall, and computes the 70:20:10 mix', () => {
    const result = computeJp(
      {
        employees,
        activities: [activity('c1', '198503122010011004', 'coaching', { sessions: 3 }), activity('s1', '198503122010011004', 'seminar')],
      },
      { year: 2025 },
    );
    if (!result.ok) throw new Error('fixture');
    const budi = result.value.summaries.find((s) => s.nip === '198503122010011004')!;
    expect(budi).toMatchObject({ jp: 10, shortfall: 10, compliant: false, mix: { social: 0.6, formal: 0.4, experiential: 0 } });
    const rina = result.value.summaries.find((s) => s.nip === '199203102022212005')!;
    expect(rina).toMatchObject({ jp: 0, shortfall: 20 });
  });

  it('rejects bad input all-or-nothing with every problem at its path', () => {
    const result = computeJp({
      activities: [
        activity('x', '198503122010011004', 'kursus'),
        activity('x', '198503122010011004', 'coaching'),
        activity('y', '198503122010011004', 'seminar', { endDate: '2025-01-01' }),
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path.join('/'), p.code])).toEqual([['activities/2/endDate', 'activity.end_before_start']]);
    const second = computeJp({
      activities: [activity('x', '198503122010011004', 'kursus'), activity('x', '198503122010011004', 'coaching')],
    });
    expect(second.ok ? [] : second.problems.map((p) => [p.path.join('/'), p.code])).toEqual([
      ['activities/1/id', 'activity.duplicate_id'],
      ['activities/0/programmeJp', 'jp.missing_input'],
      ['activities/1/sessions', 'jp.missing_input'],
    ]);
  });
});

describe('superior approval', () => {
  it('[K] III.D.5: a non-classical activity needs the direct superior’s approval; a classical one does not', () => {
    const kutai = getProfile('kutai-barat-2024')!;
    expect(requiresSupervisorApproval('coaching', kutai)).toEqual({ required: true, source: expect.stringContaining('[K] III.D.5') });
    expect(requiresSupervisorApproval('pelatihan_teknis', kutai).required).toBe(false);
    // An agency profile that extends it inherits the rule.
    expect(requiresSupervisorApproval('magang', getProfile('pupr-2023')!).required).toBe(true);
  });
});
