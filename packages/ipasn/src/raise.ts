import type { EducationLevel, IpAsnInput, LearningActivity, Message } from '@bangkom/domain';
import { educationLevels } from '@bangkom/domain';
import type { ScoringProfile } from './profile.js';
import type { IpAsnScore, ScoreOptions } from './score.js';
import { GOOD_TO_POOR, scoreParsed } from './score.js';

export interface Improvement {
  action: Message;
  /** Points the total would gain, found by re-scoring the changed input. */
  gain: number;
  newTotal: number;
  /** True when the gain rests on an unverified profile value. */
  unverified: boolean;
}

const synthetic = (nip: string, year: number, id: string, fields: Partial<LearningActivity>): LearningActivity => ({
  id: `rencana-${id}`,
  nip,
  method: 'pelatihan_teknis',
  title: id,
  international: false,
  startDate: `${year}-10-06`,
  endDate: `${year}-10-06`,
  runByWorkUnit: false,
  status: 'verified',
  ...fields,
});

/**
 * Concrete actions that would raise an employee's score and by how much. Every gain is measured
 * by scoring the employee again with the action added — no hand-written point values.
 */
export function improvements(input: IpAsnInput, current: IpAsnScore, profile: ScoringProfile, options: ScoreOptions): Improvement[] {
  const { year } = options;
  const candidates: { action: Message; changed: IpAsnInput }[] = [
    {
      action: { id: `Ikuti 20 JP pelatihan teknis pada tahun ${year}`, en: `Take 20 JP of technical training in ${year}` },
      changed: {
        ...input,
        activities: [
          ...input.activities,
          synthetic(input.nip, year, 'teknis-20jp', { statedJp: 20, competencyType: 'teknis', endDate: `${year}-10-09` }),
        ],
      },
    },
    {
      action: { id: `Ikuti seminar atau workshop pada tahun ${year}`, en: `Attend a seminar or workshop in ${year}` },
      changed: {
        ...input,
        activities: [...input.activities, synthetic(input.nip, year, 'seminar', { method: 'seminar', competencyType: 'teknis' })],
      },
    },
    input.positionKind === 'fungsional'
      ? {
          action: { id: `Ikuti pelatihan fungsional pada tahun ${year}`, en: `Take functional training in ${year}` },
          changed: {
            ...input,
            activities: [
              ...input.activities,
              synthetic(input.nip, year, 'fungsional', { method: 'pelatihan_fungsional', statedJp: 40, endDate: `${year}-10-10` }),
            ],
          },
        }
      : {
          action: { id: `Ikuti pelatihan kepemimpinan pada tahun ${year}`, en: `Take leadership training in ${year}` },
          changed: {
            ...input,
            activities: [
              ...input.activities,
              synthetic(input.nip, year, 'kepemimpinan', {
                method: 'pelatihan_struktural_kepemimpinan',
                statedJp: 40,
                endDate: `${year}-10-10`,
              }),
            ],
          },
        },
  ];
  const nextEducation = input.education
    ? educationLevels[educationLevels.indexOf(input.education) + (input.education === 'D3' ? 2 : 1)]
    : undefined;
  if (nextEducation) {
    candidates.push({
      action: {
        id: `Selesaikan pendidikan ${nextEducation as EducationLevel} (Tugas Belajar)`,
        en: `Complete a ${nextEducation as EducationLevel} degree (Tugas Belajar)`,
      },
      changed: { ...input, education: nextEducation },
    });
  }
  const predicateIndex = input.performancePredicate ? GOOD_TO_POOR.indexOf(input.performancePredicate) : -1;
  if (predicateIndex > 0) {
    const better = GOOD_TO_POOR[predicateIndex - 1]!;
    candidates.push({
      action: { id: `Capai predikat kinerja ${better}`, en: `Reach performance predicate ${better}` },
      changed: { ...input, performancePredicate: better },
    });
  }
  const result: Improvement[] = [];
  for (const c of candidates) {
    const scored = scoreParsed(c.changed, profile, options);
    if (!scored.ok) continue;
    const gain = Math.round((scored.value.total - current.total) * 100) / 100;
    if (gain <= 0) continue;
    // The gain is new − current: it rests on every step that differs, on either side.
    const same = (s: { rule: string; points: number }, t: { rule: string; points: number }) => t.rule === s.rule && t.points === s.points;
    const changedSteps = [
      ...scored.value.trace.filter((s) => !current.trace.some((t) => same(s, t))),
      ...current.trace.filter((t) => !scored.value.trace.some((s) => same(s, t))),
    ];
    result.push({
      action: c.action,
      gain,
      newTotal: scored.value.total,
      unverified: changedSteps.some((s) => s.confidence === 'unverified' && s.used),
    });
  }
  return result.sort((a, b) => b.gain - a.gain);
}
