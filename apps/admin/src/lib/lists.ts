/**
 * The page's URL with some query parameters changed (the other lists' search and page stay):
 * an empty or undefined value removes the parameter, and so does a first page (`…page=1`).
 */
export function hrefWith(url: URL, changes: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(url.search);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === '' || (value === 1 && key.endsWith('page'))) query.delete(key);
    else query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${url.pathname}?${search}` : url.pathname;
}
