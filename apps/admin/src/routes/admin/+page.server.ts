import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor, loadOr } from '$lib/server/context';
import { attempt, formOf, postedForm, refused, submitted } from '$lib/server/forms';
import { ROW_FORM } from '$lib/forms';
import { roles } from '$lib/server/db/schema';
import {
  AccountBatch,
  AccountChange,
  AccountDisabling,
  AccountRef,
  EmployeeImportForm,
  NewAccount,
  RuleProfileChoice,
  SessionSettings,
  Signatory,
  TimeZoneChoice,
  USERS_PAGE,
  UsersQuery,
} from '$lib/schemas';
import { pageParam, searchParam } from '$lib/server/urls';
import { removeFiles } from 'sveltekit-superforms';

/** The accounts list as the URL asks for it (`uq`, `role`, `status`, `usort`, `upage`: the employee list has `q` and `after`). */
function usersQueryOf(url: URL) {
  const role = UsersQuery.shape.role.safeParse(url.searchParams.get('role') || undefined);
  const status = UsersQuery.shape.status.safeParse(url.searchParams.get('status') || undefined);
  const sort = UsersQuery.shape.sort.safeParse(url.searchParams.get('usort') || undefined);
  return {
    q: searchParam(url, 'uq'),
    role: role.success ? role.data : undefined,
    status: status.success ? status.data : undefined,
    sort: sort.success ? sort.data : ('username' as const),
    page: pageParam(url, 'upage'),
  };
}

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const usersQuery = usersQueryOf(event.url);
  const [users, units, profiles, employees, sessionSettings] = await Promise.all([
    loadOr(event, () =>
      caller.admin.users({
        ...(usersQuery.q ? { q: usersQuery.q } : {}),
        ...(usersQuery.role ? { role: usersQuery.role } : {}),
        ...(usersQuery.status ? { status: usersQuery.status } : {}),
        sort: usersQuery.sort,
        offset: (usersQuery.page - 1) * USERS_PAGE,
        limit: USERS_PAGE,
      }),
    ),
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
  const [importForm, newAccountForm, batchForm, sessionsForm, profileForm, timeZoneForm, signatoryForm] = await Promise.all([
    formOf(event, EmployeeImportForm),
    formOf(event, NewAccount, { role: 'pegawai' }),
    formOf(event, AccountBatch),
    formOf(event, SessionSettings, sessionSettings),
    formOf(event, RuleProfileChoice, { profile: profiles.current }),
    formOf(event, TimeZoneChoice, { timeZone: profiles.timeZone }),
    formOf(event, Signatory),
  ]);
  // `?preview=PROFILE`: what changing to that profile would do, shown before the change is confirmed.
  const asked = event.url.searchParams.get('preview')?.slice(0, 100);
  const preview =
    asked && asked !== profiles.current && profiles.available.includes(asked) && event.locals.user?.role === 'admin_sdm'
      ? { profile: asked, ...(await loadOr(event, () => caller.admin.profilePreview({ profile: asked }))) }
      : null;
  // The admin SDM's latest import in the background (its progress, result or problems).
  const importJob =
    event.locals.user?.role === 'admin_sdm'
      ? ((await loadOr(event, () => caller.jobs.list({ kind: 'employee_import', limit: 1 })))[0] ?? null)
      : null;
  return {
    users,
    usersQuery,
    units,
    profiles,
    employees,
    query: event.url.searchParams.get('q') ?? '',
    paged: event.url.searchParams.has('after'),
    sessionSettings,
    importForm,
    importJob,
    newAccountForm,
    batchForm,
    sessionsForm,
    profileForm,
    preview,
    timeZoneForm,
    signatoryForm,
    signatories: await loadOr(event, () => caller.admin.signatories()),
    roles,
    me: event.locals.user?.id ?? null,
  };
};

export const actions: Actions = {
  createUser: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, NewAccount, (account) => caller.admin.createUser(account));
    // The password never goes back to the page.
    result.form.data.password = '';
    return result.ok ? { form: result.form, created: result.value.username } : result.failure;
  },
  // Any file, CSV or XLSX, is first checked and compared in the background (a preview: nothing changes).
  importEmployees: async (event) => {
    const form = await postedForm(event, EmployeeImportForm);
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const file = form.data.file;
    const started = await attempt(event, form, () => caller.jobs.importEmployees({ file, preview: true }));
    // Files are not sent back (they cannot be serialized).
    return started.ok ? removeFiles({ importForm: form, importJob: started.value.id }) : started.failure;
  },
  // The officer has seen the preview: its file is applied.
  confirmImport: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.jobs.confirmImport({ id: Number(form.get('jobId')) }));
    return result.ok ? { importJob: result.value.id } : result.failure;
  },
  cancelJob: async (event) => {
    const form = await event.request.formData();
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.jobs.cancel({ id: Number(form.get('jobId')) }));
    return result.ok ? { cancelled: result.value.id } : result.failure;
  },
  // The buttons of each account row: one form id for all (see ROW_FORM).
  updateUser: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, AccountChange, (change) => caller.admin.updateUser(change), ROW_FORM);
    return result.ok ? { form: result.form, updated: result.value.id } : result.failure;
  },
  setDisabled: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, AccountDisabling, (change) => caller.admin.setDisabled(change), ROW_FORM);
    return result.ok ? { form: result.form, updated: result.value.id } : result.failure;
  },
  resetPassword: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, AccountRef, (account) => caller.admin.resetPassword(account), ROW_FORM);
    // The one-time password is in this response only; it is never stored in clear.
    return result.ok ? { form: result.form, reset: result.value } : result.failure;
  },
  createAccounts: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, AccountBatch, (batch) => caller.admin.createAccounts(batch));
    return result.ok ? { form: result.form, accounts: result.value.accounts, more: result.value.more } : result.failure;
  },
  setSessionSettings: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, SessionSettings, (settings) => caller.admin.setSessionSettings(settings));
    return result.ok ? { form: result.form, sessionsSet: true } : result.failure;
  },
  setProfile: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, RuleProfileChoice, (choice) => caller.admin.setProfile(choice));
    return result.ok ? { form: result.form, profileSet: result.value.profile } : result.failure;
  },
  setSignatory: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, Signatory, (signatory) => caller.admin.setSignatory(signatory));
    return result.ok ? { form: result.form, signatorySet: true } : result.failure;
  },
  setTimeZone: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, TimeZoneChoice, (choice) => caller.admin.setTimeZone(choice));
    return result.ok ? { form: result.form, timeZoneSet: result.value.timeZone } : result.failure;
  },
};
