import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { valuesOf } from '$lib/server/forms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [users, units, profiles] = await Promise.all([loadOr(event, () => caller.admin.users()), loadOr(event, () => caller.admin.units()), loadOr(event, () => caller.admin.profiles())]);
  return { users, units, profiles };
};

const optional = (form: FormData, name: string) => {
  const value = String(form.get(name) ?? '').trim();
  return value ? value : undefined;
};

export const actions: Actions = {
  createUser: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const employeeId = optional(form, 'employeeId');
    const unitId = optional(form, 'unitId');
    const values = valuesOf(form);
    delete values['password'];
    const result = await actionOr(
      event,
      () => caller.admin.createUser({ username: String(form.get('username') ?? ''), password: String(form.get('password') ?? ''), role: String(form.get('role') ?? '') as 'pegawai', ...(employeeId ? { employeeId } : {}), ...(unitId ? { unitId } : {}) }),
      values,
    );
    return result.ok ? { created: result.value.username } : result.failure;
  },
  setProfile: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.admin.setProfile({ profile: String(form.get('profile') ?? '') }));
    return result.ok ? { profileSet: result.value.profile } : result.failure;
  },
};
