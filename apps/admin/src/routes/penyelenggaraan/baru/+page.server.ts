import { competencyTypes, learningMethodCodes, learningMethods } from '@bangkom/domain';
import { redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { formOf, submitted } from '$lib/server/forms';
import type { EventFields } from '$lib/schemas';
import { EventForm } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  // Only organisers reach the form (the procedure refuses the others again).
  await loadOr(event, () => caller.events.list({ limit: 1 }));
  const units = await loadOr(event, () => caller.admin.units());
  return {
    units,
    methods: learningMethodCodes
      .filter((code) => learningMethods[code].path === 'klasikal')
      .map((code) => ({ code, label: learningMethods[code].label })),
    competencyTypes: [...competencyTypes],
    form: await formOf(event, EventForm),
  };
};

/** Every date from start to end (inclusive), at most 60. */
function datesBetween(start: string, end: string): string[] {
  const out: string[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= last && out.length < 60; t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

/** "Nama — Instansi" per line (the institution is optional). */
const facilitatorsOf = (value: string) =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, institution] = line.split(/\s+[—–-]\s+/, 2);
      return { name: name!.trim(), ...(institution?.trim() ? { institution: institution.trim() } : {}) };
    });

/** The `events.create` input of the flat form: sessions from the dates, the location of its kind, attendance as a share. */
function eventOfForm(f: z.output<typeof EventForm>): EventFields {
  const {
    sessionsPerDay,
    locationMode,
    venue,
    url,
    minimumAttendance,
    facilitators,
    signatoryName,
    signatoryNip,
    signatoryPosition,
    ...fields
  } = f;
  return {
    ...fields,
    sessions: datesBetween(f.startDate, f.endDate).flatMap((date) => Array.from({ length: sessionsPerDay }, () => ({ date }))),
    location:
      locationMode === 'online'
        ? { mode: 'online', url }
        : locationMode === 'blended'
          ? { mode: 'blended', venue, url }
          : { mode: 'offline', venue },
    minimumAttendance: minimumAttendance / 100,
    facilitators: facilitatorsOf(facilitators),
    signatory: { name: signatoryName, position: signatoryPosition, ...(signatoryNip ? { nip: signatoryNip } : {}) },
  };
}

export const actions: Actions = {
  default: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, EventForm, (f) => caller.events.create(eventOfForm(f)));
    if (!result.ok) return result.failure;
    redirect(303, `/penyelenggaraan/${result.value.id}?created=1`);
  },
};
