import type { Employee, EmployeeKind, LearningActivity, Problem, Result } from '@bangkom/domain';
import { fail, LearningActivity as ActivitySchema, ok, parseWith } from '@bangkom/domain';
import type { ConvertOptions, TraceStep } from '@bangkom/jp';
import { convertActivity, roundJp } from '@bangkom/jp';
import { z } from 'zod';
import type { TrainingEvent } from './event.js';
import { WORK_UNIT_BIMTEK_CITATION, WORK_UNIT_BIMTEK_MAX_JP, workUnitCapApplies } from './event.js';

/** [P] art. 66(3): a certificate goes to participants who "berhasil mengikuti dan menyelesaikan keseluruhan program". */
export const COMPLETION_CITATION =
  '[P] art. 66(3): sertifikat diberikan kepada peserta yang "berhasil mengikuti dan menyelesaikan keseluruhan program Pelatihan"';

export interface AttendancePolicy {
  /**
   * Share of the event's sessions (0..1) a participant must attend to pass. Default 1 (every
   * session): [P] art. 66(3) gives the certificate to whoever completes "keseluruhan program".
   * An agency that accepts a lower share (e.g. 0.8) sets it here.
   */
  minimumAttendance: number;
}
export const defaultAttendancePolicy: AttendancePolicy = { minimumAttendance: 1 };

/** One participant's record: the sessions attended and, where the event has one, the assessment. */
export const ParticipantRecord = z
  .object({
    nip: z.string().trim().min(1).describe('NIP (PNS), NI PPPK (PPPK) or internal id (TKK).'),
    name: z.string().trim().min(1),
    kind: z.enum(['PNS', 'PPPK', 'TKK']).default('PNS'),
    attendedSessions: z.array(z.string().min(1)).default([]).describe('Ids of the sessions attended.'),
    passedAssessment: z
      .boolean()
      .optional()
      .describe('Result of the graduation assessment where the event has one ([P] art. 66(4)a); absent when it has none.'),
  })
  .meta({ title: 'ParticipantRecord', description: 'A participant of an event: attendance per session and assessment.' });
export type ParticipantRecord = z.output<typeof ParticipantRecord>;

export interface AttendanceOutcome {
  nip: string;
  name: string;
  attended: number;
  total: number;
  /** attended / total, 0..1. */
  rate: number;
  passed: boolean;
  /** Why the participant passed or not, citing the rule. */
  reason: { citation: string; message: { id: string; en: string } };
}

const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Whether each participant passes: attendance share against `minimumAttendance`, then the assessment if any. */
export function evaluateAttendance(
  event: Pick<TrainingEvent, 'sessions'>,
  participantsInput: unknown,
  policy: Partial<AttendancePolicy> = {},
): Result<AttendanceOutcome[]> {
  const { minimumAttendance } = { ...defaultAttendancePolicy, ...policy };
  if (!(minimumAttendance >= 0 && minimumAttendance <= 1)) {
    return fail({
      path: ['policy', 'minimumAttendance'],
      code: 'events.bad_policy',
      message: {
        id: `Batas minimal kehadiran harus antara 0 dan 1 (diberikan ${minimumAttendance})`,
        en: `The minimum attendance must be between 0 and 1 (got ${minimumAttendance})`,
      },
    });
  }
  const parsed = parseWith(z.array(ParticipantRecord), participantsInput, ['participants']);
  if (!parsed.ok) return parsed;
  const sessionIds = new Set(event.sessions.map((s) => s.id));
  const problems: Problem[] = [];
  const seen = new Set<string>();
  parsed.value.forEach((p, i) => {
    if (seen.has(p.nip)) {
      problems.push({
        path: ['participants', i, 'nip'],
        code: 'events.duplicate_participant',
        message: { id: `${p.name} (${p.nip}) tercantum lebih dari sekali`, en: `${p.name} (${p.nip}) is listed more than once` },
      });
    }
    seen.add(p.nip);
    p.attendedSessions.forEach((s, j) => {
      if (!sessionIds.has(s)) {
        problems.push({
          path: ['participants', i, 'attendedSessions', j],
          code: 'events.unknown_session',
          message: { id: `Sesi "${s}" tidak ada dalam kegiatan ini`, en: `Session "${s}" is not part of this event` },
        });
      }
    });
  });
  if (problems.length > 0) return fail(...problems);
  const total = sessionIds.size;
  return ok(
    parsed.value.map((p) => {
      const attended = new Set(p.attendedSessions).size;
      const rate = total === 0 ? 0 : attended / total;
      const enough = rate + 1e-9 >= minimumAttendance;
      const assessed = p.passedAssessment !== false;
      const passed = enough && assessed;
      const message = !enough
        ? {
            id: `Hadir ${attended} dari ${total} sesi (${percent(rate)}), kurang dari batas minimal ${percent(minimumAttendance)}`,
            en: `Attended ${attended} of ${total} sessions (${percent(rate)}), below the minimum of ${percent(minimumAttendance)}`,
          }
        : !assessed
          ? { id: 'Tidak lulus evaluasi kelulusan', en: 'Did not pass the graduation assessment' }
          : {
              id: `Hadir ${attended} dari ${total} sesi (${percent(rate)}); memenuhi batas minimal ${percent(minimumAttendance)}`,
              en: `Attended ${attended} of ${total} sessions (${percent(rate)}); meets the minimum of ${percent(minimumAttendance)}`,
            };
      return { nip: p.nip, name: p.name, attended, total, rate, passed, reason: { citation: COMPLETION_CITATION, message } };
    }),
  );
}

