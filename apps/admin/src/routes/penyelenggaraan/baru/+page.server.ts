import { competencyTypes, learningMethodCodes, learningMethods } from '@bangkom/domain';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text, valuesOf } from '$lib/server/forms';
import { appError } from '$lib/server/errors';

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
const facilitatorsOf = (value: string | undefined) =>
  (value ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [name, institution] = line.split(/\s+[—–-]\s+/, 2);
      return { name: name!.trim(), ...(institution?.trim() ? { institution: institution.trim() } : {}) };
    });

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value.replace(',', '.')));

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const startDate = text(form, 'startDate') ?? '';
    const endDate = text(form, 'endDate') ?? startDate;
    const perDay = Math.min(Math.max(Number(text(form, 'sessionsPerDay') ?? 1), 1), 4);
    const sessions = datesBetween(startDate, endDate).flatMap((date) => Array.from({ length: perDay }, () => ({ date })));
    const mode = text(form, 'locationMode') ?? 'offline';
    const venue = text(form, 'venue') ?? '';
    const url = text(form, 'url') ?? '';
    const location =
      mode === 'online'
        ? { mode: 'online' as const, url }
        : mode === 'blended'
          ? { mode: 'blended' as const, venue, url }
          : { mode: 'offline' as const, venue };
    const hours = num(text(form, 'hours'));
    const competencyType = text(form, 'competencyType');
    const result = await actionOr(
      event,
      async () => {
        if (sessions.length === 0)
          throw appError('BAD_REQUEST', 'Isi tanggal mulai dan selesai', 'Fill in the start and end dates', [
            { path: ['startDate'], code: 'event.dates', message: { id: 'Tanggal wajib diisi', en: 'The dates are required' } },
          ]);
        return caller.events.create({
          title: text(form, 'title') ?? '',
          theme: text(form, 'theme') ?? '',
          objective: text(form, 'objective') ?? '',
          problemAddressed: text(form, 'problemAddressed') ?? '',
          method: (text(form, 'method') ?? 'bimbingan_teknis') as never,
          ...(competencyType ? { competencyType: competencyType as never } : {}),
          organizer: text(form, 'organizer') ?? '',
          runByWorkUnit: form.get('runByWorkUnit') === 'on',
          startDate,
          endDate,
          sessions,
          ...(hours !== undefined ? { hours } : {}),
          programmeJp: num(text(form, 'programmeJp')) ?? 0,
          facilitators: facilitatorsOf(text(form, 'facilitators')),
          location,
          minimumAttendance: (num(text(form, 'minimumAttendance')) ?? 100) / 100,
          signatory: {
            name: text(form, 'signatoryName') ?? '',
            position: text(form, 'signatoryPosition') ?? '',
            ...(text(form, 'signatoryNip') ? { nip: text(form, 'signatoryNip') } : {}),
          },
          ...(text(form, 'unitId') ? { unitId: text(form, 'unitId') } : {}),
        });
      },
      valuesOf(form),
    );
    if (!result.ok) return result.failure;
    redirect(303, `/penyelenggaraan/${result.value.id}?created=1`);
  },
};
