/** The Tugas Belajar form as the `tubel.assess` procedure takes it. Unanswered questions stay out: unknown, never a silent "no". */
import { currentYear } from '../values.js';
import { defined, number, text, yesNo } from './forms.js';

/** A history list: "none" is known-empty, "some" one entry from its fields, anything else unknown. */
function history(form: FormData, name: string, entry: () => Record<string, unknown>) {
  const answer = text(form, name);
  return answer === 'none' ? [] : answer === 'some' ? [defined(entry())] : undefined;
}

export function tubelFromForm(form: FormData) {
  const asOf = text(form, 'asOf');
  const year = asOf ? Number(asOf.slice(0, 4)) : currentYear();
  const ratings = [year - 2, year - 1].flatMap((y) => {
    const predicate = text(form, `rating${y}`);
    return predicate ? [{ year: y, predicate }] : [];
  });
  const candidate = defined({
    fieldFits: yesNo(form, 'fieldFits'),
    underInvestigation: yesNo(form, 'underInvestigation'),
    servingSentence: yesNo(form, 'servingSentence'),
    onUnpaidLeave: yesNo(form, 'onUnpaidLeave'),
    temporarilyDismissed: yesNo(form, 'temporarilyDismissed'),
    disciplinaryPunishments: history(form, 'discipline', () => ({
      level: text(form, 'disciplineLevel'),
      date: text(form, 'disciplineDate'),
      endDate: text(form, 'disciplineEnd'),
    })),
    criminalSentences: history(form, 'sentence', () => ({
      kind: text(form, 'sentenceKind'),
      date: text(form, 'sentenceDate'),
      endDate: text(form, 'sentenceEnd'),
    })),
    previousTugasBelajar: history(form, 'previous', () => ({
      level: text(form, 'previousLevel'),
      outcome: text(form, 'previousOutcome'),
      endDate: text(form, 'previousEnd'),
      justified: yesNo(form, 'previousJustified'),
      decisionDate: text(form, 'previousDecision'),
    })),
    performanceRatings: ratings.length ? ratings : undefined,
    healthCertificate: yesNo(form, 'healthCertificate'),
    proposedBySecretary: yesNo(form, 'proposedBySecretary'),
    recommendationLetter: yesNo(form, 'recommendationLetter'),
    selectionPassed: yesNo(form, 'selectionPassed'),
    agreementSigned: yesNo(form, 'agreementSigned'),
  });
  const programme = defined({
    name: text(form, 'programmeName'),
    university: text(form, 'university'),
    level: text(form, 'level'),
    normativeDurationMonths: number(form, 'normativeDurationMonths'),
    startDate: text(form, 'startDate'),
    location: text(form, 'location'),
    universityType: text(form, 'universityType'),
    accreditation: text(form, 'accreditation'),
    ministerApproval: yesNo(form, 'ministerApproval'),
    foreignRecognised: yesNo(form, 'foreignRecognised'),
    releasedFromDuty: yesNo(form, 'releasedFromDuty'),
    selfFunded: form.get('selfFunded') === 'on',
    onPriorityList: yesNo(form, 'onPriorityList'),
  });
  return { employeeId: text(form, 'employeeId') ?? '', candidate, programme, ...(asOf ? { asOf } : {}) };
}
