import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';
import { LOCALE_COOKIE, localeOf } from '$lib/i18n';
import { safeNext } from '$lib/server/urls';

export const actions: Actions = {
  default: async ({ request, cookies }) => {
    const form = await request.formData();
    cookies.set(LOCALE_COOKIE, localeOf(String(form.get('locale'))), { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 365 * 86_400 });
    redirect(303, safeNext(form.get('next')));
  },
};
