import type { Actions, PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { formOf, submitted } from '$lib/server/forms';
import { NotificationEmail } from '$lib/schemas';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const before = Number.parseInt(event.url.searchParams.get('before') ?? '', 10);
  const [list, mail] = await Promise.all([
    loadOr(event, () => caller.notifications.list(before > 0 ? { before } : {})),
    loadOr(event, () => caller.notifications.mail()),
  ]);
  return { list, mail, emailForm: await formOf(event, NotificationEmail, { email: mail.email ?? '' }) };
};

export const actions: Actions = {
  read: async (event) => {
    await (await callerFor(event)).notifications.markRead({});
    return { read: true };
  },
  email: async (event) => {
    const caller = await callerFor(event);
    const result = await submitted(event, NotificationEmail, (input) => caller.notifications.setEmail(input));
    return result.ok ? { form: result.form, emailSet: true } : result.failure;
  },
};
