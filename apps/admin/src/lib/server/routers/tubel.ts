import { TugasBelajarCandidate, TugasBelajarProgramme } from '@bangkom/domain';
import { checkEligibility } from '@bangkom/tubel';
import { and, count, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { audit } from '../audit.js';
import { employees, tubelAssessments, units } from '../db/schema.js';
import { TubelCandidatesQuery, TubelListQuery } from '../../schemas.js';
import { nameOrNip } from '../search.js';
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

  /**
   * A page of the PNS a Tugas Belajar can be checked for (it is for PNS: [P] art. 26(3)), by name,
   * searched by name or NIP, with the number found; the chosen employee is returned too, so the
   * picker keeps a choice that is not on the page shown.
   */
  candidates: roleProcedure('admin_sdm')
    .input(TubelCandidatesQuery.prefault({}))
    .query(async ({ ctx, input }) => {
      const filter = and(eq(employees.kind, 'PNS'), input.q ? nameOrNip(input.q) : undefined);
      const fields = { id: employees.id, name: employees.name, unit: units.name };
      const [rows, total, chosen] = await Promise.all([
        ctx.db
          .select(fields)
          .from(employees)
          .leftJoin(units, eq(units.id, employees.unitId))
          .where(filter)
          .orderBy(employees.name, employees.id)
          .limit(input.limit)
          .offset(input.offset),
        ctx.db
          .select({ n: count() })
          .from(employees)
          .where(filter)
          .then((r) => r[0]?.n ?? 0),
        input.chosen
          ? ctx.db
              .select(fields)
              .from(employees)
              .leftJoin(units, eq(units.id, employees.unitId))
              .where(and(eq(employees.id, input.chosen), eq(employees.kind, 'PNS')))
              .then((r) => r[0] ?? null)
          : null,
      ]);
      return { rows, total, offset: input.offset, chosen };
    }),

  /** Saved assessments, newest first, a page at a time, searched by the employee's name or NIP, with the number found. */
  list: roleProcedure('admin_sdm', 'auditor')
    .input(TubelListQuery.prefault({}))
    .query(async ({ ctx, input }) => {
      const filter = input.q ? nameOrNip(input.q) : undefined;
      const [rows, total] = await Promise.all([
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
          .where(filter)
          .orderBy(desc(tubelAssessments.id))
          .limit(input.limit)
          .offset(input.offset),
        ctx.db
          .select({ n: count() })
          .from(tubelAssessments)
          .innerJoin(employees, eq(employees.id, tubelAssessments.employeeId))
          .where(filter)
          .then((r) => r[0]?.n ?? 0),
      ]);
      return { rows, total, offset: input.offset };
    }),

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
