import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { callerFor } from '$lib/server/context';
import { attempt, formOf, postedForm, refused } from '$lib/server/forms';
import { PasswordForm } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  if (!event.locals.user) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  return { forced: event.locals.user.mustChangePassword === true, form: await formOf(event, PasswordForm) };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await postedForm(event, PasswordForm);
    const posted = form.data;
    // Passwords never go back to the page.
    form.data = { currentPassword: '', newPassword: '', confirmPassword: '' };
    if (!form.valid) return refused(form);
    const caller = await callerFor(event);
    const result = await attempt(event, form, () =>
      caller.auth.changePassword({ currentPassword: posted.currentPassword, newPassword: posted.newPassword }),
    );
    if (!result.ok) return result.failure;
    if (event.locals.user?.mustChangePassword) redirect(303, '/');
    return { form, changed: true };
  },
};
