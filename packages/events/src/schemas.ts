import type { PublicSchema } from '@bangkom/domain';
import { z } from 'zod';
import { ParticipantRecord } from './attendance.js';
import { TrainingEvent } from './event.js';

/** Input of an event's attendance and JP run: the event and its participants. */
export const EventInput = z
  .object({ event: TrainingEvent, participants: z.array(ParticipantRecord) })
  .meta({ title: 'EventInput', description: 'A competency-development event and its participants with their attendance.' });
export type EventInput = z.input<typeof EventInput>;

/** Public types of `@bangkom/events`, published as JSON Schemas in `schemas/`. */
export const eventsSchemas: PublicSchema[] = [
  { name: 'training-event', schema: TrainingEvent },
  { name: 'event-participant', schema: ParticipantRecord },
  { name: 'event-input', schema: EventInput },
];
