import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerFor } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { safeNext } from '$lib/server/urls';
import { DEMO_PASSWORD, DEMO_USERS } from '$lib/server/seed';
import { Login } from '$lib/schemas';
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS } from '$lib/i18n';

export const load: PageServerLoad = async (event) => {
  if (event.locals.user) redirect(303, '/');
  return {
    form: await formOf(event, Login),
    // Shown only when the server runs the demo office (BANGKOM_DEMO=1).
    demo: process.env['BANGKOM_DEMO'] === '1' ? { users: DEMO_USERS.join(', '), password: DEMO_PASSWORD } : null,
  };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await postedForm(event, Login);
    const { username, password } = form.data;
    // The password never goes back to the page.
    form.data.password = '';
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const result = await attempt(event, form, () => caller.auth.login({ username, password }));
    if (!result.ok) return result.failure;
    // The language the user last chose (kept on the account) follows them to this browser.
    if (result.value.language) event.cookies.set(LOCALE_COOKIE, result.value.language, LOCALE_COOKIE_OPTIONS);
    // A password set by an administrator is changed first.
    if (result.value.mustChangePassword) redirect(303, '/account/password');
    redirect(303, safeNext(event.url.searchParams.get('next')));
  },
};
