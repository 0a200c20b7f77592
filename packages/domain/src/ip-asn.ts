import { z } from 'zod';
import { LearningActivity } from './activity.js';
import { isoDate } from './dates.js';
import { educationLevels, employeeKinds, positionKinds } from './employee.js';
import { performancePredicates } from './plan.js';

/**
 * What one employee's IP ASN score is computed from: the four dimensions of PermenPANRB 38/2018 —
 * kualifikasi (highest education), kompetensi (development history, JP from the JP engine),
 * kinerja (performance predicate) and disiplin (disciplinary record). A fact left out is unknown
 * and scores nothing; the score says so.
 */
export const IpAsnInput = z
  .object({
    nip: z.string().min(1),
    kind: z.enum(employeeKinds).default('PNS'),
    education: z.enum(educationLevels).optional(),
    positionKind: z
      .enum(positionKinds)
      .optional()
      .describe('Decides which position training counts (leadership for structural, functional for functional posts).'),
    performancePredicate: z.enum(performancePredicates).optional().describe('Predicate of the measured year ([P] art. 6(3)).'),
    disciplinaryPunishments: z
      .array(z.object({ level: z.enum(['ringan', 'sedang', 'berat']), date: isoDate }))
      .optional()
      .describe('Disciplinary punishments with their dates; [] = none; absent = unknown.'),
    activities: z.array(LearningActivity).default([]),
  })
  .meta({ title: 'IpAsnInput', description: "Inputs of one employee's IP ASN score." });
export type IpAsnInput = z.output<typeof IpAsnInput>;
