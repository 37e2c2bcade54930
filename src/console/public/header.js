/** The header: shop name, who is logged in, the last sync, the navigation and logout. */
import { api } from './api.js';
import { h, replace } from './dom.js';
import { shanghaiTime } from './format.js';
import { labelsLoaded, roleLabel } from './labels.js';
import { hashWith, parseHash } from './router.js';
import { navFor } from './routes.js';

let health = null;

/** Re-reads the shop name and last sync time; called on every navigation, so it stays current. */
export async function refreshHealth() {
  try {
    health = await api.health();
  } catch {
    // The header still renders without it; the page itself will show why the service is unreachable.
  }
  return health;
}

/**
 * Renders into `el`. With no session only the shop name shows.
 * @param {{session: object|null, path: string, onLogout: () => void}} opts
 */
export function renderHeader(el, { session, path, onLogout }) {
  const shop = health?.shop ?? '';
  const brand = h(
    'div',
    { class: 'brand' },
    h('span', { class: 'brand-mark' }, '小二'),
    shop ? h('span', { class: 'shop-name', dataset: { testid: 'shop-name' } }, shop) : null,
  );
  if (!session) return replace(el, h('div', { class: 'header-row' }, brand));

  const { user } = session;
  const who = h(
    'div',
    { class: 'who' },
    h('span', { class: 'user-name', dataset: { testid: 'user-name' } }, user.displayName),
    labelsLoaded() ? h('span', { class: 'role', dataset: { role: user.role } }, roleLabel(user.role)) : null,
    h('button', { type: 'button', class: 'link-button', onclick: onLogout, dataset: { testid: 'logout' } }, '退出'),
  );
  const sync = h(
    'p',
    { class: 'last-sync', dataset: { testid: 'last-sync' } },
    health?.lastSync ? `上次同步 ${shanghaiTime(health.lastSync)}` : '尚未同步',
    // The service says when the platform's push channel has been down over a minute: orders may lag until a poll.
    health?.tmc?.notice
      ? h('span', { class: 'channel-down', dataset: { testid: 'channel-down' } }, health.tmc.notice)
      : null,
  );
  const nav = h(
    'nav',
    { class: 'main-nav', 'aria-label': '主导航' },
    h(
      'ul',
      {},
      navFor(session).map((entry) =>
        h(
          'li',
          {},
          h(
            'a',
            {
              href: entry.href,
              'aria-current': path === entry.section || path.startsWith(`${entry.section}/`) ? 'page' : false,
            },
            entry.label,
          ),
        ),
      ),
    ),
  );
  // The header draws again when the labels arrive: someone already typing in the box keeps what they typed.
  const typing = document.activeElement?.id === 'header-search' ? document.activeElement.value : null;
  replace(
    el,
    h('div', { class: 'header-row' }, brand, who),
    h('div', { class: 'header-row' }, nav, sync),
    searchBox(path, typing),
  );
  if (typing !== null) el.querySelector('#header-search')?.focus();
  // On a phone the navigation is one row that swipes: the page one is on is scrolled into it, not left off the edge.
  const current = el.querySelector('.main-nav [aria-current="page"]');
  const row = current?.closest('ul');
  if (current && row && row.scrollWidth > row.clientWidth) {
    const at = current.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    row.scrollLeft += at.left - box.left - (box.width - at.width) / 2;
  }
  return el;
}

/** Find anyone fast: one box on every page, answered by the search page (#/search?q=). */
function searchBox(path, typing) {
  const input = h('input', {
    type: 'search',
    id: 'header-search',
    name: 'q',
    autocomplete: 'off',
    enterkeyhint: 'search',
    maxlength: '64',
    placeholder: '昵称、订单号、运单号、收货人或手机尾号',
    'aria-label': '找买家',
    value: typing ?? (path === '/search' ? (parseHash(location.hash).query.get('q') ?? '') : ''),
    dataset: { testid: 'header-search' },
  });
  const onsubmit = (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) location.hash = hashWith('/search', { q });
  };
  return h(
    'form',
    { class: 'header-row header-search', role: 'search', onsubmit },
    input,
    h('button', { type: 'submit', class: 'secondary' }, '搜索'),
  );
}
