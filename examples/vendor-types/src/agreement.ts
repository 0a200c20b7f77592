/**
 * Type-level proof that the types a vendor generates from schemas/ agree with the
 * zod-inferred input types of @bangkom/domain: each is assignable to the other.
 * `npm run typecheck` fails on any drift.
 */
import type { z } from 'zod';
import type * as domain from '@bangkom/domain';
import type { Employee } from './generated/employee.js';
import type { Evidence } from './generated/evidence.js';
import type { IndividualDevelopmentPlan } from './generated/individual-development-plan.js';
import type { IpAsnInput } from './generated/ip-asn-input.js';
import type { LearningActivity } from './generated/learning-activity.js';
import type { TugasBelajarCandidate } from './generated/tugas-belajar-candidate.js';
import type { TugasBelajarProgramme } from './generated/tugas-belajar-programme.js';

export type Agree<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const agreement = {
  employee: true satisfies Agree<Employee, z.input<typeof domain.Employee>>,
  learningActivity: true satisfies Agree<LearningActivity, z.input<typeof domain.LearningActivity>>,
  evidence: true satisfies Agree<Evidence, z.input<typeof domain.Evidence>>,
  plan: true satisfies Agree<IndividualDevelopmentPlan, z.input<typeof domain.IndividualDevelopmentPlan>>,
  tugasBelajarCandidate: true satisfies Agree<TugasBelajarCandidate, z.input<typeof domain.TugasBelajarCandidate>>,
  tugasBelajarProgramme: true satisfies Agree<TugasBelajarProgramme, z.input<typeof domain.TugasBelajarProgramme>>,
  ipAsnInput: true satisfies Agree<IpAsnInput, z.input<typeof domain.IpAsnInput>>,
};
