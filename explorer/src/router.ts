/** Hash routes, so every page has a URL to share: #/, #/entity/<slug>, #/console. */
export type Route = { page: 'home' } | { page: 'entity'; slug: string } | { page: 'console' };

export function entityHref(slug: string): string {
  return `#/entity/${encodeURIComponent(slug)}`;
}

export function currentRoute(): Route {
  const [, page, slug] = location.hash.replace(/^#/, '').split('/');
  if (page === 'entity' && slug) return { page: 'entity', slug: decodeURIComponent(slug) };
  if (page === 'console') return { page: 'console' };
  return { page: 'home' };
}

export function onRouteChange(listener: (route: Route) => void): void {
  window.addEventListener('hashchange', () => listener(currentRoute()));
  listener(currentRoute());
}
