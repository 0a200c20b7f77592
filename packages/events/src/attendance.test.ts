import { computeJp } from '@bangkom/jp';
import { describe, expect, it } from 'vitest';
import { allocateCertificateNumbers } from './numbering.js';
import { COMPLETION_CITATION, creditEvent, creditParticipant, defaultAttendancePolicy, evaluateAttendance } from './attendance.js';
import { TrainingEvent, WORK_UNIT_BIMTEK_CITATION } from './event.js';
import { bimtek, longWorkUnitBimtek } from './test/fixtures.js';

const event = TrainingEvent.parse(bimtek);
const longEvent = TrainingEvent.parse(longWorkUnitBimtek);
const ani = { nip: '198703122010012003', name: 'Ani Rahmawati, S.T.' };
const budi = { nip: '199001152015031004', name: 'Budi Santoso' };

describe('attendance ([P] art. 66(3))', () => {
  it('default minimumAttendance is every session: "menyelesaikan keseluruhan program"', () => {
    expect(defaultAttendancePolicy.minimumAttendance).toBe(1);
    const outcome = evaluateAttendance(event, [
      { ...ani, attendedSessions: ['h1', 'h2', 'h3'] },
      { ...budi, attendedSessions: ['h1', 'h3'] },
    ]);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.value.map((o) => [o.nip, o.attended, o.total, o.passed])).toEqual([
      [ani.nip, 3, 3, true],
      [budi.nip, 2, 3, false],
    ]);
    expect(outcome.value[1]!.reason.citation).toBe(COMPLETION_CITATION);
    expect(outcome.value[1]!.reason.message.id).toContain('kurang dari batas minimal 100%');
  });

  it('a lower minimumAttendance set by the agency lets 2 of 3 sessions pass at 0.6 but not at 0.7', () => {
    const records = [{ ...budi, attendedSessions: ['h1', 'h3'] }];
    const at = (minimumAttendance: number) => {
      const r = evaluateAttendance(event, records, { minimumAttendance });
      return r.ok ? r.value[0]!.passed : undefined;
    };
    expect(at(0.6)).toBe(true);
    expect(at(0.7)).toBe(false);
  });

  it('[P] art. 66(4)a: a failed graduation assessment fails even with full attendance', () => {
    const r = evaluateAttendance(event, [{ ...ani, attendedSessions: ['h1', 'h2', 'h3'], passedAssessment: false }]);
    expect(r.ok && r.value[0]!.passed).toBe(false);
  });

  it('refuses an unknown session, a duplicate participant and a policy outside 0..1, at their paths', () => {
    const r = evaluateAttendance(event, [
      { ...ani, attendedSessions: ['h1', 'h9'] },
      { ...ani, attendedSessions: [] },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['events.unknown_session', ['participants', 0, 'attendedSessions', 1]],
      ['events.duplicate_participant', ['participants', 1, 'nip']],
    ]);
    const bad = evaluateAttendance(event, [], { minimumAttendance: 1.5 });
    expect(bad.ok).toBe(false);
    expect(evaluateAttendance(event, 'not a list').ok).toBe(false);
  });
});

describe('JP credited through @bangkom/jp', () => {
  it('[K] IV.C.6.i.1: a bimtek run by the SDM unit credits the programme JP, with the JP trace', () => {
    const credit = creditParticipant(event, ani, { certificateNumber: '0001/UMPEG/VII/2025' });
    expect(credit.ok).toBe(true);
    if (!credit.ok) return;
    expect(credit.value.jp).toBe(24);
    expect(credit.value.trace.some((s) => s.kind === 'conversion')).toBe(true);
    expect(credit.value.activity).toMatchObject({
      nip: ani.nip,
      method: 'bimbingan_teknis',
      status: 'verified',
      programmeJp: 24,
      evidence: { kind: 'sertifikat', number: '0001/UMPEG/VII/2025', statedJp: 24 },
    });
  });

  it('[P] art. 57(7): a 40 JP bimtek run by a work unit credits 30 JP, and the trace cites the article', () => {
    const credit = creditParticipant(longEvent, ani);
    expect(credit.ok).toBe(true);
    if (!credit.ok) return;
    expect(credit.value.jp).toBe(30);
    const cap = credit.value.trace.at(-1)!;
    expect(cap).toMatchObject({ kind: 'cap', citation: WORK_UNIT_BIMTEK_CITATION, value: 30, inputs: { before: 40, limit: 30 } });
  });

  it('[P] art. 57(7)–(8): the same 40 JP bimtek run by the SDM unit is not capped at 30', () => {
    const credit = creditParticipant({ ...longEvent, runByWorkUnit: false }, ani);
    expect(credit.ok && credit.value.jp).toBe(40);
    expect(credit.ok && credit.value.trace.some((s) => s.citation === WORK_UNIT_BIMTEK_CITATION)).toBe(false);
  });

  it('the credited activity recomputes to the same JP in computeJp (the certificate states it)', () => {
    const credit = creditParticipant(longEvent, ani);
    if (!credit.ok) throw new Error('credit failed');
    const run = computeJp({ activities: [credit.value.activity] }, { year: 2025 });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.value.results[0]!.jp).toBe(30);
    expect(run.value.summaries[0]).toMatchObject({ nip: ani.nip, jp: 30, compliant: true });
  });

  it('creditEvent: only participants who pass get an activity and JP; certificate numbers are attached', () => {
    const r = creditEvent(
      event,
      [
        { ...ani, attendedSessions: ['h1', 'h2', 'h3'] },
        { ...budi, attendedSessions: ['h1'] },
      ],
      { certificateNumbers: { [ani.nip]: '0007/UMPEG/VII/2025' } },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value[0]!.credit?.jp).toBe(24);
    expect(r.value[0]!.credit?.activity.evidence?.number).toBe('0007/UMPEG/VII/2025');
    expect(r.value[1]!.passed).toBe(false);
    expect(r.value[1]!.credit).toBeUndefined();
  });

  it('a 3-day bimtek for 40 employees: every participant who attended all sessions is credited 24 JP with a unique certificate number', () => {
    const participants = Array.from({ length: 40 }, (_, i) => ({
      nip: `19900101201501${String(1000 + i)}`,
      name: `Peserta ${i + 1}`,
      attendedSessions: i % 10 === 9 ? ['h1', 'h2'] : ['h1', 'h2', 'h3'],
    }));
    const numbers = allocateCertificateNumbers({
      pattern: '{seq:3}/BT/{year}',
      issued: [],
      date: event.endDate,
      count: participants.length,
    });
    if (!numbers.ok) throw new Error('numbering failed');
    const certificateNumbers = Object.fromEntries(participants.map((p, i) => [p.nip, numbers.value[i]!]));
    const r = creditEvent(event, participants, { certificateNumbers });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const passed = r.value.filter((o) => o.passed);
    expect(passed).toHaveLength(36);
    expect(passed.every((o) => o.credit?.jp === 24)).toBe(true);
    expect(new Set(passed.map((o) => o.credit?.activity.evidence?.number)).size).toBe(36);
    expect(r.value.filter((o) => !o.passed).map((o) => o.name)).toEqual(['Peserta 10', 'Peserta 20', 'Peserta 30', 'Peserta 40']);
  });
});
