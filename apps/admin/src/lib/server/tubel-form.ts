/** The Tugas Belajar form as the `tubel.assess` procedure takes it. Unanswered questions stay out: unknown, never a silent "no". */
import type { z } from 'zod';
import type { TubelForm } from '../schemas.js';
import { currentYear } from '../values.js';

type Form = z.output<typeof TubelForm>;

/** "ya" / "tidak" / '' (not known: left out). */
const answer = (value: string) => (value === 'ya' ? true : value === 'tidak' ? false : undefined);
/** '' (not given) left out. */
const given = <T extends string>(value: T | '') => (value === '' ? undefined : value);
/** "none" is known-empty, "some" one entry, '' unknown. */
const history = <T>(value: string, entry: () => T) => (value === 'none' ? [] : value === 'some' ? [entry()] : undefined);
/** The record without its undefined fields (what "not given" means to the schemas). */
const defined = <T extends Record<string, unknown>>(record: T) =>
  Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };

export function tubelInput(form: Form) {
  const year = form.asOf ? Number(form.asOf.slice(0, 4)) : currentYear();
  const ratings = (
    [
      [year - 2, form.ratingYearBeforeLast],
      [year - 1, form.ratingLastYear],
    ] as const
  ).flatMap(([y, predicate]) => (predicate ? [{ year: y, predicate }] : []));
  const candidate = defined({
    fieldFits: answer(form.fieldFits),
    underInvestigation: answer(form.underInvestigation),
    servingSentence: answer(form.servingSentence),
    onUnpaidLeave: answer(form.onUnpaidLeave),
    temporarilyDismissed: answer(form.temporarilyDismissed),
    disciplinaryPunishments: history(form.discipline, () =>
      defined({ level: form.disciplineLevel, date: form.disciplineDate, endDate: given(form.disciplineEnd) }),
    ),
    criminalSentences: history(form.sentence, () =>
      defined({ kind: form.sentenceKind, date: form.sentenceDate, endDate: given(form.sentenceEnd) }),
    ),
    previousTugasBelajar: history(form.previous, () =>
      defined({
        level: given(form.previousLevel),
        outcome: form.previousOutcome,
        endDate: form.previousEnd,
        justified: answer(form.previousJustified),
        decisionDate: given(form.previousDecision),
      }),
    ),
    performanceRatings: ratings.length ? ratings : undefined,
    healthCertificate: answer(form.healthCertificate),
    proposedBySecretary: answer(form.proposedBySecretary),
    recommendationLetter: answer(form.recommendationLetter),
    selectionPassed: answer(form.selectionPassed),
    agreementSigned: answer(form.agreementSigned),
  });
  const programme = defined({
    name: given(form.programmeName),
    university: given(form.university),
    level: form.level,
    normativeDurationMonths: form.normativeDurationMonths,
    startDate: given(form.startDate),
    location: form.location,
    universityType: given(form.universityType),
    accreditation: given(form.accreditation),
    ministerApproval: answer(form.ministerApproval),
    foreignRecognised: answer(form.foreignRecognised),
    releasedFromDuty: answer(form.releasedFromDuty),
    selfFunded: form.selfFunded,
    onPriorityList: answer(form.onPriorityList),
  });
  return { employeeId: form.employeeId, candidate, programme, ...(form.asOf ? { asOf: form.asOf } : {}) };
}
