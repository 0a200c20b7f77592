import { z } from 'zod';
import { isoDate } from './dates.js';
import { educationLevels, employeeKinds, positionLevels } from './employee.js';
import { performancePredicates } from './plan.js';

/**
 * Facts about a PNS proposed for a Tugas Belajar (study assignment), as needed by
 * [P] art. 28–31. A field left out means "not known": the criteria that need it come out
 * `unknown`, never a silent pass. An empty list means "known: none".
 */
export const TugasBelajarCandidate = z
  .object({
    nip: z.string().min(1).describe('NIP of the PNS (18 digits); the NI PPPK or internal id of another kind.'),
    kind: z
      .enum(employeeKinds)
      .default('PNS')
      .describe('Tugas Belajar is given to PNS ([P] art. 1 angka 13; art. 26(3)); another kind fails that criterion.'),
    name: z.string().min(1).optional(),
    birthDate: isoDate.optional().describe('When absent, taken from the NIP.'),
    tmtPns: isoDate.optional().describe('Date of appointment as PNS ([P] art. 28a counts service from it).'),
    positionLevel: z.enum(positionLevels).optional().describe('Position level; sets the retirement age (BUP).'),
    education: z.enum(educationLevels).optional(),
    fieldFits: z.boolean().optional().describe('[P] art. 28c: education, experience or position fits the study programme.'),
    underInvestigation: z
      .boolean()
      .optional()
      .describe('[P] art. 28d.1: currently under investigation for a disciplinary or criminal matter.'),
    servingSentence: z.boolean().optional().describe('[P] art. 28d.2: currently serving prison or detention.'),
    onUnpaidLeave: z.boolean().optional().describe('[P] art. 28d.3: on cuti di luar tanggungan negara.'),
    temporarilyDismissed: z.boolean().optional().describe('[P] art. 28d.3: pemberhentian sementara.'),
    disciplinaryPunishments: z
      .array(z.object({ level: z.enum(['ringan', 'sedang', 'berat']), date: isoDate, endDate: isoDate.optional() }))
      .optional()
      .describe('[P] art. 28d.2 and e.1: every disciplinary punishment ever imposed, with its dates.'),
    criminalSentences: z
      .array(z.object({ kind: z.enum(['penjara', 'kurungan']), date: isoDate, endDate: isoDate.optional() }))
      .optional()
      .describe('[P] art. 28e.2: prison or detention sentences by a court.'),
    previousTugasBelajar: z
      .array(
        z.object({
          level: z.enum(['D3', 'D4', 'S1', 'S2', 'S3', 'profesi']).optional(),
          endDate: isoDate.optional().describe('When the study ended (completed) or was cancelled/stopped.'),
          outcome: z.enum(['completed', 'cancelled', 'stopped']),
          justified: z.boolean().optional().describe('For cancelled/stopped: whether the reason is justified by the regulations.'),
          reason: z.string().optional(),
          decisionDate: isoDate.optional().describe('Date of the cancellation/stop decision (SK).'),
        }),
      )
      .optional(),
    performanceRatings: z
      .array(z.object({ year: z.int(), predicate: z.enum(performancePredicates) }))
      .optional()
      .describe('[P] art. 28g: ratings of the last two years.'),
    healthCertificate: z.boolean().optional().describe("[P] art. 28f: doctor's letter stating physical and mental health."),
    proposedBySecretary: z.boolean().optional().describe('[P] art. 28h: proposed by the unit secretary.'),
    recommendationLetter: z
      .boolean()
      .optional()
      .describe('[P] art. 28i: recommendation of a JPT madya official (doctoral or self-funded).'),
    selectionPassed: z.boolean().optional().describe("[P] art. 28j: passed the university's or sponsor's selection."),
    agreementSigned: z.boolean().optional().describe('[P] art. 28k: signed the Tugas Belajar agreement.'),
  })
  .meta({ title: 'TugasBelajarCandidate', description: 'A PNS proposed for a Tugas Belajar ([P] art. 28–31).' });
export type TugasBelajarCandidate = z.output<typeof TugasBelajarCandidate>;

/** Programme accreditation on the old (A/B/C) and the current (Unggul/Baik Sekali/Baik) BAN-PT scale. */
export const accreditations = ['unggul', 'A', 'baik_sekali', 'B', 'baik', 'C', 'none'] as const;

export const TugasBelajarProgramme = z
  .object({
    name: z.string().min(1).optional(),
    university: z.string().min(1).optional(),
    level: z.enum(['D3', 'D4', 'S1', 'S2', 'S3', 'profesi']),
    normativeDurationMonths: z.int().positive().describe('Normative duration of the programme ([P] art. 38(2)).'),
    startDate: isoDate.optional().describe('Planned start; when absent, the assessment date.'),
    location: z.enum(['domestic', 'foreign']),
    universityType: z.enum(['negeri', 'kedinasan', 'swasta']).optional().describe('Domestic universities ([P] art. 27(2)).'),
    accreditation: z.enum(accreditations).optional().describe('Programme accreditation (domestic).'),
    ministerApproval: z.boolean().optional().describe("Minister's approval for a C/Baik programme ([P] art. 31(1)c.2)."),
    foreignRecognised: z.boolean().optional().describe('Recognised by the education ministry ([P] art. 27(4), 31(1)c.3).'),
    releasedFromDuty: z
      .boolean()
      .optional()
      .describe('Released from duty; when absent, released when longer than 6 months ([P] art. 26(4), 34(1)).'),
    selfFunded: z.boolean().default(false).describe('Tugas Belajar biaya mandiri ([P] art. 30).'),
    onPriorityList: z.boolean().optional().describe('Field on the priority list of Lampiran V ([P] art. 31(3)).'),
  })
  .meta({ title: 'TugasBelajarProgramme', description: 'The study programme of a Tugas Belajar ([P] art. 27, 30, 31, 38).' });
export type TugasBelajarProgramme = z.output<typeof TugasBelajarProgramme>;
