import { z } from 'zod';
import { LearningActivity } from './activity.js';
import { educationLevels } from './employee.js';
import { performancePredicates } from './plan.js';

/** What an IP ASN score is computed from: the four dimensions of DOMAIN.md §8. */
export const IpAsnInput = z
  .object({
    nip: z.string().min(1),
    education: z.enum(educationLevels).optional(),
    activities: z.array(LearningActivity).default([]),
    performancePredicate: z.enum(performancePredicates).optional(),
    disciplinePunishments: z.array(z.object({ level: z.enum(['ringan', 'sedang', 'berat']), date: z.iso.date() })).default([]),
  })
  .meta({ title: 'IpAsnInput', description: 'Inputs of one employee\'s IP ASN score.' });
export type IpAsnInput = z.output<typeof IpAsnInput>;
