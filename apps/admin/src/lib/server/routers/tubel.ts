import { TugasBelajarCandidate, TugasBelajarProgramme } from '@bangkom/domain';
import { checkEligibility } from '@bangkom/tubel';
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import { employees, tubelAssessments } from '../db/schema.js';
import { todayIso } from '../../values.js';
import { agencyTimeZone } from './activities.js';
import { appError } from '../errors.js';
import { roleProcedure, router } from '../trpc.js';

/** The facts HR states about the candidate; identity, dates of birth and appointment and position come from the employee record. */
const CandidateFacts = TugasBelajarCandidate.omit({
  nip: true,
  kind: true,
  name: true,
  birthDate: true,
  tmtPns: true,
  positionLevel: true,
  education: true,
});

export const tubelRouter = router({
  /**
   * Checks a PNS's eligibility for a Tugas Belajar ([P] art. 28–31) with @bangkom/tubel; with
   * `save`, keeps the assessment (facts and result) and records it in the audit log.
   */
  assess: roleProcedure('admin_sdm')
    .input(
      z.object({
        employeeId: z.string().max(40),
        candidate: CandidateFacts,
        programme: TugasBelajarProgramme,
        asOf: z.iso.date().optional(),
        save: z.boolean().default(false),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const employee = (await ctx.db.select().from(employees).where(eq(employees.id, input.employeeId)))[0];
      if (!employee) throw appError('NOT_FOUND', 'Pegawai tidak ditemukan', 'Employee not found');
      const data = employee.data;
      const candidate = {
        ...input.candidate,
        nip: employee.id,
        // Tugas Belajar is for PNS: @bangkom/tubel fails that criterion for another kind ([P] art. 26(3)).
        kind: employee.kind,
        name: employee.name,
        ...(data.birthDate ? { birthDate: data.birthDate } : {}),
        ...(data.tmtPns ? { tmtPns: data.tmtPns } : {}),
        ...(data.positionLevel ? { positionLevel: data.positionLevel } : {}),
        ...(data.education ? { education: data.education } : {}),
      };
      const asOf = input.asOf ?? todayIso(await agencyTimeZone(ctx.db));
      const result = checkEligibility(candidate, input.programme, { asOf });
      if (!result.ok) throw appError('BAD_REQUEST', 'Data penilaian tidak valid', 'The assessment data are not valid', result.problems);
      if (!input.save) return { id: null, asOf, candidate, result: result.value };
      return ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(tubelAssessments)
          .values({
            employeeId: employee.id,
            asOf,
            eligible: result.value.eligible,
            input: { candidate, programme: input.programme },
            result: result.value,
            createdBy: ctx.user.id,
          })
          .returning({ id: tubelAssessments.id });
        await audit(tx, ctx.user, 'tubel.assess', 'tubel_assessment', String(row!.id), null, {
          employeeId: employee.id,
          eligible: result.value.eligible,
          asOf,
        });
        return { id: row!.id, asOf, candidate, result: result.value };
      });
    }),

  /** Saved assessments, newest first. */
  list: roleProcedure('admin_sdm', 'auditor').query(async ({ ctx }) =>
    ctx.db
      .select({
        id: tubelAssessments.id,
        employeeId: tubelAssessments.employeeId,
        employeeName: employees.name,
        asOf: tubelAssessments.asOf,
        eligible: tubelAssessments.eligible,
        input: tubelAssessments.input,
        createdAt: tubelAssessments.createdAt,
      })
      .from(tubelAssessments)
      .innerJoin(employees, eq(employees.id, tubelAssessments.employeeId))
      .orderBy(desc(tubelAssessments.id))
      .limit(200),
  ),

  /** One saved assessment: the facts as given and the criteria with their articles. */
  get: roleProcedure('admin_sdm', 'auditor')
    .input(z.object({ id: z.int().positive() }))
    .query(async ({ ctx, input }) => {
      const row = (
        await ctx.db
          .select({ assessment: tubelAssessments, employeeName: employees.name })
          .from(tubelAssessments)
          .innerJoin(employees, eq(employees.id, tubelAssessments.employeeId))
          .where(eq(tubelAssessments.id, input.id))
      )[0];
      if (!row) throw appError('NOT_FOUND', 'Penilaian tidak ditemukan', 'Assessment not found');
      return { ...row.assessment, employeeName: row.employeeName };
    }),
});
