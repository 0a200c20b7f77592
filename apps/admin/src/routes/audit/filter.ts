import { AuditFilter } from '$lib/server/routers/audit';

/** The filter in the page's address (so a view can be bookmarked); fields that do not parse are dropped and named. */
export function filterOf(url: URL): { filter: AuditFilter; dropped: string[] } {
  const filter: Record<string, string> = {};
  const dropped: string[] = [];
  for (const [field, schema] of Object.entries(AuditFilter.shape)) {
    const value = url.searchParams.get(field)?.trim();
    if (!value) continue;
    if (schema.safeParse(value).success) filter[field] = value;
    else dropped.push(field);
  }
  return { filter: filter as AuditFilter, dropped };
}

/** The filter as query parameters, for links (next page, exports). */
export const queryOf = (filter: AuditFilter) =>
  new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string')).toString();
