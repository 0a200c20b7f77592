import { z } from 'zod';
import { inclusiveDays, isoDate, isValidIsoDate } from './dates.js';
import { Evidence } from './evidence.js';
import { learningMethodCodes } from './methods.js';

export const competencyTypes = ['teknis', 'manajerial', 'sosial_kultural'] as const;
export type CompetencyType = (typeof competencyTypes)[number];
/** Competency types in words, for messages. */
export const competencyTypeLabels: Record<CompetencyType, { id: string; en: string }> = {
  teknis: { id: 'teknis', en: 'technical' },
  manajerial: { id: 'manajerial', en: 'managerial' },
  sosial_kultural: { id: 'sosial kultural', en: 'socio-cultural' },
};

/** Workflow states of a recorded activity (evidence checked, then approved: [K] III.C.7; [P] art. 12(2)f). */
export const activityStatuses = ['draft', 'submitted', 'verified', 'rejected'] as const;
export type ActivityStatus = (typeof activityStatuses)[number];

/** A JP decided by the SDM unit instead of the conversion ([P] art. 12(2)f), with why and by whom. */
export const JpOverride = z.object({
  jp: z.number().nonnegative(),
  reason: z.string().trim().min(1).describe('Why the computed JP is replaced (shown in the trace).'),
  by: z.string().trim().min(1).describe('Who set it (user name or NIP of the officer).'),
});
export type JpOverride = z.output<typeof JpOverride>;

/**
 * A learning activity. The field names are a public contract (JSON files, CLI, JSON Schema).
 * Unknown extra fields are kept (`looseObject`) so that agencies can carry their own data.
 */
export const LearningActivity = z
  .looseObject({
    id: z.string().min(1),
    nip: z.string().min(1).describe('NIP (PNS), NIPPPK (PPPK) or internal id (TKK) of the learner.'),
    method: z.enum(learningMethodCodes),
    title: z.string().trim().min(1),
    organizer: z.string().trim().min(1).optional(),
    international: z.boolean().default(false).describe('Held abroad (luar negeri); domestic when false.'),
    startDate: isoDate,
    endDate: isoDate,
    days: z.number().positive().optional().describe('Attendance days; when absent, the inclusive span from startDate to endDate.'),
    sessions: z
      .int()
      .positive()
      .optional()
      .describe('Meetings: coaching, mentoring, komunitas belajar, belajar mandiri sittings, bimbingan di tempat kerja.'),
    hours: z.number().positive().optional().describe('Clock hours studied or worked, where a rule counts hours.'),
    programmeJp: z.number().positive().optional().describe('JP of the programme/curriculum.'),
    statedJp: z.number().nonnegative().optional().describe('JP printed on the evidence.'),
    runByWorkUnit: z.boolean().default(false).describe('A bimtek run by a work unit rather than the SDM unit ([P] art. 57(7–8)).'),
    competencyType: z.enum(competencyTypes).optional(),
    evidence: Evidence.optional(),
    override: JpOverride.optional().describe(
      'JP set by the SDM unit in place of the conversion ([P] art. 12(2)f); whether caps still apply is the policy `overrideCaps`.',
    ),
    status: z
      .enum(activityStatuses)
      .default('verified')
      .describe('Workflow state. A record without a status is taken as verified (e.g. a finished register or a SIASN import).'),
  })
  .superRefine((a, ctx) => {
    // Zod runs refinements even when a field failed; compare only real dates.
    if (!isValidIsoDate(a.startDate) || !isValidIsoDate(a.endDate)) return;
    if (a.endDate < a.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        params: {
          code: 'activity.end_before_start',
          message: {
            id: `Tanggal selesai ${a.endDate} sebelum tanggal mulai ${a.startDate}`,
            en: `End date ${a.endDate} is before start date ${a.startDate}`,
          },
        },
      });
    } else if (a.days !== undefined && a.days > inclusiveDays(a.startDate, a.endDate)) {
      ctx.addIssue({
        code: 'custom',
        path: ['days'],
        params: {
          code: 'activity.days_exceed_span',
          message: {
            id: `Jumlah hari ${a.days} melebihi rentang ${a.startDate} s.d. ${a.endDate}`,
            en: `${a.days} attendance days exceed the span ${a.startDate} to ${a.endDate}`,
          },
        },
      });
    }
  })
  .meta({ title: 'LearningActivity', description: 'One competency-development activity of one employee, with its evidence.' });
export type LearningActivity = z.output<typeof LearningActivity>;
export type LearningActivityInput = z.input<typeof LearningActivity>;

/** Attendance days: the stated `days`, otherwise the inclusive calendar span. */
export const attendanceDays = (a: Pick<LearningActivity, 'days' | 'startDate' | 'endDate'>): number =>
  a.days ?? inclusiveDays(a.startDate, a.endDate);
