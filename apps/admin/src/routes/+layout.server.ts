import { DEFAULT_TIME_ZONE } from '@bangkom/domain';
import type { LayoutServerLoad } from './$types';
import { callerFor } from '$lib/server/context';

export const load: LayoutServerLoad = async (event) => {
  const { user, locale } = event.locals;
  const caller = user ? await callerFor(event) : null;
  const [me, unread] = caller ? await Promise.all([caller.auth.me(), caller.notifications.unread()]) : [null, 0];
  return {
    locale,
    // Timestamps are shown in the agency's zone, with its name (WIB/WITA/WIT).
    timeZone: me?.timeZone ?? DEFAULT_TIME_ZONE,
    unread,
    user: me
      ? {
          username: me.username,
          role: me.role,
          employeeId: me.employeeId,
          unitId: me.unitId,
          name: me.employee?.name ?? me.username,
          // The header names the account as every person is shown: name and NIP, or the username of an account.
          person: { username: me.username, name: me.employee?.name ?? null, nip: me.employee?.id ?? null },
        }
      : null,
  };
};