export interface CreditOptions extends Omit<ConvertOptions, 'employeeKind'> {
  /** Certificate number (becomes the activity's evidence number). */
  certificateNumber?: string;
  /** Certificate date; default the event's end date. */
  certificateDate?: string;
}

export interface ParticipantCredit {
  /** The verified learning activity to record for the participant (evidence: the certificate). */
  activity: LearningActivity;
  jp: number;
  /** The JP engine's trace, then the work-unit cap of [P] art. 57(7) where it applied. */
  trace: TraceStep[];
  profile: string;
}

/** The learning activity an event gives one participant who passed, as `@bangkom/jp` reads it. */
export function participantActivity(
  event: TrainingEvent,
  participant: Pick<Employee, 'name'> & { nip: string },
  options: Pick<CreditOptions, 'certificateNumber' | 'certificateDate'> = {},
): LearningActivity {
  return ActivitySchema.parse({
    id: `${event.id}:${participant.nip}`,
    nip: participant.nip,
    method: event.method,
    title: event.title,
    organizer: event.organizer,
    international: event.international,
    startDate: event.startDate,
    endDate: event.endDate,
    days: new Set(event.sessions.map((s) => s.date)).size,
    sessions: event.sessions.length,
    ...(event.hours !== undefined ? { hours: event.hours } : {}),
    programmeJp: event.programmeJp,
    runByWorkUnit: event.runByWorkUnit,
    ...(event.competencyType ? { competencyType: event.competencyType } : {}),
    evidence: {
      kind: 'sertifikat',
      issuer: event.organizer,
      date: options.certificateDate ?? event.endDate,
      ...(options.certificateNumber ? { number: options.certificateNumber } : {}),
    },
    status: 'verified',
  });
}

/**
 * The JP one participant who passed earns: the event becomes a learning activity converted by
 * `@bangkom/jp` under the profile, then a bimtek run by a work unit is held to 30 JP
 * ([P] art. 57(7)) unless the profile already applied that cap. The cap is a trace step.
 */
export function creditParticipant(
  event: TrainingEvent,
  participant: { nip: string; name: string; kind?: EmployeeKind },
  options: CreditOptions = {},
): Result<ParticipantCredit> {
  const activity = participantActivity(event, participant, options);
  const { certificateNumber: _n, certificateDate: _d, ...convert } = options;
  const conversion = convertActivity(activity, { ...convert, employeeKind: participant.kind ?? 'PNS', trace: true });
  if (!conversion.ok) return conversion;
  let jp = conversion.value.jp;
  const trace = [...conversion.value.trace];
  const profileCapped = trace.some((s) => s.kind === 'cap' && s.rule.endsWith('/max-work-unit'));
  if (workUnitCapApplies(event) && !profileCapped && jp > WORK_UNIT_BIMTEK_MAX_JP) {
    trace.push({
      rule: `events/${event.method}/max-work-unit`,
      kind: 'cap',
      citation: WORK_UNIT_BIMTEK_CITATION,
      description: {
        id: `Bimbingan teknis oleh unit kerja: ${roundJp(jp)} JP dibatasi menjadi ${WORK_UNIT_BIMTEK_MAX_JP} JP`,
        en: `Bimtek run by a work unit: ${roundJp(jp)} JP capped at ${WORK_UNIT_BIMTEK_MAX_JP} JP`,
      },
      inputs: { before: roundJp(jp), limit: WORK_UNIT_BIMTEK_MAX_JP },
      value: WORK_UNIT_BIMTEK_MAX_JP,
    });
    jp = WORK_UNIT_BIMTEK_MAX_JP;
  }
  // The certificate states the JP credited, so a later recomputation of the activity finds the same JP.
  const credited: LearningActivity = { ...activity, statedJp: jp, evidence: { ...activity.evidence!, statedJp: jp } };
  return ok({ activity: credited, jp, trace, profile: conversion.value.profile });
}

export interface EventCredit extends AttendanceOutcome {
  credit?: ParticipantCredit;
}

/**
 * Attendance and JP for every participant: those who pass get their learning activity and JP,
 * the others get none and the reason. Fails on the first participant whose JP cannot be computed.
 */
export function creditEvent(
  event: TrainingEvent,
  participants: unknown,
  options: CreditOptions & { attendance?: Partial<AttendancePolicy>; certificateNumbers?: Record<string, string> } = {},
): Result<EventCredit[]> {
  const outcomes = evaluateAttendance(event, participants, options.attendance);
  if (!outcomes.ok) return outcomes;
  const records = z.array(ParticipantRecord).parse(participants); // already validated by evaluateAttendance
  const { attendance: _a, certificateNumbers, ...credit } = options;
  const result: EventCredit[] = [];
  for (const [i, outcome] of outcomes.value.entries()) {
    if (!outcome.passed) {
      result.push(outcome);
      continue;
    }
    const number = certificateNumbers?.[outcome.nip];
    const earned = creditParticipant(event, records[i]!, { ...credit, ...(number ? { certificateNumber: number } : {}) });
    if (!earned.ok) return fail(...earned.problems.map((p) => ({ ...p, path: ['participants', i, ...p.path] })));
    result.push({ ...outcome, credit: earned.value });
  }
  return ok(result);
}
