import { z } from 'zod';
import { competencyTypes } from './activity.js';
import { isoDate } from './dates.js';
import { learningMethodCodes } from './methods.js';

/** Competency gap from post-evaluation. [K] V.C. */
export const gapLevels = ['rendah', 'sedang', 'tinggi'] as const;
/** Performance predicates of the yearly appraisal. [P] art. 6–7. */
export const performancePredicates = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'] as const;
/** Gap levels and predicates in words, for messages. */
export const gapLevelLabels: Record<(typeof gapLevels)[number], { id: string; en: string }> = {
  rendah: { id: 'rendah', en: 'low' },
  sedang: { id: 'sedang', en: 'medium' },
  tinggi: { id: 'tinggi', en: 'high' },
};
export const performancePredicateLabels: Record<(typeof performancePredicates)[number], { id: string; en: string }> = {
  sangat_baik: { id: 'Sangat Baik', en: 'Outstanding' },
  baik: { id: 'Baik', en: 'Good' },
  butuh_perbaikan: { id: 'Butuh Perbaikan', en: 'Needs improvement' },
  kurang: { id: 'Kurang', en: 'Poor' },
  sangat_kurang: { id: 'Sangat Kurang', en: 'Very poor' },
};

/** One planned development item: the fields of [P] art. 17(2) c–k. */
export const PlanItem = z.object({
  id: z.string().min(1).optional().describe('Item id; defaults to its position (item-1, item-2, …).'),
  competencyType: z.enum(competencyTypes).optional().describe('[P] art. 17(2)c jenis kompetensi.'),
  method: z.enum(learningMethodCodes).optional().describe('[P] art. 17(2)d bentuk dan jalur.'),
  title: z.string().min(1).optional(),
  organizer: z.string().min(1).optional().describe('[P] art. 17(2)e penyelenggara.'),
  facilitator: z.string().min(1).optional().describe('[P] art. 17(2)f fasilitator.'),
  startDate: isoDate.optional().describe('[P] art. 17(2)g jadwal.'),
  endDate: isoDate.optional(),
  international: z.boolean().default(false),
  days: z.number().positive().optional(),
  sessions: z.int().positive().optional(),
  hours: z.number().positive().optional(),
  programmeJp: z.number().positive().optional(),
  runByWorkUnit: z.boolean().default(false),
  curriculumFit: z.string().min(1).optional().describe('[P] art. 17(2)h kesesuaian dengan standar kurikulum.'),
  budget: z.number().nonnegative().optional().describe('[P] art. 17(2)j anggaran (rupiah).'),
  jp: z.number().nonnegative().optional().describe('[P] art. 17(2)k jumlah JP.'),
});
export type PlanItem = z.output<typeof PlanItem>;

export const IndividualDevelopmentPlan = z
  .object({
    year: z.int().min(2000).max(2100).describe('The year the plan is for.'),
    nip: z.string().min(1).optional().describe('[P] art. 17(2)a NIP.'),
    name: z.string().min(1).optional().describe('[P] art. 17(2)a nama.'),
    employeeKind: z.enum(['PNS', 'PPPK', 'TKK']).default('PNS'),
    unit: z.string().min(1).optional(),
    position: z.string().min(1).optional().describe('[P] art. 17(2)b jabatan yang akan dikembangkan.'),
    gapLevel: z.enum(gapLevels).optional().describe('Competency gap from post-evaluation ([K] V.C).'),
    performancePredicate: z.enum(performancePredicates).optional().describe('Latest performance predicate ([P] art. 6(3)).'),
    performanceData: z.string().min(1).optional().describe('[P] art. 17(2)i data hasil penilaian kinerja (e.g. the appraisal reference).'),
    cannotLeaveWorkplace: z.boolean().default(false).describe('The employee cannot leave the workplace ([K] IV "Sasaran").'),
    budgetAvailable: z.number().nonnegative().optional().describe('Budget available for this plan (rupiah).'),
    status: z.enum(['draft', 'approved', 'sent_to_lan']).default('draft'),
    draftedOn: isoDate.optional(),
    approvedOn: isoDate.optional().describe('Approval by the PPK ([P] art. 17(4)).'),
    sentToLanOn: isoDate.optional().describe('Sent to LAN ([P] art. 17(5)).'),
    items: z.array(PlanItem),
  })
  .meta({ title: 'IndividualDevelopmentPlan', description: 'A yearly Individual Development Plan ([P] art. 17).' });
export type IndividualDevelopmentPlan = z.output<typeof IndividualDevelopmentPlan>;
