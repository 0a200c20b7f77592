import type { Employee, IndividualDevelopmentPlan } from '@bangkom/domain';
import { Employee as EmployeeSchema, IndividualDevelopmentPlan as PlanSchema } from '@bangkom/domain';
import { computeJp } from '@bangkom/jp';
import { describe, expect, it } from 'vitest';
import { selectParticipants } from './select.js';

const employees: Employee[] = [
  {
    nip: '198703122010012003',
    name: 'Ani Rahmawati, S.T.',
    kind: 'PNS',
    unit: 'Bidang Bina Marga',
    positionTitle: 'Pengawas Jalan dan Jembatan',
    positionKind: 'fungsional',
    positionLevel: 'jf_ahli_pertama',
  },
  {
    nip: '199001152015031004',
    name: 'Budi Santoso',
    kind: 'PNS',
    unit: 'Bidang Bina Marga',
    positionTitle: 'Pengadministrasi Umum',
    positionKind: 'administrasi',
    positionLevel: 'pelaksana',
  },
  {
    nip: '198512202009022001',
    name: 'Citra Dewi',
    kind: 'PNS',
    unit: 'Bidang Cipta Karya',
    positionTitle: 'Pengawas Bangunan Gedung',
    positionKind: 'fungsional',
    positionLevel: 'jf_ahli_muda',
  },
].map((e) => EmployeeSchema.parse(e));

describe('participant selection', () => {
  it('by unit', () => {
    expect(selectParticipants(employees, { units: ['Bidang Bina Marga'] }).map((c) => c.employee.name)).toEqual([
      'Ani Rahmawati, S.T.',
      'Budi Santoso',
    ]);
  });

  it('by position: kind, level or words of the title', () => {
    expect(selectParticipants(employees, { position: { kinds: ['fungsional'] } }).map((c) => c.id)).toEqual([
      '198703122010012003',
      '198512202009022001',
    ]);
    expect(
      selectParticipants(employees, { position: { titleIncludes: ['pengawas'] }, units: ['Bidang Cipta Karya'] }).map((c) => c.id),
    ).toEqual(['198512202009022001']);
  });

  it('[P] art. 19(2): below the yearly obligation, from the JP engine summaries; no JP at all counts as below', () => {
    const run = computeJp(
      {
        employees,
        activities: [
          {
            id: 'a',
            nip: '198703122010012003',
            method: 'bimbingan_teknis',
            title: 'Bimtek Jalan',
            startDate: '2025-03-03',
            endDate: '2025-03-05',
            programmeJp: 24,
          },
          {
            id: 'b',
            nip: '199001152015031004',
            method: 'bimbingan_teknis',
            title: 'Bimtek Arsip',
            startDate: '2025-03-03',
            endDate: '2025-03-03',
            programmeJp: 6,
          },
        ],
      },
      { year: 2025 },
    );
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const below = selectParticipants(employees, { belowObligation: { year: 2025, summaries: run.value.summaries } });
    expect(below.map((c) => c.id)).toEqual(['199001152015031004', '198512202009022001']);
    expect(below[0]!.reasons[0]!.id).toContain('Baru 6 dari 20 JP');
    expect(below[1]!.reasons[0]!.id).toContain('Baru 0 dari 20 JP');
    const withoutSummary = run.value.summaries.filter((s) => s.nip !== '198512202009022001');
    const none = selectParticipants(employees, { belowObligation: { year: 2025, summaries: withoutSummary } });
    expect(none.at(-1)!.reasons[0]!.id).toContain('Belum ada JP tercatat tahun 2025');
  });

  it('[P] art. 17: planned in a development plan item with the matching competency and method', () => {
    const plans: IndividualDevelopmentPlan[] = [
      PlanSchema.parse({
        year: 2025,
        nip: '198703122010012003',
        items: [
          { competencyType: 'manajerial', method: 'seminar' },
          { title: 'Bimtek lelang', competencyType: 'teknis', method: 'bimbingan_teknis' },
        ],
      }),
      PlanSchema.parse({ year: 2025, nip: '199001152015031004', items: [{ competencyType: 'teknis', method: 'e_learning' }] }),
      PlanSchema.parse({ year: 2024, nip: '198512202009022001', items: [{ competencyType: 'teknis', method: 'bimbingan_teknis' }] }),
    ];
    const planned = selectParticipants(employees, {
      plannedIn: { year: 2025, plans, competencyType: 'teknis', method: 'bimbingan_teknis' },
    });
    expect(planned.map((c) => c.id)).toEqual(['198703122010012003']);
    expect(planned[0]!.reasons[0]!.id).toContain('Bimtek lelang');
    const anyMethod = selectParticipants(employees, { plannedIn: { year: 2025, plans, competencyType: 'teknis' } });
    expect(anyMethod.map((c) => c.id)).toEqual(['198703122010012003', '199001152015031004']);
  });

  it('criteria narrow one another and every criterion gives a reason', () => {
    const both = selectParticipants(employees, { units: ['Bidang Bina Marga'], position: { kinds: ['fungsional'] } });
    expect(both).toHaveLength(1);
    expect(both[0]!.reasons).toHaveLength(2);
  });
});
