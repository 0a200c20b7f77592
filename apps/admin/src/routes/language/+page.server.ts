import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { LOCALE_COOKIE, LOCALE_COOKIE_OPTIONS, localeOf } from '$lib/i18n';
import { callerFor } from '$lib/server/context';
import { safeNext } from '$lib/server/urls';

export const actions: Actions = {
  default: async (event) => {
    const { request, cookies, locals } = event;
    const form = await request.formData();
    const locale = localeOf(String(form.get('locale')));
    cookies.set(LOCALE_COOKIE, locale, LOCALE_COOKIE_OPTIONS);
    // A signed-in user's choice is also kept on the account: their e-mails are written in it.
    if (locals.user) await (await callerFor(event)).auth.setLanguage({ language: locale });
    redirect(303, safeNext(form.get('next')));
  },
};
