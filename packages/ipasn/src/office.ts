import type { Message, PublicSchema, Result } from '@bangkom/domain';
import { Employee, LearningActivity, employeeId, fail, ok, parseWith, performancePredicates } from '@bangkom/domain';
import { z } from 'zod';
import type { Improvement } from './raise.js';
import { improvements } from './raise.js';
import type { GroupReport, SiasnDifference } from './report.js';
import { compareWithSiasn, groupReport } from './report.js';
import type { IpAsnScore, ScoreOptions } from './score.js';
import { notMeasuredReason, scoreParsed } from './score.js';
import { scoringProfileFor } from './profile.js';

/** The input of `bangkom ipasn`: the office file of `bangkom jp`, plus per-employee facts and SIASN's scores. */
export const IpAsnOfficeInput = z
  .object({
    employees: z.array(Employee),
    activities: z.array(LearningActivity).default([]),
    facts: z
      .array(
        z.object({
          nip: z.string().min(1),
          performancePredicate: z.enum(performancePredicates).optional(),
          disciplinaryPunishments: z.array(z.object({ level: z.enum(['ringan', 'sedang', 'berat']), date: z.iso.date() })).optional(),
        }),
      )
      .default([])
      .describe('Per-employee facts of the measured year: performance predicate and disciplinary record ([] = none).'),
    siasn: z
      .array(
        z.object({
          nip: z.string().min(1),
          kualifikasi: z.number(),
          kompetensi: z.number(),
          kinerja: z.number(),
          disiplin: z.number(),
          total: z.number(),
        }),
      )
      .default([])
      .describe('Scores SIASN returns (nilaiipasn), to compare with the computed ones.'),
  })
  .meta({ title: 'IpAsnOfficeInput', description: 'Employees, activities and facts of an office for its IP ASN report.' });
export type IpAsnOfficeInput = z.input<typeof IpAsnOfficeInput>;

export interface OfficeScore extends IpAsnScore {
  unit: string;
  improvements: Improvement[];
}

export interface OfficeReport {
  profile: string;
  profileVersion: string;
  year: number;
  scores: OfficeScore[];
  summary: { agency: GroupReport; units: GroupReport[]; siasnDifferences: SiasnDifference[]; unverifiedValuesUsed: boolean };
  /** Employees the measurement does not cover this year (TKK; PPPK before 2023), each with why. */
  notMeasured: { nip: string; name: string; kind: string; reason: Message }[];
}

/** Scores every employee of an office, with what would raise each score, unit and agency reports and the SIASN comparison. */
export function scoreOffice(input: unknown, options: ScoreOptions): Result<OfficeReport> {
  const parsed = parseWith(IpAsnOfficeInput, input);
  if (!parsed.ok) return parsed;
  const profile = scoringProfileFor(options.profile, options.year);
  if (!profile.ok) return profile;
  const { employees, activities, facts, siasn } = parsed.value;
  const factsOf = new Map(facts.map((f) => [f.nip, f]));
  const byNip = new Map<string, typeof activities>();
  activities.forEach((a) => byNip.set(a.nip, [...(byNip.get(a.nip) ?? []), a]));
  const scores: OfficeScore[] = [];
  const notMeasured: OfficeReport['notMeasured'] = [];
  for (const [index, e] of employees.entries()) {
    const nip = employeeId(e);
    // IP ASN measures ASN: PNS, and PPPK from 2023; TKK never.
    if (e.kind === 'TKK') {
      notMeasured.push({
        nip,
        name: e.name,
        kind: e.kind,
        reason: { id: 'TKK bukan ASN; IP ASN mengukur PNS dan PPPK', en: 'TKK are not ASN; IP ASN measures PNS and PPPK' },
      });
      continue;
    }
    const reason = notMeasuredReason(e.kind, profile.value, options.year);
    if (reason) {
      notMeasured.push({ nip, name: e.name, kind: e.kind, reason: reason.message });
      continue;
    }
    const f = factsOf.get(nip);
    const employeeInput = {
      nip,
      kind: e.kind,
      ...(e.education ? { education: e.education } : {}),
      ...(e.positionKind ? { positionKind: e.positionKind } : {}),
      ...(f?.performancePredicate ? { performancePredicate: f.performancePredicate } : {}),
      ...(f?.disciplinaryPunishments ? { disciplinaryPunishments: f.disciplinaryPunishments } : {}),
      activities: byNip.get(nip) ?? [],
    };
    const scored = scoreParsed(employeeInput, profile.value, options);
    if (!scored.ok) {
      return fail(
        ...scored.problems.map((p) =>
          p.path[0] === 'activities'
            ? { ...p, path: ['activities', activities.indexOf(employeeInput.activities[Number(p.path[1])]!), ...p.path.slice(2)] }
            : { ...p, path: ['employees', index, ...p.path] },
        ),
      );
    }
    scores.push({
      ...scored.value,
      unit: e.unit ?? '(tanpa unit)',
      improvements: improvements(employeeInput, scored.value, profile.value, options),
    });
  }
  const units = [...new Set(scores.map((s) => s.unit))].sort().map((u) =>
    groupReport(
      u,
      scores.filter((s) => s.unit === u),
      profile.value,
    ),
  );
  return ok({
    profile: profile.value.id,
    profileVersion: profile.value.version,
    year: options.year,
    scores,
    summary: {
      agency: groupReport('(instansi)', scores, profile.value),
      units,
      siasnDifferences: compareWithSiasn(scores, siasn),
      unverifiedValuesUsed: scores.some((s) => s.unverified),
    },
    notMeasured,
  });
}

export const ipasnInputSchemas: PublicSchema[] = [{ name: 'ip-asn-office-input', schema: IpAsnOfficeInput }];
