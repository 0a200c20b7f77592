import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { pageParam } from '$lib/server/urls';
import { TEAM_PAGE } from '$lib/server/routers/team';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const q = event.url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const page = pageParam(event.url);
  const team = await loadOr(event, () => caller.team.list({ ...(q ? { q } : {}), offset: (page - 1) * TEAM_PAGE }));
  return { team, q: q ?? '', page, pageSize: TEAM_PAGE };
};
