import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor } from '$lib/server/context';
import { safeNext } from '$lib/server/forms';
import { DEMO_PASSWORD, DEMO_USERS } from '$lib/server/seed';

export const load: PageServerLoad = async ({ locals }) => {
  if (locals.user) redirect(303, '/');
  // Shown only when the server runs the demo office (BANGKOM_DEMO=1).
  return { demo: process.env['BANGKOM_DEMO'] === '1' ? { users: DEMO_USERS.join(', '), password: DEMO_PASSWORD } : null };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const username = String(form.get('username') ?? '');
    const password = String(form.get('password') ?? '');
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.auth.login({ username, password }), { username });
    if (!result.ok) return result.failure;
    // A password set by an administrator is changed first.
    if (result.value.mustChangePassword) redirect(303, '/account/password');
    redirect(303, safeNext(event.url.searchParams.get('next')));
  },
};
