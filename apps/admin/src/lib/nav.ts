/**
 * The menu link of the page being shown: the longest link whose path is the page's path or one of
 * its parents, whole segments only (/penyelenggaraan/undangan is not also /penyelenggaraan, and
 * /plans is not /plan). `/` is current on the home page only.
 */
export function currentLink(pathname: string, hrefs: readonly string[]): string | null {
  const within = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  return hrefs.filter(within).reduce<string | null>((best, href) => (best === null || href.length > best.length ? href : best), null);
}
