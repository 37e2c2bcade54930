/**
 * A hash router: '#/orders/123?page=2' → { route, params: {tid: '123'}, query }. Hash routes need no
 * server support, so the static console works behind any path the service is mounted on.
 */

/** Splits location.hash into its path and query. */
export function parseHash(hash) {
  const raw = hash.replace(/^#/, '') || '/';
  const [path, search = ''] = raw.split('?', 2);
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

function matchPattern(pattern, path) {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return null;
      }
    } else if (want[i] !== got[i]) return null;
  }
  return params;
}

/** The first route whose pattern matches, with its params; null when none does. */
export function resolve(routes, hash) {
  const { path, query } = parseHash(hash);
  for (const route of routes) {
    const params = matchPattern(route.pattern, path);
    if (params) return { route, params, query, path };
  }
  return { route: null, params: {}, query, path };
}

/** '#/orders' + {q: 'x', page: 2} → '#/orders?q=x&page=2', leaving out empty values. */
export function hashWith(path, query = {}) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  }
  const s = search.toString();
  return `#${path}${s ? `?${s}` : ''}`;
}
