import type { RequestEvent } from '@sveltejs/kit';
import { positionKinds } from '@bangkom/domain';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text } from '$lib/server/forms';

type Kind = (typeof positionKinds)[number];

/** The picker's filters, from the page address (GET form) or a posted form. */
function filtersOf(get: (name: string) => string | undefined) {
  const kind = get('positionKind');
  return {
    ...(get('unitId') ? { unitId: get('unitId') } : {}),
    ...(kind && (positionKinds as readonly string[]).includes(kind) ? { positionKind: kind as Kind } : {}),
    ...(get('positionTitle') ? { positionTitle: get('positionTitle') } : {}),
    ...(get('q') ? { q: get('q') } : {}),
    belowObligation: get('belowObligation') === 'on',
  };
}

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const id = event.params.id;
  const params = event.url.searchParams;
  const get = (name: string) => params.get(name)?.trim() || undefined;
  const eventRow = await loadOr(event, () => caller.events.get({ id }));
  const participants = await loadOr(event, () =>
    caller.events.participants({
      eventId: id,
      limit: 50,
      ...(get('pq') ? { q: get('pq') } : {}),
      ...(get('pafter') ? { after: get('pafter') } : {}),
    }),
  );
  const filters = filtersOf(get);
  const picking = eventRow.can.organise && params.has('pick');
  const candidates = picking
    ? await loadOr(event, () =>
        caller.events.candidates({ eventId: id, ...filters, limit: 50, ...(get('cafter') ? { after: get('cafter') } : {}) }),
      )
    : null;
  const units = eventRow.can.organise ? await loadOr(event, () => caller.admin.units()) : [];
  return {
    event: eventRow,
    participants,
    candidates,
    filters,
    units: eventRow.unitId ? units.filter((u) => u.id === eventRow.unitId) : units,
    positionKinds: [...positionKinds],
    created: params.has('created'),
  };
};

type Caller = Awaited<ReturnType<typeof callerFor>>;

async function run(event: RequestEvent<{ id: string }>, call: (caller: Caller, form: FormData, id: string) => Promise<unknown>) {
  const form = await event.request.formData();
  const caller = await callerFor(event);
  const result = await actionOr(event, () => call(caller, form, event.params.id));
  return result.ok ? { done: true, result: result.value as Record<string, unknown> } : result.failure;
}

export const actions: Actions = {
  add: (event) => run(event, (c, f, id) => c.events.addParticipants({ eventId: id, employeeIds: f.getAll('employeeId').map(String) })),
  addMatching: (event) => run(event, (c, f, id) => c.events.addMatching({ eventId: id, ...filtersOf((name) => text(f, name)) })),
  remove: (event) => run(event, (c, f, id) => c.events.removeParticipant({ eventId: id, employeeId: text(f, 'employeeId') ?? '' })),
  /**
   * The page's grid: each listed participant's ticked sessions (an unticked box is an absence).
   * "Everyone present" ticks every session of every participant on the page.
   */
  attendance: (event) =>
    run(event, async (c, f, id) => {
      const all = f.get('all') === '1' ? (await c.events.get({ id })).data.sessions.map((s) => s.id) : null;
      return c.events.setAttendance({
        eventId: id,
        rows: f.getAll('row').map((employeeId) => ({
          employeeId: String(employeeId),
          attended: all ?? f.getAll(`att:${employeeId}`).map(String),
        })),
      });
    }),
  close: (event) => run(event, (c, _f, id) => c.events.close({ eventId: id })),
  revoke: (event) => run(event, (c, f) => c.events.revoke({ number: text(f, 'number') ?? '', reason: text(f, 'reason') ?? '' })),
};
