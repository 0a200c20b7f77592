import { z } from 'zod';
import { isoDate } from './dates.js';
import { educationLevels, positionLevels } from './employee.js';
import { performancePredicates } from './plan.js';

/** A PNS proposed for a Tugas Belajar (study assignment). Facts needed by [P] art. 28–31. */
export const TugasBelajarCandidate = z
  .object({
    nip: z.string().regex(/^\d{18}$/),
    name: z.string().min(1).optional(),
    birthDate: isoDate.optional().describe('When absent, taken from the NIP.'),
    tmtPns: isoDate.optional(),
    positionLevel: z.enum(positionLevels).optional(),
    education: z.enum(educationLevels).optional(),
    performanceRatings: z.array(z.object({ year: z.int(), predicate: z.enum(performancePredicates) })).optional(),
  })
  .meta({ title: 'TugasBelajarCandidate', description: 'A PNS proposed for a Tugas Belajar ([P] art. 28).' });
export type TugasBelajarCandidate = z.output<typeof TugasBelajarCandidate>;
