import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { text, valuesOf } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [users, units, profiles, employees] = await Promise.all([
    loadOr(event, () => caller.admin.users()),
    loadOr(event, () => caller.admin.units()),
    loadOr(event, () => caller.admin.profiles()),
    loadOr(event, () => caller.admin.employees({})),
  ]);
  return { users, units, profiles, employees };
};

export const actions: Actions = {
  createUser: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const employeeId = text(form, 'employeeId');
    const unitId = text(form, 'unitId');
    const values = valuesOf(form);
    delete values['password'];
    const result = await actionOr(
      event,
      () =>
        caller.admin.createUser({
          username: String(form.get('username') ?? ''),
          password: String(form.get('password') ?? ''),
          role: String(form.get('role') ?? '') as 'pegawai',
          ...(employeeId ? { employeeId } : {}),
          ...(unitId ? { unitId } : {}),
        }),
      values,
    );
    return result.ok ? { created: result.value.username } : result.failure;
  },
  importEmployees: async (event) => {
    const form = await event.request.formData();
    const file = form.get('file');
    const csv = file instanceof File && file.size > 0 ? (await file.text()).replace(/^\uFEFF/, '') : '';
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.admin.importEmployees({ csv }));
    return result.ok ? { imported: result.value } : result.failure;
  },
  setProfile: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.admin.setProfile({ profile: String(form.get('profile') ?? '') }));
    return result.ok ? { profileSet: result.value.profile } : result.failure;
  },
  setTimeZone: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.admin.setTimeZone({ timeZone: String(form.get('timeZone') ?? '') }));
    return result.ok ? { timeZoneSet: result.value.timeZone } : result.failure;
  },
};
