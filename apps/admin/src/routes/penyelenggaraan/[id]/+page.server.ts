import { removeFiles } from 'sveltekit-superforms';
import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused, submitted } from '$lib/server/forms';
import { AttendanceGrid, AttendanceImportForm, CloseForm, ParticipantsAddForm, PickFilters, Revocation } from '$lib/schemas';

/** The picker's filters from the page address (its GET form); a filter that does not parse is left out. */
function filtersOf(params: URLSearchParams) {
  const raw = Object.fromEntries([...params].filter(([, v]) => v.trim() !== ''));
  const parsed = PickFilters.omit({ year: true }).safeParse({ ...raw, belowObligation: raw['belowObligation'] === 'on' });
  return parsed.success ? parsed.data : { belowObligation: false };
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
  const filters = filtersOf(params);
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
    positionKinds: PickFilters.shape.positionKind.unwrap().options,
    created: params.has('created'),
    importForm: await formOf(event, AttendanceImportForm),
    revokeForm: await formOf(event, Revocation),
  };
};

/**
 * Each action answers with its form (superforms) and what it did: `done` names the action, so the
 * page says the result of the one that ran; a refusal comes back to the form that was sent.
 */
export const actions: Actions = {
  add: async (event) => {
    const caller = await callerFor(event);
    const eventId = event.params.id;
    const result = await submitted(event, ParticipantsAddForm, (f) =>
      caller.events.addParticipants({ eventId, employeeIds: f.employeeId }),
    );
    return result.ok ? { form: result.form, done: 'add' as const, added: result.value } : result.failure;
  },
  addMatching: async (event) => {
    const caller = await callerFor(event);
    const eventId = event.params.id;
    const result = await submitted(event, PickFilters, (filters) => caller.events.addMatching({ eventId, ...filters }));
    return result.ok ? { form: result.form, done: 'add' as const, added: result.value } : result.failure;
  },
  /**
   * The page's grid: each listed participant's ticked sessions (an unticked box is an absence).
   * "Everyone present" ticks every session of every participant on the page.
   */
  attendance: async (event) => {
    const caller = await callerFor(event);
    const eventId = event.params.id;
    const result = await submitted(event, AttendanceGrid, async (grid) => {
      const all = grid.all ? (await caller.events.get({ id: eventId })).data.sessions.map((s) => s.id) : null;
      const ticked = new Set(grid.att);
      return caller.events.setAttendance({
        eventId,
        rows: grid.row.map((employeeId) => ({
          employeeId,
          attended: all ?? [...ticked].filter((t) => t.startsWith(`${employeeId}/`)).map((t) => t.slice(employeeId.length + 1)),
        })),
      });
    });
    return result.ok ? { form: result.form, done: 'attendance' as const, changed: result.value.changed } : result.failure;
  },
  importAttendance: async (event) => {
    const form = await postedForm(event, AttendanceImportForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const file = form.data.file;
    const result = await attempt(event, form, () => caller.events.importAttendance({ eventId: event.params.id, file }));
    // Files are not sent back (they cannot be serialized).
    return result.ok ? removeFiles({ form, done: 'import' as const, imported: result.value }) : result.failure;
  },
  close: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, CloseForm, () => caller.events.close({ eventId: event.params.id }));
    return result.ok ? { form: result.form, done: 'close' as const, closed: result.value } : result.failure;
  },
  revoke: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, Revocation, (revocation) => caller.events.revoke(revocation));
    return result.ok ? { form: result.form, done: 'revoke' as const, revoked: result.value.number } : result.failure;
  },
};
