import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { actionOr, callerFor } from '$lib/server/context';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
  return { forced: locals.user.mustChangePassword === true };
};

export const actions: Actions = {
  default: async (event) => {
    const form = await event.request.formData();
    const currentPassword = String(form.get('currentPassword') ?? '');
    const newPassword = String(form.get('newPassword') ?? '');
    if (newPassword !== String(form.get('confirmPassword') ?? ''))
      return fail(400, { mismatch: true, error: { messages: null, problems: null, issues: null, text: '' } });
    const caller = await callerFor(event);
    const result = await actionOr(event, () => caller.auth.changePassword({ currentPassword, newPassword }));
    if (!result.ok) return result.failure;
    if (event.locals.user?.mustChangePassword) redirect(303, '/');
    return { changed: true };
  },
};
