import type { Problem, Result } from '@bangkom/domain';
import { competencyTypes, fail, isoDate, isValidIsoDate, learningMethodCodes, learningMethods, ok, parseWith } from '@bangkom/domain';
import { z } from 'zod';

/**
 * [P] art. 57(7): "Bimbingan teknis ... dilakukan paling banyak 30 (tiga puluh) jam pelajaran";
 * [P] art. 57(8): "Pelaksanaan bimbingan teknis ... yang lebih dari 30 (tiga puluh) jam pelajaran,
 * dilaksanakan oleh Unit Organisasi yang Menangani Pengembangan Sumber Daya Manusia."
 */
export const WORK_UNIT_BIMTEK_MAX_JP = 30;
export const WORK_UNIT_BIMTEK_CITATION =
  '[P] art. 57(7)–(8): bimbingan teknis oleh unit organisasi "dilakukan paling banyak 30 (tiga puluh) jam pelajaran"; yang lebih dari 30 jam pelajaran "dilaksanakan oleh Unit Organisasi yang Menangani Pengembangan Sumber Daya Manusia"';

/** One meeting of the event; attendance is recorded per session. */
export const EventSession = z.object({
  id: z.string().trim().min(1),
  date: isoDate,
  title: z.string().trim().min(1).optional(),
  jp: z.number().positive().optional().describe('JP of this session in the programme (informative; the programme JP is what is credited).'),
});
export type EventSession = z.output<typeof EventSession>;

/** A facilitator (narasumber/fasilitator): [E] item 2 asks for competent facilitators. */
export const Facilitator = z.object({
  name: z.string().trim().min(1),
  nip: z.string().trim().min(1).optional().describe('NIP when the facilitator is a civil servant.'),
  institution: z.string().trim().min(1).optional(),
  role: z.string().trim().min(1).optional().describe('e.g. narasumber, fasilitator, moderator.'),
});
export type Facilitator = z.output<typeof Facilitator>;

export const EventLocation = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('offline'), venue: z.string().trim().min(1), city: z.string().trim().min(1).optional() }),
  z.object({ mode: z.literal('online'), url: z.url(), platform: z.string().trim().min(1).optional() }),
  z.object({ mode: z.literal('blended'), venue: z.string().trim().min(1), city: z.string().trim().min(1).optional(), url: z.url() }),
]);
export type EventLocation = z.output<typeof EventLocation>;

/**
 * A competency-development event an agency runs itself, typically a bimtek. The fields follow the
 * requirements of the bimtek service standard ([E] item 2): a theme, an objective set for that
 * theme, the problem the employees face that the event is meant to solve, facilitators.
 */
export const TrainingEvent = z
  .object({
    id: z.string().trim().min(1),
    title: z.string().trim().min(1),
    theme: z.string().trim().min(1).describe('Tema ([E] item 2.1, 2.5).'),
    objective: z.string().trim().min(1).describe('Tujuan penyelenggaraan ([E] item 2.1).'),
    problemAddressed: z.string().trim().min(1).describe('Masalah/kasus yang dihadapi pegawai yang hendak diselesaikan ([E] item 2.1).'),
    method: z.enum(learningMethodCodes).default('bimbingan_teknis'),
    competencyType: z.enum(competencyTypes).optional(),
    organizer: z.string().trim().min(1).describe('Penyelenggara: the unit that runs the event.'),
    runByWorkUnit: z
      .boolean()
      .default(false)
      .describe('Run by a work unit rather than the unit handling HR development ([P] art. 57(7)–(8)).'),
    international: z.boolean().default(false),
    startDate: isoDate,
    endDate: isoDate,
    sessions: z.array(EventSession).min(1),
    hours: z.number().positive().optional().describe('Clock hours of the programme, where the method counts hours.'),
    programmeJp: z.number().positive().describe('JP of the programme (kurikulum).'),
    facilitators: z.array(Facilitator).min(1),
    location: EventLocation,
  })
  .meta({ title: 'TrainingEvent', description: 'A competency-development event (e.g. a bimtek) run by the agency.' });
export type TrainingEvent = z.output<typeof TrainingEvent>;
export type TrainingEventInput = z.input<typeof TrainingEvent>;

