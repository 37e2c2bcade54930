/**
 * The console's entry point: routes the hash to a page, guards pages behind login, keeps the header
 * current and handles keyboard shortcuts. Pages live in pages/ and are listed in routes.js.
 *
 * A page module exports `render(ctx)` and may return a cleanup function. ctx:
 *   view      – the element to render into (detached if the user navigates away mid-load)
 *   params    – route params, e.g. {tid}
 *   query     – URLSearchParams of the hash
 *   session   – {user:{username, displayName, role}} or null on public pages (the token stays in
 *               its HttpOnly cookie; see session.js)
 *   navigate  – (hash) => void
 *   backHref  – (path) => the last hash shown under that path (keeps a list's search and page)
 *   onLogin   – (session) => void, for the login page
 */
import { api, setUnauthenticatedHandler, whoAmI } from './api.js';
import { h, replace } from './dom.js';
import { refreshHealth, renderHeader } from './header.js';
import { loadLabels } from './labels.js';
import { hashWith, resolve } from './router.js';
import { startLive, stopLive } from './live.js';
import { HOME, ROUTES } from './routes.js';
import { clearSession, currentSession, saveSession } from './session.js';
import { errorBox } from './widgets.js';

const headerEl = document.getElementById('app-header');
const mainEl = document.getElementById('main');
const lastHashByPath = new Map();
let cleanup = null;
let shownPattern = null;
let renderCount = 0;

const navigate = (hash) => {
  if (location.hash === hash) void show();
  else location.hash = hash;
};

function loginRedirect(reason) {
  const here = location.hash && !location.hash.startsWith('#/login') ? location.hash : '';
  navigate(hashWith('/login', { next: here, reason }));
}

setUnauthenticatedHandler(() => {
  stopLive();
  loginRedirect('expired');
});

async function logout() {
  try {
    await api.logout();
  } catch {
    // The user is forgotten locally either way; an expired session needs no server-side logout.
  }
  clearSession();
  stopLive();
  navigate(hashWith('/login', { reason: 'bye' }));
}

async function show() {
  const count = ++renderCount;
  const { route, params, query, path } = resolve(ROUTES, location.hash);
  const session = currentSession();
  if (path === '/') return navigate(`#${HOME}`);
  if (route && !route.public && !session) return loginRedirect();
  if (route?.pattern === '/login' && session) return navigate(`#${HOME}`);
  // One stream for every page, from the first page shown after login (a dropped one reopens by itself).
  if (session) startLive();

  // Keep focus where it was when a page re-renders itself (a search), move it to the new page otherwise.
  const samePage = route?.pattern === shownPattern;
  const focusedId = samePage ? document.activeElement?.id : null;
  cleanup?.();
  cleanup = null;
  shownPattern = route?.pattern ?? null;
  lastHashByPath.set(path, location.hash);

  const drawHeader = () => renderHeader(headerEl, { session: currentSession(), path, onLogout: logout });
  drawHeader();
  // The role's name comes with the labels (GET /api/labels, logged in only): the header draws again once they are in.
  const named = session ? loadLabels().catch(() => null) : null;
  void Promise.all([refreshHealth(), named]).then(() => count === renderCount && drawHeader());

  const view = h('div', { class: 'view' });
  replace(mainEl, view);
  document.title = `${route?.title ?? '页面不存在'} · 小二`;
  if (!route) {
    replace(view, h('h1', { tabindex: '-1' }, '页面不存在'), h('p', {}, h('a', { href: `#${HOME}` }, '返回订单列表')));
    view.querySelector('h1').focus();
    return;
  }
  try {
    const page = await route.load();
    if (count !== renderCount) return;
    const result = await page.render({
      view,
      params,
      query,
      session,
      navigate,
      backHref: (p) => lastHashByPath.get(p) ?? `#${p}`,
      onLogin: (s) => {
        saveSession(s);
        const next = query.get('next');
        navigate(next && next.startsWith('#/') && !next.startsWith('#/login') ? next : `#${HOME}`);
      },
    });
    if (count !== renderCount) return typeof result === 'function' ? result() : undefined;
    cleanup = typeof result === 'function' ? result : null;
  } catch (err) {
    if (count === renderCount)
      replace(
        view,
        errorBox(err, () => void show()),
      );
  }
  if (count !== renderCount) return;
  const keep = focusedId ? document.getElementById(focusedId) : null;
  if (keep) keep.focus();
  else if (!view.contains(document.activeElement)) view.querySelector('[autofocus], h1')?.focus();
}

/**
 * '/' jumps to the quick-reply search, as in the platform's workbench, unless the user is typing:
 * the page's own quick-reply panel (订单详情, 快捷短语), else the page's search box, else 快捷短语.
 */
document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
  const t = event.target;
  if (t instanceof HTMLElement && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  if (!currentSession()) return;
  event.preventDefault();
  const search =
    mainEl.querySelector('[data-shortcut="quick-reply"]') ?? mainEl.querySelector('[data-shortcut="search"]');
  if (search) {
    search.focus();
    search.select?.();
  } else navigate('#/replies');
});

// The skip link must not touch the hash: that is the router's.
document.getElementById('skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  mainEl.focus();
});

// A reload keeps the login: the cookie is still there, and the service says whose it is.
const ready = whoAmI()
  .then((me) => me && saveSession(me))
  .catch(() => {
    // Unreachable service: the login page (or the page's own error) says so.
  });
window.addEventListener('hashchange', () => void ready.then(show));
void ready.then(show);
