/** The page an address without a route shows (src/app.config.ts's first; tests/unit/firstReads checks). */
export const FIRST_PAGE = 'pages/index/index';

export type RouteParams = Record<string, string | undefined>;

/**
 * H5 (hash router): `#/pages/guide/index?id=x` → the route and its query as Taro's router hands
 * them to the page (values not decoded: pages decode what they need).
 */
export function routeOfHash(hash: string): { route: string; params: RouteParams } {
  const [route, query = ''] = hash.replace(/^#\/?/, '').split('?');
  const params: RouteParams = {};
  for (const pair of query.split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    params[at < 0 ? pair : pair.slice(0, at)] = at < 0 ? '' : pair.slice(at + 1);
  }
  return { route: route || FIRST_PAGE, params };
}
