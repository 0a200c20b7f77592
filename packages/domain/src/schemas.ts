import type { z } from 'zod';
import { LearningActivity } from './activity.js';
import { Employee } from './employee.js';
import { Evidence } from './evidence.js';
import { IpAsnInput } from './ip-asn.js';
import { IndividualDevelopmentPlan } from './plan.js';
import { TugasBelajarCandidate, TugasBelajarProgramme } from './tugas-belajar.js';

/** A public type published as a JSON Schema file `schemas/<name>.schema.json`. */
export interface PublicSchema {
  name: string;
  schema: z.ZodType;
}

export const domainSchemas: PublicSchema[] = [
  { name: 'employee', schema: Employee },
  { name: 'learning-activity', schema: LearningActivity },
  { name: 'evidence', schema: Evidence },
  { name: 'individual-development-plan', schema: IndividualDevelopmentPlan },
  { name: 'tugas-belajar-candidate', schema: TugasBelajarCandidate },
  { name: 'tugas-belajar-programme', schema: TugasBelajarProgramme },
  { name: 'ip-asn-input', schema: IpAsnInput },
];
