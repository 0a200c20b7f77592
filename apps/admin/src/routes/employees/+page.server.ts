import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { callerFor, loadOr } from '$lib/server/context';
import { employeeSorts } from '$lib/schemas';

/** Rows per page of the search. */
const PAGE = 50;

/**
 * Finding a person: by name or NIP (part of either), within what the user may see. A whole NIP
 * that matches one person opens their page at once (the header's search box: type, Enter, there).
 */
export const load: PageServerLoad = async (event) => {
  const q = event.url.searchParams.get('q')?.trim().slice(0, 100) ?? '';
  const after = event.url.searchParams.get('after')?.slice(0, 40) || undefined;
  // The order (name, NIP, unit), in the URL like the search; the page's cursor is read in it.
  const sort = employeeSorts.find((s) => s === event.url.searchParams.get('sort')) ?? 'name';
  const caller = await callerFor(event);
  const [found, units] = await Promise.all([
    loadOr(event, () => caller.admin.employeePage({ ...(q ? { q } : {}), sort, ...(after ? { after } : {}), limit: PAGE })),
    loadOr(event, () => caller.admin.units()),
  ]);
  const nip = q.replace(/\s/g, '');
  if (!after && /^\d{18}$/.test(nip) && found.rows.length === 1 && found.rows[0]!.id === nip) redirect(303, `/employees/${nip}`);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    q,
    sort,
    sorts: employeeSorts,
    after: after ?? null,
    total: found.total,
    next: found.next,
    rows: found.rows.map((r) => ({ ...r, unit: unitName.get(r.unitId) ?? r.unitId })),
  };
};