export interface EventPolicy {
  /**
   * What a bimtek run by a work unit with a programme above 30 JP is. `error` (default): the event is
   * refused, because [P] art. 57(8) gives such a bimtek to the HR development unit. `warning`: the
   * event is accepted and each participant is credited at most 30 JP ([P] art. 57(7)).
   */
  workUnitOverCap: 'error' | 'warning';
}
export const defaultEventPolicy: EventPolicy = { workUnitOverCap: 'error' };

export interface CheckedEvent {
  event: TrainingEvent;
  warnings: Problem[];
}

/** Whether [P] art. 57(7)–(8) applies to the event: a bimtek run by a work unit. */
export const workUnitCapApplies = (e: Pick<TrainingEvent, 'method' | 'runByWorkUnit'>): boolean =>
  e.method === 'bimbingan_teknis' && e.runByWorkUnit;

/**
 * Validates an event and checks its rules. Structural errors and rule errors come back as problems
 * at their paths; rules an agency may accept come back as warnings.
 */
export function checkEvent(input: unknown, policy: Partial<EventPolicy> = {}): Result<CheckedEvent> {
  const { workUnitOverCap } = { ...defaultEventPolicy, ...policy };
  const parsed = parseWith(TrainingEvent, input);
  if (!parsed.ok) return parsed;
  const event = parsed.value;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const datesValid = isValidIsoDate(event.startDate) && isValidIsoDate(event.endDate);
  if (datesValid && event.endDate < event.startDate) {
    errors.push({
      path: ['endDate'],
      code: 'event.end_before_start',
      message: {
        id: `Tanggal selesai ${event.endDate} sebelum tanggal mulai ${event.startDate}`,
        en: `End date ${event.endDate} is before start date ${event.startDate}`,
      },
    });
  }
  const seen = new Set<string>();
  event.sessions.forEach((s, i) => {
    if (seen.has(s.id)) {
      errors.push({
        path: ['sessions', i, 'id'],
        code: 'event.duplicate_session',
        message: { id: `Sesi "${s.id}" tercantum lebih dari sekali`, en: `Session "${s.id}" is listed more than once` },
      });
    }
    seen.add(s.id);
    if (s.date < event.startDate || s.date > event.endDate) {
      errors.push({
        path: ['sessions', i, 'date'],
        code: 'event.session_outside_dates',
        message: {
          id: `Sesi "${s.id}" pada ${s.date} di luar tanggal kegiatan ${event.startDate} s.d. ${event.endDate}`,
          en: `Session "${s.id}" on ${s.date} is outside the event dates ${event.startDate} to ${event.endDate}`,
        },
      });
    }
  });
  if (workUnitCapApplies(event) && event.programmeJp > WORK_UNIT_BIMTEK_MAX_JP) {
    const problem: Problem = {
      path: ['programmeJp'],
      code: 'event.work_unit_over_30_jp',
      message: {
        id: `Bimbingan teknis yang diselenggarakan unit kerja paling banyak ${WORK_UNIT_BIMTEK_MAX_JP} JP (Permen PUPR 2/2023 pasal 57 ayat (7)); program ${event.programmeJp} JP harus diselenggarakan unit yang menangani pengembangan SDM (ayat (8))`,
        en: `A bimtek run by a work unit is at most ${WORK_UNIT_BIMTEK_MAX_JP} JP (Permen PUPR 2/2023 art. 57(7)); a ${event.programmeJp} JP programme must be run by the HR development unit (art. 57(8))`,
      },
    };
    (workUnitOverCap === 'error' ? errors : warnings).push(problem);
  }
  if (event.runByWorkUnit && event.method !== 'bimbingan_teknis') {
    warnings.push({
      path: ['runByWorkUnit'],
      code: 'event.work_unit_not_bimtek',
      message: {
        id: `Batas penyelenggaraan oleh unit kerja (pasal 57 ayat (7)) hanya untuk bimbingan teknis; metode ${learningMethods[event.method].label.id} tidak dibatasi olehnya`,
        en: `The work-unit limit (art. 57(7)) is for bimtek only; ${learningMethods[event.method].label.en} is not limited by it`,
      },
    });
  }
  return errors.length > 0 ? fail(...errors) : ok({ event, warnings });
}
