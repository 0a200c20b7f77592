import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { TEAM_PAGE } from '$lib/server/routers/team';

export const load: PageServerLoad = async (event) => {
  const caller = await callerFor(event);
  const q = event.url.searchParams.get('q')?.trim().slice(0, 100) || undefined;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(event.url.searchParams.get('page') ?? '1', 10) || 1));
  const team = await loadOr(event, () => caller.team.list({ ...(q ? { q } : {}), offset: (page - 1) * TEAM_PAGE }));
  return { team, q: q ?? '', page, pageSize: TEAM_PAGE };
};
