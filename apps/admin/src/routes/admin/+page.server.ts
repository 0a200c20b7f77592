import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused, text, valuesOf } from '$lib/server/forms';
import { EmployeeImportForm } from '$lib/schemas';
import { removeFiles } from 'sveltekit-superforms';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const [users, units, profiles, employees, sessionSettings] = await Promise.all([
    loadOr(event, () => caller.admin.users()),
    loadOr(event, () => caller.admin.units()),
    loadOr(event, () => caller.admin.profiles()),
    loadOr(event, () =>
      caller.admin.employeePage({
        ...(event.url.searchParams.get('q') ? { q: event.url.searchParams.get('q')!.slice(0, 100) } : {}),
        ...(event.url.searchParams.get('after') ? { after: event.url.searchParams.get('after')!.slice(0, 40) } : {}),
        limit: 100,
      }),
    ),
    loadOr(event, () => caller.admin.sessionSettings()),
  ]);
  const importForm = await formOf(event, EmployeeImportForm);
  // The admin SDM's latest import in the background (its progress, result or problems).
  const importJob =
    event.locals.user?.role === 'admin_sdm'
      ? ((await loadOr(event, () => caller.jobs.list({ kind: 'employee_import', limit: 1 })))[0] ?? null)
      : null;
  return {
    users,
    units,
    profiles,
    employees,
    query: event.url.searchParams.get('q') ?? '',
    paged: event.url.searchParams.has('after'),
    sessionSettings,
    importForm,
    importJob,
    me: event.locals.user?.id ?? null,
  };
};

/**
 * Files up to this size (about 1,500 employees) are applied in the request, with the result or
 * the problems beside the form at once; larger ones by a background job with progress.
 */
const IMPORT_IN_REQUEST_BYTES = 256 * 1024;

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
    const form = await postedForm(event, EmployeeImportForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    if (form.data.file.size > IMPORT_IN_REQUEST_BYTES) {
      // A large file: stored and applied by a background job; the page follows its progress.
      const file = form.data.file;
      const started = await attempt(event, form, () => caller.jobs.importEmployees({ file }));
      return started.ok ? removeFiles({ importForm: form, importJob: started.value.id }) : started.failure;
    }
    // A byte order mark (Excel's "CSV UTF-8") is not part of the first column's name.
    const csv = (await form.data.file.text()).replace(/^\uFEFF/, '');
    const result = await attempt(event, form, () => caller.admin.importEmployees({ csv }));
    // Files are not sent back (they cannot be serialized).
    return result.ok ? removeFiles({ importForm: form, imported: result.value }) : result.failure;
  },
  cancelJob: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.jobs.cancel({ id: Number(form.get('jobId')) }));
    return result.ok ? { cancelled: result.value.id } : result.failure;
  },
  updateUser: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const employeeId = text(form, 'employeeId');
    const unitId = text(form, 'unitId');
    const result = await actionOr(event, () =>
      caller.admin.updateUser({
        userId: Number(form.get('userId')),
        role: String(form.get('role') ?? '') as 'pegawai',
        ...(employeeId ? { employeeId } : {}),
        ...(unitId ? { unitId } : {}),
      }),
    );
    return result.ok ? { updated: result.value.id } : result.failure;
  },
  setDisabled: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () =>
      caller.admin.setDisabled({ userId: Number(form.get('userId')), disabled: form.get('disabled') === 'ya' }),
    );
    return result.ok ? { updated: result.value.id } : result.failure;
  },
  resetPassword: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.admin.resetPassword({ userId: Number(form.get('userId')) }));
    // The one-time password is in this response only; it is never stored in clear.
    return result.ok ? { reset: result.value } : result.failure;
  },
  createAccounts: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const unitId = text(form, 'unitId');
    const result = await actionOr(event, () => caller.admin.createAccounts(unitId ? { unitId } : {}));
    return result.ok ? { accounts: result.value.accounts, more: result.value.more } : result.failure;
  },
  setSessionSettings: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () =>
      caller.admin.setSessionSettings({ idleMinutes: Number(form.get('idleMinutes')), lifetimeHours: Number(form.get('lifetimeHours')) }),
    );
    return result.ok ? { sessionsSet: true } : result.failure;
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
